// The JD client: JOS methods as data (limits, windows) and one call per use case on the shared
// form-gateway core, which signs, retries and classifies. Calls return raw JD objects (ids exact, parsed
// losslessly); normalize.ts turns orderInfo into unified orders, refunds.ts reads refund applications.
import { CarrierCodeError, fromChannelCarrierCode, isCarrierId, toChannelCarrierCode } from '../../carriers/carrierCodes';
import { InvalidRequestError, PermanentError, type HttpClient } from '../../http';
import { toShanghaiLocal } from '../../model';
import type { RetryDeps, RetryPolicy } from '../../retry';
import { consistentPages } from '../core/consistentPages';
import { defineMethods, eachSnapshotOnce, latestPerWindow, pageSizeFor, splitWindow, type MethodSpec, type TimeWindow } from '../core';
import { createFormGateway, type CallStats, type JsonObject } from '../core/formGateway';
import { CHANNEL, JD_ERROR_TABLE, LIST_ORDER_STATES } from './codes';
import { refreshJdToken, type TokenRefreshResult } from './oauth';
import { jdErrorOf, jdResponseKey, signedJdParams, jdParamJson, type JdCredentials } from './sign';

export type { TokenRefreshResult } from './oauth';

export interface JdClientOptions {
	credentials: JdCredentials;
	http: HttpClient;
	retry?: RetryPolicy;
	retryDeps?: RetryDeps;
	now?: () => number;
	timeoutMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * [I] Stock write: `jingdong.stock.write.updateSkuStock` (several SDK ports); one adapter says
 * `jingdong.ware.stock.sku.set` replaces it. Both take skuId + stockNum as a full set.
 */
export const JD_STOCK_METHOD = 'jingdong.stock.write.updateSkuStock';

/** JOS methods and their limits (channels.md §2.4-2.7); [I] marks what the spec could not confirm. */
export const JD_METHODS = defineMethods({
	getOrder: { apiMethod: 'jingdong.pop.order.get', kind: 'get' },
	// One month per query [C]; read as 30 days [I]. Paged by number with a moved-items check.
	listOrders: { apiMethod: 'jingdong.pop.order.search', kind: 'list', pageSizeMax: 100, maxWindowMs: 30 * DAY_MS },
	ship: { apiMethod: 'jingdong.pop.order.shipment', kind: 'action' },
	// [I] order_id, remark, flag (0-5); answers modifyvenderremark_result.
	updateMemo: { apiMethod: 'jingdong.pop.order.modifyVenderRemark', kind: 'action' },
	updateStock: { apiMethod: JD_STOCK_METHOD, kind: 'action' },
	// [I] pageNo/pageSize paging and 50 per page; answers page.data[] with page.totalItem.
	listSkus: { apiMethod: 'jingdong.sku.read.searchSkuList', kind: 'list', pageSizeMax: 50 },
	// pageSize 1-50, pageIndex 1-100 [C-3p]; [I] a 7-day apply-time window keeps each query far below that cap.
	listRefunds: {
		apiMethod: 'jingdong.pop.afs.soa.refundapply.queryPageList',
		kind: 'list',
		pageSizeMax: 50,
		maxWindowMs: 7 * DAY_MS,
	},
});

/** orderInfo fields normalize.ts reads. */
export const ORDER_FIELDS = [
	'orderId', 'venderId', 'orderType', 'payType', 'orderTotalPrice', 'orderSellerPrice', 'orderPayment',
	'freightPrice', 'sellerDiscount', 'balanceUsed', 'orderState', 'orderStateRemark', 'orderRemark',
	'orderStartTime', 'orderEndTime', 'paymentConfirmTime', 'modified', 'venderRemark', 'waybill', 'logisticsId',
	'pin', 'open_id_buyer', 'xid_buyer', 'oaid', 'consigneeInfo', 'itemInfoList', 'couponDetailList',
].join(',');

const SKU_FIELDS = 'skuId,wareId,outerId,skuName,wareTitle,jdPrice,stockNum,status,modified';

export type JdOrderInfo = JsonObject;
export type JdRefundApplication = JsonObject;

export interface OrderListQuery {
	/** 'created' lists by orderStartTime (dateType 1), 'modified' by JD's modified time. */
	by: 'created' | 'modified';
	/** ISO-8601 with offset. */
	from: string;
	to: string;
	/** Comma list of JD order states; every state a seller sees when absent. */
	status?: string;
	pageSize?: number;
	/** Newest first (sortType 1), e.g. for a sample of the latest orders; default oldest first. */
	newestFirst?: boolean;
}

export interface OrderWindowResult {
	window: TimeWindow;
	/** Each order once (the latest snapshot seen), in the order JD listed them. */
	orders: JdOrderInfo[];
}

export interface ShipRequest {
	orderId: string;
	/** Several waybills of one carrier separated by ','. */
	trackingNo: string;
	/** JD's numeric carrier id (logiCoprId), or our carrier id (sf, zto, ...) or its name to translate. */
	companyCode: string;
	/** JD ships whole orders; line ids are refused. */
	lineIds?: string[];
}

export interface StockUpdate {
	/** The ware id; JD sets stock per SKU, so it is informational. */
	itemId?: string;
	skuId?: string;
	merchantCode?: string;
	quantity: number;
	/** JD only sets stock ('full'); 'delta' is refused. */
	mode?: 'full' | 'delta';
}

/** One sellable unit: a ware's SKU. */
export interface JdSku {
	itemId: string;
	skuId?: string;
	merchantCode?: string;
	title: string;
	skuName?: string;
	quantity?: number;
	price?: string;
	raw: JsonObject;
}

export interface RefundListQuery {
	from: string;
	to: string;
	/** JD refund application status number (0 未审核 ... 11 用户撤销); all when absent. */
	status?: string;
	/** Window on the apply time (default) or the review time. */
	by?: 'applied' | 'checked';
}

export interface JdClient {
	readonly shopId: string;
	readonly stats: CallStats;
	resetStats(): void;
	getOrder(orderId: string): Promise<JdOrderInfo>;
	listOrderWindows(query: OrderListQuery): AsyncGenerator<OrderWindowResult>;
	listOrders(query: OrderListQuery): AsyncGenerator<JdOrderInfo>;
	ship(request: ShipRequest): Promise<JsonObject>;
	updateMemo(orderId: string, memo: string, flag?: number): Promise<JsonObject>;
	updateStock(update: StockUpdate): Promise<JsonObject>;
	listSkus(): AsyncGenerator<JdSku>;
	listRefunds(query: RefundListQuery): AsyncGenerator<JdRefundApplication>;
	getRefund(refundId: string): Promise<JdRefundApplication>;
	refreshAccessToken(): Promise<TokenRefreshResult>;
	testConnection(): Promise<{ ok: true }>;
}

const DIGITS = /^\d+$/;

export function createJdClient(options: JdClientOptions): JdClient {
	const { credentials } = options;
	const shopId = credentials.shopId;
	const gateway = createFormGateway({
		provider: CHANNEL,
		shopId,
		url: credentials.url,
		http: options.http,
		errorTable: JD_ERROR_TABLE,
		retry: options.retry,
		retryDeps: options.retryDeps,
		now: options.now,
		timeoutMs: options.timeoutMs,
		sign: (apiMethod, params, nowMs) => {
			const timestamp = toShanghaiLocal(new Date(nowMs).toISOString());
			return signedJdParams(apiMethod, params['360buy_param_json'] ?? '{}', credentials, timestamp);
		},
		errorOf: jdErrorOf,
		resultOf: (body, apiMethod) => body[jdResponseKey(apiMethod)] as JsonObject | undefined,
	});
	const M = JD_METHODS;
	// Business parameters travel as one JSON string, built once per call so every retry signs the same bytes.
	const call = (method: MethodSpec, business: Record<string, unknown>, orderId?: string) =>
		gateway.call(method.apiMethod, { '360buy_param_json': jdParamJson(business) }, { orderId });
	const refuse = (method: MethodSpec, message: string, hint: string, orderId?: string) =>
		new InvalidRequestError({ provider: CHANNEL, shopId, method: method.apiMethod, orderId, platformMessage: message, hint });
	const unexpected = (method: MethodSpec, message: string, orderId?: string) =>
		new PermanentError({ provider: CHANNEL, shopId, method: method.apiMethod, orderId, platformMessage: message });
	/** JD ids are Longs: sent as exact bare numbers. */
	const longId = (value: string, what: string, method: MethodSpec): bigint => {
		const text = String(value ?? '').trim();
		if (DIGITS.test(text)) return BigInt(text);
		throw refuse(method, `${what} ${JSON.stringify(value)} is not a number`, `give the JD ${what} as digits only`);
	};

	function windowPages(query: OrderListQuery, window: TimeWindow): AsyncGenerator<JdOrderInfo[]> {
		const method = M.listOrders;
		const business = {
			start_date: toShanghaiLocal(window.from),
			end_date: toShanghaiLocal(window.to),
			order_state: query.status ?? LIST_ORDER_STATES.join(','),
			optional_fields: ORDER_FIELDS,
			dateType: query.by === 'created' ? '1' : '0',
			// Either way an order modified mid-walk moves, and the moved-items check sees it.
			sortType: query.newestFirst ? '1' : '0',
		};
		return consistentPages(
			async (page, pageSize) => {
				const res = await call(method, { ...business, page: String(page), page_size: String(pageSize) });
				const result = (res.searchorderinfo_result ?? {}) as JsonObject;
				return { items: listOf(result.orderInfoList), total: Number(result.orderTotal ?? 0) };
			},
			{ pageSize: pageSizeFor(method, query.pageSize), keyOf: orderKey, context: { provider: CHANNEL, shopId, method: method.apiMethod } },
		);
	}

	function windowsOf(query: OrderListQuery): TimeWindow[] {
		return splitWindow(query.from, query.to, M.listOrders.maxWindowMs as number);
	}

	async function refundPage(business: Record<string, unknown>, page: number, pageSize: number) {
		const res = await call(M.listRefunds, { ...business, pageIndex: page, pageSize });
		const result = (res.queryResult ?? {}) as JsonObject;
		return { items: listOf(result.result), total: Number(result.totalCount ?? 0) };
	}

	return {
		shopId,
		stats: gateway.stats,
		resetStats: () => gateway.resetStats(),

		async getOrder(orderId) {
			const id = longId(orderId, 'order id', M.getOrder);
			const res = await call(M.getOrder, { order_id: id, optional_fields: ORDER_FIELDS }, String(id));
			const detail = res.orderDetailInfo as JsonObject | undefined;
			if (!detail?.orderInfo) throw unexpected(M.getOrder, 'no orderInfo in the response', String(id));
			return detail.orderInfo as JdOrderInfo;
		},

		async *listOrderWindows(query) {
			yield* latestPerWindow(windowsOf(query), (window) => windowPages(query, window), orderKey, modifiedOf);
		},

		async *listOrders(query) {
			yield* eachSnapshotOnce(windowsOf(query), (window) => windowPages(query, window), (order) => `${orderKey(order)}@${modifiedOf(order)}`);
		},

		async ship({ orderId, trackingNo, companyCode, lineIds }) {
			const id = longId(orderId, 'order id', M.ship);
			if (lineIds && lineIds.length > 0) {
				throw refuse(M.ship, 'JD ships whole orders', 'leave the line ids empty; JD splits orders into child orders itself', String(id));
			}
			const logiCoprId = jdCarrierId(companyCode, (message) => refuse(M.ship, message, 'use a JD carrier id (e.g. 467 SF) or a known carrier (sf, zto, ...)', String(id)));
			const res = await call(M.ship, { orderId: id, logiCoprId, logiNo: trackingNo }, String(id));
			const result = res.sopjosshipment_result as JsonObject | undefined;
			if (result?.success !== true && result?.success !== 'true') {
				throw unexpected(M.ship, 'JD did not confirm the shipment (success is not true)', String(id));
			}
			return res;
		},

		async updateMemo(orderId, memo, flag) {
			const id = longId(orderId, 'order id', M.updateMemo);
			return call(M.updateMemo, { order_id: id, remark: memo, flag }, String(id));
		},

		async updateStock({ skuId, quantity, mode = 'full' }) {
			if (mode === 'delta') throw refuse(M.updateStock, 'JD only sets stock to a number', 'use the full mode with the new stock level');
			if (!skuId) throw refuse(M.updateStock, 'no SKU id', 'JD sets stock per SKU: give the SKU id');
			if (!Number.isSafeInteger(quantity) || quantity < 0) {
				throw refuse(M.updateStock, `stock ${quantity} is not a whole number >= 0`, 'give the new stock level');
			}
			const res = await call(M.updateStock, { skuId: longId(skuId, 'SKU id', M.updateStock), stockNum: quantity });
			if (res.success !== true && res.success !== 'true') throw unexpected(M.updateStock, 'JD did not confirm the stock update');
			return res;
		},

		async *listSkus() {
			const method = M.listSkus;
			const pages = consistentPages<JsonObject>(
				async (page, pageSize) => {
					const res = await call(method, { field: SKU_FIELDS, pageNo: page, pageSize });
					const data = (res.page ?? {}) as JsonObject;
					return { items: listOf(data.data), total: Number(data.totalItem ?? 0) };
				},
				{ pageSize: pageSizeFor(method), keyOf: (sku) => String(sku.skuId), context: { provider: CHANNEL, shopId, method: method.apiMethod } },
			);
			for await (const page of pages) yield* page.map(skuOf);
		},

		async *listRefunds({ from, to, status, by = 'applied' }) {
			const [startKey, endKey] = by === 'checked' ? ['checkTimeStart', 'checkTimeEnd'] : ['applyTimeStart', 'applyTimeEnd'];
			const pagesOf = (window: TimeWindow) => {
				const business = { [startKey]: toShanghaiLocal(window.from), [endKey]: toShanghaiLocal(window.to), status };
				const context = { provider: CHANNEL, shopId, method: M.listRefunds.apiMethod };
				return consistentPages((page, size) => refundPage(business, page, size), {
					pageSize: pageSizeFor(M.listRefunds),
					keyOf: (refund) => String(refund.id),
					context,
				});
			};
			yield* eachSnapshotOnce(
				splitWindow(from, to, M.listRefunds.maxWindowMs as number),
				pagesOf,
				(refund) => `${String(refund.id)}@${String(refund.status)}@${String(refund.checkTime ?? '')}`,
			);
		},

		async getRefund(refundId) {
			const id = String(longId(refundId, 'refund id', M.listRefunds));
			const { items } = await refundPage({ ids: id }, 1, 1);
			const found = items.find((refund) => String(refund.id) === id);
			if (found) return found;
			throw refuse(M.listRefunds, `no refund application ${id}`, 'check the refund id and that it belongs to this shop');
		},

		refreshAccessToken: () => refreshJdToken(credentials, options.http, options.timeoutMs),

		async testConnection() {
			// A one-row order list checks the app key, signature, token and the order permission in one call.
			await call(M.listOrders, { order_state: 'WAIT_SELLER_STOCK_OUT', optional_fields: 'orderId', page: '1', page_size: '1' });
			return { ok: true };
		},
	};
}

/**
 * A carrier for order.shipment: JD's numeric id as is; our carrier id (sf, zto, ...) or a carrier's name
 * (顺丰速运) through the carrier table.
 */
export function jdCarrierId(code: string, fail: (message: string) => Error): string {
	const text = String(code ?? '').trim();
	if (DIGITS.test(text)) return text;
	try {
		const id = isCarrierId(text.toLowerCase()) ? text.toLowerCase() : fromChannelCarrierCode('own_site', text);
		return toChannelCarrierCode(id, CHANNEL);
	} catch (err) {
		if (err instanceof CarrierCodeError) throw fail(err.message);
		throw err;
	}
}

function orderKey(order: JdOrderInfo): string {
	return String(order.orderId);
}

const modifiedOf = (order: JdOrderInfo): string => String(order.modified ?? '');

function listOf(value: unknown): JsonObject[] {
	return Array.isArray(value) ? (value as JsonObject[]) : [];
}

function skuOf(sku: JsonObject): JdSku {
	const text = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : String(value));
	const stock = Number(sku.stockNum);
	return {
		itemId: String(sku.wareId ?? ''),
		skuId: text(sku.skuId),
		merchantCode: text(sku.outerId),
		title: text(sku.wareTitle) ?? text(sku.skuName) ?? '',
		skuName: text(sku.skuName),
		quantity: sku.stockNum === undefined || sku.stockNum === null || !Number.isFinite(stock) ? undefined : stock,
		price: text(sku.jdPrice),
		raw: sku,
	};
}
