// The Pinduoduo client: the gateway's APIs as data (limits, windows, paging direction) and one call per
// use case on the shared form-gateway core, which signs, retries and classifies. Calls return raw
// Pinduoduo objects (parsed losslessly); normalize.ts turns orders into unified orders.
import { InvalidRequestError, PermanentError, type HttpClient } from '../../http';
import { toEpochMillis } from '../../model';
import type { RetryDeps, RetryPolicy } from '../../retry';
import { defineMethods, eachSnapshotOnce, lastToFirst, latestPerWindow, pageSizeFor, paginatePages, splitWindow, type MethodSpec, type TimeWindow } from '../core';
import { createFormGateway, type CallStats, type JsonObject } from '../core/formGateway';
import { CHANNEL, PDD_ERROR_TABLE, UnknownCarrierError, pddLogisticsId } from './codes';
import { listOf, skusOf, type PddSku } from './goods';
import { pddErrorOf, pddResultOf, pddTimestamp, signedPddParams, type PinduoduoCredentials } from './sign';

export interface PinduoduoClientOptions {
	credentials: PinduoduoCredentials;
	http: HttpClient;
	retry?: RetryPolicy;
	retryDeps?: RetryDeps;
	now?: () => number;
	timeoutMs?: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Gateway APIs and their limits (channels.md §6.4-6.7); [I] marks what the spec could not confirm. */
export const PDD_METHODS = defineMethods({
	getOrder: { apiMethod: 'pdd.order.information.get', kind: 'get' },
	// By 成交 (confirm) time, at most 24 hours per call.
	listOrdersByCreated: { apiMethod: 'pdd.order.list.get', kind: 'list', pageSizeMax: 100, maxWindowMs: DAY_MS },
	listOrdersByModified: {
		apiMethod: 'pdd.order.number.list.increment.get',
		kind: 'list',
		pageSizeMax: 100,
		maxWindowMs: 30 * MINUTE_MS,
		pagingDirection: 'lastToFirst',
	},
	ship: { apiMethod: 'pdd.logistics.online.send', kind: 'action' },
	updateStock: { apiMethod: 'pdd.goods.quantity.update', kind: 'action' },
	// Not in the spec; SDK ports name it: order_sn, note, and tag 1-5 with tag_name (both or neither).
	updateMemo: { apiMethod: 'pdd.order.note.update', kind: 'action' },
	// Goods with each one's sku_list[] (as public SDK models show); [I] page_size up to 100.
	listGoods: { apiMethod: 'pdd.goods.list.get', kind: 'list', pageSizeMax: 100 },
	// Same 30-minute window as orders; walked last page first for the same reason [I].
	listRefunds: {
		apiMethod: 'pdd.refund.list.increment.get',
		kind: 'list',
		pageSizeMax: 100,
		maxWindowMs: 30 * MINUTE_MS,
		pagingDirection: 'lastToFirst',
	},
	// after_sales_id + order_sn (SDK ports); [I] the answer's root key and its fields at the top level.
	getRefund: { apiMethod: 'pdd.refund.information.get', kind: 'get' },
	refreshToken: { apiMethod: 'pdd.pop.auth.token.refresh', kind: 'action' },
});

/** Note flag colours (tag 1-5) and the tag_name sent with each (at most 3 characters). */
export const PDD_NOTE_TAG_NAMES: Readonly<Record<number, string>> = { 1: '红色', 2: '黄色', 3: '绿色', 4: '蓝色', 5: '紫色' };

/** `order_status` 5 and `refund_status` 5 ask for every state. */
export const ALL_STATES = 5;
/** [I] `after_sales_status` 1 asks for every after-sale state (the spec lists 2 onwards). */
export const ALL_AFTER_SALES_STATES = 1;
/** `after_sales_type` 1: every kind (refund only, return, exchange, ...). */
export const ALL_AFTER_SALES_TYPES = 1;

export type { PddSku } from './goods';

export type PddOrder = JsonObject;
export type PddRefund = JsonObject;

export interface OrderListQuery {
	/** 'created' uses order.list.get (confirm time, 24 h windows); 'modified' the increment API (30 min, last page first). */
	by: 'created' | 'modified';
	/** ISO-8601 with offset. */
	from: string;
	to: string;
	/** order_status 1 待发货, 2 已发货待签收, 3 已签收; every status when absent. */
	status?: number;
	/** refund_status 1-4; every state when absent. */
	refundStatus?: number;
	pageSize?: number;
}

export interface OrderWindowResult {
	window: TimeWindow;
	/** Each order once (the latest snapshot seen), in the order Pinduoduo listed them. */
	orders: PddOrder[];
}

export interface ShipRequest {
	orderId: string;
	trackingNo: string;
	/** Pinduoduo's numeric logistics id, our carrier id (sf, zto, ...) or a carrier's name. */
	carrier: string;
	/** Pinduoduo ships whole orders; line ids are refused. */
	lineIds?: string[];
	/** Change the waybill of an order already shipped (redelivery_type 2). */
	modify?: boolean;
}

export interface StockUpdate {
	itemId: string;
	skuId?: string;
	/** SKU merchant code (outer_id), used when skuId is absent. */
	merchantCode?: string;
	quantity: number;
	/** 'full' sets the stock (update_type 1); 'delta' adds to it, may be negative (update_type 2). */
	mode?: 'full' | 'delta';
}

export interface RefundListQuery {
	from: string;
	to: string;
	/** after_sales_status; every state when absent. */
	status?: number;
	/** after_sales_type; every type when absent. */
	type?: number;
}

export interface TokenRefreshResult {
	accessToken: string;
	refreshToken?: string;
	expiresInSeconds?: number;
	raw: JsonObject;
}

export interface PinduoduoClient {
	readonly shopId: string;
	readonly stats: CallStats;
	resetStats(): void;
	getOrder(orderId: string): Promise<PddOrder>;
	listOrderWindows(query: OrderListQuery): AsyncGenerator<OrderWindowResult>;
	listOrders(query: OrderListQuery): AsyncGenerator<PddOrder>;
	ship(request: ShipRequest): Promise<JsonObject>;
	updateStock(update: StockUpdate): Promise<JsonObject>;
	/** Sets the seller note (商家备注) of an order, optionally with a flag colour 1-5. */
	updateMemo(orderId: string, memo: string, flag?: number): Promise<JsonObject>;
	listSkus(): AsyncGenerator<PddSku>;
	listRefunds(query: RefundListQuery): AsyncGenerator<PddRefund>;
	getRefund(refundId: string, orderId: string): Promise<PddRefund>;
	refreshAccessToken(): Promise<TokenRefreshResult>;
	testConnection(): Promise<{ ok: true }>;
}

const DIGITS = /^\d+$/;
/** Order numbers look like 20150909-452750051. */
const ORDER_SN = /^\d{6,8}-\d{6,}$/;

/** Unix seconds of an ISO instant (sub-second parts dropped, so a window never grows past its limit). */
export function epochSeconds(iso: string): number {
	return Math.floor(toEpochMillis(iso) / 1000);
}

export function createPinduoduoClient(options: PinduoduoClientOptions): PinduoduoClient {
	const { credentials } = options;
	const shopId = credentials.shopId;
	const M = PDD_METHODS;
	const gateway = createFormGateway({
		provider: CHANNEL,
		shopId,
		url: credentials.url,
		http: options.http,
		errorTable: PDD_ERROR_TABLE,
		retry: options.retry,
		retryDeps: options.retryDeps,
		now: options.now,
		timeoutMs: options.timeoutMs,
		sign: (apiMethod, params, nowMs) => {
			// Token refresh is an app-level call: it must not carry the (possibly expired) access token.
			const accessToken = apiMethod === M.refreshToken.apiMethod ? undefined : credentials.accessToken;
			return signedPddParams(apiMethod, params, { ...credentials, accessToken }, pddTimestamp(nowMs));
		},
		errorOf: pddErrorOf,
		resultOf: pddResultOf,
	});
	const call = (method: MethodSpec, params: Record<string, string | number | boolean | undefined>, orderId?: string) =>
		gateway.call(method.apiMethod, params, { orderId });
	const refuse = (method: MethodSpec, message: string, hint: string, orderId?: string) =>
		new InvalidRequestError({ provider: CHANNEL, shopId, method: method.apiMethod, orderId, platformMessage: message, hint });
	const unexpected = (method: MethodSpec, message: string, orderId?: string) =>
		new PermanentError({ provider: CHANNEL, shopId, method: method.apiMethod, orderId, platformMessage: message });
	const orderSn = (value: string, method: MethodSpec): string => {
		const text = String(value ?? '').trim();
		if (ORDER_SN.test(text)) return text;
		throw refuse(method, `order number ${JSON.stringify(value)} is not a Pinduoduo order_sn`, 'give the order number as shown, e.g. 231126-123456789012345');
	};
	const digits = (value: string | undefined, what: string, method: MethodSpec): string => {
		const text = String(value ?? '').trim();
		if (DIGITS.test(text)) return text;
		throw refuse(method, `${what} ${JSON.stringify(value)} is not a number`, `give the Pinduoduo ${what} as digits only`);
	};

	function windowPages(query: OrderListQuery, window: TimeWindow): AsyncGenerator<PddOrder[]> {
		const filters = { order_status: query.status ?? ALL_STATES, refund_status: query.refundStatus ?? ALL_STATES };
		if (query.by === 'modified') {
			const method = M.listOrdersByModified;
			const range = { start_updated_at: epochSeconds(window.from), end_updated_at: epochSeconds(window.to), is_lucky_flag: 0 };
			return lastToFirst(
				async (page, pageSize) => {
					const res = await call(method, { ...filters, ...range, page, page_size: pageSize });
					return { items: listOf(res.order_sn_list), total: Number(res.total_count ?? 0) };
				},
				{ pageSize: pageSizeFor(method, query.pageSize), context: { provider: CHANNEL, shopId, method: method.apiMethod } },
			);
		}
		const method = M.listOrdersByCreated;
		const range = { start_confirm_at: epochSeconds(window.from), end_confirm_at: epochSeconds(window.to) };
		const pageSize = pageSizeFor(method, query.pageSize);
		return paginatePages<PddOrder, number>(async (page = 1) => {
			const res = await call(method, { ...filters, ...range, page, page_size: pageSize, use_has_next: true });
			const hasNext = res.has_next === true || res.has_next === 'true';
			return { items: listOf(res.order_list), next: hasNext ? page + 1 : undefined };
		});
	}

	function windowsOf(query: OrderListQuery): TimeWindow[] {
		const spec = query.by === 'modified' ? M.listOrdersByModified : M.listOrdersByCreated;
		return splitWindow(query.from, query.to, spec.maxWindowMs as number);
	}

	return {
		shopId,
		stats: gateway.stats,
		resetStats: () => gateway.resetStats(),

		async getOrder(orderId) {
			const sn = orderSn(orderId, M.getOrder);
			const res = await call(M.getOrder, { order_sn: sn }, sn);
			if (!res.order_info || typeof res.order_info !== 'object') throw unexpected(M.getOrder, 'no order_info in the response', sn);
			return res.order_info as PddOrder;
		},

		async *listOrderWindows(query) {
			yield* latestPerWindow(windowsOf(query), (window) => windowPages(query, window), orderKey, modifiedOf);
		},

		async *listOrders(query) {
			// Lazy page by page, so a caller that stops early saves calls; a snapshot is yielded once.
			yield* eachSnapshotOnce(windowsOf(query), (window) => windowPages(query, window), (order) => `${orderKey(order)}@${modifiedOf(order)}`);
		},

		async ship({ orderId, trackingNo, carrier, lineIds, modify }) {
			const sn = orderSn(orderId, M.ship);
			if (lineIds && lineIds.length > 0) {
				throw refuse(M.ship, 'Pinduoduo ships whole orders', 'leave the line ids empty; extra parcels go through pdd.order.upload.extra.logistics', sn);
			}
			if (!String(trackingNo ?? '').trim()) throw refuse(M.ship, 'no tracking number', 'give the waybill number of the parcel', sn);
			let logisticsId: string;
			try {
				logisticsId = pddLogisticsId(carrier);
			} catch (err) {
				if (err instanceof UnknownCarrierError) throw refuse(M.ship, err.message, 'use a Pinduoduo logistics id (e.g. 44 SF, 115 ZTO) or a known carrier', sn);
				throw err;
			}
			const res = await call(
				M.ship,
				{ order_sn: sn, logistics_id: logisticsId, tracking_number: trackingNo.trim(), redelivery_type: modify ? 2 : 1 },
				sn,
			);
			if (res.is_success !== true && res.is_success !== 'true') {
				throw unexpected(M.ship, 'Pinduoduo did not confirm the shipment (is_success is not true)', sn);
			}
			return { ...res, logistics_id: logisticsId };
		},

		async updateMemo(orderId, memo, flag) {
			const sn = orderSn(orderId, M.updateMemo);
			if (flag !== undefined && (!Number.isInteger(flag) || flag < 1 || flag > 5)) {
				throw refuse(M.updateMemo, `flag ${flag} is not 1-5`, 'use 1 red, 2 yellow, 3 green, 4 blue or 5 purple, or no flag', sn);
			}
			// tag and tag_name go together or not at all.
			const tag = flag === undefined ? {} : { tag: flag, tag_name: PDD_NOTE_TAG_NAMES[flag] };
			const res = await call(M.updateMemo, { order_sn: sn, note: memo, ...tag }, sn);
			if (res.success === false || res.success === 'false') throw unexpected(M.updateMemo, 'Pinduoduo did not confirm the note', sn);
			return res;
		},

		async updateStock({ itemId, skuId, merchantCode, quantity, mode = 'full' }) {
			const goodsId = digits(itemId, 'goods id', M.updateStock);
			if (!skuId && !merchantCode) throw refuse(M.updateStock, 'no SKU id or merchant code', 'Pinduoduo sets stock per SKU: give the SKU id or its outer_id');
			if (!Number.isSafeInteger(quantity) || (mode === 'full' && quantity < 0)) {
				throw refuse(M.updateStock, `stock ${quantity} is not a whole number${mode === 'full' ? ' >= 0' : ''}`, 'give the new stock level, or a change in delta mode');
			}
			const sku = skuId ? { sku_id: digits(skuId, 'SKU id', M.updateStock) } : { outer_id: merchantCode };
			const res = await call(M.updateStock, { goods_id: goodsId, ...sku, quantity, update_type: mode === 'delta' ? 2 : 1 });
			if (res.is_success !== true && res.is_success !== 'true') throw unexpected(M.updateStock, 'Pinduoduo did not confirm the stock update');
			return res;
		},

		async *listSkus() {
			const pageSize = pageSizeFor(M.listGoods);
			const pages = paginatePages<JsonObject, number>(async (page = 1) => {
				const res = await call(M.listGoods, { page, page_size: pageSize });
				const total = Number(res.total_count ?? 0);
				return { items: listOf(res.goods_list), next: page * pageSize < total ? page + 1 : undefined };
			});
			for await (const goods of pages) for (const item of goods) yield* skusOf(item);
		},

		async *listRefunds({ from, to, status, type }) {
			const method = M.listRefunds;
			const pagesOf = (window: TimeWindow) => {
				const params = {
					start_updated_at: epochSeconds(window.from),
					end_updated_at: epochSeconds(window.to),
					after_sales_status: status ?? ALL_AFTER_SALES_STATES,
					after_sales_type: type ?? ALL_AFTER_SALES_TYPES,
				};
				return lastToFirst(
					async (page, pageSize) => {
						const res = await call(method, { ...params, page, page_size: pageSize });
						return { items: listOf(res.refund_list), total: Number(res.total_count ?? 0) };
					},
					{ pageSize: pageSizeFor(method), context: { provider: CHANNEL, shopId, method: method.apiMethod } },
				);
			};
			yield* eachSnapshotOnce(splitWindow(from, to, method.maxWindowMs as number), pagesOf, (refund) => `${String(refund.id)}@${String(refund.updated_time ?? '')}`);
		},

		async getRefund(refundId, orderId) {
			const id = digits(refundId, 'after-sale id', M.getRefund);
			const sn = orderSn(orderId, M.getRefund);
			const res = await call(M.getRefund, { after_sales_id: id, order_sn: sn }, sn);
			// [I] Sources differ on whether the fields sit under `refund_info` or at the top; both are read.
			const refund = res.refund_info && typeof res.refund_info === 'object' ? (res.refund_info as PddRefund) : res;
			if (refund.id === undefined && refund.after_sales_status === undefined) throw unexpected(M.getRefund, 'no refund in the response', sn);
			return refund;
		},

		async refreshAccessToken() {
			if (!credentials.refreshToken) {
				throw refuse(M.refreshToken, 'no refresh token', 'add the Refresh Token to the credential, or re-authorize the shop');
			}
			const res = await call(M.refreshToken, { refresh_token: credentials.refreshToken });
			if (typeof res.access_token !== 'string') throw unexpected(M.refreshToken, 'no access_token in the response');
			return {
				accessToken: res.access_token,
				refreshToken: typeof res.refresh_token === 'string' ? res.refresh_token : undefined,
				expiresInSeconds: res.expires_in === undefined ? undefined : Number(res.expires_in),
				raw: res,
			};
		},

		async testConnection() {
			// One increment row over the last minute checks client id, signature, token and the order permission.
			const end = Math.floor((options.now ?? Date.now)() / 1000);
			await call(M.listOrdersByModified, {
				start_updated_at: end - 60,
				end_updated_at: end,
				order_status: ALL_STATES,
				refund_status: ALL_STATES,
				page: 1,
				page_size: 1,
			});
			return { ok: true };
		},
	};
}

function orderKey(order: PddOrder): string {
	return String(order.order_sn);
}

function modifiedOf(order: PddOrder): string {
	return String(order.updated_at ?? '');
}
