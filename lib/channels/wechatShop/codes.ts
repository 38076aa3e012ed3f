// WeChat shop's own vocabularies as data: order and after-sale statuses -> unified states, push event
// names, and the errcode table the request core classifies failures with (channels.md §3.1-3.3, §3.6).
import type { ErrorKind } from '../../http';
import type { ErrorCodeTable } from '../core';
import type { OrderStatus, RefundState } from '../../model';

export const CHANNEL = 'wechat_shop' as const;

/** Order `status` -> unified status. 12 and 13 are listed by third parties only [I]. */
export const ORDER_STATUS_MAP: Readonly<Record<string, OrderStatus>> = {
	'10': 'pending_payment',
	// [I] 礼物待收下: paid by the giver, the receiver has not accepted yet, so it cannot ship.
	'12': 'on_hold',
	// [I] 凑单中: a group-buy still waiting for members.
	'13': 'pending_payment',
	'20': 'paid',
	'21': 'partially_shipped',
	'30': 'shipped',
	'100': 'completed',
	// 190 cancelled before payment, 200 cancelled after every line was refunded, 250 cancelled.
	'190': 'cancelled',
	'200': 'cancelled',
	'250': 'cancelled',
};

/** Statuses the order list accepts as a filter. */
export const ORDER_QUERY_STATUSES = [10, 20, 21, 30, 100, 200, 250] as const;

/** After-sale `status` -> unified refund state (channels.md §3.3). */
export const AFTERSALE_STATUS_MAP: Readonly<Record<string, RefundState>> = {
	USER_CANCELD: 'none',
	MERCHANT_PROCESSING: 'requested',
	MERCHANT_REJECT_REFUND: 'rejected',
	MERCHANT_REJECT_RETURN: 'rejected',
	USER_WAIT_RETURN: 'refunding',
	RETURN_CLOSED: 'none',
	MERCHANT_WAIT_RECEIPT: 'refunding',
	MERCHANT_OVERDUE_REFUND: 'refunding',
	MERCHANT_REFUND_SUCCESS: 'refunded',
	MERCHANT_RETURN_SUCCESS: 'refunded',
	PLATFORM_REFUNDING: 'refunding',
	PLATFORM_REFUND_FAIL: 'refunding',
	USER_WAIT_CONFIRM: 'requested',
	MERCHANT_REFUND_RETRY_FAIL: 'refunding',
	MERCHANT_FAIL: 'rejected',
	USER_WAIT_CONFIRM_UPDATE: 'requested',
	USER_WAIT_HANDLE_MERCHANT_AFTER_SALE: 'requested',
};

/** errcodes meaning the access_token is stale: fetch a new one once and repeat the call. */
export const STALE_TOKEN_CODES = [40001, 42001, 40014] as const;

/** errcode -> error kind (channels.md §3.1); [I] for the codes only third parties list. */
export const WECHAT_ERROR_CODES: Readonly<Record<string, ErrorKind>> = {
	'-1': 'transient',
	'40001': 'auth',
	'40014': 'auth',
	'42001': 'auth',
	'40013': 'auth',
	'40125': 'auth',
	'40164': 'auth',
	'41001': 'auth',
	'45009': 'throttled',
	'45011': 'throttled',
	'45033': 'throttled',
	'40097': 'invalid',
	'47001': 'invalid',
	'44002': 'invalid',
	'48001': 'permanent',
};

export const WECHAT_ERROR_HINTS: Readonly<Partial<Record<ErrorKind, string>>> = {
	auth: 'WeChat rejected the AppID, AppSecret or access token; check the credential and the API IP allow-list in the WeChat shop console',
	throttled: 'WeChat is limiting calls for this app (daily quota or frequency); calls back off and retry, pull less often',
	permanent: 'WeChat refused the call; check that the shop has authorised this API for the app',
};

export const WECHAT_ERROR_TABLE: ErrorCodeTable = { codes: WECHAT_ERROR_CODES, hints: WECHAT_ERROR_HINTS };

/** Push events about orders (channels.md §3.6). */
export const ORDER_PUSH_EVENTS = [
	'channels_ec_order_new',
	'channels_ec_order_pay',
	'channels_ec_order_wait_shipping',
	'channels_ec_order_deliver',
	'channels_ec_order_confirm',
	'channels_ec_order_cancel',
	'channels_ec_order_settle',
	'channels_ec_order_ext_info_update',
] as const;

export const PUSH_EVENTS = [
	...ORDER_PUSH_EVENTS,
	'channels_ec_aftersale_update',
	'channels_ec_stock_no_enough',
	'product_spu_update',
	'product_spu_listing',
	'product_spu_audit',
] as const;

/** `deliver_type` values of delivery/send (channels.md §3.5). */
export const DELIVER_TYPES = { selfExpress: 1, onlineWaybill: 2, virtual: 3, onlineScatter: 4 } as const;

/** The carrier code WeChat accepts for carriers it does not list. */
export const OTHER_CARRIER_CODE = 'OTHER';
