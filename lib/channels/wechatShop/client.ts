// The WeChat shop client: its paths as a method table (limits, windows) and one call per use case on the
// shared token gateway, which keeps the access token fresh, retries and classifies. Order lists return only
// ids, so a pull costs its list pages plus one order/get per order; that is the minimum the API allows.
import { InvalidRequestError, PermanentError, type HttpClient } from '../../http';
import { toEpochMillis } from '../../model';
import type { RetryDeps, RetryPolicy } from '../../retry';
import { defineMethods, pageSizeFor, paginatePages, splitWindow, type MethodSpec, type TimeWindow } from '../core';
import type { CallStats, JsonObject } from '../core/formGateway';
import { createTokenGateway, type AccessToken, type RawRequest, type TokenCache } from '../core/tokenGateway';
import { CHANNEL, DELIVER_TYPES, STALE_TOKEN_CODES, WECHAT_ERROR_TABLE } from './codes';
import { wechatErrorOf, type WechatShopCredentials } from './sign';

export interface WechatShopClientOptions {
	credentials: WechatShopCredentials;
	http: HttpClient;
	tokenCache?: TokenCache;
	retry?: RetryPolicy;
	retryDeps?: RetryDeps;
	now?: () => number;
	timeoutMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** WeChat shop paths and their limits (channels.md §3.2-3.5); [I] marks what the spec could not confirm. */
export const WECHAT_METHODS = defineMethods({
	listOrders: { apiMethod: '/channels/ec/order/list/get', kind: 'list', pageSizeMax: 100, maxWindowMs: 7 * DAY_MS },
	getOrder: { apiMethod: '/channels/ec/order/get', kind: 'get' },
	ship: { apiMethod: '/channels/ec/order/delivery/send', kind: 'action' },
	// [I] path and body of the merchant-notes update.
	updateMemo: { apiMethod: '/channels/ec/order/merchantnotes/update', kind: 'action' },
	updateStock: { apiMethod: '/channels/ec/product/stock/update', kind: 'action' },
	// [I] page size cap of the product list.
	listProducts: { apiMethod: '/channels/ec/product/list/get', kind: 'list', pageSizeMax: 30 },
	getProduct: { apiMethod: '/channels/ec/product/get', kind: 'get' },
	// [I] page size cap of the after-sale list; the 24 h window is [C].
	listAfterSales: { apiMethod: '/channels/ec/aftersale/getaftersalelist', kind: 'list', pageSizeMax: 100, maxWindowMs: DAY_MS },
	getAfterSale: { apiMethod: '/channels/ec/aftersale/getaftersaleorder', kind: 'get' },
	listCarriers: { apiMethod: '/channels/ec/order/deliverycompanylist/get', kind: 'get' },
});

export const TOKEN_PATHS = { classic: '/cgi-bin/token', stable: '/cgi-bin/stable_token' } as const;

export type WechatOrder = JsonObject;
export type WechatAfterSale = JsonObject;

export interface OrderListQuery {
	/** 'created' filters by create_time_range, 'modified' by update_time_range; both in 7-day windows. */
	by: 'created' | 'modified';
	from: string;
	to: string;
	/** One WeChat order status code (10, 20, ...); all when absent. */
	status?: number;
	pageSize?: number;
}

export interface OrderWindowResult {
	window: TimeWindow;
	/** Each order once, in full (order/get), in the order WeChat listed them. */
	orders: WechatOrder[];
}

export interface ShipLine {
	productId: string;
	skuId: string;
	quantity: number;
}

export interface ShipRequest {
	orderId: string;
	trackingNo: string;
	/** WeChat's delivery_id (SF, ZTO, ... or OTHER). */
	companyCode: string;
	/** The products in this parcel; every line of the order when absent (read with one order/get). */
	lines?: ShipLine[];
	/** Default 1, self-sent express. */
	deliverType?: number;
}

export interface StockUpdate {
	productId: string;
	skuId: string;
	quantity: number;
	/** 'full' sets the stock (diff_type 3); 'delta' adds (1) or, when negative, subtracts (2). */
	mode?: 'full' | 'delta';
}

export interface WechatSku {
	productId: string;
	skuId: string;
	merchantCode?: string;
	title: string;
	skuName?: string;
	quantity?: number;
	/** Fen. */
	price?: number;
	raw: JsonObject;
}

export interface WechatShopClient {
	readonly shopId: string;
	readonly stats: CallStats;
	resetStats(): void;
	getOrder(orderId: string): Promise<WechatOrder>;
	listOrderIds(query: OrderListQuery): AsyncGenerator<{ window: TimeWindow; ids: string[] }>;
	listOrderWindows(query: OrderListQuery): AsyncGenerator<OrderWindowResult>;
	listOrders(query: OrderListQuery): AsyncGenerator<WechatOrder>;
	ship(request: ShipRequest): Promise<JsonObject>;
	updateMemo(orderId: string, memo: string): Promise<JsonObject>;
	updateStock(update: StockUpdate): Promise<JsonObject>;
	listSkus(): AsyncGenerator<WechatSku>;
	listRefunds(window: { from: string; to: string }): AsyncGenerator<WechatAfterSale>;
	getRefund(afterSaleOrderId: string): Promise<WechatAfterSale>;
	listCarriers(): Promise<Array<{ deliveryId: string; name: string }>>;
	testConnection(): Promise<{ ok: true }>;
}

const DIGITS = /^\d+$/;

export function createWechatShopClient(options: WechatShopClientOptions): WechatShopClient {
	const { credentials } = options;
	const shopId = credentials.shopId;
	const now = options.now ?? Date.now;
	const gateway = createTokenGateway({
		provider: CHANNEL,
		shopId,
		baseUrl: credentials.baseUrl,
		http: options.http,
		tokenParam: 'access_token',
		fetchToken: (request, force) => fetchToken(request, credentials, force, now()),
		errorOf: wechatErrorOf,
		errorTable: WECHAT_ERROR_TABLE,
		staleTokenCodes: STALE_TOKEN_CODES,
		tokenCache: options.tokenCache,
		retry: options.retry,
		retryDeps: options.retryDeps,
		now,
		timeoutMs: options.timeoutMs,
	});
	const M = WECHAT_METHODS;
	const call = (method: MethodSpec, body: object, orderId?: string) => gateway.call(method.apiMethod, body, { orderId });
	const invalid = (method: MethodSpec, message: string, hint: string) =>
		new InvalidRequestError({ provider: CHANNEL, shopId, method: method.apiMethod, platformMessage: message, hint });
	const requireDigits = (value: string, what: string, method: MethodSpec) => {
		const text = String(value ?? '').trim();
		if (DIGITS.test(text)) return text;
		throw invalid(method, `${what} ${JSON.stringify(value)} is not a number`, `give the WeChat shop ${what} as digits only`);
	};
	const unexpected = (method: MethodSpec, message: string, orderId?: string) =>
		new PermanentError({ provider: CHANNEL, shopId, method: method.apiMethod, orderId, platformMessage: message });

	async function getOrder(orderId: string): Promise<WechatOrder> {
		const id = requireDigits(orderId, 'order id', M.getOrder);
		const res = await call(M.getOrder, { order_id: id }, id);
		if (!res.order || typeof res.order !== 'object') throw unexpected(M.getOrder, 'no order in the response', id);
		return res.order as WechatOrder;
	}

	/** Every id of one window, first page to last, following next_key while has_more. */
	async function idsOfWindow(query: OrderListQuery, window: TimeWindow): Promise<string[]> {
		const range = { start_time: seconds(window.from), end_time: seconds(window.to) };
		const body = {
			[query.by === 'created' ? 'create_time_range' : 'update_time_range']: range,
			status: query.status,
			page_size: pageSizeFor(M.listOrders, query.pageSize),
		};
		const ids: string[] = [];
		for await (const page of paginatePages<string, string>(async (nextKey) => {
			const res = await call(M.listOrders, nextKey === undefined ? body : { ...body, next_key: nextKey });
			const list = Array.isArray(res.order_id_list) ? res.order_id_list.map(String) : [];
			const more = res.has_more === true && typeof res.next_key === 'string' && res.next_key !== '';
			return { items: list, next: more ? (res.next_key as string) : undefined };
		})) {
			ids.push(...page);
		}
		return ids;
	}

	const windowsOf = (query: OrderListQuery) => splitWindow(query.from, query.to, M.listOrders.maxWindowMs);

	async function* listOrderIds(query: OrderListQuery) {
		// Windows share a boundary second; an id listed by two windows is reported once.
		const seen = new Set<string>();
		for (const window of windowsOf(query)) {
			const ids = (await idsOfWindow(query, window)).filter((id) => !seen.has(id) && seen.add(id));
			yield { window, ids };
		}
	}

	return {
		shopId,
		stats: gateway.stats,
		resetStats: () => gateway.resetStats(),
		getOrder,
		listOrderIds,

		async *listOrderWindows(query) {
			for await (const { window, ids } of listOrderIds(query)) {
				const orders: WechatOrder[] = [];
				for (const id of ids) orders.push(await getOrder(id));
				yield { window, orders };
			}
		},

		async *listOrders(query) {
			// Details are read lazily, so a caller that stops early saves calls.
			for await (const { ids } of listOrderIds(query)) for (const id of ids) yield await getOrder(id);
		},

		async ship({ orderId, trackingNo, companyCode, lines, deliverType }) {
			const id = requireDigits(orderId, 'order id', M.ship);
			if (!trackingNo.trim() || !companyCode.trim()) {
				throw invalid(M.ship, 'tracking number or carrier code is empty', 'fill in the carrier code (delivery_id) and the waybill number');
			}
			const parcel = lines && lines.length > 0 ? lines : linesOf(await getOrder(id));
			const res = await call(
				M.ship,
				{
					order_id: id,
					delivery_list: [
						{
							delivery_id: companyCode.trim(),
							waybill_id: trackingNo.trim(),
							deliver_type: deliverType ?? DELIVER_TYPES.selfExpress,
							product_infos: parcel.map((l) => ({ product_id: l.productId, sku_id: l.skuId, product_cnt: l.quantity })),
						},
					],
				},
				id,
			);
			return res;
		},

		async updateMemo(orderId, memo) {
			const id = requireDigits(orderId, 'order id', M.updateMemo);
			return call(M.updateMemo, { order_id: id, merchant_notes: memo }, id);
		},

		async updateStock({ productId, skuId, quantity, mode = 'full' }) {
			if (!Number.isInteger(quantity) || (mode === 'full' && quantity < 0)) {
				throw invalid(M.updateStock, `quantity ${quantity} is not allowed`, 'give a whole number (not negative when setting the stock)');
			}
			const diffType = mode === 'full' ? 3 : quantity >= 0 ? 1 : 2;
			return call(M.updateStock, {
				product_id: requireDigits(productId, 'product id', M.updateStock),
				sku_id: requireDigits(skuId, 'SKU id', M.updateStock),
				diff_type: diffType,
				num: Math.abs(quantity),
			});
		},

		async *listSkus() {
			const pageSize = pageSizeFor(M.listProducts);
			const pages = paginatePages<string, string>(async (nextKey) => {
				const res = await call(M.listProducts, { page_size: pageSize, next_key: nextKey });
				const ids = Array.isArray(res.product_ids) ? res.product_ids.map(String) : [];
				const more = ids.length > 0 && typeof res.next_key === 'string' && res.next_key !== '' && res.has_more !== false;
				return { items: ids, next: more ? (res.next_key as string) : undefined };
			});
			for await (const ids of pages) {
				for (const productId of ids) {
					const res = await call(M.getProduct, { product_id: productId, data_type: 1 });
					if (res.product && typeof res.product === 'object') yield* skusOf(res.product as JsonObject);
				}
			}
		},

		async *listRefunds({ from, to }) {
			const method = M.listAfterSales;
			for (const window of splitWindow(from, to, method.maxWindowMs)) {
				const range = { begin_create_time: seconds(window.from), end_create_time: seconds(window.to) };
				const pages = paginatePages<string, string>(async (nextKey) => {
					const res = await call(method, { ...range, next_key: nextKey });
					const ids = Array.isArray(res.after_sale_order_id_list) ? res.after_sale_order_id_list.map(String) : [];
					const more = res.has_more === true && typeof res.next_key === 'string' && res.next_key !== '';
					return { items: ids, next: more ? (res.next_key as string) : undefined };
				});
				for await (const ids of pages) for (const id of ids) yield await getAfterSale(id);
			}
		},

		getRefund: (id) => getAfterSale(id),

		async listCarriers() {
			const res = await call(M.listCarriers, {});
			const list = Array.isArray(res.company_list) ? (res.company_list as JsonObject[]) : [];
			return list.map((c) => ({ deliveryId: String(c.delivery_id), name: String(c.delivery_name ?? '') }));
		},

		async testConnection() {
			await gateway.token();
			return { ok: true };
		},
	};

	async function getAfterSale(afterSaleOrderId: string): Promise<WechatAfterSale> {
		const id = requireDigits(afterSaleOrderId, 'after-sale order id', M.getAfterSale);
		const res = await call(M.getAfterSale, { after_sale_order_id: id });
		if (!res.after_sale_order || typeof res.after_sale_order !== 'object') throw unexpected(M.getAfterSale, 'no after_sale_order in the response');
		return res.after_sale_order as WechatAfterSale;
	}
}

/** Fetches a token the configured way; expires_in is in seconds. */
async function fetchToken(request: RawRequest, credentials: WechatShopCredentials, force: boolean, nowMs: number): Promise<AccessToken> {
	const res =
		credentials.tokenMode === 'classic'
			? await request({
					method: 'GET',
					path: TOKEN_PATHS.classic,
					qs: { grant_type: 'client_credential', appid: credentials.appId, secret: credentials.appSecret },
					apiMethod: TOKEN_PATHS.classic,
				})
			: await request({
					method: 'POST',
					path: TOKEN_PATHS.stable,
					body: { grant_type: 'client_credential', appid: credentials.appId, secret: credentials.appSecret, force_refresh: force },
					apiMethod: TOKEN_PATHS.stable,
				});
	if (typeof res.access_token !== 'string' || res.access_token === '') {
		throw new PermanentError({ provider: CHANNEL, shopId: credentials.shopId, method: TOKEN_PATHS[credentials.tokenMode], platformMessage: 'no access_token in the response' });
	}
	const expiresIn = Number(res.expires_in);
	return { token: res.access_token, expiresAtMs: nowMs + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 7200) * 1000 };
}

function seconds(iso: string): number {
	return Math.floor(toEpochMillis(iso) / 1000);
}

/** Every line of an order as a parcel for delivery/send. */
export function linesOf(order: WechatOrder): ShipLine[] {
	const detail = order.order_detail as JsonObject | undefined;
	const products = Array.isArray(detail?.product_infos) ? (detail.product_infos as JsonObject[]) : [];
	return products.map((p) => ({ productId: String(p.product_id), skuId: String(p.sku_id), quantity: Number(p.sku_cnt ?? 1) }));
}

function skusOf(product: JsonObject): WechatSku[] {
	const skus = Array.isArray(product.skus) ? (product.skus as JsonObject[]) : [];
	return skus.map((sku) => {
		const attrs = Array.isArray(sku.sku_attrs) ? (sku.sku_attrs as JsonObject[]) : [];
		const skuName = attrs.map((a) => `${String(a.attr_key ?? '')}:${String(a.attr_value ?? '')}`).join(';') || undefined;
		const stock = Number(sku.stock_num);
		const price = Number(sku.sale_price);
		return {
			productId: String(product.product_id),
			skuId: String(sku.sku_id),
			merchantCode: typeof sku.sku_code === 'string' && sku.sku_code ? sku.sku_code : typeof sku.out_sku_id === 'string' && sku.out_sku_id ? sku.out_sku_id : undefined,
			title: String(product.title ?? ''),
			skuName,
			quantity: Number.isFinite(stock) ? stock : undefined,
			price: Number.isFinite(price) ? price : undefined,
			raw: sku,
		};
	});
}
