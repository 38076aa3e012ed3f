// Xiaohongshu Ark's own vocabularies as data: order, after-sales and return statuses -> unified states,
// the units of its time fields, and the error_code table the request core classifies with (channels.md §4).
import type { ErrorKind } from '../../http';
import type { ChannelTimeKind, OrderStatus, RefundState } from '../../model';
import type { ErrorCodeTable } from '../core';

export const CHANNEL = 'xiaohongshu' as const;

/** `orderStatus` -> unified status (channels.md §4.4, [C] enum; the mapping of 2, 3 and 10 is ours [I]). */
export const ORDER_STATUS_MAP: Readonly<Record<string, OrderStatus>> = {
	'1': 'pending_payment',
	// [I] 已支付处理中: paid, the platform still checks it; it cannot ship yet.
	'2': 'paid',
	// [I] 清关中: cross-border order waiting for customs; not shippable.
	'3': 'on_hold',
	'4': 'paid',
	'5': 'partially_shipped',
	'6': 'shipped',
	'7': 'completed',
	'8': 'cancelled',
	'9': 'cancelled',
	// [I] 换货申请中: an exchange asked for after receipt; the goods were delivered.
	'10': 'delivered',
};

/** Statuses the order list accepts as a filter (0 = all). */
export const ORDER_QUERY_STATUSES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** `orderAfterSalesStatus` (also read per SKU line when sent) -> refund state. */
export const AFTER_SALES_STATUS_MAP: Readonly<Record<string, RefundState>> = {
	'1': 'none',
	'2': 'refunding',
	'3': 'refunded',
	'4': 'rejected',
	'5': 'none',
	'6': 'refunding',
};

/** After-sale (returns) `status` -> refund state (channels.md §4.5). */
export const RETURN_STATUS_MAP: Readonly<Record<string, RefundState>> = {
	'1': 'requested',
	'2': 'refunding',
	'3': 'refunding',
	'4': 'refunded',
	'5': 'none',
	'6': 'none',
	'9': 'rejected',
	'9001': 'rejected',
	'11': 'refunding',
	'12': 'refunding',
	'13': 'refunding',
	'14': 'refunding',
};

/** `returnType` names (channels.md §4.5). */
export const RETURN_TYPES: Readonly<Record<string, string>> = {
	'1': 'return_and_refund',
	'2': 'exchange',
	'3': 'refund_only_old',
	'4': 'refund_only',
	'5': 'refund_before_shipping',
};

/** `orderType` values that are presale (2 定金预售, 3 全款预售). */
export const PRESALE_ORDER_TYPES = ['2', '3'] as const;

/**
 * The unit of every time field the pack reads, field by field: XHS answers in ms while its list queries take
 * seconds [C-3p]. One table so a wrong unit is corrected in one place.
 */
export const XHS_TIME_UNITS = {
	order: {
		createdTime: 'epoch_millis',
		paidTime: 'epoch_millis',
		updateTime: 'epoch_millis',
		deliveryTime: 'epoch_millis',
		cancelTime: 'epoch_millis',
		finishTime: 'epoch_millis',
		promiseLastDeliveryTime: 'epoch_millis',
	},
	/** order.getOrderList startTime/endTime. */
	orderListQuery: 'epoch_seconds',
	/** afterSale.listAfterSaleInfos startTime/endTime and the after-sale times it returns. */
	afterSaleQuery: 'epoch_millis',
	/** The gateway's `timestamp` system parameter. */
	requestTimestamp: 'epoch_seconds',
} as const satisfies {
	order: Record<string, ChannelTimeKind>;
	orderListQuery: ChannelTimeKind;
	afterSaleQuery: ChannelTimeKind;
	requestTimestamp: ChannelTimeKind;
};

/**
 * XHS error codes. -9013 (throttle) is [C]; -2000400 is [C-3p]; every other value here is [I]: the public
 * sources name no code for an expired token, a bad sign or a too-long window. Correct them here only.
 */
export const XHS_ERROR_CODE = {
	throttled: -9013,
	invalidParams: -2000400,
	// [I] the codes below.
	systemBusy: -1,
	accessTokenExpired: -1001,
	accessTokenInvalid: -1002,
	signInvalid: -1003,
	appIdInvalid: -1004,
	timestampInvalid: -1005,
	refreshTokenInvalid: -1006,
	windowTooLong: -2000401,
	notFound: -2000404,
} as const;

/** Codes after which a fresh access token (from the refresh token) may make the same call work. */
export const STALE_TOKEN_CODES = [XHS_ERROR_CODE.accessTokenExpired, XHS_ERROR_CODE.accessTokenInvalid] as const;

const C = XHS_ERROR_CODE;
export const XHS_ERROR_CODES: Readonly<Record<string, ErrorKind>> = {
	[C.throttled]: 'throttled',
	[C.invalidParams]: 'invalid',
	[C.windowTooLong]: 'invalid',
	[C.systemBusy]: 'transient',
	[C.accessTokenExpired]: 'auth',
	[C.accessTokenInvalid]: 'auth',
	[C.signInvalid]: 'auth',
	[C.appIdInvalid]: 'auth',
	[C.timestampInvalid]: 'invalid',
	[C.refreshTokenInvalid]: 'auth',
};

export const XHS_ERROR_HINTS: Readonly<Partial<Record<ErrorKind, string>>> = {
	auth:
		'Xiaohongshu rejected the App ID, App Secret or access token: the seller access token expires; refresh it with the ' +
		'Refresh Token (operation "Refresh Access Token") or re-authorize the shop in the Ark console, then update the credential',
	throttled: 'Xiaohongshu is limiting calls for this app or method (error -9013); calls back off and retry; poll no more than every 5 minutes',
	invalid: 'Xiaohongshu rejected the parameters; check the node fields (time windows: 24 h by creation, 30 min by update)',
	permanent: 'Xiaohongshu refused the call; check that the app has this API enabled for the shop in the Ark console',
};

export const XHS_ERROR_TABLE: ErrorCodeTable = { codes: XHS_ERROR_CODES, hints: XHS_ERROR_HINTS };
