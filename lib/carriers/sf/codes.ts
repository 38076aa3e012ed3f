// SF vocabularies as data: route opCodes (SF publishes no full dictionary: the codes below were seen in
// public code and most meanings are inferred; unknown opCodes fall back to in_transit or what the remark
// says), and the gateway (A-codes) and business error codes.
import type { ErrorCodeTable } from '../../channels/core/errors';
import type { TrackingCodeTable, TrackingMapping } from '../status';

/** opCodes seen in public code with their meaning given there (收件, 到达, 离开, 签收, 退回 ...). */
const SF_OP_CODES_SEEN: TrackingCodeTable = {
	'50': { status: 'picked_up' }, // 收件
	'54': { status: 'picked_up' }, // 收件
	'30': { status: 'in_transit' }, // 分拣 / 准备发往
	'31': { status: 'in_transit' }, // 到达中转场
	'36': { status: 'in_transit' }, // 离开
	'407': { status: 'in_transit' }, // 运输中
	'501': { status: 'in_transit' }, // 运输中
	'130': { status: 'in_transit', subStatus: 'arrived_dest_city' }, // 已到达目的网点, 即将派件
	'80': { status: 'delivered' }, // 已签收
	'99': { status: 'returning' }, // 退回
	'648': { status: 'returning' }, // 退回
	'631': { status: 'returned' }, // 快件已退回
};

/** opCodes whose meaning is inferred (one place to correct them once real routes are seen). */
export const SF_INFERRED_OP_CODES: TrackingCodeTable = {
	'44': { status: 'out_for_delivery' }, // 派件中
	'204': { status: 'out_for_delivery' }, // 派件中
	'70': { status: 'failed_attempt' }, // 派送失败
	'607': { status: 'delivered', subStatus: 'signed_proxy' }, // 代签 / 代收
	'8000': { status: 'delivered' }, // 结单 after signing
	'125': { status: 'exception', subStatus: 'detained' }, // 滞留
};

export const SF_OP_CODES: TrackingCodeTable = { ...SF_OP_CODES_SEEN, ...SF_INFERRED_OP_CODES };

/** What an opCode outside the table means when the remark says nothing more. */
export const SF_UNKNOWN_OP_CODE_FALLBACK: TrackingMapping = { status: 'in_transit' };

/** Remark keywords for opCodes outside the table, checked in this order (拒收 before 签收: "拒收" is not a signature). */
export const SF_REMARK_KEYWORDS: ReadonlyArray<{ keyword: string; mapping: TrackingMapping }> = [
	{ keyword: '拒收', mapping: { status: 'rejected' } },
	{ keyword: '拒签', mapping: { status: 'rejected' } },
	{ keyword: '退回', mapping: { status: 'returning' } },
	{ keyword: '签收', mapping: { status: 'delivered' } },
];

export function sfStatusFromRemark(remark: string | undefined): TrackingMapping | undefined {
	if (!remark) return undefined;
	return SF_REMARK_KEYWORDS.find(({ keyword }) => remark.includes(keyword))?.mapping;
}

/** Gateway `apiResultCode` -> error kind; A1000 alone is success. */
export const SF_GATEWAY_ERRORS: ErrorCodeTable = {
	codes: {
		A1001: 'invalid',
		A1002: 'auth',
		A1003: 'permanent',
		A1004: 'auth',
		A1005: 'throttled',
		A1006: 'auth',
		A1007: 'invalid',
		A1008: 'invalid',
		A1009: 'transient',
		A1010: 'permanent',
		A1099: 'transient',
	},
};

/** What the operator should do, per gateway code. */
export const SF_GATEWAY_HINTS: Readonly<Record<string, string>> = {
	A1001: 'a required parameter is missing or the body is not a URL-encoded form with valid JSON msgData',
	A1002: 'the OAuth access token has expired; a new one is fetched automatically, otherwise check the credential',
	A1003: "this server's IP address is not allowed for the partner: add it in the SF open platform console",
	A1004: 'the partner has no permission for this service, or sandbox and production credentials are mixed up',
	A1005: 'SF is rate limiting this partner (sandbox: 30 calls/s and 3000 a day per API)',
	A1006: 'the msgDigest did not verify: check the check word (校验码) of the credential',
	A1007: 'SF saw this requestID before',
	A1009: 'an SF service behind the gateway is unavailable; try again later',
	A1010: 'the partner is still in the sandbox test state: finish the go-live steps in the SF console',
};

/** Business `errorCode` (inside apiResultData) -> error kind; S0000 is success. */
export const SF_BUSINESS_ERRORS: ErrorCodeTable = {
	codes: {
		'1010': 'invalid',
		'1011': 'invalid',
		'1012': 'invalid',
		'1013': 'invalid',
		'1014': 'invalid',
		'1015': 'invalid',
		'1016': 'invalid',
		'1023': 'invalid',
		'6126': 'invalid',
		'6150': 'permanent',
		'8003': 'invalid',
		'8013': 'invalid',
		'8016': 'invalid',
		'8017': 'invalid',
		'8018': 'permanent',
		'8024': 'permanent',
		'8037': 'permanent',
		'8057': 'permanent',
		'8067': 'invalid',
		'8117': 'invalid',
		'8119': 'invalid',
		'8196': 'invalid',
		'8247': 'invalid',
		'8252': 'permanent',
		'20035': 'invalid',
	},
};

export const SF_BUSINESS_HINTS: Readonly<Record<string, string>> = {
	'8016': 'this orderId was already used for an SF order: search it instead of creating it again',
	'8057': 'the express type (expressTypeId) is not configured for this monthly card',
	'8119': 'the monthly card number (月结卡号) is not valid for this partner',
	'6126': 'the monthly card number must have 10 digits',
	'8247': 'the waybill number is not valid here (sandbox and production numbers cannot be mixed)',
	'8252': 'the order is already confirmed and can no longer be changed this way',
	'20035': 'the cargo contains goods SF does not carry',
};

/** Order cancel answer for "already cancelled": the order is cancelled, which is what was asked. */
export const SF_ALREADY_CANCELLED_CODE = '8037';
