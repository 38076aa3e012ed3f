// JD's own vocabularies as data: order states and refund-application statuses -> unified states, and the
// JOS gateway error-code table the request core classifies failures with (channels.md §2.4, §2.5, §2.9).
import type { ErrorKind } from '../../http';
import type { ErrorCodeTable } from '../core';
import type { OrderStatus, RefundState } from '../../model';

export const CHANNEL = 'jd' as const;
export const JD_CURRENCY = 'CNY';

/** JD writes an unset time as one of these instead of leaving it out [I]. */
export const JD_EMPTY_TIMES: readonly string[] = ['0000-00-00 00:00:00', '1970-01-01 08:00:00'];

/** `orderState` -> unified order status. A state missing here is reported, never guessed. */
export const ORDER_STATE_MAP: Readonly<Record<string, OrderStatus>> = {
	// 等待出库: paid, the seller has to ship.
	WAIT_SELLER_STOCK_OUT: 'paid',
	// Cross-border only: waiting for the domestic leg.
	WAIT_SELLER_DELIVERY: 'paid',
	// Virtual goods: paid, waiting for the seller to send the code.
	WAIT_SEND_CODE: 'paid',
	WAIT_GOODS_RECEIVE_CONFIRM: 'shipped',
	FINISHED_L: 'completed',
	TRADE_CANCELED: 'cancelled',
	// Locked or paused by JD (risk checks, disputes): the seller must not ship yet.
	LOCKED: 'on_hold',
	PAUSE: 'on_hold',
	POP_ORDER_PAUSE: 'on_hold',
	// [I] LBP/SOPL-only states: the parcel went to or reached JD's distribution centre; payment confirmed.
	SEND_TO_DISTRIBUTION_CENER: 'shipped',
	DISTRIBUTION_CENTER_RECEIVED: 'shipped',
	RECEIPTS_CONFIRM: 'completed',
};

/**
 * `order_state` is required by order.search, so a pull names every state it wants. JD does not list
 * unpaid online-payment orders to the seller [I], so there is no pending-payment state to ask for.
 */
export const LIST_ORDER_STATES: readonly string[] = [
	'WAIT_SELLER_STOCK_OUT',
	'WAIT_SELLER_DELIVERY',
	'WAIT_SEND_CODE',
	'WAIT_GOODS_RECEIVE_CONFIRM',
	'FINISHED_L',
	'TRADE_CANCELED',
	'LOCKED',
	'PAUSE',
	'POP_ORDER_PAUSE',
];

/**
 * [I] Refund application (`jingdong.pop.afs.soa.refundapply.*`) `status` -> unified refund state. The
 * numbers and their Chinese meanings come from SDK doc comments (0 未审核 ... 11 用户撤销); which of them
 * means the money went back is our reading: 3 (finance approved) and 9 (force-closed and refunded).
 */
export const REFUND_APPLY_STATUS_MAP: Readonly<Record<string, RefundState>> = {
	'0': 'requested',
	'1': 'refunding',
	'2': 'rejected',
	'3': 'refunded',
	'4': 'rejected',
	'5': 'refunding',
	'6': 'refunding',
	'7': 'refunding',
	'8': 'rejected',
	'9': 'refunded',
	'10': 'refunding',
	'11': 'none',
};

/** Chinese labels of the refund application statuses, for output items. */
export const REFUND_APPLY_STATUS_LABELS: Readonly<Record<string, string>> = {
	'0': '未审核',
	'1': '审核通过',
	'2': '审核不通过',
	'3': '京东财务审核通过',
	'4': '京东财务审核不通过',
	'5': '人工审核通过',
	'6': '拦截并退款',
	'7': '青龙拦截成功',
	'8': '青龙拦截失败',
	'9': '强制关单并退款',
	'10': '物流待跟进',
	'11': '用户撤销',
};

/** Refund application amounts (`applyRefundSum`) are in fen, unlike order amounts [C-3p]. */
export const REFUND_APPLY_AMOUNT_UNIT = 'minor' as const;

/**
 * JOS gateway `error_response.code` -> error kind (channels.md §2.9). 19 (invalid or expired
 * access_token) is [I]: a JD SDK comment shows it, the published table does not list it.
 */
export const JD_ERROR_CODES: Readonly<Record<string, ErrorKind>> = {
	'2': 'throttled',
	'4': 'invalid',
	'5': 'invalid',
	'7': 'invalid',
	'8': 'invalid',
	'11': 'invalid',
	'12': 'invalid',
	'14': 'invalid',
	'15': 'invalid',
	'19': 'auth',
};

/** The access-token code, named so the emulator and the messages agree on it [I]. */
export const JD_INVALID_TOKEN_CODE = '19';
/** The quota code ("App Call Limited"). */
export const JD_THROTTLED_CODE = '2';

/** What the operator should do, per kind, in JD's words. */
export const JD_ERROR_HINTS: Readonly<Partial<Record<ErrorKind, string>>> = {
	auth:
		'the access token was rejected or has expired; re-authorize the shop on the JD open platform (or set a ' +
		'Refresh Token so it is renewed) and update the Access Token in the JD credential',
	throttled: 'JD is limiting calls for this app (App Call Limited); calls back off and retry, pull less often or ask JD for a higher quota',
	invalid: 'JD rejected the request parameters; check the node fields, the App Secret and the machine clock (6-minute window)',
	permanent: 'JD refused the call; check that the app has the permission for this API and that the order belongs to this shop',
};

/** Sub-code prefix of a refusal inside an answered `_responce` (code other than "0", or success false). */
export const JD_BUSINESS_SUB_CODE = 'biz.';

/**
 * Gateway codes by the table; a business refusal (order not found, not this shop's order, bad carrier)
 * cannot succeed by retrying, so it is an invalid request whatever its number.
 */
export const JD_ERROR_TABLE: ErrorCodeTable = {
	codes: JD_ERROR_CODES,
	subCodePrefixes: [[JD_BUSINESS_SUB_CODE, 'invalid']],
	hints: JD_ERROR_HINTS,
};
