// SF route opCodes. SF publishes no full dictionary: the codes below were seen in public code, and most
// meanings are inferred. Unknown opCodes fall back to in_transit (or what the remark says), with the raw
// code kept by the caller.
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
