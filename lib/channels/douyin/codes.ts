// Douyin Shop's own vocabularies as data: order and after-sale statuses -> unified states, the units of its
// time fields, carrier company codes, and the error-code table the request core classifies with (channels.md §5).
import type { ErrorKind } from '../../http';
import type { ChannelTimeKind, OrderStatus, RefundState } from '../../model';
import type { ErrorCodeTable } from '../core';

export const CHANNEL = 'douyin' as const;

/** `order_status` -> unified status (channels.md §5.4, [C] enum). */
export const ORDER_STATUS_MAP: Readonly<Record<string, OrderStatus>> = {
	'1': 'pending_payment',
	'105': 'paid',
	'2': 'paid',
	'101': 'partially_shipped',
	'3': 'shipped',
	'4': 'cancelled',
	'5': 'completed',
};

/** Statuses the order list accepts in combine_status[].order_status. */
export const ORDER_QUERY_STATUSES = [1, 105, 2, 101, 3, 4, 5] as const;

/**
 * `standard_aftersale_status` -> refund state (channels.md §5.5, [C] enum). The line's
 * `after_sale_info.after_sale_status` is read with the same table [I]; 0 or absent means no after-sale.
 */
export const AFTERSALE_STATUS_MAP: Readonly<Record<string, RefundState>> = {
	'0': 'none',
	'6': 'requested',
	'7': 'refunding',
	'8': 'refunding',
	'11': 'refunding',
	'12': 'refunded',
	'13': 'refunding',
	'14': 'none',
	'27': 'rejected',
	'28': 'none',
	'29': 'rejected',
};

/** `aftersale_type` names (channels.md §5.5). */
export const AFTERSALE_TYPES: Readonly<Record<string, string>> = {
	'0': 'return_and_refund',
	'1': 'refund_after_shipping',
	'2': 'refund_before_shipping',
	'3': 'exchange',
	'6': 'price_protection',
	'7': 'resend',
	'8': 'repair',
};

/** Every Douyin time field the pack reads is Unix seconds (channels.md §5.4); one table to correct. */
export const DOUYIN_TIME_UNITS = {
	order: { create_time: 'epoch_seconds', update_time: 'epoch_seconds', pay_time: 'epoch_seconds', finish_time: 'epoch_seconds', ship_time: 'epoch_seconds' },
	orderListQuery: 'epoch_seconds',
	afterSaleQuery: 'epoch_seconds',
	requestTimestamp: 'epoch_seconds',
} as const satisfies {
	order: Record<string, ChannelTimeKind>;
	orderListQuery: ChannelTimeKind;
	afterSaleQuery: ChannelTimeKind;
	requestTimestamp: ChannelTimeKind;
};

/** [I] `presell_type` values of an order that is not presale (the spec names the field, not its values). */
export const NOT_PRESALE_PRESELL_TYPES = ['0'] as const;

/**
 * Douyin error codes. Only 10000 (success) is [C]; the platform's code table is a known gap (channels.md
 * §5.9, §12), so every value below is [I] and corrected here only.
 */
export const DOUYIN_ERROR_CODE = {
	success: 10000,
	// [I] all below.
	serviceUnavailable: 20000,
	accessTokenInvalid: 30001,
	accessTokenExpired: 30002,
	missingParam: 40001,
	invalidParam: 40002,
	permissionDenied: 40004,
	signInvalid: 40005,
	timestampInvalid: 40006,
	appKeyInvalid: 40007,
	refreshTokenInvalid: 40008,
	windowTooLong: 40009,
	businessFailed: 50002,
	notFound: 50004,
	throttled: 90000,
} as const;

/** [I] sub codes that say more than their code (a sub code wins over its code). */
export const DOUYIN_SUB_CODE = {
	accessTokenExpired: 'isv.access-token-expired',
	accessTokenInvalid: 'isv.access-token-no-existed',
	permissionDenied: 'isv.permission-denied',
	frequencyLimit: 'isp.frequency-limit',
	serviceError: 'isp.service-error',
} as const;

/** Codes after which a fresh access token (token.refresh) may make the same call work. */
export const STALE_TOKEN_CODES = [DOUYIN_ERROR_CODE.accessTokenExpired, DOUYIN_ERROR_CODE.accessTokenInvalid] as const;
export const STALE_TOKEN_SUB_CODES = [DOUYIN_SUB_CODE.accessTokenExpired, DOUYIN_SUB_CODE.accessTokenInvalid] as const;

/** What a Douyin error means to the operator; `permission` is a permanent error with its own wording. */
export type DouyinErrorClass = 'throttle' | 'token_expired' | 'permission' | 'invalid' | 'transient' | 'unknown';

const C = DOUYIN_ERROR_CODE;
const S = DOUYIN_SUB_CODE;
export const DOUYIN_ERROR_CLASSES: Readonly<Record<string, DouyinErrorClass>> = {
	[C.serviceUnavailable]: 'transient',
	[C.accessTokenInvalid]: 'token_expired',
	[C.accessTokenExpired]: 'token_expired',
	[C.missingParam]: 'invalid',
	[C.invalidParam]: 'invalid',
	[C.permissionDenied]: 'permission',
	[C.signInvalid]: 'token_expired',
	[C.timestampInvalid]: 'invalid',
	[C.appKeyInvalid]: 'token_expired',
	[C.refreshTokenInvalid]: 'token_expired',
	[C.windowTooLong]: 'invalid',
	[C.throttled]: 'throttle',
};
export const DOUYIN_SUB_CODE_CLASSES: Readonly<Record<string, DouyinErrorClass>> = {
	[S.accessTokenExpired]: 'token_expired',
	[S.accessTokenInvalid]: 'token_expired',
	[S.permissionDenied]: 'permission',
	[S.frequencyLimit]: 'throttle',
	[S.serviceError]: 'transient',
};

const KIND_OF_CLASS: Record<DouyinErrorClass, ErrorKind> = {
	throttle: 'throttled',
	token_expired: 'auth',
	permission: 'permanent',
	invalid: 'invalid',
	transient: 'transient',
	unknown: 'permanent',
};

/** The class of a code (sub code first); anything not listed is 'unknown' and never retried. */
export function douyinErrorClass(code: unknown, subCode?: string): DouyinErrorClass {
	if (subCode && DOUYIN_SUB_CODE_CLASSES[subCode]) return DOUYIN_SUB_CODE_CLASSES[subCode];
	return DOUYIN_ERROR_CLASSES[String(code)] ?? 'unknown';
}

const kinds = (classes: Readonly<Record<string, DouyinErrorClass>>) =>
	Object.fromEntries(Object.entries(classes).map(([code, cls]) => [code, KIND_OF_CLASS[cls]])) as Record<string, ErrorKind>;

export const DOUYIN_ERROR_HINTS: Readonly<Partial<Record<ErrorKind, string>>> = {
	auth:
		'Douyin rejected the App Key, App Secret or access token: access tokens expire; the node refreshes them with the ' +
		'Refresh Token (valid 14 days), otherwise re-authorize the shop in the 抖店 service market and update the credential',
	throttled: 'Douyin is limiting calls for this app or method; calls back off and retry; poll less often',
	invalid: 'Douyin rejected the parameters; check the node fields (ids, time range, page size at most 100)',
	permanent:
		'Douyin refused the call; if it says 权限不足 / no permission, grant the app this API (权限包) for the shop in the 抖店 open platform console',
};

export const DOUYIN_ERROR_TABLE: ErrorCodeTable = {
	codes: kinds(DOUYIN_ERROR_CLASSES),
	subCodes: kinds(DOUYIN_SUB_CODE_CLASSES),
	hints: DOUYIN_ERROR_HINTS,
};
