// Parcel truth -> Kdniao dialect: State / StateEx per stage (logistics.md §2.7), traces, shipper codes.
import { formatShanghai } from '../../core/time';
import type { ParcelEvent, ParcelStage, TruthParcel } from '../../truth/parcels';

export const STAGE_STATES: Record<ParcelStage, { state: string; stateEx: string }> = {
	collected: { state: '1', stateEx: '1' },
	departed: { state: '2', stateEx: '206' },
	arrived_hub: { state: '2', stateEx: '204' },
	arrived_city: { state: '2', stateEx: '201' },
	out_for_delivery: { state: '2', stateEx: '202' },
	locker: { state: '2', stateEx: '211' },
	delivered: { state: '3', stateEx: '301' },
	delivered_proxy: { state: '3', stateEx: '304' },
	delivered_locker: { state: '3', stateEx: '311' },
	delivered_after_exception: { state: '3', stateEx: '302' },
	failed_attempt: { state: '4', stateEx: '405' },
	unreachable: { state: '4', stateEx: '416' },
	no_update: { state: '4', stateEx: '403' },
	damaged: { state: '4', stateEx: '414' },
	refused: { state: '4', stateEx: '404' },
	returning: { state: '4', stateEx: '407' },
	returned: { state: '4', stateEx: '406' },
};

/** Sandbox carrier id <-> Kdniao ShipperCode (logistics.md §2.6). */
export const SHIPPER_CODES: Record<string, string> = {
	zto: 'ZTO',
	yto: 'YTO',
	yunda: 'YD',
	sto: 'STO',
	jtexpress: 'JTSD',
	sf: 'SF',
	ems: 'EMS',
	jd: 'JD',
};

export const carrierOfShipper = (code: string) => Object.keys(SHIPPER_CODES).find((id) => SHIPPER_CODES[id] === code);

/** A query answer or one push item; StateEx and Action only for the monitored (在途监控) services. */
export function trackingItem(parcel: TruthParcel, events: ParcelEvent[], shipperCode: string, monitored: boolean) {
	const last = events[events.length - 1];
	const codes = last ? STAGE_STATES[last.stage] : { state: '0', stateEx: '0' };
	return {
		ShipperCode: shipperCode,
		LogisticCode: parcel.trackingNo,
		Success: true,
		State: codes.state,
		...(monitored ? { StateEx: codes.stateEx } : {}),
		Location: last?.location ?? '',
		Traces: events.map((event) => ({
			AcceptTime: formatShanghai(event.at),
			AcceptStation: event.context,
			Location: event.location,
			...(monitored ? { Action: STAGE_STATES[event.stage].stateEx } : {}),
		})),
	};
}
