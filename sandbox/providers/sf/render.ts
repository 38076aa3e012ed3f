// Parcel truth -> SF routes: opCode and remark per stage (logistics.md §3.8; SF has no public dictionary).
import { formatShanghai } from '../../core/time';
import type { ParcelEvent, ParcelScenario, ParcelStage } from '../../truth/parcels';

/** [I] Stage -> opCode; refused has no known code, so it goes out as 33 with the 拒收 remark SF writes. */
export const STAGE_OP_CODES: Record<ParcelStage, string> = {
	collected: '50',
	departed: '36',
	arrived_hub: '31',
	arrived_city: '130',
	out_for_delivery: '44',
	locker: '44',
	delivered: '80',
	delivered_proxy: '607',
	delivered_locker: '80',
	delivered_after_exception: '80',
	failed_attempt: '70',
	unreachable: '70',
	no_update: '125',
	refused: '33',
	returning: '99',
	returned: '631',
	damaged: '125',
};

/** SF parcels the sandbox creates follow these; lockers (丰巢) and damage have no opCode we can render. */
export const SF_SCENARIOS: readonly ParcelScenario[] = ['normal', 'proxy', 'retry', 'refused', 'stuck'];

export interface SfRoute {
	acceptTime: string;
	acceptAddress: string;
	remark: string;
	opCode: string;
}

export function sfRoute(event: ParcelEvent): SfRoute {
	return { acceptTime: formatShanghai(event.at), acceptAddress: event.location, remark: event.context, opCode: STAGE_OP_CODES[event.stage] };
}
