// The Taobao client: TOP's methods as data (limits, paging direction, windows) and one call per use case
// on the shared form-gateway core, which signs, retries and classifies. Calls return raw TOP objects
// (ids exact, parsed losslessly); normalize.ts turns trades into unified orders.
import { InvalidRequestError, PermanentError, type HttpClient } from '../../http';
import { parseJsonLossless } from '../../json';
import { toShanghaiLocal } from '../../model';
import type { RetryDeps, RetryPolicy } from '../../retry';
import {
	defineMethods,
	eachSnapshotOnce,
	lastToFirst,
	latestPerWindow,
	pageSizeFor,
	paginatePages,
	splitWindow,
	type MethodSpec,
	type TimeWindow,
} from '../core';
import { createFormGateway, type CallStats, type JsonObject } from '../core/formGateway';
import { CHANNEL, TOP_ERROR_TABLE } from './codes';
import { hasNext, signedTopParams, topErrorOf, topList, topResponseKey, type TaobaoCredentials } from './sign';

export interface TaobaoClientOptions {
	credentials: TaobaoCredentials;
	http: HttpClient;
	retry?: RetryPolicy;
	retryDeps?: RetryDeps;
	now?: () => number;
	timeoutMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** TOP methods and their limits (channels.md §1.4-1.7); [I] marks what the spec could not confirm. */
export const TAOBAO_METHODS = defineMethods({
	getOrder: { apiMethod: 'taobao.trade.fullinfo.get', kind: 'get' },
	listOrdersByCreated: { apiMethod: 'taobao.trades.sold.get', kind: 'list', pageSizeMax: 100 },
	listOrdersByModified: {
		apiMethod: 'taobao.trades.sold.increment.get',
		kind: 'list',
		pageSizeMax: 100,
		maxWindowMs: DAY_MS,
		pagingDirection: 'lastToFirst',
	},
	ship: { apiMethod: 'taobao.logistics.offline.send', kind: 'action' },
	// [I] memo.update sets the seller memo whether or not one exists (memo.add refuses when one does).
	updateMemo: { apiMethod: 'taobao.trade.memo.update', kind: 'action' },
	updateStock: { apiMethod: 'taobao.item.quantity.update', kind: 'action' },
	// [I] 100 is within every documented cap of items.onsale.get.
	listOnSaleItems: { apiMethod: 'taobao.items.onsale.get', kind: 'list', pageSizeMax: 100 },
	getItem: { apiMethod: 'taobao.item.seller.get', kind: 'get' },
	listRefunds: { apiMethod: 'taobao.refunds.receive.get', kind: 'list', pageSizeMax: 100 },
	getRefund: { apiMethod: 'taobao.refund.get', kind: 'get' },
	// [I] method name and `token_result` member (channels.md §1.3).
	refreshToken: { apiMethod: 'taobao.top.auth.token.refresh', kind: 'action' },
});

/** Trade fields normalize.ts reads; asking for receiver fields also makes TOP return the OAID. */
export const TRADE_FIELDS = [
	'tid', 'tid_str', 'status', 'type', 'step_trade_status', 'seller_nick', 'buyer_nick', 'buyer_open_uid',
	'created', 'modified', 'pay_time', 'consign_time', 'end_time', 'payment', 'total_fee', 'discount_fee',
	'adjust_fee', 'post_fee', 'received_payment', 'seller_memo', 'buyer_message', 'seller_flag',
	'receiver_name', 'receiver_mobile', 'receiver_phone', 'receiver_state', 'receiver_city', 'receiver_district',
	'receiver_town', 'receiver_address', 'receiver_zip', 'receiver_country', 'oaid', 'orders',
].join(',');

export const REFUND_FIELDS = [
	'refund_id', 'tid', 'oid', 'status', 'refund_fee', 'total_fee', 'payment', 'created', 'modified', 'good_status',
	'has_good_return', 'reason', 'desc', 'company_name', 'sid', 'refund_phase', 'outer_id', 'num', 'num_iid',
	'title', 'sku', 'buyer_nick', 'buyer_open_uid', 'seller_nick', 'order_status', 'refund_version',
].join(',');

// [I] `sku` in fields asks item.seller.get for the item's skus.sku[].
const ITEM_LIST_FIELDS = 'num_iid,title,outer_id,num,price,modified,approve_status';
const ITEM_DETAIL_FIELDS = 'num_iid,title,outer_id,num,price,modified,sku';

export type TaobaoTrade = JsonObject;
export type TaobaoRefund = JsonObject;

export interface OrderListQuery {
	/** 'created' uses trades.sold.get; 'modified' uses the increment API (one-day windows, last page first). */
	by: 'created' | 'modified';
	/** ISO-8601 with offset. */
	from: string;
	to: string;
	/** One TOP trade status (or ALL_WAIT_PAY / ALL_CLOSED); all when absent. */
	status?: string;
	/** Comma list of trade types; TOP's default leaves some types out (channels.md §1.4). */
	types?: string;
	pageSize?: number;
}

export interface OrderWindowResult {
	window: TimeWindow;
	/** Each trade once (the latest snapshot seen), in the order TOP listed them. */
	trades: TaobaoTrade[];
}

export interface ShipRequest {
	orderId: string;
	trackingNo: string;
	/** Taobao's company code (SF, ZTO, ...), see taobao.logistics.companies.get. */
	companyCode: string;
	/** Line ids (oid) in this parcel; the whole order when absent. */
	lineIds?: string[];
}

export interface StockUpdate {
	itemId: string;
	skuId?: string;
	/** SKU merchant code, used by TOP when skuId is absent. */
	merchantCode?: string;
	quantity: number;
	/** 'full' sets the stock (TOP type 1); 'delta' adds to it, may be negative (type 2). */
	mode?: 'full' | 'delta';
}

/** One sellable unit: an item's SKU, or the item itself when it has no SKUs. */
export interface TaobaoSku {
	itemId: string;
	skuId?: string;
	merchantCode?: string;
	title: string;
	skuName?: string;
	quantity?: number;
	price?: string;
	raw: JsonObject;
}

export interface TokenRefreshResult {
	accessToken: string;
	refreshToken?: string;
	expiresInSeconds?: number;
	raw: JsonObject;
}

export interface TaobaoClient {
	readonly shopId: string;
	readonly stats: CallStats;
	resetStats(): void;
	getOrder(orderId: string): Promise<TaobaoTrade>;
	listOrderWindows(query: OrderListQuery): AsyncGenerator<OrderWindowResult>;
	listOrders(query: OrderListQuery): AsyncGenerator<TaobaoTrade>;
	ship(request: ShipRequest): Promise<JsonObject>;
	updateMemo(orderId: string, memo: string, flag?: number): Promise<JsonObject>;
	updateStock(update: StockUpdate): Promise<JsonObject>;
	listSkus(): AsyncGenerator<TaobaoSku>;
	listRefunds(window: { from: string; to: string; status?: string }): AsyncGenerator<TaobaoRefund>;
	getRefund(refundId: string): Promise<TaobaoRefund>;
	refreshAccessToken(): Promise<TokenRefreshResult>;
	testConnection(): Promise<{ ok: true }>;
}

const DIGITS = /^\d+$/;

function requireDigits(value: string, what: string, method: MethodSpec, shopId: string): string {
	const text = String(value ?? '').trim();
	if (DIGITS.test(text)) return text;
	throw new InvalidRequestError({
		provider: CHANNEL,
		shopId,
		method: method.apiMethod,
		platformMessage: `${what} ${JSON.stringify(value)} is not a number`,
		hint: `give the Taobao ${what} as digits only`,
	});
}

export function createTaobaoClient(options: TaobaoClientOptions): TaobaoClient {
	const { credentials } = options;
	const shopId = credentials.shopId;
	const gateway = createFormGateway({
		provider: CHANNEL,
		shopId,
		url: credentials.url,
		http: options.http,
		errorTable: TOP_ERROR_TABLE,
		retry: options.retry,
		retryDeps: options.retryDeps,
		now: options.now,
		timeoutMs: options.timeoutMs,
		sign: (apiMethod, params, nowMs) => {
			const timestamp = toShanghaiLocal(new Date(nowMs).toISOString());
			// Token refresh is an app-level call: it must not carry the (possibly expired) session.
			const session = apiMethod === TAOBAO_METHODS.refreshToken.apiMethod ? undefined : credentials.session;
			return signedTopParams(apiMethod, params, { ...credentials, session }, timestamp);
		},
		errorOf: topErrorOf,
		resultOf: (body, apiMethod) => body[topResponseKey(apiMethod)] as JsonObject | undefined,
	});
	const call = (method: MethodSpec, params: Record<string, string | number | boolean | undefined>, orderId?: string) =>
		gateway.call(method.apiMethod, params, { orderId });
	const M = TAOBAO_METHODS;
	const unexpected = (method: MethodSpec, message: string, orderId?: string) =>
		new PermanentError({ provider: CHANNEL, shopId, method: method.apiMethod, orderId, platformMessage: message });

	/** One window of a trade list, every page, each trade once (the latest snapshot). */
	async function* windowPages(query: OrderListQuery, window: TimeWindow): AsyncGenerator<TaobaoTrade[]> {
		const base = { fields: TRADE_FIELDS, status: query.status, type: query.types };
		if (query.by === 'modified') {
			const method = M.listOrdersByModified;
			const range = { start_modified: toShanghaiLocal(window.from), end_modified: toShanghaiLocal(window.to) };
			yield* lastToFirst(
				async (page, pageSize) => {
					const res = await call(method, { ...base, ...range, page_no: page, page_size: pageSize });
					return { items: topList(res.trades, 'trade'), total: Number(res.total_results ?? 0) };
				},
				{ pageSize: pageSizeFor(method, query.pageSize) },
			);
			return;
		}
		const method = M.listOrdersByCreated;
		const range = { start_created: toShanghaiLocal(window.from), end_created: toShanghaiLocal(window.to) };
		const pageSize = pageSizeFor(method, query.pageSize);
		yield* paginatePages<TaobaoTrade, number>(async (page = 1) => {
			const res = await call(method, { ...base, ...range, page_no: page, page_size: pageSize, use_has_next: true });
			return { items: topList(res.trades, 'trade'), next: hasNext(res) ? page + 1 : undefined };
		});
	}

	function windowsOf(query: OrderListQuery): TimeWindow[] {
		const spec: MethodSpec = query.by === 'modified' ? M.listOrdersByModified : M.listOrdersByCreated;
		return spec.maxWindowMs ? splitWindow(query.from, query.to, spec.maxWindowMs) : [{ from: query.from, to: query.to }];
	}

	return {
		shopId,
		stats: gateway.stats,
		resetStats: () => gateway.resetStats(),

		async getOrder(orderId) {
			const tid = requireDigits(orderId, 'order id', M.getOrder, shopId);
			const res = await call(M.getOrder, { fields: TRADE_FIELDS, tid }, tid);
			if (!res.trade) throw unexpected(M.getOrder, 'no trade in the response', tid);
			return res.trade as TaobaoTrade;
		},

		async *listOrderWindows(query) {
			const windows = latestPerWindow(windowsOf(query), (window) => windowPages(query, window), tradeKey, modifiedOf);
			for await (const { window, orders } of windows) yield { window, trades: orders };
		},

		async *listOrders(query) {
			yield* eachSnapshotOnce(windowsOf(query), (window) => windowPages(query, window), (trade) => `${tradeKey(trade)}@${modifiedOf(trade)}`);
		},

		async ship({ orderId, trackingNo, companyCode, lineIds }) {
			const tid = requireDigits(orderId, 'order id', M.ship, shopId);
			const oids = (lineIds ?? []).map((id) => requireDigits(id, 'line id', M.ship, shopId));
			const split = oids.length > 0 ? { is_split: 1, sub_tid: oids.join(',') } : {};
			const res = await call(M.ship, { tid, out_sid: trackingNo, company_code: companyCode, ...split }, tid);
			const shipping = res.shipping as JsonObject | undefined;
			if (shipping?.is_success !== true && shipping?.is_success !== 'true') {
				throw unexpected(M.ship, 'Taobao did not confirm the shipment (is_success is not true)', tid);
			}
			return res;
		},

		async updateMemo(orderId, memo, flag) {
			const tid = requireDigits(orderId, 'order id', M.updateMemo, shopId);
			return call(M.updateMemo, { tid, memo, flag }, tid);
		},

		async updateStock({ itemId, skuId, merchantCode, quantity, mode = 'full' }) {
			const numIid = requireDigits(itemId, 'item id', M.updateStock, shopId);
			const sku = skuId ? { sku_id: skuId } : { outer_id: merchantCode };
			const res = await call(M.updateStock, { num_iid: numIid, ...sku, quantity, type: mode === 'delta' ? 2 : 1 });
			return (res.item as JsonObject | undefined) ?? res;
		},

		async *listSkus() {
			const pageSize = pageSizeFor(M.listOnSaleItems);
			const pages = paginatePages<JsonObject, number>(async (page = 1) => {
				const res = await call(M.listOnSaleItems, { fields: ITEM_LIST_FIELDS, page_no: page, page_size: pageSize });
				const total = Number(res.total_results ?? 0);
				return { items: topList(res.items, 'item'), next: page * pageSize < total ? page + 1 : undefined };
			});
			for await (const items of pages) {
				for (const listed of items) {
					const res = await call(M.getItem, { fields: ITEM_DETAIL_FIELDS, num_iid: String(listed.num_iid) });
					yield* skusOf((res.item as JsonObject | undefined) ?? listed);
				}
			}
		},

		async *listRefunds({ from, to, status }) {
			const pageSize = pageSizeFor(M.listRefunds);
			const range = { start_modified: toShanghaiLocal(from), end_modified: toShanghaiLocal(to) };
			const pages = paginatePages<TaobaoRefund, number>(async (page = 1) => {
				const params = { fields: REFUND_FIELDS, ...range, status, page_no: page, page_size: pageSize, use_has_next: true };
				const res = await call(M.listRefunds, params);
				return { items: topList(res.refunds, 'refund'), next: hasNext(res) ? page + 1 : undefined };
			});
			for await (const page of pages) yield* page;
		},

		async getRefund(refundId) {
			const id = requireDigits(refundId, 'refund id', M.getRefund, shopId);
			const res = await call(M.getRefund, { fields: REFUND_FIELDS, refund_id: id });
			return (res.refund as TaobaoRefund | undefined) ?? res;
		},

		async refreshAccessToken() {
			if (!credentials.refreshToken) {
				throw new InvalidRequestError({
					provider: CHANNEL,
					shopId,
					method: M.refreshToken.apiMethod,
					platformMessage: 'no refresh token',
					hint: 'add the Refresh Token to the credential, or re-authorize the shop',
				});
			}
			const res = await call(M.refreshToken, { refresh_token: credentials.refreshToken });
			const token = typeof res.token_result === 'string' ? parseJsonLossless<JsonObject>(res.token_result) : res;
			if (typeof token.access_token !== 'string') {
				throw unexpected(M.refreshToken, 'no access_token in token_result');
			}
			return {
				accessToken: token.access_token,
				refreshToken: typeof token.refresh_token === 'string' ? token.refresh_token : undefined,
				expiresInSeconds: token.expires_in === undefined ? undefined : Number(token.expires_in),
				raw: token,
			};
		},

		async testConnection() {
			// A one-row order list checks the app key, signature, session and the order permission in one call.
			await call(M.listOrdersByCreated, { fields: 'tid', page_no: 1, page_size: 1, use_has_next: true });
			return { ok: true };
		},
	};
}

const modifiedOf = (trade: TaobaoTrade): string => String(trade.modified ?? '');

function tradeKey(trade: TaobaoTrade): string {
	return String(trade.tid_str ?? trade.tid);
}

function skusOf(item: JsonObject): TaobaoSku[] {
	const base = { itemId: String(item.num_iid), title: String(item.title ?? '') };
	const skus = topList(item.skus, 'sku');
	if (skus.length === 0) {
		const merchantCode = optionalText(item.outer_id);
		return [{ ...base, merchantCode, quantity: optionalNumber(item.num), price: optionalText(item.price), raw: item }];
	}
	return skus.map((sku) => ({
		...base,
		skuId: optionalText(sku.sku_id),
		merchantCode: optionalText(sku.outer_id) ?? optionalText(item.outer_id),
		skuName: optionalText(sku.properties_name),
		quantity: optionalNumber(sku.quantity),
		price: optionalText(sku.price),
		raw: sku,
	}));
}

function optionalText(value: unknown): string | undefined {
	return value === undefined || value === null || value === '' ? undefined : String(value);
}

function optionalNumber(value: unknown): number | undefined {
	const n = Number(value);
	return value === undefined || value === null || value === '' || !Number.isFinite(n) ? undefined : n;
}
