// The Douyin Shop client: 抖店 methods as data (limits, windows, paging direction) and one call per use case on
// the shared JSON gateway, which signs, retries and classifies. order.searchList returns whole shop orders
// (lines, amounts, receiver, parcels), so a pull costs its list pages only; order.orderDetail is called
// just for an order the list gave without the fields the normalizer needs.
import { CarrierCodeError, fromChannelCarrierCode, isCarrierId, toChannelCarrierCode } from '../../carriers/carrierCodes';
import { InvalidRequestError, PermanentError, type ChannelApiError, type HttpClient } from '../../http';
import { toEpochMillis } from '../../model';
import type { RetryDeps, RetryPolicy } from '../../retry';
import { defineMethods, lastToFirst, pageSizeFor, paginatePages, splitWindow, type MethodSpec, type TimeWindow } from '../core';
import type { CallStats, JsonObject } from '../core/formGateway';
import { createJsonGateway } from '../core/jsonGateway';
import { CHANNEL, DOUYIN_ERROR_TABLE, STALE_TOKEN_CODES, STALE_TOKEN_SUB_CODES } from './codes';
import { douyinErrorOf, douyinRequest, type DouyinCredentials } from './sign';

export interface DouyinClientOptions {
	credentials: DouyinCredentials;
	http: HttpClient;
	/** Refresh the access token once with the refresh token when Douyin says it expired; default true. */
	autoRefresh?: boolean;
	/** Told about every new token pair, so the caller can keep it (n8n static data, a vault). */
	onTokenRefreshed?: (tokens: DouyinTokenResult) => void;
	retry?: RetryPolicy;
	retryDeps?: RetryDeps;
	now?: () => number;
	timeoutMs?: number;
}

const DAY_MS = 24 * 60 * 60_000;

/** [I] Longest create/update-time range order.searchList answers (the spec names it a gap, §5.4). */
export const DOUYIN_ORDER_WINDOW_MAX_MS = 7 * DAY_MS;
/** [I] Rows one query may page through (page * size); a window holding more is halved. */
export const DOUYIN_MAX_ROWS_PER_QUERY = 10_000;
/** [I] Longest apply/update-time range afterSale.List answers. */
export const DOUYIN_AFTERSALE_WINDOW_MAX_MS = 7 * DAY_MS;
/** [I] Page size cap of product.listV2. */
export const DOUYIN_PRODUCT_PAGE_MAX = 100;
/** The shortest window that is still split when it holds too many rows (the API reads whole seconds). */
const MIN_SPLIT_MS = 2_000;

/** Douyin methods and their limits (channels.md §5.3-5.7); [I] marks what the spec could not confirm. */
export const DOUYIN_METHODS = defineMethods({
	listOrdersByCreated: { apiMethod: 'order.searchList', kind: 'list', pageSizeMax: 100, maxWindowMs: DOUYIN_ORDER_WINDOW_MAX_MS },
	listOrdersByUpdated: {
		apiMethod: 'order.searchList',
		kind: 'list',
		pageSizeMax: 100,
		maxWindowMs: DOUYIN_ORDER_WINDOW_MAX_MS,
		pagingDirection: 'lastToFirst',
	},
	getOrder: { apiMethod: 'order.orderDetail', kind: 'get' },
	ship: { apiMethod: 'order.logisticsAdd', kind: 'action' },
	// [I] the remark method (the spec does not list one).
	addMemo: { apiMethod: 'order.addOrderRemark', kind: 'action' },
	setStock: { apiMethod: 'sku.syncStock', kind: 'action' },
	// [I] the batch method's parameters (product_id + sku_sync_list of sku_id / stock_num) and its size cap.
	setStockBatch: { apiMethod: 'sku.syncStockBatch', kind: 'action' },
	getStock: { apiMethod: 'sku.stockNum', kind: 'get' },
	// [I] product and SKU listing methods, their paging and reply fields.
	listProducts: { apiMethod: 'product.listV2', kind: 'list', pageSizeMax: DOUYIN_PRODUCT_PAGE_MAX },
	listSkusOfProduct: { apiMethod: 'sku.list', kind: 'get' },
	listAfterSales: { apiMethod: 'afterSale.List', kind: 'list', pageSizeMax: 100, maxWindowMs: DOUYIN_AFTERSALE_WINDOW_MAX_MS },
	getAfterSale: { apiMethod: 'afterSale.Detail', kind: 'get' },
	createToken: { apiMethod: 'token.create', kind: 'action' },
	refreshToken: { apiMethod: 'token.refresh', kind: 'action' },
});

export type DouyinOrder = JsonObject;
export type DouyinAfterSale = JsonObject;

export interface OrderListQuery {
	/** 'created' = create_time range; 'modified' = update_time range (walked last page first). */
	by: 'created' | 'modified';
	from: string;
	to: string;
	/** order_status values for combine_status; all when absent. */
	statuses?: number[];
	pageSize?: number;
}

export interface OrderWindowResult {
	window: TimeWindow;
	/** Each order once, complete, in the order Douyin listed them. */
	orders: DouyinOrder[];
}

export interface ShipRequest {
	orderId: string;
	trackingNo: string;
	/** Our carrier id ('sf', 'zto', …) or a Douyin company_code. */
	carrier: string;
	companyName?: string;
	/** Ship although the buyer asked for a refund. */
	ignoreRefundRequest?: boolean;
}

export interface StockUpdate {
	skuId?: string;
	/** The merchant SKU code (`code`), instead of skuId. */
	code?: string;
	productId?: string;
	quantity: number;
	/** 'full' sets the stock; 'delta' adds (may be negative) and needs an idempotency id. */
	mode?: 'full' | 'delta';
	idempotentId?: string;
	warehouseId?: string;
}

/** [I] SKUs one sku.syncStockBatch call sets (the spec names the method, not its limit). */
export const DOUYIN_STOCK_BATCH_MAX = 50;

export interface StockBatchUpdate {
	/** The product whose SKUs are set: the batch method works per product. */
	productId: string;
	skus: Array<{ skuId: string; quantity: number }>;
}

export interface DouyinSku {
	productId?: string;
	skuId: string;
	merchantCode?: string;
	title: string;
	skuName?: string;
	quantity?: number;
	/** Fen. */
	price?: number;
	raw: JsonObject;
}

export interface DouyinTokenResult {
	accessToken: string;
	refreshToken?: string;
	/** Seconds, as Douyin sends it. */
	expiresIn?: number;
	shopId?: string;
	shopName?: string;
	scope?: string;
	raw: JsonObject;
}

export interface AfterSaleQuery {
	from: string;
	to: string;
	/** 'applied' reads start_time/end_time, 'modified' update_start_time/update_end_time. */
	by?: 'applied' | 'modified';
	statuses?: number[];
	orderId?: string;
}

export interface DouyinClient {
	readonly shopId: string;
	readonly stats: CallStats;
	resetStats(): void;
	getOrder(orderId: string): Promise<DouyinOrder>;
	listOrderWindows(query: OrderListQuery): AsyncGenerator<OrderWindowResult>;
	listOrders(query: OrderListQuery): AsyncGenerator<DouyinOrder>;
	ship(request: ShipRequest): Promise<JsonObject>;
	addMemo(request: { orderId: string; memo: string; star?: number }): Promise<JsonObject>;
	updateStock(update: StockUpdate): Promise<JsonObject>;
	/** Sets (full) the stock of several SKUs of one product with sku.syncStockBatch, DOUYIN_STOCK_BATCH_MAX per call. */
	updateStockBatch(update: StockBatchUpdate): Promise<JsonObject[]>;
	listSkus(productId?: string): AsyncGenerator<DouyinSku>;
	listAfterSales(query: AfterSaleQuery): AsyncGenerator<DouyinAfterSale>;
	getAfterSale(afterSaleId: string): Promise<DouyinAfterSale>;
	createToken(request: { code?: string; selfShopId?: string; testShop?: boolean }): Promise<DouyinTokenResult>;
	refreshAccessToken(): Promise<DouyinTokenResult>;
	testConnection(): Promise<{ ok: true }>;
}

const seconds = (iso: string) => Math.floor(toEpochMillis(iso) / 1000);
const asObject = (value: unknown): JsonObject => (value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {});
const asList = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter((v) => v && typeof v === 'object' && !Array.isArray(v)) : []);
const orderKey = (o: JsonObject) => String(o.order_id);

/** The fields the normalizer needs; a listed order missing one is read again with order.orderDetail. */
export const ORDER_FIELDS_NEEDED = ['order_id', 'order_status', 'create_time', 'update_time', 'pay_amount', 'sku_order_list'] as const;

export function listedOrderIsComplete(order: JsonObject): boolean {
	return ORDER_FIELDS_NEEDED.every((field) => order[field] !== undefined && order[field] !== null) && Array.isArray(order.sku_order_list);
}

/** A Douyin company_code for our carrier id or a Douyin code; an unknown carrier is an InvalidRequestError. */
export function douyinCompanyCode(carrier: string, context: { shopId?: string; orderId?: string } = {}): string {
	const text = carrier.trim();
	try {
		if (isCarrierId(text)) return toChannelCarrierCode(text, CHANNEL);
		fromChannelCarrierCode(CHANNEL, text);
		return text;
	} catch (err) {
		if (!(err instanceof CarrierCodeError)) throw err;
		throw new InvalidRequestError({
			provider: CHANNEL,
			shopId: context.shopId,
			orderId: context.orderId,
			method: DOUYIN_METHODS.ship.apiMethod,
			platformMessage: err.message,
			hint: 'choose a carrier the pack knows (sf, zto, yto, sto, yunda, jd, ems, …) or give the Douyin company_code from order.logisticsCompanyList',
		});
	}
}

export function createDouyinClient(options: DouyinClientOptions): DouyinClient {
	const credentials = { ...options.credentials };
	const shopId = credentials.shopId;
	const gateway = createJsonGateway({
		provider: CHANNEL,
		shopId,
		http: options.http,
		request: (apiMethod, params, nowMs) => douyinRequest(apiMethod, params, credentials, nowMs),
		errorOf: douyinErrorOf,
		errorTable: DOUYIN_ERROR_TABLE,
		retry: options.retry,
		retryDeps: options.retryDeps,
		now: options.now,
		timeoutMs: options.timeoutMs,
	});
	const M = DOUYIN_METHODS;
	const staleCodes = new Set<string>(STALE_TOKEN_CODES.map(String));
	const staleSubCodes = new Set<string>(STALE_TOKEN_SUB_CODES);
	const isStale = (err: unknown) => {
		const e = err as Partial<ChannelApiError>;
		return staleCodes.has(String(e?.code)) || (e?.subCode !== undefined && staleSubCodes.has(String(e.subCode)));
	};
	const canRefresh = () => options.autoRefresh !== false && Boolean(credentials.refreshToken);

	async function call(method: MethodSpec, params: JsonObject, orderId?: string): Promise<unknown> {
		try {
			return (await gateway.call(method.apiMethod, params, { orderId })).data;
		} catch (err) {
			if (!canRefresh() || method === M.refreshToken || method === M.createToken || !isStale(err)) throw err;
			// The shop token expired: buy a new one with the refresh token once, then repeat the call.
			await refreshAccessToken();
			return (await gateway.call(method.apiMethod, params, { orderId })).data;
		}
	}
	const invalid = (method: MethodSpec, message: string, hint: string, orderId?: string) =>
		new InvalidRequestError({ provider: CHANNEL, shopId, method: method.apiMethod, orderId, platformMessage: message, hint });
	const unexpected = (method: MethodSpec, message: string, orderId?: string) =>
		new PermanentError({ provider: CHANNEL, shopId, method: method.apiMethod, orderId, platformMessage: message });
	const requireId = (value: string, what: string, method: MethodSpec) => {
		const text = String(value ?? '').trim();
		if (/^[A-Za-z0-9_-]+$/.test(text)) return text;
		throw invalid(method, `${what} ${JSON.stringify(value)} is not a Douyin id`, `give the Douyin ${what} as the 抖店 console shows it (digits)`);
	};

	function tokenResult(method: MethodSpec, data: unknown): DouyinTokenResult {
		const d = asObject(data);
		if (typeof d.access_token !== 'string' || d.access_token === '') throw unexpected(method, 'no access_token in the reply');
		return {
			accessToken: d.access_token,
			refreshToken: typeof d.refresh_token === 'string' && d.refresh_token !== '' ? d.refresh_token : undefined,
			expiresIn: d.expires_in === undefined ? undefined : Number(d.expires_in),
			shopId: d.shop_id === undefined ? undefined : String(d.shop_id),
			shopName: typeof d.shop_name === 'string' ? d.shop_name : undefined,
			scope: typeof d.scope === 'string' ? d.scope : undefined,
			raw: d,
		};
	}
	function adopt(result: DouyinTokenResult): DouyinTokenResult {
		credentials.accessToken = result.accessToken;
		if (result.refreshToken) credentials.refreshToken = result.refreshToken;
		options.onTokenRefreshed?.(result);
		return result;
	}

	async function refreshAccessToken(): Promise<DouyinTokenResult> {
		if (!credentials.refreshToken) {
			throw invalid(M.refreshToken, 'no refresh token', 'add the Refresh Token to the credential, or re-authorize the shop');
		}
		const data = await call(M.refreshToken, { refresh_token: credentials.refreshToken, grant_type: 'refresh_token' });
		return adopt(tokenResult(M.refreshToken, data));
	}

	async function getOrder(orderId: string): Promise<DouyinOrder> {
		const id = requireId(orderId, 'order id', M.getOrder);
		const data = asObject(await call(M.getOrder, { shop_order_id: id }, id));
		const order = data.shop_order_detail;
		if (!order || typeof order !== 'object') throw unexpected(M.getOrder, 'no shop_order_detail in the reply', id);
		return order as DouyinOrder;
	}

	/** Orders of one window; a window holding more rows than one query may page through is halved. */
	async function* windowPages(query: OrderListQuery, window: TimeWindow): AsyncGenerator<JsonObject[]> {
		const modified = query.by === 'modified';
		const method = modified ? M.listOrdersByUpdated : M.listOrdersByCreated;
		const size = pageSizeFor(method, query.pageSize);
		const field = modified ? 'update_time' : 'create_time';
		const statuses = query.statuses?.length ? [{ order_status: query.statuses.join(',') }] : undefined;
		const base: JsonObject = {
			[`${field}_start`]: seconds(window.from),
			// The API reads both ends inclusive; the window's end belongs to the next window.
			[`${field}_end`]: seconds(window.to) - 1,
			order_by: field,
			order_asc: true,
			size,
			combine_status: statuses,
		};
		const fetchPage = async (page: number) => {
			const data = asObject(await call(method, { ...base, page }));
			return { items: asList(data.shop_order_list), total: Number(data.total ?? 0) };
		};
		const probe = await fetchPage(0);
		const span = toEpochMillis(window.to) - toEpochMillis(window.from);
		if (probe.total > DOUYIN_MAX_ROWS_PER_QUERY && span > MIN_SPLIT_MS) {
			for (const half of splitWindow(window.from, window.to, Math.ceil(span / 2000) * 1000)) yield* windowPages(query, half);
			return;
		}
		const pages = Math.ceil(probe.total / size);
		if (modified) {
			// Orders modified mid-walk move to the end of the list; walking backwards only re-shows them.
			let probed: typeof probe | undefined = probe;
			const reuseProbe = async (page: number) => {
				if (probed && page === 0) {
					const first = probed;
					probed = undefined;
					return first;
				}
				return fetchPage(page);
			};
			yield* lastToFirst(reuseProbe, { pageSize: size, firstPage: 0 });
			return;
		}
		yield probe.items;
		if (pages <= 1) return;
		yield* paginatePages<JsonObject, number>(async (page = 1) => {
			const next = await fetchPage(page);
			return { items: next.items, next: page + 1 < pages ? page + 1 : undefined };
		});
	}

	async function* listOrderWindows(query: OrderListQuery): AsyncGenerator<OrderWindowResult> {
		const method = query.by === 'modified' ? M.listOrdersByUpdated : M.listOrdersByCreated;
		// Backward walks re-read page 0: each order is reported once, in its newest listed form.
		const seen = new Set<string>();
		for (const window of splitWindow(query.from, query.to, method.maxWindowMs)) {
			const orders: DouyinOrder[] = [];
			for await (const page of windowPages(query, window)) {
				for (const listed of page) {
					const key = orderKey(listed);
					if (seen.has(key)) continue;
					seen.add(key);
					orders.push(listedOrderIsComplete(listed) ? listed : await getOrder(key));
				}
			}
			yield { window, orders };
		}
	}

	return {
		shopId,
		stats: gateway.stats,
		resetStats: () => gateway.resetStats(),
		getOrder,
		listOrderWindows,

		async *listOrders(query) {
			for await (const { orders } of listOrderWindows(query)) yield* orders;
		},

		async ship({ orderId, trackingNo, carrier, companyName, ignoreRefundRequest }) {
			const id = requireId(orderId, 'order id', M.ship);
			if (!trackingNo.trim() || !carrier.trim()) {
				throw invalid(M.ship, 'tracking number or carrier is empty', 'fill in the carrier and the waybill number', id);
			}
			const companyCode = douyinCompanyCode(carrier, { shopId, orderId: id });
			const data = await call(
				M.ship,
				{ order_id: id, company_code: companyCode, logistics_code: trackingNo.trim(), company: companyName, is_refund_reject: ignoreRefundRequest ? true : undefined },
				id,
			);
			return { orderId: id, trackingNo: trackingNo.trim(), companyCode, result: data ?? null };
		},

		async addMemo({ orderId, memo, star }) {
			const id = requireId(orderId, 'order id', M.addMemo);
			if (star !== undefined && (!Number.isInteger(star) || star < 0 || star > 5)) throw invalid(M.addMemo, `star ${star}`, 'give a flag (star) from 0 to 5', id);
			const data = await call(M.addMemo, { order_id: id, remark: memo, is_add_star: star !== undefined ? 'true' : undefined, star: star !== undefined ? String(star) : undefined }, id);
			return { orderId: id, memo, result: data ?? null };
		},

		async updateStock({ skuId, code, productId, quantity, mode = 'full', idempotentId, warehouseId }) {
			const method = M.setStock;
			if (!Number.isInteger(quantity) || (mode === 'full' && quantity < 0)) {
				throw invalid(method, `quantity ${quantity} is not allowed`, 'give a whole number (not negative when setting the stock)');
			}
			if (!skuId && !code) throw invalid(method, 'no SKU id or SKU code', 'give the Douyin SKU id or the merchant SKU code');
			if (mode === 'delta' && !idempotentId) throw invalid(method, 'a delta update needs an idempotency id', 'give an Idempotency ID so a repeated call is not counted twice');
			const sku = skuId ? requireId(skuId, 'SKU id', method) : undefined;
			const data = await call(method, {
				sku_id: sku,
				code: sku ? undefined : code,
				product_id: productId ? requireId(productId, 'product id', method) : undefined,
				stock_num: quantity,
				incremental: mode === 'delta',
				idempotent_id: mode === 'delta' ? idempotentId : undefined,
				out_warehouse_id: warehouseId,
			});
			return { skuId: sku, code: sku ? undefined : code, mode, quantity, result: data ?? null };
		},

		async updateStockBatch({ productId, skus }) {
			const method = M.setStockBatch;
			const product = requireId(productId, 'product id', method);
			for (const sku of skus) {
				if (!Number.isInteger(sku.quantity) || sku.quantity < 0) throw invalid(method, `quantity ${sku.quantity} of SKU ${sku.skuId} is not allowed`, 'give a whole number, not negative');
			}
			const list = skus.map((sku) => ({ sku_id: requireId(sku.skuId, 'SKU id', method), stock_num: sku.quantity }));
			const results: JsonObject[] = [];
			for (let at = 0; at < list.length; at += DOUYIN_STOCK_BATCH_MAX) {
				const chunk = list.slice(at, at + DOUYIN_STOCK_BATCH_MAX);
				const data = await call(method, { product_id: product, incremental: false, sku_sync_list: chunk });
				results.push({ productId: product, skuIds: chunk.map((c) => c.sku_id), result: (data ?? null) as JsonObject | null });
			}
			return results;
		},

		async *listSkus(productId) {
			const skusOf = async (id: string) => asList(await call(M.listSkusOfProduct, { product_id: id }));
			if (productId) {
				for (const sku of await skusOf(requireId(productId, 'product id', M.listSkusOfProduct))) yield skuOf(sku, undefined);
				return;
			}
			const size = pageSizeFor(M.listProducts);
			const pages = paginatePages<JsonObject, number>(async (page = 1) => {
				const data = asObject(await call(M.listProducts, { page, size }));
				const items = asList(data.data);
				const total = Number(data.total ?? 0);
				return { items, next: items.length === size && page * size < total ? page + 1 : undefined };
			});
			for await (const products of pages) {
				for (const product of products) for (const sku of await skusOf(String(product.product_id))) yield skuOf(sku, product);
			}
		},

		async *listAfterSales({ from, to, by = 'applied', statuses, orderId }) {
			const method = M.listAfterSales;
			const size = pageSizeFor(method);
			for (const window of splitWindow(from, to, method.maxWindowMs as number)) {
				const range =
					by === 'modified'
						? { update_start_time: seconds(window.from), update_end_time: seconds(window.to) - 1 }
						: { start_time: seconds(window.from), end_time: seconds(window.to) - 1 };
				const pages = paginatePages<JsonObject, number>(async (page = 0) => {
					const data = asObject(
						await call(method, { ...range, standard_aftersale_status: statuses?.length ? statuses : undefined, order_id: orderId, page, size, order_by: ['update_time asc'] }),
					);
					const items = asList(data.items);
					const total = Number(data.total ?? 0);
					const more = data.has_more === true || (data.has_more === undefined && (page + 1) * size < total);
					return { items, next: more && items.length > 0 ? page + 1 : undefined };
				});
				for await (const page of pages) yield* page;
			}
		},

		async getAfterSale(afterSaleId) {
			const id = requireId(afterSaleId, 'after-sale id', M.getAfterSale);
			const data = await call(M.getAfterSale, { after_sale_id: id });
			if (!data || typeof data !== 'object') throw unexpected(M.getAfterSale, 'no after-sale in the reply');
			return data as DouyinAfterSale;
		},

		async createToken({ code, selfShopId, testShop }) {
			const self = !code;
			if (self && !selfShopId && !testShop) throw invalid(M.createToken, 'neither an authorization code nor a shop id', 'give the code from the authorize page, or the shop id of a self-use app');
			const data = await call(M.createToken, {
				code: code ?? '',
				grant_type: self ? 'authorization_self' : 'authorization_code',
				shop_id: self ? selfShopId : undefined,
				test_shop: testShop ? '1' : undefined,
			});
			return adopt(tokenResult(M.createToken, data));
		},

		refreshAccessToken,

		async testConnection() {
			// A one-row order list over the last hour checks app, signature, token and the order permission.
			const nowS = Math.floor((options.now ?? Date.now)() / 1000);
			await call(M.listOrdersByCreated, { create_time_start: nowS - 3600, create_time_end: nowS, page: 0, size: 1, order_by: 'create_time' });
			return { ok: true };
		},
	};
}

function skuOf(sku: JsonObject, product: JsonObject | undefined): DouyinSku {
	const text = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
	const number = (v: unknown) => (v === undefined || v === null || v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));
	const spec = [sku.spec_detail_name1, sku.spec_detail_name2, sku.spec_detail_name3].map(text).filter(Boolean).join(';');
	return {
		productId: text(sku.product_id ?? product?.product_id),
		skuId: String(sku.id ?? sku.sku_id),
		merchantCode: text(sku.code),
		title: String(product?.name ?? sku.product_name ?? ''),
		skuName: spec || undefined,
		quantity: number(sku.stock_num),
		price: number(sku.price),
		raw: sku,
	};
}
