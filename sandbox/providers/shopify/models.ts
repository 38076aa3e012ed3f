// Shopify state: shops (each with its token, currency and location), their truth orders, registered
// webhooks and opaque page cursors. No HTTP here.
import { Rng as SeededRng } from '../../core/rng';
import { DAY_MS } from '../../core/time';
import type { SandboxWorld } from '../../core/world';
import { seedChannelOrders, shipOrder } from '../../truth/actions';
import { buildCatalog, type CatalogItem } from '../../truth/catalog';
import type { ChannelFlavor } from '../../truth/generator';
import type { TruthSnapshot } from '../../truth/types';

export const SHOPIFY = 'shopify';

export interface ShopifyShop {
	domain: string;
	name: string;
	token: string;
	apiSecret: string;
	currency: string;
	locationId: string;
	/** Share of the world's order count generated for this shop. */
	orderShare: number;
}

/** A CNY shop (default) and, for money tests, a JPY shop and a KWD shop. */
export const SHOPIFY_SHOPS: readonly ShopifyShop[] = [
	{ domain: 'sandbox-tea.myshopify.com', name: 'Sandbox Tea 沙箱茶铺', token: 'shpat_sandbox_cny_0001', apiSecret: 'sandbox-shopify-secret-cny', currency: 'CNY', locationId: '65544149101', orderShare: 1 },
	{ domain: 'sandbox-tokyo.myshopify.com', name: 'Sandbox Tokyo', token: 'shpat_sandbox_jpy_0001', apiSecret: 'sandbox-shopify-secret-jpy', currency: 'JPY', locationId: '65544149102', orderShare: 0.05 },
	{ domain: 'sandbox-kuwait.myshopify.com', name: 'Sandbox Kuwait', token: 'shpat_sandbox_kwd_0001', apiSecret: 'sandbox-shopify-secret-kwd', currency: 'KWD', locationId: '65544149103', orderShare: 0.05 },
];

export const SHOPIFY_DEFAULTS = { apiVersion: '2024-10', itemsPerShop: 20, pageSizeMax: 250, pageSizeDefault: 50 } as const;

const flavorFor = (currency: string): ChannelFlavor => ({
	channel: 'shopify',
	currency,
	// 19-digit ids, beyond 2^53, as Shopify's own are getting.
	orderId: (rng) => `58${rng.digits(17, '0123456789')}`,
	lineId: (rng) => `13${rng.digits(17, '0123456789')}`,
	refundId: (rng) => `99${rng.digits(17, '0123456789')}`,
	buyerId: (rng) => `70${rng.digits(17, '0123456789')}`,
	orderType: { normal: 'normal', presale: 'presale' },
});

export interface WebhookSubscription {
	id: string;
	shop: string;
	topic: string;
	address: string;
	createdAt: number;
}

/** What a page_info stands for: the filters and where the next page starts (after the last row read). */
export interface PageCursor {
	shop: string;
	query: OrderQuery | 'products';
	after?: { at: number; id: string };
	offset: number;
	limit: number;
}

export interface OrderQuery {
	field: 'created' | 'updated';
	min?: number;
	max?: number;
	status: 'any' | 'open' | 'closed' | 'cancelled';
}

export class ShopifyBackend {
	readonly webhooks: WebhookSubscription[] = [];
	private readonly cursors = new Map<string, PageCursor>();
	private nextWebhookId = 4_759_306;

	constructor(readonly world: SandboxWorld) {}

	seed(): void {
		const { world } = this;
		const now = world.clock.now();
		for (const shop of SHOPIFY_SHOPS) {
			const catalog = buildCatalog(new SeededRng(world.options.seed, SHOPIFY, 'catalog', shop.domain), SHOPIFY_DEFAULTS.itemsPerShop, now - 40 * DAY_MS);
			world.truth.setCatalog(SHOPIFY, shop.domain, catalog);
			seedChannelOrders(world, {
				seed: `${world.options.seed}|${shop.domain}`,
				flavor: flavorFor(shop.currency),
				shops: [{ shopId: shop.domain, catalog, origin: '深圳市' }],
				now,
				orders: Math.ceil(world.options.orders * shop.orderShare),
				register: shop === SHOPIFY_SHOPS[0],
			});
		}
		world.truth.registerView(SHOPIFY, { rawStatus: (snap) => snap.status, masksReceiver: false });
	}

	shopByToken(token: string | undefined): ShopifyShop | undefined {
		return SHOPIFY_SHOPS.find((s) => s.token === token);
	}

	shop(domain: string): ShopifyShop | undefined {
		return SHOPIFY_SHOPS.find((s) => s.domain === domain);
	}

	/** Orders matching a query, oldest first by the filtered time (ties by id). */
	orders(shop: ShopifyShop, query: OrderQuery): TruthSnapshot[] {
		const at = (s: TruthSnapshot) => (query.field === 'created' ? s.order.createdAt : s.updatedAt);
		return this.world.truth
			.visibleSnapshots(SHOPIFY, shop.domain)
			.filter((s) => (query.min === undefined || at(s) >= query.min) && (query.max === undefined || at(s) <= query.max) && statusMatches(s, query.status))
			.sort((a, b) => at(a) - at(b) || (a.order.channelOrderId < b.order.channelOrderId ? -1 : 1));
	}

	order(shop: ShopifyShop, id: string): TruthSnapshot | undefined {
		const order = this.world.truth.orderByChannelId(SHOPIFY, id);
		if (!order || order.shopId !== shop.domain || order.createdAt > this.world.clock.now()) return undefined;
		return this.world.truth.snapshot(order);
	}

	products(shop: ShopifyShop): CatalogItem[] {
		return this.world.truth.catalog(SHOPIFY, shop.domain);
	}

	/** An opaque cursor for the rest of a list; it carries the filters, as Shopify's page_info does. */
	cursor(shop: ShopifyShop, page: Omit<PageCursor, 'shop'>): string {
		const token = new SeededRng(this.world.options.seed, 'shopify-page', shop.domain, this.cursors.size).token(24);
		this.cursors.set(token, { shop: shop.domain, ...page });
		return token;
	}

	readCursor(shop: ShopifyShop, token: string) {
		const cursor = this.cursors.get(token);
		return cursor && cursor.shop === shop.domain ? cursor : undefined;
	}

	/** POST fulfillments.json: one parcel for the lines of the named fulfillment orders. */
	fulfill(shop: ShopifyShop, snap: TruthSnapshot, carrier: string, trackingNo: string, lineIds: string[] | undefined): void {
		shipOrder(this.world, snap.order, { carrier, trackingNo, lineIds });
		this.world.recorder.record({ provider: SHOPIFY, kind: 'shipment', at: this.world.clock.now(), shopId: shop.domain, data: { orderId: snap.order.channelOrderId, unifiedId: snap.order.id, carrier, trackingNo, lineIds } });
	}

	setInventory(shop: ShopifyShop, item: CatalogItem, skuIndex: number, available: number, locationId: string): void {
		const sku = item.skus[skuIndex];
		const before = sku ? sku.quantity : item.quantity;
		this.world.truth.setStock(item, sku, available);
		this.world.recorder.record({ provider: SHOPIFY, kind: 'stock', at: this.world.clock.now(), shopId: shop.domain, data: { itemId: item.itemId, skuId: sku?.skuId, locationId, before, after: available } });
	}

	addWebhook(shop: ShopifyShop, topic: string, address: string): WebhookSubscription {
		const hook = { id: String(this.nextWebhookId++), shop: shop.domain, topic, address, createdAt: this.world.clock.now() };
		this.webhooks.push(hook);
		return hook;
	}

	removeWebhook(shop: ShopifyShop, id: string): boolean {
		const index = this.webhooks.findIndex((w) => w.id === id && w.shop === shop.domain);
		if (index < 0) return false;
		this.webhooks.splice(index, 1);
		return true;
	}
}

function statusMatches(snap: TruthSnapshot, status: OrderQuery['status']): boolean {
	if (status === 'any') return true;
	if (status === 'cancelled') return snap.status === 'cancelled';
	if (status === 'closed') return snap.status === 'completed';
	return snap.status !== 'cancelled' && snap.status !== 'completed';
}
