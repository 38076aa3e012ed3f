// SF state: partners, orders with their waybills, OAuth tokens and route-push progress. No HTTP here.
import { Rng } from '../../core/rng';
import { HOUR_MS } from '../../core/time';
import type { SandboxWorld } from '../../core/world';
import { createParcel } from '../../truth/actions';
import type { TruthParcel } from '../../truth/parcels';
import { visibleEvents } from '../../truth/parcels';
import { BUSINESS, SfBusinessError } from './exceptions';
import { SF_SCENARIOS } from './render';

export const SF = 'sf';
export const SF_DEFAULTS = {
	partner: { partnerId: 'SANDBOX_SF_PARTNER', checkWord: 'sandbox-sf-check-word' },
	/** The partner of the published digest example (logistics.md §3.3). */
	examplePartner: { partnerId: 'EXAMPLE_PARTNER', checkWord: 'fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci' },
};
/** SF access tokens live two hours (logistics.md §3.4). */
export const TOKEN_LIFETIME_MS = 2 * HOUR_MS;

export interface SfOrder {
	partnerId: string;
	orderId: string;
	waybillNo: string;
	receiverPhone: string;
	createdAt: number;
	cancelled: boolean;
}

export interface SfContact {
	contactType?: number;
	contact?: string;
	mobile?: string;
	tel?: string;
	province?: string;
	city?: string;
	county?: string;
	address?: string;
}

export class SfBackend {
	private readonly orders = new Map<string, SfOrder>();
	private readonly byWaybill = new Map<string, SfOrder>();
	private readonly tokens = new Map<string, { partnerId: string; expiresAt: number }>();
	/** Route ids already accepted by the partner's push URL, per waybill: how many routes went out. */
	readonly pushed = new Map<string, number>();
	readonly pushUrls = new Map<string, string>();

	constructor(readonly world: SandboxWorld) {}

	seed(): void {
		for (const p of [SF_DEFAULTS.partner, SF_DEFAULTS.examplePartner]) {
			this.world.registry.addApp({ provider: SF, appKey: p.partnerId, secret: p.checkWord, label: 'SF partner' });
		}
	}

	checkWordOf(partnerId: string): string | undefined {
		return this.world.registry.app(SF, partnerId)?.secret;
	}

	issueToken(partnerId: string): { accessToken: string; expiresIn: number } {
		const accessToken = new Rng(this.world.options.seed, 'sf-token', partnerId, this.world.clock.now()).token(32, '0123456789ABCDEF');
		this.tokens.set(accessToken, { partnerId, expiresAt: this.world.clock.now() + TOKEN_LIFETIME_MS });
		return { accessToken, expiresIn: TOKEN_LIFETIME_MS / 1000 };
	}

	tokenState(partnerId: string, token: string): 'ok' | 'expired' | 'unknown' {
		const entry = this.tokens.get(token);
		if (!entry || entry.partnerId !== partnerId) return 'unknown';
		return entry.expiresAt > this.world.clock.now() ? 'ok' : 'expired';
	}

	createOrder(partnerId: string, orderId: string, contacts: SfContact[], cargo: unknown[], monthlyCard: string): SfOrder {
		const sender = contacts.find((c) => Number(c.contactType) === 1) ?? {};
		const receiver = contacts.find((c) => Number(c.contactType) === 2) ?? {};
		if (!sender.address) throw new SfBusinessError(BUSINESS.senderAddressEmpty);
		if (!receiver.address) throw new SfBusinessError(BUSINESS.receiverAddressEmpty);
		if (!sender.contact) throw new SfBusinessError(BUSINESS.senderContactEmpty);
		if (!receiver.contact) throw new SfBusinessError(BUSINESS.receiverContactEmpty);
		if (!sender.mobile && !sender.tel) throw new SfBusinessError(BUSINESS.senderPhoneEmpty);
		if (!receiver.mobile && !receiver.tel) throw new SfBusinessError(BUSINESS.receiverPhoneEmpty);
		if (!cargo.length || !(cargo[0] as { name?: string }).name) throw new SfBusinessError(BUSINESS.cargoEmpty);
		if (monthlyCard && !/^\d{10}$/.test(monthlyCard)) throw new SfBusinessError(BUSINESS.monthlyCardFormat);
		const key = `${partnerId}|${orderId}`;
		if (this.orders.has(key)) throw new SfBusinessError(BUSINESS.duplicateOrder);
		const rng = new Rng(this.world.options.seed, 'sf-order', partnerId, orderId);
		let waybillNo = 'SF' + rng.digits(13, '1');
		while (this.world.truth.parcel('sf', waybillNo)) waybillNo = 'SF' + rng.digits(13, '1');
		const phone = String(receiver.mobile ?? receiver.tel);
		const parcel = createParcel(this.world, { carrier: 'sf', trackingNo: waybillNo, shippedAt: this.world.clock.now(), scenario: rng.pick(SF_SCENARIOS) });
		parcel.phone = phone;
		const order: SfOrder = { partnerId, orderId, waybillNo, receiverPhone: phone, createdAt: this.world.clock.now(), cancelled: false };
		this.orders.set(key, order);
		this.byWaybill.set(waybillNo, order);
		this.world.recorder.record({ provider: SF, kind: 'order', at: order.createdAt, data: { orderId, waybillNo } });
		return order;
	}

	order(partnerId: string, orderId: string): SfOrder {
		const order = this.orders.get(`${partnerId}|${orderId}`);
		if (!order) throw new SfBusinessError(BUSINESS.orderNotFound);
		return order;
	}

	cancel(partnerId: string, orderId: string): SfOrder {
		const order = this.order(partnerId, orderId);
		if (order.cancelled) throw new SfBusinessError(BUSINESS.alreadyCancelled);
		order.cancelled = true;
		this.world.recorder.record({ provider: SF, kind: 'order_cancel', at: this.world.clock.now(), data: { orderId } });
		return order;
	}

	/** A waybill's parcel, when the partner may see it: its own, or any SF parcel with the right phone digits. */
	parcelFor(partnerId: string, waybillNo: string, checkPhoneNo: string): TruthParcel | undefined {
		const parcel = this.world.truth.parcel('sf', waybillNo);
		if (!parcel) return undefined;
		const own = this.byWaybill.get(waybillNo)?.partnerId === partnerId;
		if (!own && !(checkPhoneNo.length === 4 && parcel.phone?.endsWith(checkPhoneNo))) throw new SfBusinessError(BUSINESS.phoneCheck);
		return parcel;
	}

	waybillByOrder(partnerId: string, orderId: string): string | undefined {
		return this.orders.get(`${partnerId}|${orderId}`)?.waybillNo;
	}

	visible(parcel: TruthParcel) {
		return visibleEvents(parcel, this.world.clock.now());
	}

	/** The partner's live (not cancelled) orders, for route pushes. */
	liveOrders(partnerId?: string): SfOrder[] {
		return [...this.orders.values()].filter((o) => !o.cancelled && (!partnerId || o.partnerId === partnerId));
	}
}
