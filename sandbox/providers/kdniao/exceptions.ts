// Kdniao result codes (logistics.md §2.3, bububa/kdniao constants) and the failure body.
import { formatShanghai } from '../../core/time';

export const RESULT = {
	ok: '100',
	missingParams: '101',
	verification: '102',
	format: '103',
	account: '104',
	other: '105',
	alreadyCreated: '106',
	badRequestData: '401',
	missingNumber: '402',
} as const;

export function failureBody(eBusinessId: string, now: number, code: string, reason: string) {
	return { EBusinessID: eBusinessId, UpdateTime: formatShanghai(now), Success: false, ResultCode: code, Reason: reason };
}
