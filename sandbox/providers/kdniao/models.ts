// Kdniao state: accounts, e-waybills, subscriptions and push progress. No HTTP here.
import { Rng } from '../../core/rng';
import type { SandboxWorld } from '../../core/world';
import { createParcel } from '../../truth/actions';
import { carrierById } from '../../truth/carriers';
import type { TruthParcel } from '../../truth/parcels';
import { visibleEvents } from '../../truth/parcels';
import { carrierOfShipper } from './render';

export const KDNIAO = 'kdniao';
export const KDNIAO_DEFAULTS = {
	account: { eBusinessId: '1900001', appKey: 'sandbox-kdniao-app-key' },
	/** The account of the published DataSign example (logistics.md §8). */
	exampleAccount: { eBusinessId: '1234567', appKey: 'test-app-key' },
};

export interface KdniaoWaybill {
	eBusinessId: string;
	orderCode: string;
	shipperCode: string;
	logisticCode: string;
	cancelled: boolean;
}

export interface KdniaoSubscription {
	eBusinessId: string;
	shipperCode: string;
	logisticCode: string;
	callback: string;
	monitored: boolean;
	/** Traces in the last accepted push. */
	pushedTraces: number;
}

export class KdniaoBackend {
	readonly waybills = new Map<string, KdniaoWaybill>();
	readonly subscriptions = new Map<string, KdniaoSubscription>();
	readonly pushUrls = new Map<string, string>();

	constructor(readonly world: SandboxWorld) {}

	seed(): void {
		for (const a of [KDNIAO_DEFAULTS.account, KDNIAO_DEFAULTS.exampleAccount]) {
			this.world.registry.addApp({ provider: KDNIAO, appKey: a.eBusinessId, secret: a.appKey, label: 'Kdniao account' });
		}
	}

	appKeyOf(eBusinessId: string): string | undefined {
		return this.world.registry.app(KDNIAO, eBusinessId)?.secret;
	}

	parcel(shipperCode: string, logisticCode: string): TruthParcel | undefined {
		const carrier = carrierOfShipper(shipperCode);
		return carrier ? this.world.truth.parcel(carrier, logisticCode) : undefined;
	}

	visible(parcel: TruthParcel) {
		return visibleEvents(parcel, this.world.clock.now());
	}

	/** A new e-waybill, or the one this OrderCode already has (`existing: true`). */
	createWaybill(eBusinessId: string, orderCode: string, shipperCode: string, phone: string): { waybill: KdniaoWaybill; existing: boolean } | undefined {
		const key = `${eBusinessId}|${orderCode}`;
		const found = this.waybills.get(key);
		if (found) return { waybill: found, existing: true };
		const carrier = carrierById(carrierOfShipper(shipperCode) ?? '');
		if (!carrier) return undefined;
		const rng = new Rng(this.world.options.seed, 'kdniao-eorder', eBusinessId, orderCode);
		let logisticCode = carrier.waybill(rng);
		while (this.world.truth.parcel(carrier.id, logisticCode)) logisticCode = carrier.waybill(rng);
		const parcel = createParcel(this.world, { carrier: carrier.id, trackingNo: logisticCode, shippedAt: this.world.clock.now() });
		parcel.phone = phone;
		const waybill = { eBusinessId, orderCode, shipperCode, logisticCode, cancelled: false };
		this.waybills.set(key, waybill);
		this.world.recorder.record({ provider: KDNIAO, kind: 'eorder', at: this.world.clock.now(), data: { ...waybill } });
		return { waybill, existing: false };
	}

	cancelWaybill(eBusinessId: string, orderCode: string, logisticCode: string): KdniaoWaybill | undefined {
		const waybill = this.waybills.get(`${eBusinessId}|${orderCode}`);
		if (!waybill || waybill.logisticCode !== logisticCode || waybill.cancelled) return undefined;
		waybill.cancelled = true;
		this.subscriptions.delete(`${waybill.shipperCode}|${logisticCode}`);
		return waybill;
	}

	subscribe(sub: Omit<KdniaoSubscription, 'pushedTraces'>): void {
		const key = `${sub.shipperCode}|${sub.logisticCode}`;
		const existing = this.subscriptions.get(key);
		this.subscriptions.set(key, { ...sub, pushedTraces: existing?.pushedTraces ?? 0 });
		this.world.recorder.record({ provider: KDNIAO, kind: 'subscription', at: this.world.clock.now(), data: { ...sub } });
	}
}
