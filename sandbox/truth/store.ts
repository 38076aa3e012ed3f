// The one shared truth: orders with timelines, listings with stock, parcels. Every provider renders these
// same facts in its own dialect; the admin API reads and changes them.
import type { UnifiedOrder } from '../../lib/model';
import { isoFromMillis } from '../../lib/model';
import type { SandboxClock } from '../core/clock';
import type { CatalogItem, CatalogSku } from './catalog';
import { materialize } from './lifecycle';
import type { TruthParcel } from './parcels';
import type { TruthEvent, TruthOrder, TruthSnapshot } from './types';

/** How a channel shows its orders: its raw status text and whether it masks the receiver. */
export interface ChannelView {
	rawStatus(snapshot: TruthSnapshot): string;
	masksReceiver: boolean;
	maskReceiver?(order: TruthOrder): UnifiedOrder['receiver'];
}

const shopKey = (channel: string, shopId: string) => `${channel}|${shopId}`;

export class TruthStore {
	private readonly orders = new Map<string, TruthOrder>();
	private readonly byChannelOrderId = new Map<string, TruthOrder>();
	private readonly snapshotCache = new WeakMap<TruthOrder, { key: string; snap: TruthSnapshot }>();
	private readonly listCache = new Map<string, { key: string; snaps: TruthSnapshot[] }>();
	private readonly catalogs = new Map<string, CatalogItem[]>();
	private readonly parcels = new Map<string, TruthParcel>();
	private readonly views = new Map<string, ChannelView>();
	/** Bumped on every change; caches of derived lists key on it and the clock version. */
	version = 0;

	constructor(readonly clock: SandboxClock) {}

	registerView(channel: string, view: ChannelView): void {
		this.views.set(channel, view);
	}

	addOrder(order: TruthOrder): void {
		const key = shopKey(order.channel, order.channelOrderId);
		if (this.byChannelOrderId.has(key)) throw new Error(`order ${order.channelOrderId} already exists on ${order.channel}`);
		order.events.sort((a, b) => a.at - b.at);
		this.orders.set(order.id, order);
		this.byChannelOrderId.set(key, order);
		this.version++;
	}

	/** Appends a timeline event (kept in time order) and marks the order changed. */
	addEvent(order: TruthOrder, event: TruthEvent): void {
		let index = order.events.length;
		while (index > 0 && order.events[index - 1].at > event.at) index--;
		order.events.splice(index, 0, event);
		order.version++;
		this.version++;
	}

	order(id: string): TruthOrder | undefined {
		return this.orders.get(id);
	}

	orderByChannelId(channel: string, channelOrderId: string): TruthOrder | undefined {
		return this.byChannelOrderId.get(shopKey(channel, channelOrderId));
	}

	allOrders(): TruthOrder[] {
		return [...this.orders.values()];
	}

	snapshot(order: TruthOrder): TruthSnapshot {
		const key = `${this.clock.version}:${this.clock.now()}:${order.version}`;
		const cached = this.snapshotCache.get(order);
		if (cached && cached.key === key) return cached.snap;
		const snap = materialize(order, this.clock.now());
		this.snapshotCache.set(order, { key, snap });
		return snap;
	}

	/** Orders of one shop that exist as of now (created at or before the clock), as snapshots. */
	visibleSnapshots(channel: string, shopId: string): TruthSnapshot[] {
		const cacheKey = shopKey(channel, shopId);
		const key = `${this.clock.version}:${this.clock.now()}:${this.version}`;
		const cached = this.listCache.get(cacheKey);
		if (cached && cached.key === key) return cached.snaps;
		const now = this.clock.now();
		const snaps: TruthSnapshot[] = [];
		for (const order of this.orders.values()) {
			if (order.channel === channel && order.shopId === shopId && order.createdAt <= now) snaps.push(this.snapshot(order));
		}
		this.listCache.set(cacheKey, { key, snaps });
		return snaps;
	}

	/** The few fields a pull is checked against, cheap enough for tens of thousands of orders. */
	summary(order: TruthOrder) {
		const snap = this.snapshot(order);
		const view = this.views.get(order.channel);
		return {
			id: order.id,
			channel: order.channel,
			shopId: order.shopId,
			channelOrderId: order.channelOrderId,
			status: snap.status,
			rawStatus: view ? view.rawStatus(snap) : snap.status,
			refundState: snap.refundState,
			updatedAt: isoFromMillis(snap.updatedAt),
		};
	}

	/** The order in unified terms as of now; `asChannelShows` masks the receiver the way the channel does. */
	unified(order: TruthOrder, asChannelShows = false): UnifiedOrder {
		const snap = this.snapshot(order);
		const view = this.views.get(order.channel);
		const masked = asChannelShows && view?.masksReceiver === true;
		const iso = (ms: number | undefined) => (ms === undefined ? undefined : isoFromMillis(ms));
		const last = snap.shipments[snap.shipments.length - 1];
		return {
			id: order.id,
			channel: order.channel,
			shopId: order.shopId,
			channelOrderId: order.channelOrderId,
			status: snap.status,
			rawStatus: view ? view.rawStatus(snap) : snap.status,
			refundState: snap.refundState,
			currency: order.currency,
			totals: { ...order.totals, refunded: snap.refunded },
			createdAt: isoFromMillis(order.createdAt),
			paidAt: iso(snap.paidAt),
			updatedAt: isoFromMillis(snap.updatedAt),
			shippedAt: iso(snap.shippedAt),
			lines: order.lines.map((line) => ({ ...line, refundState: snap.lineRefundStates[line.lineId] })),
			buyer: { ...order.buyer },
			receiver: masked && view?.maskReceiver ? view.maskReceiver(order) : { ...order.receiver },
			buyerMessage: snap.buyerMessage,
			sellerMemo: snap.sellerMemo,
			tags: order.presale ? ['presale'] : [],
			presale: order.presale,
			logistics: last
				? {
						carrier: last.carrier,
						trackingNo: last.trackingNo,
						shipments: snap.shipments.map((s) => ({
							carrier: s.carrier,
							trackingNo: s.trackingNo,
							lineIds: s.lineIds,
							shippedAt: isoFromMillis(s.at),
						})),
					}
				: undefined,
			flags: [],
		};
	}

	setCatalog(channel: string, shopId: string, items: CatalogItem[]): void {
		this.catalogs.set(shopKey(channel, shopId), items);
		this.version++;
	}

	catalog(channel: string, shopId: string): CatalogItem[] {
		return this.catalogs.get(shopKey(channel, shopId)) ?? [];
	}

	findItem(channel: string, shopId: string, itemId: string): CatalogItem | undefined {
		return this.catalog(channel, shopId).find((item) => item.itemId === itemId);
	}

	/** Sets channel stock of an item or one of its SKUs; item totals follow their SKUs. */
	setStock(item: CatalogItem, sku: CatalogSku | undefined, quantity: number): void {
		if (!Number.isInteger(quantity) || quantity < 0) throw new RangeError('stock must be a whole number >= 0');
		if (sku) {
			sku.quantity = quantity;
			item.quantity = item.skus.reduce((sum, s) => sum + s.quantity, 0);
		} else {
			item.quantity = quantity;
		}
		item.modified = this.clock.now();
		this.version++;
	}

	addParcel(parcel: TruthParcel): void {
		this.parcels.set(shopKey(parcel.carrier, parcel.trackingNo), parcel);
		this.version++;
	}

	parcel(carrier: string, trackingNo: string): TruthParcel | undefined {
		return this.parcels.get(shopKey(carrier, trackingNo));
	}

	allParcels(): TruthParcel[] {
		return [...this.parcels.values()];
	}
}
