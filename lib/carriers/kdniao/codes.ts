// Kdniao vocabularies as data: status codes (`State` 0-6 and 10, `StateEx` / `Traces[].Action` 1xx-6xx in
// one flat table; StateEx 1-6 and 10 mean the same as the State of that number) and result codes.
import type { ErrorCodeTable } from '../../channels/core/errors';
import type { TrackingCodeTable, TrackingMapping } from '../status';

/** Meanings we inferred rather than read in a source; kept here so they can be corrected in one edit. */
export const KDNIAO_INFERRED_CODES: TrackingCodeTable = {
	'418': { status: 'delivered', subStatus: 'signed_locker' }, // 快件取出: read as "collected from locker"
};

export const KDNIAO_STATUS_CODES: TrackingCodeTable = {
	'0': { status: 'pending' }, // 无轨迹
	'10': { status: 'info_received' }, // 待揽件
	'1': { status: 'picked_up' },
	// 在途
	'2': { status: 'in_transit' },
	'201': { status: 'in_transit', subStatus: 'arrived_dest_city' },
	'202': { status: 'out_for_delivery' },
	'204': { status: 'in_transit' }, // 到达转运中心
	'205': { status: 'in_transit' }, // 到达派件网点
	'206': { status: 'in_transit' }, // 寄件网点发件
	'211': { status: 'available_for_pickup' }, // 已放入快递柜或驿站
	// 签收
	'3': { status: 'delivered' },
	'301': { status: 'delivered', subStatus: 'signed_self' },
	'302': { status: 'delivered', subStatus: 'signed_after_exception' },
	'304': { status: 'delivered', subStatus: 'signed_proxy' }, // 代收签收
	'311': { status: 'delivered', subStatus: 'signed_locker' }, // 快递柜或驿站签收 (older docs: 已取出)
	// 问题件
	'4': { status: 'exception' },
	// 发货无信息; a parcel that never moved is reported as pending by kdniaoParcelStatus
	'401': { status: 'exception', subStatus: 'timeout_no_update' },
	'402': { status: 'exception', subStatus: 'timeout_unsigned' },
	'403': { status: 'exception', subStatus: 'timeout_no_update' },
	'404': { status: 'rejected' }, // 拒收(退件)
	'405': { status: 'failed_attempt' }, // 派件异常
	'406': { status: 'returned' }, // 退货签收
	'407': { status: 'returning' }, // 退货未签收
	'412': { status: 'available_for_pickup', subStatus: 'locker_overdue' },
	'413': { status: 'exception', subStatus: 'intercepted' },
	'414': { status: 'exception', subStatus: 'damaged' },
	'415': { status: 'cancelled' }, // 客户取消发货
	'416': { status: 'failed_attempt', subStatus: 'unreachable' },
	'417': { status: 'exception', subStatus: 'delayed' },
	'419': { status: 'out_for_delivery', subStatus: 'redelivery' },
	'420': { status: 'failed_attempt', subStatus: 'address_issue' },
	'421': { status: 'failed_attempt', subStatus: 'phone_issue' },
	'422': { status: 'exception', subStatus: 'missorted' },
	'423': { status: 'exception', subStatus: 'out_of_area' },
	'5': { status: 'transferred' }, // 转寄
	// 清关
	'6': { status: 'customs' },
	'601': { status: 'customs', subStatus: 'customs_pending' },
	'602': { status: 'customs', subStatus: 'customs_processing' },
	'603': { status: 'customs', subStatus: 'customs_cleared' },
	'604': { status: 'exception', subStatus: 'customs_exception' },
	...KDNIAO_INFERRED_CODES,
};

/** 401 发货无信息 on a parcel without a single trace means it was never picked up, not that it got stuck. */
export function kdniaoParcelStatus(
	mapping: TrackingMapping,
	providerCode: string,
	traceCount: number,
): TrackingMapping {
	if (providerCode === '401' && traceCount === 0) return { status: 'pending' };
	return mapping;
}

/**
 * `ResultCode` -> error kind (bububa/kdniao constants). 102 校验问题 is read as a DataSign or EBusinessID
 * check and 104 用户问题 as an account problem [I]. 405 (daily query limit) is handled apart: see below.
 */
export const KDNIAO_ERRORS: ErrorCodeTable = {
	codes: {
		'101': 'invalid',
		'102': 'auth',
		'103': 'invalid',
		'104': 'permanent',
		'105': 'permanent',
		'401': 'invalid',
		'402': 'invalid',
		'403': 'invalid',
		'404': 'invalid',
	},
	hints: {
		auth: 'Kdniao could not verify the request: check the EBusinessID and AppKey of the credential',
		invalid: 'Kdniao refused the request data: check the carrier code and tracking number',
		permanent: 'Kdniao refused the call for this account (not activated, no balance or not allowed): check the account',
	},
};

/** 超出查询次数限制: the daily quota (30 000 queries) is used up until midnight China time. */
export const KDNIAO_DAILY_LIMIT_CODE = '405';

/** [I] e-waybill ResultCode for "this OrderCode already has a waybill": the reply still carries the order. */
export const KDNIAO_EORDER_ALREADY_CREATED_CODE = '106';
