// The Xiaohongshu client: Ark methods as data (limits, windows, paging direction) and one call per use case
// on the shared JSON gateway, which signs, retries and classifies. Lists return summaries, so a pull costs
// its list pages plus one order.getOrderDetail per order: the minimum the API allows.
import { InvalidRequestError, PermanentError, type ChannelApiError, type HttpClient } from '../../http';
import { toEpochMillis } from '../../model';
import type { RetryDeps, RetryPolicy } from '../../retry';
import { defineMethods, lastToFirst, pageSizeFor, paginatePages, splitWindow, type MethodSpec, type TimeWindow } from '../core';
import type { CallStats, JsonObject } from '../core/formGateway';
import { createJsonGateway } from '../core/jsonGateway';
import { CHANNEL, STALE_TOKEN_CODES, XHS_ERROR_TABLE } from './codes';
import { xhsDataOf, xhsErrorOf, xhsSystemParams, type XhsCredentials } from './sign';

export interface XhsClientOptions {
	credentials: XhsCredentials;
	http: HttpClient;
	/** Refresh the access token once with the refresh token when XHS says it expired; default true. */
	autoRefresh?: boolean;
	/** Told about every new token pair, so the caller can keep it (n8n static data, a vault). */
	onTokenRefreshed?: (tokens: TokenRefreshResult) => void;
	retry?: RetryPolicy;
	retryDeps?: RetryDeps;
	now?: () => number;
	timeoutMs?: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** pageNo may not exceed 100 (channels.md §4.4), so one window holds at most 100 pages. */
export const MAX_PAGE_NO = 100;
/** afterSale list: pageNo * pageSize <= 50 000. */
export const AFTERSALE_MAX_ROWS = 50_000;

/** Ark methods and their limits (channels.md §4.3-4.7); [I] marks what the spec could not confirm. */
export const XHS_METHODS = defineMethods({
	listOrdersByCreated: { apiMethod: 'order.getOrderList', kind: 'list', pageSizeMax: 100, maxWindowMs: DAY_MS },
	listOrdersByUpdated: {
		apiMethod: 'order.getOrderList',
		kind: 'list',
		pageSizeMax: 100,
		maxWindowMs: 30 * MINUTE_MS,
		pagingDirection: 'lastToFirst',
	},
	getOrder: { apiMethod: 'order.getOrderDetail', kind: 'get' },
	getReceivers: { apiMethod: 'order.getOrderReceiverInfo', kind: 'get' },
	ship: { apiMethod: 'order.orderDeliver', kind: 'action' },
	listCarriers: { apiMethod: 'common.getExpressCompanyList', kind: 'get' },
	setStock: { apiMethod: 'inventory.syncSkuStock', kind: 'action' },
	addStock: { apiMethod: 'inventory.incSkuStock', kind: 'action' },
	getStock: { apiMethod: 'inventory.getSkuStock', kind: 'get' },
	// [I] page parameters and cap of the SKU list.
	listSkus: { apiMethod: 'product.getDetailSkuList', kind: 'list', pageSizeMax: 100 },
	listAfterSales: { apiMethod: 'afterSale.listAfterSaleInfos', kind: 'list', pageSizeMax: 100, maxWindowMs: DAY_MS },
	getAfterSale: { apiMethod: 'afterSale.getAfterSaleInfo', kind: 'get' },
	refreshToken: { apiMethod: 'oauth.refreshToken', kind: 'action' },
});

export type XhsOrder = JsonObject;
export type XhsAfterSale = JsonObject;

export interface OrderListQuery {
	/** 'created' = timeType 1 (24 h windows); 'modified' = timeType 2 (30 min windows, last page first). */
	by: 'created' | 'modified';
	from: string;
	to: string;
	/** One XHS orderStatus (1-10); all when absent. */
	status?: number;
	/** orderType filter (1-5); all when absent. */
	orderType?: number;
	pageSize?: number;
}

export interface OrderWindowResult {
	window: TimeWindow;
	/** Each order once, in full (order.getOrderDetail), in the order XHS listed them. */
	orders: XhsOrder[];
}

export interface ShipRequest {
	orderId: string;
	trackingNo: string;
	/** XHS expressCompanyCode (see common.getExpressCompanyList). */
	companyCode: string;
	companyName?: string;
	/** SKU ids in this parcel; the whole order when absent (unpack = false). */
	skuIds?: string[];
}

export interface StockUpdate {
	skuId: string;
	quantity: number;
	/** 'full' sets the stock (syncSkuStock); 'delta' adds, may be negative (incSkuStock). */
	mode?: 'full' | 'delta';
}

export interface XhsSku {
	itemId?: string;
	skuId: string;
	merchantCode?: string;
	barcode?: string;
	title: string;
	skuName?: string;
	quantity?: number;
	/** Fen. */
	price?: number;
	raw: JsonObject;
}

export interface TokenRefreshResult {
	accessToken: string;
	refreshToken?: string;
	/** Epoch ms, as XHS sends them. */
	accessTokenExpiresAt?: number;
	refreshTokenExpiresAt?: number;
	sellerId?: string;
	raw: JsonObject;
}

export interface AfterSaleQuery {
	from: string;
	to: string;
	/** 1 = by apply time (24 h windows), 2 = by update time [I] (30 min). Default 1. */
	timeType?: 1 | 2;
	statuses?: number[];
}

export interface XhsClient {
	readonly shopId: string;
	readonly stats: CallStats;
	resetStats(): void;
	getOrder(orderId: string): Promise<XhsOrder>;
	listOrderSummaries(query: OrderListQuery): AsyncGenerator<{ window: TimeWindow; orders: JsonObject[] }>;
	listOrderWindows(query: OrderListQuery): AsyncGenerator<OrderWindowResult>;
	listOrders(query: OrderListQuery): AsyncGenerator<XhsOrder>;
	ship(request: ShipRequest): Promise<JsonObject>;
	updateStock(update: StockUpdate): Promise<JsonObject>;
	listSkus(): AsyncGenerator<XhsSku>;
	listCarriers(): Promise<Array<{ code: string; name: string }>>;
	listRefunds(query: AfterSaleQuery): AsyncGenerator<XhsAfterSale>;
	getRefund(returnsId: string): Promise<XhsAfterSale>;
	refreshAccessToken(): Promise<TokenRefreshResult>;
	testConnection(): Promise<{ ok: true }>;
}

const seconds = (iso: string) => Math.floor(toEpochMillis(iso) / 1000);
const asObject = (value: unknown): JsonObject => (value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {});
const asList = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter((v) => v && typeof v === 'object') : []);
const orderKey = (o: JsonObject) => String(o.orderId);

export function createXhsClient(options: XhsClientOptions): XhsClient {
	const credentials = { ...options.credentials };
	const shopId = credentials.shopId;
	const gateway = createJsonGateway({
		provider: CHANNEL,
		shopId,
		url: credentials.url,
		http: options.http,
		systemParams: (apiMethod, nowMs) => xhsSystemParams(apiMethod, credentials, nowMs),
		errorOf: xhsErrorOf,
		errorTable: XHS_ERROR_TABLE,
		retry: options.retry,
		retryDeps: options.retryDeps,
		now: options.now,
		timeoutMs: options.timeoutMs,
	});
	const M = XHS_METHODS;
	const stale = new Set<string>(STALE_TOKEN_CODES.map(String));
	const canRefresh = () => options.autoRefresh !== false && Boolean(credentials.refreshToken);

	async function call(method: MethodSpec, params: JsonObject, orderId?: string): Promise<unknown> {
		try {
			return xhsDataOf(await gateway.call(method.apiMethod, params, { orderId }), method.apiMethod);
		} catch (err) {
			if (!canRefresh() || method === M.refreshToken || !stale.has(String((err as ChannelApiError).code))) throw err;
			// The seller token expired: buy a new one with the refresh token once, then repeat the call.
			await refreshAccessToken();
			return xhsDataOf(await gateway.call(method.apiMethod, params, { orderId }), method.apiMethod);
		}
	}
	const invalid = (method: MethodSpec, message: string, hint: string, orderId?: string) =>
		new InvalidRequestError({ provider: CHANNEL, shopId, method: method.apiMethod, orderId, platformMessage: message, hint });
	const unexpected = (method: MethodSpec, message: string, orderId?: string) =>
		new PermanentError({ provider: CHANNEL, shopId, method: method.apiMethod, orderId, platformMessage: message });
	const requireId = (value: string, what: string, method: MethodSpec) => {
		const text = String(value ?? '').trim();
		if (/^[A-Za-z0-9_-]+$/.test(text)) return text;
		throw invalid(method, `${what} ${JSON.stringify(value)} is not an XHS id`, `give the Xiaohongshu ${what} as shown in the Ark console (letters and digits)`);
	};

	async function refreshAccessToken(): Promise<TokenRefreshResult> {
		if (!credentials.refreshToken) {
			throw invalid(M.refreshToken, 'no refresh token', 'add the Refresh Token to the credential, or re-authorize the shop');
		}
		const data = asObject(await call(M.refreshToken, { refreshToken: credentials.refreshToken }));
		if (typeof data.accessToken !== 'string' || data.accessToken === '') throw unexpected(M.refreshToken, 'no accessToken in the reply');
		const result: TokenRefreshResult = {
			accessToken: data.accessToken,
			refreshToken: typeof data.refreshToken === 'string' ? data.refreshToken : undefined,
			accessTokenExpiresAt: data.accessTokenExpiresAt === undefined ? undefined : Number(data.accessTokenExpiresAt),
			refreshTokenExpiresAt: data.refreshTokenExpiresAt === undefined ? undefined : Number(data.refreshTokenExpiresAt),
			sellerId: data.sellerId === undefined ? undefined : String(data.sellerId),
			raw: data,
		};
		credentials.accessToken = result.accessToken;
		if (result.refreshToken) credentials.refreshToken = result.refreshToken;
		options.onTokenRefreshed?.(result);
		return result;
	}

	async function getOrder(orderId: string): Promise<XhsOrder> {
		const id = requireId(orderId, 'order id', M.getOrder);
		const data = await call(M.getOrder, { orderId: id }, id);
		if (!data || typeof data !== 'object') throw unexpected(M.getOrder, 'no order in the reply', id);
		return data as XhsOrder;
	}

	/** Summaries of one window; a window over pageNo 100 is halved until each half fits. */
	async function* windowSummaries(query: OrderListQuery, window: TimeWindow): AsyncGenerator<JsonObject[]> {
		const modified = query.by === 'modified';
		const method = modified ? M.listOrdersByUpdated : M.listOrdersByCreated;
		const pageSize = pageSizeFor(method, query.pageSize);
		const base = { timeType: modified ? 2 : 1, startTime: seconds(window.from), endTime: seconds(window.to), orderStatus: query.status, orderType: query.orderType, pageSize };
		const fetchPage = async (pageNo: number) => {
			const data = asObject(await call(method, { ...base, pageNo }));
			return { items: asList(data.orderList), total: Number(data.total ?? 0), maxPageNo: Number(data.maxPageNo ?? 0) };
		};
		const probe = await fetchPage(1);
		const pages = Math.max(probe.maxPageNo, Math.ceil(probe.total / pageSize));
		const span = toEpochMillis(window.to) - toEpochMillis(window.from);
		if (pages > MAX_PAGE_NO && span > 2000) {
			for (const half of splitWindow(window.from, window.to, Math.ceil(span / 2000) * 1000)) yield* windowSummaries(query, half);
			return;
		}
		if (modified) {
			// Orders modified mid-walk move to the end of the list; walking backwards only re-shows them.
			let probed: typeof probe | undefined = probe;
			const reuseProbe = async (pageNo: number) => {
				if (probed && pageNo === 1) {
					const page = probed;
					probed = undefined;
					return page;
				}
				return fetchPage(pageNo);
			};
			yield* lastToFirst(reuseProbe, { pageSize });
			return;
		}
		yield probe.items;
		const last = Math.min(pages, MAX_PAGE_NO);
		if (last <= 1) return;
		yield* paginatePages<JsonObject, number>(async (pageNo = 2) => {
			const page = await fetchPage(pageNo);
			return { items: page.items, next: pageNo < last ? pageNo + 1 : undefined };
		});
	}

	const windowsOf = (query: OrderListQuery) => {
		const method = query.by === 'modified' ? M.listOrdersByUpdated : M.listOrdersByCreated;
		return splitWindow(query.from, query.to, method.maxWindowMs);
	};

	async function* listOrderSummaries(query: OrderListQuery) {
		// Windows share a boundary second and backward walks re-read page 1: each order is reported once.
		const seen = new Set<string>();
		for (const window of windowsOf(query)) {
			const orders: JsonObject[] = [];
			for await (const page of windowSummaries(query, window)) {
				for (const summary of page) if (!seen.has(orderKey(summary)) && seen.add(orderKey(summary))) orders.push(summary);
			}
			yield { window, orders };
		}
	}

	return {
		shopId,
		stats: gateway.stats,
		resetStats: () => gateway.resetStats(),
		getOrder,
		listOrderSummaries,

		async *listOrderWindows(query) {
			for await (const { window, orders } of listOrderSummaries(query)) {
				const details: XhsOrder[] = [];
				for (const summary of orders) details.push(await getOrder(orderKey(summary)));
				yield { window, orders: details };
			}
		},

		async *listOrders(query) {
			for await (const { orders } of listOrderSummaries(query)) for (const summary of orders) yield await getOrder(orderKey(summary));
		},

		async ship({ orderId, trackingNo, companyCode, companyName, skuIds }) {
			const id = requireId(orderId, 'order id', M.ship);
			if (!trackingNo.trim() || !companyCode.trim()) {
				throw invalid(M.ship, 'tracking number or carrier code is empty', 'fill in the carrier code (expressCompanyCode) and the waybill number', id);
			}
			const split = skuIds && skuIds.length > 0;
			const data = await call(
				M.ship,
				{
					orderId: id,
					expressNo: trackingNo.trim(),
					expressCompanyCode: companyCode.trim(),
					expressCompanyName: companyName,
					unpack: split ? true : undefined,
					skuIdList: split ? skuIds.map((s) => requireId(s, 'SKU id', M.ship)) : undefined,
				},
				id,
			);
			return { orderId: id, trackingNo: trackingNo.trim(), companyCode: companyCode.trim(), result: data ?? null };
		},

		async updateStock({ skuId, quantity, mode = 'full' }) {
			const method = mode === 'full' ? M.setStock : M.addStock;
			if (!Number.isInteger(quantity) || (mode === 'full' && quantity < 0)) {
				throw invalid(method, `quantity ${quantity} is not allowed`, 'give a whole number (not negative when setting the stock)');
			}
			const id = requireId(skuId, 'SKU id', method);
			const data = await call(method, { skuId: id, qty: quantity });
			return { skuId: id, mode, quantity, result: data ?? null };
		},

		async *listSkus() {
			const pageSize = pageSizeFor(M.listSkus);
			const pages = paginatePages<JsonObject, number>(async (pageNo = 1) => {
				const data = asObject(await call(M.listSkus, { pageNo, pageSize }));
				const items = asList(data.skuList ?? data.data);
				const total = Number(data.total ?? 0);
				return { items, next: items.length === pageSize && pageNo * pageSize < total ? pageNo + 1 : undefined };
			});
			for await (const page of pages) for (const sku of page) yield skuOf(sku);
		},

		async listCarriers() {
			const data = asObject(await call(M.listCarriers, {}));
			return asList(data.expressCompanyInfos).map((c) => ({ code: String(c.expressCompanyCode), name: String(c.expressCompanyName ?? '') }));
		},

		async *listRefunds({ from, to, timeType = 1, statuses }) {
			const method = M.listAfterSales;
			const maxWindow = timeType === 2 ? 30 * MINUTE_MS : DAY_MS;
			const pageSize = pageSizeFor(method);
			for (const window of splitWindow(from, to, maxWindow)) {
				const range = { timeType, startTime: toEpochMillis(window.from), endTime: toEpochMillis(window.to), statuses };
				const pages = paginatePages<JsonObject, number>(async (pageNo = 1) => {
					const data = asObject(await call(method, { ...range, pageNo, pageSize }));
					const items = asList(data.afterSaleBasicInfos);
					const total = Number(data.totalCount ?? 0);
					const more = pageNo * pageSize < total && (pageNo + 1) * pageSize <= AFTERSALE_MAX_ROWS;
					return { items, next: more ? pageNo + 1 : undefined };
				});
				for await (const page of pages) yield* page;
			}
		},

		async getRefund(returnsId) {
			const id = requireId(returnsId, 'after-sale id (returnsId)', M.getAfterSale);
			const data = await call(M.getAfterSale, { returnsId: id });
			if (!data || typeof data !== 'object') throw unexpected(M.getAfterSale, 'no after-sale in the reply');
			return data as XhsAfterSale;
		},

		refreshAccessToken,

		async testConnection() {
			// A one-row order list over the last hour checks app, signature, token and the order permission.
			const nowMs = (options.now ?? Date.now)();
			await call(M.listOrdersByCreated, { timeType: 1, startTime: Math.floor(nowMs / 1000) - 3600, endTime: Math.floor(nowMs / 1000), pageNo: 1, pageSize: 1 });
			return { ok: true };
		},
	};
}

function skuOf(sku: JsonObject): XhsSku {
	const text = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
	const number = (v: unknown) => (v === undefined || v === null || v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));
	return {
		itemId: text(sku.itemId),
		skuId: String(sku.skuId ?? sku.id),
		merchantCode: text(sku.scSkucode ?? sku.erpCode),
		barcode: text(sku.barcode),
		title: String(sku.itemName ?? sku.name ?? ''),
		skuName: text(sku.skuSpec ?? sku.specName),
		quantity: number(sku.stock),
		price: number(sku.price),
		raw: sku,
	};
}
