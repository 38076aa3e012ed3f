// The Shopify client: Admin REST paths as a method table (page caps) and one call per use case on the
// Shopify request core. Order lists return whole orders, so a pull costs exactly its list pages.
import { InvalidRequestError, PermanentError, type HttpClient } from '../../http';
import type { RetryDeps, RetryPolicy } from '../../retry';
import { defineMethods, pageSizeFor, paginatePages, type MethodSpec } from '../core';
import type { CallStats, JsonObject } from '../core/formGateway';
import { CHANNEL, type ShopifyTopic } from './codes';
import { createShopifyRest, type RestResponse } from './rest';
import type { ShopifyCredentials } from './sign';

export interface ShopifyClientOptions {
	credentials: ShopifyCredentials;
	http: HttpClient;
	retry?: RetryPolicy;
	retryDeps?: RetryDeps;
	now?: () => number;
	timeoutMs?: number;
}

/** Admin REST calls (channels.md §8); apiMethod is the verb and path template. */
export const SHOPIFY_METHODS = defineMethods({
	listOrders: { apiMethod: 'GET /orders.json', kind: 'list', pageSizeMax: 250 },
	getOrder: { apiMethod: 'GET /orders/{id}.json', kind: 'get' },
	listRefunds: { apiMethod: 'GET /orders/{id}/refunds.json', kind: 'get' },
	listFulfillmentOrders: { apiMethod: 'GET /orders/{id}/fulfillment_orders.json', kind: 'get' },
	createFulfillment: { apiMethod: 'POST /fulfillments.json', kind: 'action' },
	setInventory: { apiMethod: 'POST /inventory_levels/set.json', kind: 'action' },
	listProducts: { apiMethod: 'GET /products.json', kind: 'list', pageSizeMax: 250 },
	listLocations: { apiMethod: 'GET /locations.json', kind: 'get' },
	listWebhooks: { apiMethod: 'GET /webhooks.json', kind: 'get' },
	createWebhook: { apiMethod: 'POST /webhooks.json', kind: 'action' },
	deleteWebhook: { apiMethod: 'DELETE /webhooks/{id}.json', kind: 'action' },
	getShop: { apiMethod: 'GET /shop.json', kind: 'get' },
});

export type ShopifyOrder = JsonObject;

export interface OrderListQuery {
	/** 'created' filters by created_at_min/max, 'modified' by updated_at_min/max. */
	by: 'created' | 'modified';
	from: string;
	to?: string;
	/** Shopify's status filter; 'any' (every order, open, closed or cancelled) by default. */
	status?: 'any' | 'open' | 'closed' | 'cancelled';
	pageSize?: number;
}

export interface ShipLine {
	/** The order's line_item id. */
	lineItemId: string;
	quantity: number;
}

export interface ShipRequest {
	orderId: string;
	trackingNo: string;
	/** Carrier name as Shopify knows it ("SF Express"). */
	company: string;
	trackingUrl?: string;
	notifyCustomer?: boolean;
	/** The lines in this parcel; everything still to ship when absent. */
	lines?: ShipLine[];
}

export interface InventorySet {
	inventoryItemId: string;
	locationId: string;
	available: number;
}

export interface ShopifyVariant {
	productId: string;
	variantId: string;
	sku?: string;
	inventoryItemId?: string;
	title: string;
	variantTitle?: string;
	quantity?: number;
	raw: JsonObject;
}

export interface ShopifyWebhook {
	id: string;
	topic: string;
	address: string;
}

export interface ShopifyClient {
	readonly shopId: string;
	readonly stats: CallStats;
	resetStats(): void;
	getOrder(orderId: string): Promise<ShopifyOrder>;
	listOrderPages(query: OrderListQuery): AsyncGenerator<ShopifyOrder[]>;
	listOrders(query: OrderListQuery): AsyncGenerator<ShopifyOrder>;
	listRefunds(orderId: string): Promise<JsonObject[]>;
	listFulfillmentOrders(orderId: string): Promise<JsonObject[]>;
	ship(request: ShipRequest): Promise<JsonObject>;
	setInventory(update: InventorySet): Promise<JsonObject>;
	listVariants(): AsyncGenerator<ShopifyVariant>;
	listLocations(): Promise<Array<{ id: string; name: string; active: boolean }>>;
	listWebhooks(): Promise<ShopifyWebhook[]>;
	createWebhook(topic: ShopifyTopic | string, address: string): Promise<ShopifyWebhook>;
	deleteWebhook(webhookId: string): Promise<void>;
	testConnection(): Promise<{ ok: true; name?: string; currency?: string }>;
}

const DIGITS = /^\d+$/;
/** Fulfillment orders that still have something to ship. */
const SHIPPABLE_FULFILLMENT_ORDER = new Set(['open', 'in_progress']);

export function createShopifyClient(options: ShopifyClientOptions): ShopifyClient {
	const { credentials } = options;
	const shopId = credentials.shopDomain;
	const rest = createShopifyRest({
		shopId,
		baseUrl: credentials.baseUrl,
		accessToken: credentials.accessToken,
		http: options.http,
		retry: options.retry,
		retryDeps: options.retryDeps,
		now: options.now,
		timeoutMs: options.timeoutMs,
	});
	const M = SHOPIFY_METHODS;
	const invalid = (method: MethodSpec, message: string, hint: string) =>
		new InvalidRequestError({ provider: CHANNEL, shopId, method: method.apiMethod, platformMessage: message, hint });
	const unexpected = (method: MethodSpec, message: string, orderId?: string) =>
		new PermanentError({ provider: CHANNEL, shopId, method: method.apiMethod, orderId, platformMessage: message });
	const requireId = (value: string, what: string, method: MethodSpec) => {
		const text = String(value ?? '').trim();
		if (DIGITS.test(text)) return text;
		throw invalid(method, `${what} ${JSON.stringify(value)} is not a number`, `give the Shopify ${what} as digits only (the numeric id, not the #name)`);
	};
	const get = (method: MethodSpec, path: string, qs?: JsonObject, orderId?: string): Promise<RestResponse> =>
		rest.request({ method: 'GET', path, apiMethod: method.apiMethod, qs: qs as never, orderId });
	const post = (method: MethodSpec, path: string, body: object, orderId?: string) =>
		rest.request({ method: 'POST', path, apiMethod: method.apiMethod, body, orderId }).then((r) => r.body);
	const listOf = (body: JsonObject, key: string) => (Array.isArray(body[key]) ? (body[key] as JsonObject[]) : []);

	async function getOrder(orderId: string): Promise<ShopifyOrder> {
		const id = requireId(orderId, 'order id', M.getOrder);
		const { body } = await get(M.getOrder, `/orders/${id}.json`, undefined, id);
		if (!body.order || typeof body.order !== 'object') throw unexpected(M.getOrder, 'no order in the response', id);
		return body.order as ShopifyOrder;
	}

	function listOrderPages(query: OrderListQuery): AsyncGenerator<ShopifyOrder[]> {
		const limit = pageSizeFor(M.listOrders, query.pageSize);
		const field = query.by === 'created' ? 'created_at' : 'updated_at';
		const first: JsonObject = { status: query.status ?? 'any', limit, [`${field}_min`]: query.from };
		if (query.to) first[`${field}_max`] = query.to;
		// With page_info Shopify rejects every other filter: the cursor carries them.
		return paginatePages<ShopifyOrder, string>(
			async (pageInfo) => {
				const res = await get(M.listOrders, '/orders.json', pageInfo === undefined ? first : { limit, page_info: pageInfo });
				return { items: listOf(res.body, 'orders'), next: res.nextPageInfo };
			},
			{ context: { provider: CHANNEL, shopId, method: M.listOrders.apiMethod } },
		);
	}

	async function listFulfillmentOrders(orderId: string): Promise<JsonObject[]> {
		const id = requireId(orderId, 'order id', M.listFulfillmentOrders);
		const { body } = await get(M.listFulfillmentOrders, `/orders/${id}/fulfillment_orders.json`, undefined, id);
		return listOf(body, 'fulfillment_orders');
	}

	return {
		shopId,
		stats: rest.stats,
		resetStats: () => rest.resetStats(),
		getOrder,
		listOrderPages,

		async *listOrders(query) {
			for await (const page of listOrderPages(query)) yield* page;
		},

		async listRefunds(orderId) {
			const id = requireId(orderId, 'order id', M.listRefunds);
			return listOf((await get(M.listRefunds, `/orders/${id}/refunds.json`, undefined, id)).body, 'refunds');
		},

		listFulfillmentOrders,

		async ship({ orderId, trackingNo, company, trackingUrl, notifyCustomer, lines }) {
			const id = requireId(orderId, 'order id', M.createFulfillment);
			if (!trackingNo.trim() || !company.trim()) {
				throw invalid(M.createFulfillment, 'tracking number or carrier is empty', 'fill in the carrier name and the tracking number');
			}
			const open = (await listFulfillmentOrders(id)).filter((fo) => SHIPPABLE_FULFILLMENT_ORDER.has(String(fo.status)));
			const byFulfillmentOrder = lines && lines.length > 0 ? pickLines(open, lines) : open.map((fo) => ({ fulfillment_order_id: String(fo.id) }));
			if (byFulfillmentOrder.length === 0) {
				throw unexpected(M.createFulfillment, 'no open fulfillment order holds these lines (already shipped or cancelled?)', id);
			}
			const body = await post(
				M.createFulfillment,
				'/fulfillments.json',
				{
					fulfillment: {
						line_items_by_fulfillment_order: byFulfillmentOrder,
						tracking_info: { company: company.trim(), number: trackingNo.trim(), url: trackingUrl?.trim() || undefined },
						notify_customer: notifyCustomer ?? false,
					},
				},
				id,
			);
			if (!body.fulfillment || typeof body.fulfillment !== 'object') throw unexpected(M.createFulfillment, 'no fulfillment in the response', id);
			return body.fulfillment as JsonObject;
		},

		async setInventory({ inventoryItemId, locationId, available }) {
			if (!Number.isInteger(available)) {
				throw invalid(M.setInventory, `available ${available} is not a whole number`, 'give the stock as a whole number');
			}
			const body = await post(M.setInventory, '/inventory_levels/set.json', {
				location_id: requireId(locationId, 'location id', M.setInventory),
				inventory_item_id: requireId(inventoryItemId, 'inventory item id', M.setInventory),
				available,
			});
			return (body.inventory_level as JsonObject | undefined) ?? body;
		},

		async *listVariants() {
			const limit = pageSizeFor(M.listProducts);
			const pages = paginatePages<JsonObject, string>(async (pageInfo) => {
				const res = await get(M.listProducts, '/products.json', pageInfo === undefined ? { limit } : { limit, page_info: pageInfo });
				return { items: listOf(res.body, 'products'), next: res.nextPageInfo };
			});
			for await (const products of pages) for (const product of products) yield* variantsOf(product);
		},

		async listLocations() {
			const { body } = await get(M.listLocations, '/locations.json');
			return listOf(body, 'locations').map((l) => ({ id: String(l.id), name: String(l.name ?? ''), active: l.active !== false }));
		},

		async listWebhooks() {
			return listOf((await get(M.listWebhooks, '/webhooks.json')).body, 'webhooks').map(webhookOf);
		},

		async createWebhook(topic, address) {
			const body = await post(M.createWebhook, '/webhooks.json', { webhook: { topic, address, format: 'json' } });
			if (!body.webhook || typeof body.webhook !== 'object') throw unexpected(M.createWebhook, 'no webhook in the response');
			return webhookOf(body.webhook as JsonObject);
		},

		async deleteWebhook(webhookId) {
			const id = requireId(webhookId, 'webhook id', M.deleteWebhook);
			await rest.request({ method: 'DELETE', path: `/webhooks/${id}.json`, apiMethod: M.deleteWebhook.apiMethod });
		},

		async testConnection() {
			const shop = (await get(M.getShop, '/shop.json')).body.shop as JsonObject | undefined;
			return { ok: true, name: shop?.name as string | undefined, currency: shop?.currency as string | undefined };
		},
	};
}

/** The requested lines grouped by the open fulfillment order that holds them (quantities capped by what is left). */
function pickLines(open: JsonObject[], lines: ShipLine[]): JsonObject[] {
	const picked: JsonObject[] = [];
	for (const fo of open) {
		const items = Array.isArray(fo.line_items) ? (fo.line_items as JsonObject[]) : [];
		const chosen = items.flatMap((item) => {
			const wanted = lines.find((l) => l.lineItemId === String(item.line_item_id));
			if (!wanted) return [];
			const left = Number(item.fulfillable_quantity ?? item.quantity ?? wanted.quantity);
			return [{ id: String(item.id), quantity: Math.min(wanted.quantity, left) }];
		});
		if (chosen.length > 0) picked.push({ fulfillment_order_id: String(fo.id), fulfillment_order_line_items: chosen });
	}
	return picked;
}

function webhookOf(raw: JsonObject): ShopifyWebhook {
	return { id: String(raw.id), topic: String(raw.topic ?? ''), address: String(raw.address ?? '') };
}

function variantsOf(product: JsonObject): ShopifyVariant[] {
	const variants = Array.isArray(product.variants) ? (product.variants as JsonObject[]) : [];
	return variants.map((v) => {
		const quantity = Number(v.inventory_quantity);
		const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
		return {
			productId: String(product.id),
			variantId: String(v.id),
			sku: text(v.sku),
			inventoryItemId: v.inventory_item_id === undefined || v.inventory_item_id === null ? undefined : String(v.inventory_item_id),
			title: String(product.title ?? ''),
			variantTitle: text(v.title),
			quantity: Number.isFinite(quantity) ? quantity : undefined,
			raw: v,
		};
	});
}
