// Douyin handlers: the checks every gateway call passes (system params in the query, sign over the raw
// param_json body, token, quota, faults), then each method's answer in Douyin's envelope
// {code: 10000, msg: 'success', sub_code: '', sub_msg: '', log_id, data}.
import { createHash, createHmac } from 'node:crypto';
import type { ReplyOrHang, SandboxRequest } from '../../core/http';
import { cutInHalf, jsonText, plainText } from '../../core/http';
import { Rng } from '../../core/rng';
import type { SandboxWorld } from '../../core/world';
import * as errors from './exceptions';
import { DouyinError, douyinErrorBody } from './exceptions';
import { DOUYIN, DOUYIN_DEFAULTS, type DouyinBackend } from './models';
import { orderStatus, renderAfterSale, renderProduct, renderShopOrder, renderSkus } from './render';

/** [I] The longest range order.searchList and afterSale.List answer, in seconds. */
export const ORDER_WINDOW_MAX_S = 7 * 86_400;
export const PAGE_SIZE_MAX = 100;
/** [I] page * size may not pass this. */
export const MAX_ROWS_PER_QUERY = 10_000;
/** [I] SKUs one sku.syncStockBatch call takes. */
export const STOCK_BATCH_MAX = 50;
const APP_LEVEL = new Set(['token.create', 'token.refresh']);

type Body = Record<string, unknown>;
export type MethodHandler = (body: Body, ctx: { appKey: string; fault?: string }) => unknown;

const isObject = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : undefined);
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined);

/** The Douyin sign: secret + app_key…v + secret, HMAC-SHA256 keyed on the secret, or MD5 (legacy). */
export function douyinSign(q: Record<string, string>, paramJson: string, secret: string): string {
	const s = `${secret}app_key${q.app_key}method${q.method}param_json${paramJson}timestamp${q.timestamp}v${q.v}${secret}`;
	if ((q.sign_method ?? 'md5') === 'hmac-sha256') return createHmac('sha256', secret).update(s, 'utf8').digest('hex');
	return createHash('md5').update(s, 'utf8').digest('hex');
}

function paging(body: Body, defaultSize: number, firstPage: number) {
	const page = int(body.page) ?? firstPage;
	const size = int(body.size) ?? defaultSize;
	if (size < 1 || size > PAGE_SIZE_MAX) throw errors.invalidParam(`size must be 1..${PAGE_SIZE_MAX}`);
	if (page < firstPage) throw errors.invalidParam(`page must be >= ${firstPage}`);
	if ((page + 1 - firstPage) * size > MAX_ROWS_PER_QUERY) throw errors.invalidParam(`page*size must be <= ${MAX_ROWS_PER_QUERY}`);
	return { page, size, offset: (page - firstPage) * size };
}

export function douyinHandlers(backend: DouyinBackend, world: SandboxWorld): Record<string, MethodHandler> {
	const shopId = backend.shopId;
	const order = (id: unknown) => {
		const orderId = text(id);
		if (!orderId) throw errors.missingParam('order_id');
		const snap = backend.order(orderId);
		if (!snap) throw errors.notFound('订单');
		return snap;
	};
	return {
		'token.create': (body, ctx) => {
			const grant = text(body.grant_type);
			if (grant !== 'authorization_self' && grant !== 'authorization_code') throw errors.invalidParam('grant_type');
			const pair = backend.create(ctx.appKey, text(body.shop_id), text(body.test_shop) === '1');
			if (!pair) throw errors.invalidParam('shop_id 未授权');
			return pair;
		},
		'token.refresh': (body, ctx) => {
			if (text(body.grant_type) !== 'refresh_token') throw errors.invalidParam('grant_type');
			const pair = backend.refresh(ctx.appKey, text(body.refresh_token) ?? '');
			if (!pair) throw errors.refreshTokenInvalid();
			return pair;
		},
		'order.searchList': (body, ctx) => {
			const byUpdate = body.update_time_start !== undefined || body.update_time_end !== undefined;
			const prefix = byUpdate ? 'update_time' : 'create_time';
			const start = int(body[`${prefix}_start`]);
			const end = int(body[`${prefix}_end`]);
			if (start === undefined || end === undefined || end < start) throw errors.invalidParam(`${prefix}_start/${prefix}_end`);
			if (end - start > ORDER_WINDOW_MAX_S) throw errors.windowTooLong('7天');
			const { page, size, offset } = paging(body, 20, 0);
			const combine = Array.isArray(body.combine_status) ? body.combine_status.filter(isObject) : [];
			const statuses = combine.flatMap((c) => String(c.order_status ?? '').split(',')).map(Number).filter((n) => n > 0);
			const all = backend.orders({ by: byUpdate ? 'updated' : 'created', start, end, statuses: statuses.length ? statuses : undefined }, orderStatus);
			if (body.order_asc === false) all.reverse();
			const pageOrders = all.slice(offset, offset + size);
			if (ctx.fault === 'page_shift' && pageOrders.length > 0) {
				const pick = pageOrders[Math.floor(new Rng(world.options.seed, 'douyin-shift', start, page).next() * pageOrders.length)];
				world.truth.addEvent(pick.order, { at: world.clock.now(), kind: 'touched', note: 'modified during paging' });
			}
			return { page, size, total: all.length, shop_order_list: pageOrders.map((snap) => renderShopOrder(snap, shopId)) };
		},
		'order.orderDetail': (body) => ({ shop_order_detail: renderShopOrder(order(body.shop_order_id), shopId) }),
		'order.logisticsAdd': (body) => {
			const snap = order(body.order_id);
			const code = text(body.company_code);
			const waybill = text(body.logistics_code);
			if (!code) throw errors.missingParam('company_code');
			if (!waybill) throw errors.missingParam('logistics_code');
			if (!['paid', 'partially_shipped'].includes(snap.status)) throw errors.businessFailed('订单状态不允许发货');
			if (backend.ship(snap, code, waybill) === 'unknown_company') throw errors.invalidParam(`company_code ${code} 不存在`);
			return {};
		},
		'order.addOrderRemark': (body) => {
			const snap = order(body.order_id);
			const remark = typeof body.remark === 'string' ? body.remark : undefined;
			if (remark === undefined) throw errors.missingParam('remark');
			backend.memo(snap, remark);
			return {};
		},
		'sku.syncStock': (body) => {
			const stock = int(body.stock_num);
			const incremental = body.incremental === true;
			if (stock === undefined || (!incremental && stock < 0)) throw errors.invalidParam('stock_num');
			if (incremental && !text(body.idempotent_id)) throw errors.missingParam('idempotent_id');
			const skuId = text(body.sku_id);
			const code = text(body.code);
			if (!skuId && !code) throw errors.missingParam('sku_id');
			const found = backend.sku(skuId, code);
			if (!found) throw errors.notFound('sku');
			backend.updateStock(found, stock, incremental, skuId ?? (code as string));
			return {};
		},
		// [I] params: product_id + sku_sync_list [{sku_id, stock_num}], incremental as in sku.syncStock; all or nothing.
		'sku.syncStockBatch': (body) => {
			const productId = text(body.product_id);
			if (!productId) throw errors.missingParam('product_id');
			const incremental = body.incremental === true;
			if (incremental && !text(body.idempotent_id)) throw errors.missingParam('idempotent_id');
			const list = Array.isArray(body.sku_sync_list) ? body.sku_sync_list : [];
			if (list.length === 0 || list.length > STOCK_BATCH_MAX) throw errors.invalidParam('sku_sync_list');
			const item = backend.products().find((p) => p.itemId === productId);
			if (!item) throw errors.notFound('product');
			const updates = list.map((entry) => {
				const row = isObject(entry) ? entry : {};
				const stock = int(row.stock_num);
				if (stock === undefined || (!incremental && stock < 0)) throw errors.invalidParam('stock_num');
				const skuId = text(row.sku_id);
				const sku = item.skus.find((s) => s.skuId === skuId);
				if (!skuId || !sku) throw errors.notFound('sku');
				return { sku, stock, skuId };
			});
			for (const u of updates) backend.updateStock({ item, sku: u.sku }, u.stock, incremental, u.skuId);
			return {};
		},
		'sku.stockNum': (body) => {
			const found = backend.sku(text(body.sku_id), text(body.code));
			if (!found) throw errors.notFound('sku');
			return { sku_id: body.sku_id, stock_num: found.sku ? found.sku.quantity : found.item.quantity };
		},
		'product.listV2': (body) => {
			const { page, size, offset } = paging(body, 20, 1);
			const all = backend.products();
			return { page, size, total: all.length, data: all.slice(offset, offset + size).map(renderProduct) };
		},
		'sku.list': (body) => {
			const id = text(body.product_id);
			if (!id) throw errors.missingParam('product_id');
			const item = backend.products().find((p) => p.itemId === id);
			if (!item) throw errors.notFound('商品');
			return renderSkus(item);
		},
		'afterSale.List': (body) => {
			const byUpdate = body.update_start_time !== undefined;
			const start = int(byUpdate ? body.update_start_time : body.start_time);
			const end = int(byUpdate ? body.update_end_time : body.end_time);
			if (start === undefined || end === undefined || end < start) throw errors.invalidParam('start_time/end_time');
			if (end - start > ORDER_WINDOW_MAX_S) throw errors.windowTooLong('7天');
			const { page, size, offset } = paging(body, 20, 0);
			const statuses = Array.isArray(body.standard_aftersale_status) ? body.standard_aftersale_status.map(Number) : undefined;
			const orderId = text(body.order_id);
			const all = backend
				.afterSales(byUpdate ? 'updated' : 'applied', start, end)
				.map((r) => renderAfterSale(r.refund, r.snap))
				.filter((r) => (!statuses || statuses.includes(r.aftersale_status)) && (!orderId || r.order_id === orderId));
			return { page, size, total: all.length, has_more: offset + size < all.length, items: all.slice(offset, offset + size) };
		},
		'afterSale.Detail': (body) => {
			const found = backend.afterSale(text(body.after_sale_id) ?? '');
			if (!found) throw errors.notFound('售后单');
			return { process_info: { after_sale_info: renderAfterSale(found.refund, found.snap) }, order_info: { order_id: found.snap.order.channelOrderId } };
		},
	};
}

/** The gateway: path = method, system params, sign, token, quota and fault checks, then the method, then the envelope. */
export function douyinGatewayCall(world: SandboxWorld, handlers: Record<string, MethodHandler>, req: SandboxRequest): ReplyOrHang {
	const q = req.query;
	const pathMethod = req.path.replace(/^\/+/, '').split('/').join('.');
	const method = q.method ?? pathMethod;
	const fault = world.faults.decide(DOUYIN, method);
	if (fault?.kind === 'server_error') return plainText('<html><body><h1>502 Bad Gateway</h1></body></html>', fault.spec.status ?? 502, 'text/html');
	if (fault?.kind === 'timeout') return { hangMs: fault.spec.hangMs ?? 30_000 };
	const now = world.clock.now();
	const logId = `${new Date(now).toISOString().replace(/\D/g, '').slice(0, 14)}${String(now % 1000).padStart(3, '0')}DY`;
	try {
		if (req.method !== 'POST') throw errors.invalidParam('POST only');
		for (const name of ['app_key', 'method', 'timestamp', 'v', 'sign']) if (!q[name]) throw errors.missingParam(name);
		if (method !== pathMethod) throw errors.invalidParam(`method ${method} does not match the path ${req.path}`);
		const app = world.registry.app(DOUYIN, q.app_key);
		if (!app) throw errors.appKeyInvalid();
		if (!/^\d{10}$/.test(q.timestamp) || Math.abs(Number(q.timestamp) * 1000 - now) > DOUYIN_DEFAULTS.timestampSkewMs) throw errors.timestampInvalid();
		const paramJson = req.rawBody.toString('utf8');
		if (q.sign !== douyinSign(q, paramJson, app.secret)) throw errors.signInvalid();
		const handler = handlers[method];
		if (!handler) throw errors.unknownMethod(method);
		let body: unknown;
		try {
			body = paramJson.trim() === '' ? {} : JSON.parse(paramJson);
		} catch {
			throw errors.invalidParam('param_json is not JSON');
		}
		if (!isObject(body)) throw errors.invalidParam('param_json must be an object');
		if (!APP_LEVEL.has(method)) {
			const token = world.registry.token(DOUYIN, q.access_token ?? '');
			if (!token || token.appKey !== app.appKey) throw errors.accessTokenInvalid();
			if (token.expiresAt <= now || fault?.kind === 'expired_token') throw errors.accessTokenExpired();
		}
		const quota = world.limits.check(DOUYIN, app.appKey, method, now);
		if (quota.limited || fault?.kind === 'throttle') throw errors.throttled();
		const data = handler(body, { appKey: app.appKey, fault: fault?.kind });
		const reply = JSON.stringify({ code: errors.DOUYIN_SANDBOX_CODES.success, msg: 'success', sub_code: '', sub_msg: '', log_id: logId, data });
		return jsonText(fault?.kind === 'malformed' ? cutInHalf(reply) : reply);
	} catch (error) {
		if (error instanceof DouyinError) return jsonText(douyinErrorBody(error, logId));
		throw error;
	}
}
