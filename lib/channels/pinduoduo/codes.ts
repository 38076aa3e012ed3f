// Pinduoduo's own vocabularies as data: order and refund statuses -> unified states, the amount units in
// dispute, logistics company ids and the error-code table the request core classifies failures with
// (channels.md §6.4-6.9).
import { CarrierCodeError, fromChannelCarrierCode, isCarrierId, toChannelCarrierCode, CARRIER_IDS } from '../../carriers/carrierCodes';
import type { ErrorKind } from '../../http';
import type { MoneyUnit, OrderStatus, RefundState } from '../../model';
import type { ErrorCodeTable } from '../core';

export const CHANNEL = 'pinduoduo' as const;
export const PDD_CURRENCY = 'CNY';

/**
 * [I] The disputed amount units (channels.md §6.4, §12.5), in this one place: the doc-generated SDK says
 * order and refund amounts are float yuan (19.9); goods APIs (pdd.goods.*) price SKUs in fen (1990). One
 * third-party connector claims orders are in fen too; if that proves right, change `order` to 'minor'.
 */
export const PDD_AMOUNT_UNITS: Readonly<{ order: MoneyUnit; goods: MoneyUnit }> = Object.freeze({
	order: 'float_major',
	goods: 'minor',
});

/** `order_status` -> unified status when nothing else overrides it (see normalize.ts). */
export const ORDER_STATUS_MAP: Readonly<Record<string, OrderStatus>> = {
	'1': 'paid', // 待发货
	'2': 'shipped', // 已发货待签收
	// [I] 已签收: Pinduoduo shows no later confirm-receipt state to the seller, so signed is the end state.
	'3': 'completed',
};

/** `confirm_status` 2: 已取消. */
export const CONFIRM_STATUS_CANCELLED = '2';
/** `risk_control_status` 1: under review, do not ship. */
export const RISK_CONTROL_HOLD = '1';

/** Order `refund_status` (1 无售后或售后关闭, 2 售后处理中, 3 退款中, 4 退款成功) -> unified refund state. */
export const REFUND_STATUS_MAP: Readonly<Record<string, RefundState>> = {
	'1': 'none',
	'2': 'requested',
	'3': 'refunding',
	'4': 'refunded',
};

/** Refund record `after_sales_status` -> unified refund state (channels.md §6.5). */
export const AFTER_SALES_STATUS_MAP: Readonly<Record<string, RefundState>> = {
	'2': 'requested',
	'3': 'requested',
	'4': 'refunding',
	'5': 'refunding',
	'6': 'rejected',
	'7': 'refunding',
	'8': 'refunding',
	'9': 'rejected',
	'10': 'refunded',
	'11': 'none',
	'12': 'none',
	'13': 'none',
	'31': 'refunded',
};

/** Internal errors (50000-52002) the platform asks callers to retry. */
const INTERNAL_ERROR_RANGE = [50000, 52002] as const;

/** Codes from the spec's table (channels.md §6.9 [C-3p]); ranges expanded once here. */
function errorCodes(): Record<string, ErrorKind> {
	const codes: Record<string, ErrorKind> = {};
	for (let code = INTERNAL_ERROR_RANGE[0]; code <= INTERNAL_ERROR_RANGE[1]; code++) codes[String(code)] = 'transient';
	Object.assign(codes, {
		'10019': 'auth',
		'20004': 'invalid',
		'20005': 'permanent',
		'20031': 'permanent',
		'52101': 'throttled',
		'70031': 'throttled',
		'52102': 'transient',
		'52103': 'transient',
		'70033': 'transient',
		'70032': 'permanent',
		'70034': 'permanent',
		'70035': 'permanent',
		'70036': 'permanent',
		...PDD_INFERRED_ERROR_CODES,
	});
	return codes;
}

/** [I] Codes the spec does not list: the parameter-error and unknown-client codes the sandbox answers with. */
export const PDD_INFERRED_ERROR_CODES: Readonly<Record<string, ErrorKind>> = {
	'10000': 'invalid',
	'10001': 'auth',
};

/** The code the sandbox and the docs page name per error class, for tests and hints. */
export const PDD_ERROR = {
	signature: 20004,
	ipNotAllowed: 20005,
	noPermission: 20031,
	tokenExpired: 10019,
	throttled: 52101,
	invalidParameter: 10000,
	unknownClient: 10001,
	internal: 50000,
} as const;

export const PDD_ERROR_HINTS: Readonly<Partial<Record<ErrorKind, string>>> = {
	auth: 'the access token was rejected or has expired; refresh it or re-authorize the shop and update the credential',
	throttled: 'Pinduoduo is limiting calls for this app; calls back off and retry, lower the pull frequency',
	invalid: 'Pinduoduo refused the request; check the parameters, and the Client Secret when it names the signature',
	permanent: 'Pinduoduo refused the call; check that the app has the permission package for this API and the server IP is whitelisted',
};

export const PDD_ERROR_TABLE: ErrorCodeTable = { codes: errorCodes(), hints: PDD_ERROR_HINTS };

export class UnknownCarrierError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UnknownCarrierError';
	}
}

const DIGITS = /^\d+$/;

/**
 * The numeric `logistics_id` for pdd.logistics.online.send: digits as given; our carrier id (sf, zto, ...)
 * or a carrier's name (顺丰速运) through the carrier table. Anything else throws UnknownCarrierError.
 */
export function pddLogisticsId(carrier: string): string {
	const text = String(carrier ?? '').trim();
	if (DIGITS.test(text)) return text;
	try {
		const id = isCarrierId(text.toLowerCase()) ? text.toLowerCase() : fromChannelCarrierCode('own_site', text);
		return toChannelCarrierCode(id, CHANNEL);
	} catch (err) {
		if (!(err instanceof CarrierCodeError)) throw err;
		throw new UnknownCarrierError(
			`no Pinduoduo logistics id known for carrier ${JSON.stringify(text)}; give the numeric id from pdd.logistics.companies.get or one of ${CARRIER_IDS.join(', ')}`,
		);
	}
}

/** Our carrier id for a Pinduoduo logistics id, or undefined when the table does not know it. */
export function carrierIdOfLogisticsId(logisticsId: string | undefined): string | undefined {
	if (!logisticsId) return undefined;
	try {
		return fromChannelCarrierCode(CHANNEL, logisticsId);
	} catch (err) {
		if (err instanceof CarrierCodeError) return undefined;
		throw err;
	}
}
