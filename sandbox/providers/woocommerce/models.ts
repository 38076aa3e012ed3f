// WooCommerce state: sites (each with its REST key pair and currency), their truth orders and catalog,
// order notes, Shipment Tracking items and registered webhooks. No HTTP here.
import { Rng as SeededRng } from '../../core/rng';
import { DAY_MS } from '../../core/time';
import type { SandboxWorld } from '../../core/world';
import { registerChannelContext, setOrderStatus, shipOrder } from '../../truth/actions';
import { buildCatalog, type CatalogItem } from '../../truth/catalog';
import { generateOrders, type ChannelFlavor, type GenerateContext } from '../../truth/generator';
import type { TruthSnapshot } from '../../truth/types';

export const WOOCOMMERCE = 'woocommerce';

export interface WooSite {
	/** Host (and path) of the WordPress site; the pack's shop id. */
	host: string;
	name: string;
	consumerKey: string;
	consumerSecret: string;
	currency: string;
	orderShare: number;
}

/** A CNY site (default) and, for money tests, a JPY site and a KWD site. */
export const WOO_SITES: readonly WooSite[] = [
	{ host: 'sandbox-shop.example.com', name: 'Sandbox Shop 沙箱独立站', consumerKey: 'ck_sandbox_cny_0000000000000000000000000001', consumerSecret: 'cs_sandbox_cny_0000000000000000000000000001', currency: 'CNY', orderShare: 1 },
	{ host: 'sandbox-tokyo.example.jp', name: 'Sandbox Tokyo', consumerKey: 'ck_sandbox_jpy_0000000000000000000000000001', consumerSecret: 'cs_sandbox_jpy_0000000000000000000000000001', currency: 'JPY', orderShare: 0.05 },
	{ host: 'sandbox-kuwait.example.com', name: 'Sandbox Kuwait', consumerKey: 'ck_sandbox_kwd_0000000000000000000000000001', consumerSecret: 'cs_sandbox_kwd_0000000000000000000000000001', currency: 'KWD', orderShare: 0.05 },
];

export const WOO_DEFAULTS = { apiPath: '/wp-json/wc/v3', trackingPath: '/wp-json/wc-shipment-tracking/v3', itemsPerSite: 20, pageSizeMax: 100, pageSizeDefault: 10, batchMax: 100 } as const;

const flavorFor = (currency: string): ChannelFlavor => ({
	channel: 'woocommerce',
	currency,
	// WordPress post ids: small integers.
	orderId: (rng) => rng.digits(6),
	lineId: (rng) => rng.digits(7),
	refundId: (rng) => rng.digits(6),
	buyerId: (rng) => rng.digits(5),
	orderType: { normal: 'checkout', presale: 'checkout' },
});

export interface WooNote {
	id: number;
	note: string;
	customerNote: boolean;
	at: number;
}

export interface WooTracking {
	id: string;
	provider: string;
	trackingNo: string;
	link?: string;
	at: number;
}

export interface WooWebhookRecord {
	id: number;
	site: string;
	name: string;
	topic: string;
	deliveryUrl: string;
	secret: string;
	status: string;
	createdAt: number;
}

export class WooBackend {
	readonly webhooks: WooWebhookRecord[] = [];
	readonly notes = new Map<string, WooNote[]>();
	readonly trackings = new Map<string, WooTracking[]>();
	private nextWebhookId = 31;
	private nextNoteId = 9001;

	constructor(readonly world: SandboxWorld) {}

	seed(): void {
		const { world } = this;
		const now = world.clock.now();
		for (const site of WOO_SITES) {
			const catalog = buildCatalog(new SeededRng(world.options.seed, WOOCOMMERCE, 'catalog', site.host), WOO_DEFAULTS.itemsPerSite, now - 40 * DAY_MS);
			world.truth.setCatalog(WOOCOMMERCE, site.host, catalog);
			const ctx: GenerateContext = {
				seed: `${world.options.seed}|${site.host}`,
				flavor: flavorFor(site.currency),
				shops: [{ shopId: site.host, catalog, origin: '广州市' }],
				now,
				windowDays: world.options.windowDays,
				takenIds: world.takenIds,
			};
			if (site === WOO_SITES[0]) registerChannelContext(world, ctx);
			for (const { order, parcels } of generateOrders(ctx, Math.ceil(world.options.orders * site.orderShare))) {
				world.truth.addOrder(order);
				for (const parcel of parcels) world.truth.addParcel(parcel);
			}
		}
		world.truth.registerView(WOOCOMMERCE, { rawStatus: (snap) => snap.status, masksReceiver: false });
	}

	siteByKey(key: string | undefined): WooSite | undefined {
		return WOO_SITES.find((s) => s.consumerKey === key);
	}

	site(host: string): WooSite | undefined {
		return WOO_SITES.find((s) => s.host === host);
	}

	/** Orders visible on a site (created before the clock). */
	orders(site: WooSite): TruthSnapshot[] {
		return this.world.truth.visibleSnapshots(WOOCOMMERCE, site.host);
	}

	order(site: WooSite, id: string): TruthSnapshot | undefined {
		const order = this.world.truth.orderByChannelId(WOOCOMMERCE, id);
		if (!order || order.shopId !== site.host || order.createdAt > this.world.clock.now()) return undefined;
		return this.world.truth.snapshot(order);
	}

	products(site: WooSite): CatalogItem[] {
		return this.world.truth.catalog(WOOCOMMERCE, site.host);
	}

	addNote(site: WooSite, snap: TruthSnapshot, note: string, customerNote: boolean): WooNote {
		const entry = { id: this.nextNoteId++, note, customerNote, at: this.world.clock.now() };
		const key = snap.order.channelOrderId;
		this.notes.set(key, [...(this.notes.get(key) ?? []), entry]);
		this.world.recorder.record({ provider: WOOCOMMERCE, kind: 'note', at: entry.at, shopId: site.host, data: { orderId: key, unifiedId: snap.order.id, note, customerNote } });
		return entry;
	}

	/** The Shipment Tracking extension: the parcel is a shipment of the whole order. */
	addTracking(site: WooSite, snap: TruthSnapshot, carrier: string, provider: string, trackingNo: string, link?: string): WooTracking {
		const key = snap.order.channelOrderId;
		const list = this.trackings.get(key) ?? [];
		const entry = { id: `${key}${String(list.length + 1).padStart(2, '0')}`, provider, trackingNo, link, at: this.world.clock.now() };
		this.trackings.set(key, [...list, entry]);
		shipOrder(this.world, snap.order, { carrier, trackingNo });
		this.world.recorder.record({ provider: WOOCOMMERCE, kind: 'shipment', at: entry.at, shopId: site.host, data: { orderId: key, unifiedId: snap.order.id, carrier, trackingNo } });
		return entry;
	}

	/** PUT /orders/{id} {status}: the statuses a seller sets by hand. */
	setStatus(site: WooSite, snap: TruthSnapshot, status: 'completed' | 'cancelled'): void {
		setOrderStatus(this.world, snap.order, status);
		this.world.recorder.record({ provider: WOOCOMMERCE, kind: 'status', at: this.world.clock.now(), shopId: site.host, data: { orderId: snap.order.channelOrderId, unifiedId: snap.order.id, status } });
	}

	setStock(site: WooSite, item: CatalogItem, skuIndex: number, quantity: number): void {
		const sku = skuIndex >= 0 ? item.skus[skuIndex] : undefined;
		const before = sku ? sku.quantity : item.quantity;
		this.world.truth.setStock(item, sku, quantity);
		this.world.recorder.record({ provider: WOOCOMMERCE, kind: 'stock', at: this.world.clock.now(), shopId: site.host, data: { itemId: item.itemId, skuId: sku?.skuId, before, after: quantity } });
	}

	addWebhook(site: WooSite, input: { name: string; topic: string; deliveryUrl: string; secret: string; status: string }): WooWebhookRecord {
		const hook = { id: this.nextWebhookId++, site: site.host, ...input, createdAt: this.world.clock.now() };
		this.webhooks.push(hook);
		return hook;
	}

	removeWebhook(site: WooSite, id: number): WooWebhookRecord | undefined {
		const index = this.webhooks.findIndex((w) => w.id === id && w.site === site.host);
		return index < 0 ? undefined : this.webhooks.splice(index, 1)[0];
	}
}
