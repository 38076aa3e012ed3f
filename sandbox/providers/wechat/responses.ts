// WeChat shop handlers: the checks every call passes (token, quota, faults), then each path's answer in
// WeChat's envelope {errcode: 0, errmsg: "ok", ...}. Paths are listed in urls.ts.
import { requestIdFor } from '../../core/envelope';
import type { ReplyOrHang, SandboxRequest } from '../../core/http';
import { cutInHalf, jsonText } from '../../core/http';
import { Rng } from '../../core/rng';
import type { SandboxWorld } from '../../core/world';
import * as errors from './exceptions';
import { WechatError, gatewayDown, wechatErrorBody } from './exceptions';
import { WECHAT, type WechatBackend } from './models';
import { renderAfterSale, renderOrder, renderProduct } from './render';

const DAY_S = 86_400;
export const ORDER_WINDOW_MAX_S = 7 * DAY_S;
export const AFTERSALE_WINDOW_MAX_S = DAY_S;
export const ORDER_PAGE_MAX = 100;
export const PRODUCT_PAGE_MAX = 30;

type Body = Record<string, unknown>;
export type PathHandler = (body: Body, ctx: { appId: string; fault?: string }) => Record<string, unknown>;

const isObject = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
const idText = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? v : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : undefined);

/** next_key is opaque to callers; here it is the last (time, id) read, so changes mid-walk skip nothing. */
export const encodeKey = (at: number, id: string) => Buffer.from(`${at}:${id}`).toString('base64url');
function decodeKey(key: unknown): { at: number; id: string } | undefined {
	if (typeof key !== 'string' || key === '') return undefined;
	const [at, id] = Buffer.from(key, 'base64url').toString('utf8').split(':');
	if (!/^\d+$/.test(at ?? '') || !id) throw errors.invalidArgs('next_key');
	return { at: Number(at), id };
}

function keysetPage<T extends { at: number; id: string }>(keys: T[], nextKey: unknown, size: number) {
	const after = decodeKey(nextKey);
	const start = after ? keys.findIndex((k) => k.at > after.at || (k.at === after.at && k.id > after.id)) : 0;
	const page = start < 0 ? [] : keys.slice(start, start + size);
	const last = page.at(-1);
	const hasMore = start >= 0 && start + size < keys.length;
	return { page, hasMore, nextKey: last ? encodeKey(last.at, last.id) : typeof nextKey === 'string' ? nextKey : '' };
}

function range(value: unknown, name: string, maxS: number): { start: number; end: number } {
	if (!isObject(value)) throw errors.invalidArgs(name);
	const start = int(value.start_time);
	const end = int(value.end_time);
	if (start === undefined || end === undefined || end < start) throw errors.invalidArgs(`${name}.start_time/end_time`);
	if (end - start > maxS) throw errors.invalidArgs(`${name} longer than ${maxS / DAY_S} days`);
	return { start, end };
}

function pageSize(value: unknown, max: number): number {
	const size = int(value) ?? 10;
	if (size < 1 || size > max) throw errors.invalidArgs(`page_size must be 1..${max}`);
	return size;
}

export function wechatHandlers(backend: WechatBackend, world: SandboxWorld): Record<string, PathHandler> {
	const order = (body: Body) => {
		const id = idText(body.order_id);
		if (!id) throw errors.invalidArgs('order_id');
		const snap = backend.order(id);
		if (!snap) throw errors.notFound('order');
		return snap;
	};
	return {
		'/channels/ec/order/list/get': (body, ctx) => {
			const created = body.create_time_range === undefined ? undefined : range(body.create_time_range, 'create_time_range', ORDER_WINDOW_MAX_S);
			const updated = body.update_time_range === undefined ? undefined : range(body.update_time_range, 'update_time_range', ORDER_WINDOW_MAX_S);
			if (!created && !updated) throw errors.invalidArgs('create_time_range or update_time_range is required');
			const status = body.status === undefined ? undefined : int(body.status);
			const openid = typeof body.openid === 'string' ? body.openid : undefined;
			let keys = backend.orderKeys({ by: updated ? 'update' : 'create', ...(updated ?? created)!, status, openid });
			if (created && updated) {
				const inCreated = new Set(backend.orderKeys({ by: 'create', ...created, status, openid }).map((k) => k.id));
				keys = keys.filter((k) => inCreated.has(k.id));
			}
			const { page, hasMore, nextKey } = keysetPage(keys, body.next_key, pageSize(body.page_size, ORDER_PAGE_MAX));
			if (ctx.fault === 'page_shift' && page.length > 0) {
				const pick = page[Math.floor(new Rng(world.options.seed, 'wechat-shift', nextKey).next() * page.length)];
				const snap = backend.order(pick.id);
				if (snap) world.truth.addEvent(snap.order, { at: world.clock.now(), kind: 'touched', note: 'modified during paging' });
			}
			return { order_id_list: page.map((k) => k.id), next_key: nextKey, has_more: hasMore };
		},
		'/channels/ec/order/get': (body) => ({ order: renderOrder(order(body)) }),
		'/channels/ec/order/delivery/send': (body) => {
			const snap = order(body);
			if (!Array.isArray(body.delivery_list) || body.delivery_list.length === 0) throw errors.invalidArgs('delivery_list');
			if (!['paid', 'partially_shipped'].includes(snap.status)) throw new WechatError(100006, 'order status does not allow delivery');
			for (const entry of body.delivery_list) {
				if (!isObject(entry) || typeof entry.delivery_id !== 'string' || typeof entry.waybill_id !== 'string' || !entry.waybill_id) throw errors.invalidArgs('delivery_list[].delivery_id/waybill_id');
				const products = Array.isArray(entry.product_infos) ? entry.product_infos.filter(isObject).map((p) => ({ skuId: idText(p.sku_id) ?? '' })) : [];
				if (products.length === 0) throw errors.invalidArgs('delivery_list[].product_infos');
				if (backend.ship(snap, entry.delivery_id, entry.waybill_id, products) === 'unknown_company') throw errors.invalidArgs(`unknown delivery_id ${entry.delivery_id}`);
			}
			return {};
		},
		'/channels/ec/order/merchantnotes/update': (body) => {
			backend.updateNotes(order(body), typeof body.merchant_notes === 'string' ? body.merchant_notes : '');
			return {};
		},
		'/channels/ec/order/deliverycompanylist/get': () => ({
			company_list: [
				['SF', '顺丰速运'], ['ZTO', '中通快递'], ['YTO', '圆通速递'], ['YD', '韵达快递'], ['STO', '申通快递'], ['JTSD', '极兔速递'], ['EMS', '中国邮政EMS'], ['JD', '京东快递'], ['OTHER', '其他'],
			].map(([delivery_id, delivery_name]) => ({ delivery_id, delivery_name })),
		}),
		'/channels/ec/product/stock/update': (body) => {
			const productId = idText(body.product_id);
			const skuId = idText(body.sku_id);
			const diffType = int(body.diff_type);
			const num = int(body.num);
			if (!productId || !skuId || !diffType || diffType > 3 || num === undefined) throw errors.invalidArgs('product_id/sku_id/diff_type/num');
			const item = backend.product(productId);
			if (!item || !backend.updateStock(item, skuId, diffType, num)) throw errors.notFound('product or sku');
			return {};
		},
		'/channels/ec/product/list/get': (body) => {
			const items = backend.products().map((item) => ({ at: 0, id: item.itemId })).sort((a, b) => (a.id < b.id ? -1 : 1));
			const { page, nextKey } = keysetPage(items, body.next_key, pageSize(body.page_size, PRODUCT_PAGE_MAX));
			return { product_ids: page.map((k) => k.id), next_key: nextKey, total_num: items.length };
		},
		'/channels/ec/product/get': (body) => {
			const item = backend.product(idText(body.product_id) ?? '');
			if (!item) throw errors.notFound('product');
			return { product: renderProduct(item) };
		},
		'/channels/ec/aftersale/getaftersalelist': (body) => {
			const start = int(body.begin_create_time);
			const end = int(body.end_create_time);
			if (start === undefined || end === undefined || end < start) throw errors.invalidArgs('begin_create_time/end_create_time');
			if (end - start > AFTERSALE_WINDOW_MAX_S) throw errors.invalidArgs('time range longer than 24 hours');
			const { page, hasMore, nextKey } = keysetPage(backend.afterSaleIds(start, end), body.next_key, ORDER_PAGE_MAX);
			return { after_sale_order_id_list: page.map((k) => k.id), next_key: nextKey, has_more: hasMore };
		},
		'/channels/ec/aftersale/getaftersaleorder': (body) => {
			const found = backend.afterSale(idText(body.after_sale_order_id) ?? '');
			if (!found) throw errors.notFound('after_sale_order');
			return { after_sale_order: renderAfterSale(found.refund, found.snap) };
		},
	};
}

/** Every token-carrying path: token, quota and fault checks, then the handler, then the envelope. */
export function wechatApiCall(world: SandboxWorld, handlers: Record<string, PathHandler>, req: SandboxRequest): ReplyOrHang {
	const rid = requestIdFor(world.options.seed, req.fullPath, JSON.stringify(req.query), req.rawBody).slice(0, 24);
	const fault = world.faults.decide(WECHAT, req.path);
	if (fault?.kind === 'server_error') return gatewayDown(fault.spec.status ?? 502);
	if (fault?.kind === 'timeout') return { hangMs: fault.spec.hangMs ?? 30_000 };
	try {
		const handler = handlers[req.path];
		if (req.method !== 'POST') throw errors.invalidArgs('use POST');
		const tokenText = req.query.access_token;
		if (!tokenText) throw errors.missingAccessToken();
		const token = world.registry.token(WECHAT, tokenText);
		if (!token) throw errors.invalidCredential();
		const now = world.clock.now();
		if (token.expiresAt <= now || fault?.kind === 'expired_token') throw errors.accessTokenExpired();
		const quota = world.limits.check(WECHAT, token.appKey, req.path, now);
		if (quota.limited || fault?.kind === 'throttle') throw errors.frequencyLimited();
		if (req.json !== undefined && !isObject(req.json)) throw errors.dataFormatError();
		const members = handler((req.json as Body | undefined) ?? {}, { appId: token.appKey, fault: fault?.kind });
		const body = JSON.stringify({ errcode: 0, errmsg: 'ok', ...members });
		return jsonText(fault?.kind === 'malformed' ? cutInHalf(body) : body);
	} catch (error) {
		if (error instanceof WechatError) return jsonText(wechatErrorBody(error, rid));
		throw error;
	}
}
