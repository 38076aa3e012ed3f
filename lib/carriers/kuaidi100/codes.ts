// Kuaidi100 vocabularies as data: the status codes (basic `state` and the advanced codes of resultv2=4/6/8
// in one flat table, since the two ranges never collide), event status names and the API error codes.
import type { ErrorCodeTable } from '../../channels/core/errors';
import type { TrackingCodeTable, TrackingMapping } from '../status';

export const KUAIDI100_STATUS_CODES: TrackingCodeTable = {
	// 揽收
	'1': { status: 'picked_up' },
	'101': { status: 'info_received' }, // 已下单
	'102': { status: 'info_received' }, // 待揽收
	'103': { status: 'picked_up' }, // 已揽收
	// 在途
	'0': { status: 'in_transit' },
	'1001': { status: 'in_transit', subStatus: 'arrived_dest_city' }, // 到达派件城市
	'1002': { status: 'in_transit' }, // 干线
	'1003': { status: 'in_transit', subStatus: 'redelivery' }, // 转递 to a new address
	// 派件
	'5': { status: 'out_for_delivery' },
	'501': { status: 'available_for_pickup' }, // 投柜或驿站
	// 签收
	'3': { status: 'delivered' },
	'301': { status: 'delivered', subStatus: 'signed_self' },
	'302': { status: 'delivered', subStatus: 'signed_after_exception' },
	'303': { status: 'delivered', subStatus: 'signed_proxy' },
	'304': { status: 'delivered', subStatus: 'signed_locker' },
	// 退回 / 退签 / 转投
	'6': { status: 'returning' },
	'4': { status: 'returned' },
	'401': { status: 'cancelled' }, // 已销单
	'14': { status: 'rejected' }, // 拒签: a top-level state and a sub-state of 4
	'7': { status: 'transferred' },
	// 疑难
	'2': { status: 'exception' },
	'201': { status: 'exception', subStatus: 'timeout_unsigned' },
	'202': { status: 'exception', subStatus: 'timeout_no_update' },
	'203': { status: 'rejected' }, // 拒收, pending shipper confirmation
	'204': { status: 'failed_attempt' },
	// 柜或驿站超时未取: sellers want a nudge, not an alarm
	'205': { status: 'available_for_pickup', subStatus: 'locker_overdue' },
	'206': { status: 'failed_attempt', subStatus: 'unreachable' },
	'207': { status: 'exception', subStatus: 'out_of_area' },
	'208': { status: 'exception', subStatus: 'detained' },
	'209': { status: 'exception', subStatus: 'damaged' },
	'210': { status: 'cancelled' }, // 销单
	// 清关
	'8': { status: 'customs' },
	'10': { status: 'customs', subStatus: 'customs_pending' },
	'11': { status: 'customs', subStatus: 'customs_processing' },
	'12': { status: 'customs', subStatus: 'customs_cleared' },
	'13': { status: 'exception', subStatus: 'customs_exception' },
};

/** Push `status` values: polling (still tracking), shutdown (ended), abort (gave up), updateall (resent). */
export const KUAIDI100_PUSH_STATUSES = ['polling', 'shutdown', 'abort', 'updateall'] as const;

/** The abort message meaning "no change for 60 days": the parcel is expired even if it never moved. */
const ABORT_NO_CHANGE_60_DAYS = '60天无变化';

/**
 * The status an `abort` push means (Kuaidi100 stopped tracking): no events ever ("3天查询无记录") is
 * still pending; otherwise, or after 60 days without change, the tracking has expired.
 * Undefined for the other push statuses, whose `lastResult.state` carries the parcel status.
 */
export function kuaidi100PushAbortStatus(
	pushStatus: string,
	message: string,
	hasEvents: boolean,
): TrackingMapping | undefined {
	if (pushStatus !== 'abort') return undefined;
	if (message.includes(ABORT_NO_CHANGE_60_DAYS)) return { status: 'expired' };
	return { status: hasEvents ? 'expired' : 'pending' };
}

/** Per-event `status` names (resultv2=1) -> the codes above, for events that carry no statusCode. */
export const KUAIDI100_STATUS_NAMES: Readonly<Record<string, string>> = {
	在途: '0',
	揽收: '1',
	疑难: '2',
	签收: '3',
	退签: '4',
	派件: '5',
	退回: '6',
	转投: '7',
	清关: '8',
	待清关: '10',
	清关中: '11',
	已清关: '12',
	清关异常: '13',
	拒签: '14',
};

/**
 * Real-time query `returnCode` -> error kind. 400 is confirmed (incomplete data, no quota, wrong customer,
 * not form-encoded); the others are commonly documented [I].
 */
export const KUAIDI100_QUERY_ERRORS: ErrorCodeTable = {
	codes: { '400': 'invalid', '408': 'invalid', '501': 'transient', '502': 'transient', '503': 'auth', '601': 'auth' },
	hints: {
		invalid: 'check the carrier code, tracking number and (for SF) the phone number, and the query quota of the account',
		auth: 'Kuaidi100 rejected the customer/key pair, or the key expired or has no balance: check the credential',
	},
};

/** [I] query `returnCode` for "no tracking found": read as a parcel without events, not as a failure. */
export const KUAIDI100_QUERY_NO_RESULT_CODE = '500';

/** Subscription `returnCode` -> error kind (codes from Kuaidi100's own article on subscription results). */
export const KUAIDI100_SUBSCRIBE_ERRORS: ErrorCodeTable = {
	codes: { '500': 'transient', '600': 'auth', '601': 'auth', '700': 'invalid', '701': 'permanent', '702': 'invalid' },
	hints: {
		auth: 'the key is not a valid subscriber key or has expired: check the Kuaidi100 credential',
		invalid: 'Kuaidi100 refused the subscription data (carrier, number or callback URL); give the carrier explicitly',
		permanent: 'the carrier refused the subscription',
	},
};

/** Subscription `returnCode` for "already being tracked": the subscription is in place, so it counts as done. */
export const KUAIDI100_SUBSCRIBE_DUPLICATE_CODE = '501';

/** Label API (`label/order`) `code` -> error kind: only success (200) is documented, so failures are permanent. */
export const KUAIDI100_LABEL_ERRORS: ErrorCodeTable = {
	hints: { permanent: 'Kuaidi100 refused the waybill request; its message says which field or account setting is wrong' },
};
