// Kuaidi100 state: accounts, subscriptions and the parcels they track. No HTTP here.
import { Rng } from '../../core/rng';
import { DAY_MS } from '../../core/time';
import type { SandboxWorld } from '../../core/world';
import { createParcel } from '../../truth/actions';
import { carrierById, carrierByKuaidi100Code } from '../../truth/carriers';
import type { TruthParcel } from '../../truth/parcels';
import { visibleEvents } from '../../truth/parcels';

export const KUAIDI100 = 'kuaidi100';
/** Registry provider name under which each key's label-API secret is kept. */
export const KUAIDI100_LABEL = 'kuaidi100-label';

export const KUAIDI100_DEFAULTS = {
	account: { customer: 'SANDBOXCUSTOMER0001', key: 'sandbox-kuaidi100-key', secret: 'sandbox-kuaidi100-secret' },
	/** The account of the published sign examples (logistics.md §8), so those requests replay as-is. */
	exampleAccount: { customer: 'TESTCUSTOMER', key: 'TESTKEY', secret: 'TESTSECRET' },
	/** A parcel the example query finds. */
	exampleParcel: { com: 'yuantong', num: 'YT0000000000000' },
};

/** Subscriptions per number per month before Kuaidi100 answers "duplicate" (logistics.md §1.2). */
export const MAX_SUBSCRIPTIONS_PER_MONTH = 4;
/** Kuaidi100 gives up on a number with no tracking after this long ("3天查询无记录"). */
export const ABORT_WITHOUT_EVENTS_MS = 3 * DAY_MS;

export interface Subscription {
	com: string;
	number: string;
	key: string;
	callbackUrl: string;
	salt?: string;
	resultv2: string;
	subscribedAt: number;
	/** Events already delivered in an accepted push. */
	pushedEvents: number;
	status: 'polling' | 'shutdown' | 'abort';
	/** Subscription times this month (duplicates count too). */
	history: number[];
}

export class Kuaidi100Backend {
	private readonly subscriptions = new Map<string, Subscription>();

	constructor(readonly world: SandboxWorld) {}

	seed(): void {
		const d = KUAIDI100_DEFAULTS;
		for (const account of [d.account, d.exampleAccount]) {
			this.world.registry.addApp({ provider: KUAIDI100, appKey: account.customer, secret: account.key, label: 'query account' });
			this.world.registry.addApp({ provider: KUAIDI100_LABEL, appKey: account.key, secret: account.secret, label: 'label account' });
		}
		const carrier = carrierByKuaidi100Code(d.exampleParcel.com)!;
		createParcel(this.world, {
			carrier: carrier.id,
			trackingNo: d.exampleParcel.num,
			shippedAt: this.world.clock.now() - 2 * DAY_MS,
			scenario: 'normal',
		});
	}

	/** Keys that may subscribe: every query account's key. */
	isKnownKey(key: string): boolean {
		return this.world.registry.appsOf(KUAIDI100).some((app) => app.secret === key);
	}

	parcel(com: string, number: string): TruthParcel | undefined {
		const carrier = carrierByKuaidi100Code(com);
		return carrier ? this.world.truth.parcel(carrier.id, number) : undefined;
	}

	isKnownCom(com: string): boolean {
		return carrierByKuaidi100Code(com) !== undefined;
	}

	/** autoCom: the carrier of a number, when any known parcel has it. */
	detectCompany(number: string): string | undefined {
		const parcel = this.world.truth.allParcels().find((p) => p.trackingNo === number);
		return parcel ? carrierById(parcel.carrier)?.kuaidi100Code : undefined;
	}

	visible(parcel: TruthParcel) {
		return visibleEvents(parcel, this.world.clock.now());
	}

	subscribe(input: Omit<Subscription, 'subscribedAt' | 'pushedEvents' | 'status' | 'history'>): 'ok' | 'duplicate' {
		const key = `${input.com}|${input.number}`;
		const now = this.world.clock.now();
		const existing = this.subscriptions.get(key);
		const history = (existing?.history ?? []).filter((at) => now - at < 30 * DAY_MS);
		history.push(now);
		if (existing && (existing.status === 'polling' || history.length > MAX_SUBSCRIPTIONS_PER_MONTH)) {
			existing.history = history;
			return 'duplicate';
		}
		this.subscriptions.set(key, { ...input, subscribedAt: now, pushedEvents: 0, status: 'polling', history });
		this.world.recorder.record({ provider: KUAIDI100, kind: 'subscription', at: now, data: { ...input } });
		return 'ok';
	}

	list(filter: { number?: string; com?: string } = {}): Subscription[] {
		return [...this.subscriptions.values()].filter(
			(s) => (!filter.number || s.number === filter.number) && (!filter.com || s.com === filter.com),
		);
	}

	private labelsCreated = 0;

	/** A label (e-waybill) order: a new waybill number and a parcel that starts when the courier collects it. */
	createLabel(kuaidicom: string, taskSeed: string): { taskId: string; kuaidinum: string } | undefined {
		const carrier = carrierByKuaidi100Code(kuaidicom);
		if (!carrier) return undefined;
		// Seeded by the request and a running count, not its timestamp: the same calls give the same waybills.
		const rng = new Rng(this.world.options.seed, 'label', taskSeed, String(this.labelsCreated++));
		let kuaidinum = carrier.waybill(rng);
		while (this.world.truth.parcel(carrier.id, kuaidinum)) kuaidinum = carrier.waybill(rng);
		createParcel(this.world, { carrier: carrier.id, trackingNo: kuaidinum, shippedAt: this.world.clock.now() });
		this.world.recorder.record({ provider: KUAIDI100, kind: 'label', at: this.world.clock.now(), data: { kuaidicom, kuaidinum } });
		return { taskId: rng.token(32, '0123456789ABCDEF'), kuaidinum };
	}
}
