// The WooCommerce client: REST v3 paths as a method table and one call per use case on the shared REST
// core. Order lists page by number (per_page 100) and return whole orders, so a pull costs its pages only.
import { InvalidRequestError, type HttpClient, type QueryValue } from '../../http';
import type { RetryDeps, RetryPolicy } from '../../retry';
import { createJsonRest, defineMethods, pageSizeFor, type MethodSpec } from '../core';
import { consistentPages } from '../core/consistentPages';
import type { CallStats, JsonObject } from '../core/formGateway';
import { CHANNEL, WOO_API_PATH, WOO_BATCH_MAX, WOO_ERROR_TABLE, WOO_PAGE_SIZE_MAX, WOO_TRACKING_API_PATH, type WooOrderStatus } from './codes';
import { wooAuth, type WooCredentials } from './sign';

export interface WooClientOptions {
	credentials: WooCredentials;
	http: HttpClient;
	retry?: RetryPolicy;
	retryDeps?: RetryDeps;
	now?: () => number;
	timeoutMs?: number;
}

/** REST v3 calls (channels.md §9); apiMethod is the verb and path template under /wp-json/wc/v3. */
export const WOO_METHODS = defineMethods({
	listOrders: { apiMethod: 'GET /orders', kind: 'list', pageSizeMax: WOO_PAGE_SIZE_MAX },
	getOrder: { apiMethod: 'GET /orders/{id}', kind: 'get' },
	updateOrder: { apiMethod: 'PUT /orders/{id}', kind: 'action' },
	addOrderNote: { apiMethod: 'POST /orders/{id}/notes', kind: 'action' },
	addShipmentTracking: { apiMethod: 'POST wc-shipment-tracking/v3/orders/{id}/shipment-trackings', kind: 'action' },
	listRefunds: { apiMethod: 'GET /orders/{id}/refunds', kind: 'list', pageSizeMax: WOO_PAGE_SIZE_MAX },
	getRefund: { apiMethod: 'GET /orders/{id}/refunds/{refund_id}', kind: 'get' },
	listProducts: { apiMethod: 'GET /products', kind: 'list', pageSizeMax: WOO_PAGE_SIZE_MAX },
	listVariations: { apiMethod: 'GET /products/{id}/variations', kind: 'list', pageSizeMax: WOO_PAGE_SIZE_MAX },
	updateProduct: { apiMethod: 'PUT /products/{id}', kind: 'action' },
	updateVariation: { apiMethod: 'PUT /products/{id}/variations/{variation_id}', kind: 'action' },
	batchProducts: { apiMethod: 'POST /products/batch', kind: 'action' },
	batchVariations: { apiMethod: 'POST /products/{id}/variations/batch', kind: 'action' },
	listWebhooks: { apiMethod: 'GET /webhooks', kind: 'list', pageSizeMax: WOO_PAGE_SIZE_MAX },
	createWebhook: { apiMethod: 'POST /webhooks', kind: 'action' },
	deleteWebhook: { apiMethod: 'DELETE /webhooks/{id}', kind: 'action' },
});

export type WooOrder = JsonObject;

export interface OrderListQuery {
	/** 'created' filters with after/before, 'modified' with modified_after/modified_before. */
	by: 'created' | 'modified';
	from: string;
	to?: string;
	status?: WooOrderStatus;
	pageSize?: number;
}

export interface WooShipRequest {
	orderId: string;
	carrier: string;
	trackingNo: string;
	trackingUrl?: string;
	/** 'note' (core WooCommerce) or 'shipmentTracking' (the Shipment Tracking extension). */
	tracking?: 'note' | 'shipmentTracking';
	/** Whether the note is a customer note (WooCommerce emails it to the buyer). */
	notifyCustomer?: boolean;
	/** Set the order to completed; default true. */
	complete?: boolean;
}

export interface WooShipResult {
	order?: JsonObject;
	note?: JsonObject;
	tracking?: JsonObject;
}

export interface WooStockUpdate {
	productId: string;
	/** The variation, for a variable product; absent for a simple product. */
	variationId?: string;
	quantity: number;
}

export interface WooStockResult extends WooStockUpdate {
	ok: boolean;
	/** The stock WooCommerce reports after the update. */
	stockQuantity?: number;
	error?: string;
}

export interface WooSku {
	productId: string;
	variationId?: string;
	sku?: string;
	name: string;
	type: string;
	stockQuantity?: number;
	manageStock: boolean;
	raw: JsonObject;
}

export interface WooWebhook {
	id: string;
	topic: string;
	deliveryUrl: string;
	status: string;
}

export interface WooClient {
	readonly shopId: string;
	readonly stats: CallStats;
	resetStats(): void;
	getOrder(orderId: string): Promise<WooOrder>;
	listOrderPages(query: OrderListQuery): AsyncGenerator<WooOrder[]>;
	listOrders(query: OrderListQuery): AsyncGenerator<WooOrder>;
	addOrderNote(orderId: string, note: string, customerNote?: boolean): Promise<JsonObject>;
	ship(request: WooShipRequest): Promise<WooShipResult>;
	setStock(updates: WooStockUpdate[]): Promise<WooStockResult[]>;
	listSkus(): AsyncGenerator<WooSku>;
	listRefunds(orderId: string): Promise<JsonObject[]>;
	getRefund(orderId: string, refundId: string): Promise<JsonObject>;
	listWebhooks(): Promise<WooWebhook[]>;
	createWebhook(topic: string, deliveryUrl: string, secret: string, name?: string): Promise<WooWebhook>;
	deleteWebhook(webhookId: string): Promise<void>;
	testConnection(): Promise<{ ok: true }>;
}

const DIGITS = /^\d+$/;

export function createWooClient(options: WooClientOptions): WooClient {
	const { credentials } = options;
	const shopId = credentials.siteId;
	const rest = createJsonRest({
		provider: CHANNEL,
		shopId,
		baseUrl: credentials.baseUrl,
		http: options.http,
		...wooAuth(credentials),
		errorTable: WOO_ERROR_TABLE,
		readError: wooErrorOf,
		numericKeys: ['id'],
		retry: options.retry,
		retryDeps: options.retryDeps,
		now: options.now,
		timeoutMs: options.timeoutMs,
	});
	const M = WOO_METHODS;
	const invalid = (method: MethodSpec, message: string, hint: string) =>
		new InvalidRequestError({ provider: CHANNEL, shopId, method: method.apiMethod, platformMessage: message, hint });
	const requireId = (value: string | undefined, what: string, method: MethodSpec) => {
		const id = String(value ?? '').trim().replace(/^#/, '');
		if (DIGITS.test(id)) return id;
		throw invalid(method, `${what} ${JSON.stringify(value)} is not a number`, `give the WooCommerce ${what} as digits only`);
	};
	const call = async (method: MethodSpec, verb: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, extra: { qs?: Record<string, QueryValue>; body?: object; orderId?: string; expect?: 'object' | 'array'; root?: string } = {}) =>
		rest.request({ method: verb, path: (extra.root ?? WOO_API_PATH) + path, apiMethod: method.apiMethod, qs: extra.qs, body: extra.body, orderId: extra.orderId, expect: extra.expect });
	const object = async (...args: Parameters<typeof call>) => (await call(...args)).body as JsonObject;

	/** Every item of a numbered list, a full page per call; the list total comes from X-WP-Total. */
	function pagesOf<T extends JsonObject>(method: MethodSpec, path: string, qs: Record<string, QueryValue>, pageSize?: number): AsyncGenerator<T[]> {
		const size = pageSizeFor(method, pageSize);
		return consistentPages<T>(
			async (page) => {
				const res = await call(method, 'GET', path, { qs: { ...qs, page, per_page: size }, expect: 'array' });
				const items = res.body as T[];
				return { items, total: listTotal(res.headers, page, size, items.length) };
			},
			{ pageSize: size, keyOf: (item) => String(item.id), context: { provider: CHANNEL, shopId, method: method.apiMethod } },
		);
	}

	async function getOrder(orderId: string): Promise<WooOrder> {
		const id = requireId(orderId, 'order id', M.getOrder);
		return object(M.getOrder, 'GET', `/orders/${id}`, { orderId: id });
	}

	function listOrderPages(query: OrderListQuery): AsyncGenerator<WooOrder[]> {
		const [fromKey, toKey] = query.by === 'created' ? ['after', 'before'] : ['modified_after', 'modified_before'];
		// Oldest id first: an order changed mid-walk keeps its place, so pages do not shift under the reader.
		const qs: Record<string, QueryValue> = { [fromKey]: query.from, orderby: 'id', order: 'asc' };
		if (query.to) qs[toKey] = query.to;
		if (query.status && query.status !== 'any') qs.status = query.status;
		return pagesOf<WooOrder>(M.listOrders, '/orders', qs, query.pageSize);
	}

	async function addOrderNote(orderId: string, note: string, customerNote = false): Promise<JsonObject> {
		const id = requireId(orderId, 'order id', M.addOrderNote);
		if (!note.trim()) throw invalid(M.addOrderNote, 'the note is empty', 'write the note text');
		return object(M.addOrderNote, 'POST', `/orders/${id}/notes`, { body: { note: note.trim(), customer_note: customerNote }, orderId: id });
	}

	return {
		shopId,
		get stats() {
			return rest.stats;
		},
		resetStats: () => rest.resetStats(),
		getOrder,
		listOrderPages,

		async *listOrders(query) {
			const seen = new Set<string>();
			for await (const page of listOrderPages(query)) {
				for (const order of page) {
					// A re-walk after the list moved yields orders again; each is handed out once.
					const key = String(order.id);
					if (seen.has(key)) continue;
					seen.add(key);
					yield order;
				}
			}
		},

		addOrderNote,

		async ship({ orderId, carrier, trackingNo, trackingUrl, tracking = 'note', notifyCustomer = false, complete = true }) {
			const id = requireId(orderId, 'order id', M.updateOrder);
			if (!trackingNo.trim() || !carrier.trim()) throw invalid(M.updateOrder, 'tracking number or carrier is empty', 'fill in the carrier name and the tracking number');
			const result: WooShipResult = {};
			// Tracking first, so the "order completed" email WooCommerce sends already carries it.
			if (tracking === 'shipmentTracking') {
				result.tracking = await object(M.addShipmentTracking, 'POST', `/orders/${id}/shipment-trackings`, {
					root: WOO_TRACKING_API_PATH,
					body: { tracking_provider: carrier.trim(), tracking_number: trackingNo.trim(), custom_tracking_link: trackingUrl?.trim() || undefined },
					orderId: id,
				});
			} else {
				result.note = await addOrderNote(id, shipNote(carrier, trackingNo, trackingUrl), notifyCustomer);
			}
			if (complete) result.order = await object(M.updateOrder, 'PUT', `/orders/${id}`, { body: { status: 'completed' }, orderId: id });
			return result;
		},

		async setStock(updates) {
			for (const u of updates) {
				if (!Number.isInteger(u.quantity)) throw invalid(M.updateProduct, `stock ${u.quantity} is not a whole number`, 'give the stock as a whole number');
				requireId(u.productId, 'product id', M.updateProduct);
				if (u.variationId !== undefined && u.variationId !== '') requireId(u.variationId, 'variation id', M.updateVariation);
			}
			const fields = (quantity: number) => ({ manage_stock: true, stock_quantity: quantity });
			const results: WooStockResult[] = [];
			const simple = updates.filter((u) => !u.variationId);
			const byProduct = new Map<string, WooStockUpdate[]>();
			for (const u of updates.filter((x) => x.variationId)) byProduct.set(u.productId, [...(byProduct.get(u.productId) ?? []), u]);
			// One update alone goes to its own endpoint; several go through the batch endpoint, 100 at a time.
			if (simple.length === 1) {
				const [u] = simple;
				const product = await object(M.updateProduct, 'PUT', `/products/${u.productId.trim()}`, { body: fields(u.quantity) });
				results.push(stockResult(u, product));
			} else {
				for (const chunk of chunks(simple, WOO_BATCH_MAX)) {
					const body = await object(M.batchProducts, 'POST', '/products/batch', { body: { update: chunk.map((u) => ({ id: u.productId.trim(), ...fields(u.quantity) })) } });
					results.push(...batchResults(chunk, body, (u) => u.productId));
				}
			}
			for (const [productId, list] of byProduct) {
				if (list.length === 1) {
					const [u] = list;
					const variation = await object(M.updateVariation, 'PUT', `/products/${productId.trim()}/variations/${String(u.variationId).trim()}`, { body: fields(u.quantity) });
					results.push(stockResult(u, variation));
					continue;
				}
				for (const chunk of chunks(list, WOO_BATCH_MAX)) {
					const body = await object(M.batchVariations, 'POST', `/products/${productId.trim()}/variations/batch`, {
						body: { update: chunk.map((u) => ({ id: String(u.variationId).trim(), ...fields(u.quantity) })) },
					});
					results.push(...batchResults(chunk, body, (u) => String(u.variationId)));
				}
			}
			return results;
		},

		async *listSkus() {
			for await (const products of pagesOf<JsonObject>(M.listProducts, '/products', { orderby: 'id', order: 'asc' })) {
				for (const product of products) {
					if (product.type !== 'variable') {
						yield skuOf(product, undefined);
						continue;
					}
					const productId = String(product.id);
					for await (const variations of pagesOf<JsonObject>(M.listVariations, `/products/${productId}/variations`, { orderby: 'id', order: 'asc' })) {
						for (const variation of variations) yield skuOf(product, variation);
					}
				}
			}
		},

		async listRefunds(orderId) {
			const id = requireId(orderId, 'order id', M.listRefunds);
			const all: JsonObject[] = [];
			for await (const page of pagesOf<JsonObject>(M.listRefunds, `/orders/${id}/refunds`, {})) all.push(...page);
			return all;
		},

		async getRefund(orderId, refundId) {
			const id = requireId(orderId, 'order id', M.getRefund);
			const rid = requireId(refundId, 'refund id', M.getRefund);
			return object(M.getRefund, 'GET', `/orders/${id}/refunds/${rid}`, { orderId: id });
		},

		async listWebhooks() {
			const all: WooWebhook[] = [];
			for await (const page of pagesOf<JsonObject>(M.listWebhooks, '/webhooks', {})) all.push(...page.map(webhookOf));
			return all;
		},

		async createWebhook(topic, deliveryUrl, secret, name) {
			const body = await object(M.createWebhook, 'POST', '/webhooks', {
				body: { name: name ?? `Unified Orders: ${topic}`, topic, delivery_url: deliveryUrl, secret, status: 'active' },
			});
			return webhookOf(body);
		},

		async deleteWebhook(webhookId) {
			const id = requireId(webhookId, 'webhook id', M.deleteWebhook);
			// Webhooks cannot be trashed: force=true deletes for good.
			await call(M.deleteWebhook, 'DELETE', `/webhooks/${id}`, { qs: { force: true } });
		},

		async testConnection() {
			await call(M.listOrders, 'GET', '/orders', { qs: { per_page: 1 }, expect: 'array' });
			return { ok: true };
		},
	};
}

/** `{"code": "woocommerce_rest_…", "message": "...", "data": {"status": 401}}`; undefined for any other body. */
export function wooErrorOf(body: string): { code?: string; message?: string } | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		return undefined;
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
	const { code, message } = parsed as { code?: unknown; message?: unknown };
	if (typeof code !== 'string' && typeof message !== 'string') return undefined;
	return { code: typeof code === 'string' ? code : undefined, message: typeof message === 'string' ? stripTags(message) : undefined };
}

/** The list's item count: X-WP-Total, else X-WP-TotalPages pages, else what this page implies. */
export function listTotal(headers: Record<string, string>, page: number, pageSize: number, itemsOnPage: number): number {
	const total = Number(headers['x-wp-total']);
	if (headers['x-wp-total'] !== undefined && Number.isInteger(total) && total >= 0) return total;
	const pages = Number(headers['x-wp-totalpages']);
	if (headers['x-wp-totalpages'] !== undefined && Number.isInteger(pages) && pages >= 0) return pages * pageSize;
	return (page - 1) * pageSize + itemsOnPage + (itemsOnPage === pageSize ? 1 : 0);
}

/** The order note for a shipment, in the buyer's words. */
export function shipNote(carrier: string, trackingNo: string, trackingUrl?: string): string {
	const url = trackingUrl?.trim();
	return `Shipped with ${carrier.trim()}, tracking number ${trackingNo.trim()}${url ? ` (${url})` : ''}`;
}

const stripTags = (text: string) => text.replace(/<[^>]*>/g, '').trim();

function chunks<T>(items: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

function stockResult(update: WooStockUpdate, entity: JsonObject): WooStockResult {
	const quantity = Number(entity.stock_quantity);
	return { ...update, ok: true, stockQuantity: Number.isFinite(quantity) ? quantity : undefined };
}

/** Batch answers list each item, with an `error` envelope instead of the entity when that item failed. */
function batchResults(chunk: WooStockUpdate[], body: JsonObject, idOf: (u: WooStockUpdate) => string): WooStockResult[] {
	const answered = Array.isArray(body.update) ? (body.update as JsonObject[]) : [];
	return chunk.map((u, i) => {
		const entity = answered.find((e) => String(e.id) === idOf(u).trim()) ?? answered[i];
		if (!entity) return { ...u, ok: false, error: 'missing from the batch answer' };
		const error = entity.error as { code?: string; message?: string } | undefined;
		if (error) return { ...u, ok: false, error: [error.code, error.message].filter(Boolean).join(': ') };
		return stockResult(u, entity);
	});
}

function skuOf(product: JsonObject, variation: JsonObject | undefined): WooSku {
	const source = variation ?? product;
	const sku = typeof source.sku === 'string' && source.sku.trim() ? source.sku.trim() : undefined;
	const quantity = Number(source.stock_quantity);
	const attributes = variation && Array.isArray(variation.attributes) ? (variation.attributes as JsonObject[]).map((a) => String(a.option ?? '')).filter(Boolean) : [];
	return {
		productId: String(product.id),
		variationId: variation ? String(variation.id) : undefined,
		sku,
		name: [String(product.name ?? ''), ...attributes].filter(Boolean).join(' - '),
		type: String(product.type ?? 'simple'),
		stockQuantity: source.stock_quantity === null || source.stock_quantity === undefined || !Number.isFinite(quantity) ? undefined : quantity,
		manageStock: source.manage_stock === true,
		raw: source,
	};
}

function webhookOf(raw: JsonObject): WooWebhook {
	return { id: String(raw.id), topic: String(raw.topic ?? ''), deliveryUrl: String(raw.delivery_url ?? ''), status: String(raw.status ?? '') };
}
