// Parcel truth -> Kuaidi100 dialect: state codes (basic, or advanced with resultv2 >= 4), event names, times.
import { formatShanghai } from '../../core/time';
import type { ParcelEvent, ParcelStage, TruthParcel } from '../../truth/parcels';

interface StageCodes {
	basic: string;
	advanced: string;
	name: string;
}

/** Stage -> Kuaidi100 codes (logistics.md §1.6). */
export const STAGE_CODES: Record<ParcelStage, StageCodes> = {
	collected: { basic: '1', advanced: '103', name: '揽收' },
	departed: { basic: '0', advanced: '1002', name: '在途' },
	arrived_hub: { basic: '0', advanced: '1002', name: '在途' },
	arrived_city: { basic: '0', advanced: '1001', name: '在途' },
	out_for_delivery: { basic: '5', advanced: '5', name: '派件' },
	locker: { basic: '5', advanced: '501', name: '派件' },
	delivered: { basic: '3', advanced: '301', name: '签收' },
	delivered_proxy: { basic: '3', advanced: '303', name: '签收' },
	delivered_locker: { basic: '3', advanced: '304', name: '签收' },
	delivered_after_exception: { basic: '3', advanced: '302', name: '签收' },
	failed_attempt: { basic: '2', advanced: '204', name: '疑难' },
	unreachable: { basic: '2', advanced: '206', name: '疑难' },
	no_update: { basic: '2', advanced: '202', name: '疑难' },
	damaged: { basic: '2', advanced: '209', name: '疑难' },
	refused: { basic: '14', advanced: '14', name: '拒签' },
	returning: { basic: '6', advanced: '6', name: '退回' },
	returned: { basic: '4', advanced: '4', name: '退签' },
};

const FINAL_STAGES: ReadonlySet<ParcelStage> = new Set([
	'delivered', 'delivered_proxy', 'delivered_locker', 'delivered_after_exception', 'returned',
]);

export const isFinal = (events: ParcelEvent[]) => events.length > 0 && FINAL_STAGES.has(events[events.length - 1].stage);

export interface RenderOptions {
	com: string;
	resultv2: string;
	order: 'desc' | 'asc';
}

/** The `lastResult`-shaped body: the query answers it as is, pushes wrap it. `events` are oldest first. */
export function trackingResult(parcel: TruthParcel, events: ParcelEvent[], options: RenderOptions) {
	const advanced = Number(options.resultv2) >= 4;
	const detailed = Number(options.resultv2) >= 1;
	const rows = events.map((event) => {
		const codes = STAGE_CODES[event.stage];
		const time = formatShanghai(event.at);
		return {
			time,
			ftime: time,
			context: event.context,
			location: event.location,
			...(detailed ? { areaName: event.location, status: codes.name } : {}),
			...(advanced ? { statusCode: codes.advanced } : {}),
		};
	});
	if (options.order === 'desc') rows.reverse();
	const last = events[events.length - 1];
	const codes = last ? STAGE_CODES[last.stage] : STAGE_CODES.collected;
	return {
		message: 'ok',
		nu: parcel.trackingNo,
		ischeck: isFinal(events) ? '1' : '0',
		com: options.com,
		status: '200',
		condition: 'F00',
		state: advanced ? codes.advanced : codes.basic,
		data: rows,
	};
}
