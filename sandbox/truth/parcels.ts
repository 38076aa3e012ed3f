// Parcel timelines: what a carrier scans from pickup to delivery (or failure), revealed by the clock.
import { Rng } from '../core/rng';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../core/time';

/** Carrier-neutral stages; each carrier provider maps them to its own state codes. */
export const PARCEL_STAGES = [
	'collected', 'departed', 'arrived_hub', 'arrived_city', 'out_for_delivery', 'locker', 'delivered', 'delivered_proxy',
	'delivered_locker', 'delivered_after_exception', 'failed_attempt', 'unreachable', 'no_update', 'refused', 'returning',
	'returned', 'damaged',
] as const;
export type ParcelStage = (typeof PARCEL_STAGES)[number];

export const PARCEL_SCENARIOS = ['normal', 'proxy', 'locker', 'retry', 'refused', 'stuck', 'damaged'] as const;
export type ParcelScenario = (typeof PARCEL_SCENARIOS)[number];

export interface ParcelEvent {
	at: number;
	stage: ParcelStage;
	/** City or facility where the scan happened. */
	location: string;
	context: string;
}

export interface TruthParcel {
	carrier: string;
	trackingNo: string;
	shippedAt: number;
	/** Receiver phone, for carriers that check its last digits (SF). */
	phone?: string;
	origin: string;
	destination: { province: string; city: string; district: string };
	scenario: ParcelScenario;
	/** Seed of the scan history; the events are built on first use (most parcels are never tracked). */
	seed: string | number;
	events?: ParcelEvent[];
}

const SCENARIO_WEIGHTS: ReadonlyArray<readonly [ParcelScenario, number]> = [
	['normal', 70], ['proxy', 8], ['locker', 10], ['retry', 5], ['refused', 3], ['stuck', 2], ['damaged', 2],
];

const HUBS = ['杭州转运中心', '嘉兴转运中心', '上海转运中心', '武汉转运中心', '郑州转运中心', '广州转运中心', '成都转运中心'];
const COURIERS = ['王师傅', '李师傅', '张师傅', '刘师傅', '陈师傅'];

export function pickScenario(rng: Rng): ParcelScenario {
	return rng.weighted(SCENARIO_WEIGHTS);
}

/** Builds the scan history of one parcel. The same inputs give the same timeline. */
export function buildParcelTimeline(input: Omit<TruthParcel, 'events'>): ParcelEvent[] {
	const rng = new Rng(input.seed, 'parcel', input.carrier, input.trackingNo);
	const dest = input.destination;
	const courier = `${rng.pick(COURIERS)}(1${rng.digits(10, '3589')})`;
	const events: ParcelEvent[] = [];
	let at = input.shippedAt + rng.int(30, 240) * MINUTE_MS;
	const add = (stage: ParcelStage, location: string, context: string, gapMs = 0) => {
		at += gapMs;
		events.push({ at, stage, location, context });
	};
	add('collected', input.origin, `【${input.origin}】快件已揽收`);
	if (input.scenario === 'damaged') {
		add('departed', input.origin, `【${input.origin}】快件已发往${rng.pick(HUBS)}`, rng.int(2, 6) * HOUR_MS);
		add('damaged', input.origin, '快件外包装破损，正在核实处理中', rng.int(10, 30) * HOUR_MS);
		return events;
	}
	const hub = rng.pick(HUBS);
	add('departed', input.origin, `【${input.origin}】快件已发往${hub}`, rng.int(2, 6) * HOUR_MS);
	add('arrived_hub', hub, `快件已到达【${hub}】`, rng.int(6, 20) * HOUR_MS);
	if (input.scenario === 'stuck') {
		add('no_update', hub, '快件在途中，物流信息超过3天未更新', 3 * DAY_MS);
		return events;
	}
	add('departed', hub, `【${hub}】快件已发往${dest.city}`, rng.int(1, 4) * HOUR_MS);
	add('arrived_city', dest.city, `快件已到达【${dest.city}${dest.district}营业部】`, rng.int(10, 40) * HOUR_MS);
	add('out_for_delivery', dest.city, `【${dest.city}${dest.district}】派件员${courier}正在为您派件`, rng.int(2, 10) * HOUR_MS);
	switch (input.scenario) {
		case 'proxy':
			add('delivered_proxy', dest.city, '快件已签收，签收人：门卫代签', rng.int(1, 5) * HOUR_MS);
			break;
		case 'locker':
			add('locker', dest.city, `快件已放入${dest.district}菜鸟驿站，请凭取件码领取`, rng.int(1, 4) * HOUR_MS);
			add('delivered_locker', dest.city, '快件已从驿站取出，已签收', rng.int(2, 30) * HOUR_MS);
			break;
		case 'retry':
			add('unreachable', dest.city, '收件人电话无人接听，快件派送不成功，待再次派送', rng.int(1, 5) * HOUR_MS);
			add('out_for_delivery', dest.city, `派件员${courier}正在为您再次派件`, rng.int(16, 24) * HOUR_MS);
			add('delivered_after_exception', dest.city, '快件已签收，签收人：本人', rng.int(1, 5) * HOUR_MS);
			break;
		case 'refused':
			add('refused', dest.city, '收件人拒收，快件将退回寄件人', rng.int(1, 4) * HOUR_MS);
			add('returning', dest.city, `快件已退回，正发往${input.origin}`, rng.int(2, 8) * HOUR_MS);
			add('returned', input.origin, '退回件已由寄件人签收', rng.int(40, 80) * HOUR_MS);
			break;
		default:
			add('delivered', dest.city, '快件已签收，签收人：本人，感谢使用', rng.int(1, 5) * HOUR_MS);
	}
	return events;
}

export function parcelEvents(parcel: TruthParcel): ParcelEvent[] {
	parcel.events ??= buildParcelTimeline(parcel);
	return parcel.events;
}

export function visibleEvents(parcel: TruthParcel, now: number): ParcelEvent[] {
	return parcelEvents(parcel).filter((event) => event.at <= now);
}
