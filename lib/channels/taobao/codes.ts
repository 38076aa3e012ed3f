// Taobao's own vocabularies as data: trade and refund statuses -> unified states, and the TOP error-code
// table the request core classifies failures with (channels.md §1.4, §1.5, §1.9).
import { CarrierCodeError, findChannelCarrier, isCarrierId, toChannelCarrierCode, type CarrierId } from '../../carriers/carrierCodes';
import type { ErrorKind } from '../../http';
import type { ErrorCodeTable } from '../core';
import type { OrderStatus, RefundState } from '../../model';

export const CHANNEL = 'taobao' as const;

/** Trade (and line) `status` -> unified order status. A status missing here is reported, never guessed. */
export const TRADE_STATUS_MAP: Readonly<Record<string, OrderStatus>> = {
	TRADE_NO_CREATE_PAY: 'pending_payment',
	WAIT_BUYER_PAY: 'pending_payment',
	PAY_PENDING: 'pending_payment',
	WAIT_PRE_AUTH_CONFIRM: 'pending_payment',
	WAIT_SELLER_SEND_GOODS: 'paid',
	// Paid, but the platform forbids shipping (e.g. a risk check): the seller must wait.
	PAID_FORBID_CONSIGN: 'on_hold',
	SELLER_CONSIGNED_PART: 'partially_shipped',
	WAIT_BUYER_CONFIRM_GOODS: 'shipped',
	// Cash on delivery: the buyer signed for the parcel.
	TRADE_BUYER_SIGNED: 'delivered',
	TRADE_FINISHED: 'completed',
	// Closed after a full refund, or closed before payment.
	TRADE_CLOSED: 'cancelled',
	TRADE_CLOSED_BY_TAOBAO: 'cancelled',
};

/** Statuses TOP accepts in list queries besides the trade statuses above. */
export const TRADE_QUERY_STATUSES = ['ALL_WAIT_PAY', 'ALL_CLOSED'] as const;

/**
 * Refund status (on a line's `refund_status` and on a refund record) -> unified refund state.
 * CLOSED means the buyer withdrew or the request lapsed, so the line is back to no refund.
 * The three exchange states are mapped as an open request [I: channels.md §1.5].
 */
export const REFUND_STATUS_MAP: Readonly<Record<string, RefundState>> = {
	NO_REFUND: 'none',
	WAIT_SELLER_AGREE: 'requested',
	WAIT_BUYER_RETURN_GOODS: 'refunding',
	WAIT_SELLER_CONFIRM_GOODS: 'refunding',
	SELLER_REFUSE_BUYER: 'rejected',
	CLOSED: 'none',
	SUCCESS: 'refunded',
	WAIT_BUYER_CONFIRM_EXCHANGE_SELLER_SEND_GOODS: 'requested',
	EXCHANGE_TRANSFORM_TO_REFUND: 'requested',
	WAIT_SELLER_CONSIGN_GOODS: 'requested',
};

/**
 * TOP platform error `code` -> error kind (channels.md §1.9). 15 ("remote service error") is decided by
 * its sub_code; isp.* sub_codes are the platform's own trouble and worth retrying.
 */
export const TOP_ERROR_CODES: Readonly<Record<string, ErrorKind>> = {
	'7': 'throttled',
	'8': 'throttled',
	'9': 'invalid',
	'10': 'transient',
	'11': 'permanent',
	'12': 'auth',
	'15': 'transient',
	'21': 'invalid',
	'22': 'invalid',
	'24': 'invalid',
	'25': 'invalid',
	'26': 'auth',
	'27': 'auth',
	'28': 'invalid',
	'29': 'invalid',
	'30': 'invalid',
	'31': 'invalid',
	'32': 'invalid',
	'33': 'invalid',
	'34': 'invalid',
	'40': 'invalid',
	'41': 'invalid',
	'42': 'permanent',
	'43': 'invalid',
};

/** Exact sub_codes whose meaning beats the main code. */
export const TOP_ERROR_SUB_CODES: Readonly<Record<string, ErrorKind>> = {
	'accesscontrol.limited-by-app-access-count': 'throttled',
	'accesscontrol.limited-by-api-access-count': 'throttled',
	'accesscontrol.limited-by-app-api-access-count': 'throttled',
	// [I] the invalid-session sub_code is not confirmed (channels.md §1.9, §12.4).
	'invalid-sessionkey': 'auth',
	'isv.invalid-sessionkey': 'auth',
	'session-expired': 'auth',
	'isv.session-expired': 'auth',
};

/** sub_code prefixes, checked after the exact table: isp = platform side (retry), isv = caller side. */
export const TOP_ERROR_SUB_CODE_PREFIXES: ReadonlyArray<readonly [string, ErrorKind]> = [
	['isp.', 'transient'],
	['accesscontrol.', 'throttled'],
	['isv.', 'invalid'],
];

/** What the operator should do, per kind, in Taobao's words. */
export const TOP_ERROR_HINTS: Readonly<Partial<Record<ErrorKind, string>>> = {
	auth: 'the session key was rejected or has expired; re-authorize the shop on Taobao and update the Session Key in the credential',
	throttled: 'Taobao is limiting calls for this app; calls back off and retry, lower the pull frequency or ask Taobao for a higher quota',
	permanent: 'Taobao refused the call; check that the app has the permission package for this API',
};

/**
 * The table the request core classifies `error_response` with. Sub codes win over codes, so a code-15
 * "remote service error" is retried for isp.* and refused for isv.*; an isv.* sub code under an auth
 * code (26/27) not listed above would read as invalid, which is still not retried.
 */
export const TOP_ERROR_TABLE: ErrorCodeTable = {
	codes: TOP_ERROR_CODES,
	subCodes: TOP_ERROR_SUB_CODES,
	subCodePrefixes: TOP_ERROR_SUB_CODE_PREFIXES,
	hints: TOP_ERROR_HINTS,
};

/** "This ban will last for 71 more seconds" -> 72 000 ms (channels.md §1.9: back off N+1 seconds). */
export function banMillisFromSubMessage(subMessage: unknown): number | undefined {
	if (typeof subMessage !== 'string') return undefined;
	const match = /(\d+)\s*more\s*seconds?/i.exec(subMessage);
	return match ? (Number(match[1]) + 1) * 1000 : undefined;
}

/**
 * Carrier company codes: `taobao.logistics.offline.send` takes Taobao's own codes (SF, ZTO, YTO, STO,
 * YUNDA, EMS, POSTB, JD, HTKY, ...), which differ from Kdniao's (YD, YZPY, ...); order lines name the
 * carrier instead ("顺丰速运"). lib/carriers' table translates both; what it does not know is kept as given.
 *
 * Our carrier id for a TOP company code ("SF") or a carrier name ("顺丰速运"), resolved like free text.
 */
export function carrierIdOf(companyCodeOrName: string): CarrierId | undefined {
	return findChannelCarrier(CHANNEL, companyCodeOrName) ?? findChannelCarrier('own_site', companyCodeOrName);
}

/** Taobao's company code for what a user typed: our carrier id, a carrier name, or already a TOP code. */
export function taobaoCompanyCode(carrier: string): string {
	const text = carrier.trim();
	const id = isCarrierId(text.toLowerCase()) ? text.toLowerCase() : carrierIdOf(text);
	if (!id) return text.toUpperCase();
	try {
		return toChannelCarrierCode(id, CHANNEL);
	} catch (err) {
		// A carrier without a Taobao code in the table yet: send what the user typed.
		if (err instanceof CarrierCodeError) return text.toUpperCase();
		throw err;
	}
}
