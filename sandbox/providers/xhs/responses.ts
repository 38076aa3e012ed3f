// Xiaohongshu handlers: the checks every gateway call passes (system params, sign, token, quota, faults),
// then each method's answer in XHS's envelope {success, error_code: 0, error_msg, data}; afterSale.* wrap
// their data in a second {code, msg, success, data} layer, as the platform does.
import { createHash } from 'node:crypto';
import type { ReplyOrHang, SandboxRequest } from '../../core/http';
import { cutInHalf, jsonText, plainText } from '../../core/http';
import { Rng } from '../../core/rng';
import type { SandboxWorld } from '../../core/world';
import * as errors from './exceptions';
import { XhsError, xhsErrorBody } from './exceptions';
import { XHS, XHS_DEFAULTS, type XhsBackend } from './models';
import { CARRIERS } from '../../truth/carriers';
import { renderAfterSale, renderDetail, renderSkus, renderSummary } from './render';

export const ORDER_WINDOW_MAX_S = { created: 86_400, updated: 1_800 } as const;
export const AFTERSALE_WINDOW_MAX_MS = { 1: 86_400_000, 2: 1_800_000 } as const;
export const PAGE_SIZE_MAX = 100;
export const PAGE_NO_MAX = 100;
export const AFTERSALE_MAX_ROWS = 50_000;
const APP_LEVEL = new Set(['oauth.getAccessToken', 'oauth.refreshToken']);

type Body = Record<string, unknown>;
export type MethodHandler = (body: Body, ctx: { appKey: string; fault?: string }) => unknown;

const isObject = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : undefined);
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** The XHS signature: lower hex MD5 of method?appId=..&timestamp=..&version=.. + secret. */
export const xhsSign = (method: string, appId: string, timestamp: string, version: string, secret: string) =>
	createHash('md5').update(`${method}?appId=${appId}&timestamp=${timestamp}&version=${version}${secret}`, 'utf8').digest('hex');

function paging(body: Body, defaultSize: number) {
	const pageNo = int(body.pageNo) ?? 1;
	const pageSize = int(body.pageSize) ?? defaultSize;
	if (pageSize < 1 || pageSize > PAGE_SIZE_MAX) throw errors.invalidParams(`pageSize must be 1..${PAGE_SIZE_MAX}`);
	if (pageNo < 1) throw errors.invalidParams('pageNo must be >= 1');
	return { pageNo, pageSize };
}

export function xhsHandlers(backend: XhsBackend, world: SandboxWorld): Record<string, MethodHandler> {
	const order = (body: Body) => {
		const id = text(body.orderId);
		if (!id) throw errors.invalidParams('orderId');
		const snap = backend.order(id);
		if (!snap) throw errors.notFound('订单');
		return snap;
	};
	const doubled = (data: unknown) => ({ code: 0, msg: '成功', success: true, data });
	return {
		'oauth.refreshToken': (body, ctx) => {
			const pair = backend.refresh(ctx.appKey, text(body.refreshToken) ?? '');
			if (!pair) throw errors.refreshTokenInvalid();
			return pair;
		},
		'order.getOrderList': (body, ctx) => {
			const timeType = int(body.timeType) ?? 1;
			if (timeType !== 1 && timeType !== 2) throw errors.invalidParams('timeType');
			const start = int(body.startTime);
			const end = int(body.endTime);
			if (start === undefined || end === undefined || end < start) throw errors.invalidParams('startTime/endTime');
			const by = timeType === 1 ? 'created' : 'updated';
			if (end - start > ORDER_WINDOW_MAX_S[by]) throw errors.windowTooLong(by === 'created' ? '24小时' : '30分钟');
			const { pageNo, pageSize } = paging(body, 50);
			if (pageNo > PAGE_NO_MAX) throw errors.invalidParams(`pageNo must be <= ${PAGE_NO_MAX}`);
			const all = backend.orders({ by, start, end, status: int(body.orderStatus) || undefined, orderType: int(body.orderType) || undefined });
			const page = all.slice((pageNo - 1) * pageSize, pageNo * pageSize);
			if (ctx.fault === 'page_shift' && page.length > 0) {
				const pick = page[Math.floor(new Rng(world.options.seed, 'xhs-shift', start, pageNo).next() * page.length)];
				world.truth.addEvent(pick.order, { at: world.clock.now(), kind: 'touched', note: 'modified during paging' });
			}
			return { total: all.length, pageNo, pageSize, maxPageNo: Math.ceil(all.length / pageSize), orderList: page.map(renderSummary) };
		},
		'order.getOrderDetail': (body) => renderDetail(order(body)),
		'order.orderDeliver': (body) => {
			const snap = order(body);
			const expressNo = text(body.expressNo);
			const code = text(body.expressCompanyCode);
			if (!expressNo || !code) throw errors.invalidParams('expressNo/expressCompanyCode');
			if (!['paid', 'partially_shipped'].includes(snap.status)) throw new XhsError(errors.XHS_SANDBOX_CODES.invalidParams, '订单状态不允许发货');
			const unpack = body.unpack === true;
			const skuIds = Array.isArray(body.skuIdList) ? body.skuIdList.map(String) : undefined;
			if (unpack && (!skuIds || skuIds.length === 0)) throw errors.invalidParams('skuIdList is required when unpack=true');
			if (backend.ship(snap, code, expressNo, unpack ? skuIds : undefined) === 'unknown_company') throw errors.invalidParams(`expressCompanyCode ${code}`);
			return 'success';
		},
		'common.getExpressCompanyList': () => ({
			expressCompanyInfos: CARRIERS.map((c, i) => ({ expressCompanyId: i + 1, expressCompanyCode: c.kuaidi100Code, expressCompanyName: c.name, comment: '' })),
		}),
		'inventory.syncSkuStock': (body) => {
			const qty = int(body.qty);
			if (!text(body.skuId) || qty === undefined || qty < 0) throw errors.invalidParams('skuId/qty');
			if (!backend.updateStock(text(body.skuId) as string, qty, 'sync')) throw errors.notFound('sku');
			return {};
		},
		'inventory.incSkuStock': (body) => {
			const qty = int(body.qty);
			if (!text(body.skuId) || qty === undefined) throw errors.invalidParams('skuId/qty');
			if (!backend.updateStock(text(body.skuId) as string, qty, 'inc')) throw errors.notFound('sku');
			return {};
		},
		'inventory.getSkuStock': (body) => {
			const found = backend.sku(text(body.skuId) ?? '');
			if (!found) throw errors.notFound('sku');
			return { skuId: body.skuId, stock: found.sku ? found.sku.quantity : found.item.quantity };
		},
		'product.getDetailSkuList': (body) => {
			const { pageNo, pageSize } = paging(body, 20);
			const all = backend.products().flatMap(renderSkus);
			return { total: all.length, pageNo, pageSize, skuList: all.slice((pageNo - 1) * pageSize, pageNo * pageSize) };
		},
		'afterSale.listAfterSaleInfos': (body) => {
			const { pageNo, pageSize } = paging(body, 50);
			if (pageNo * pageSize > AFTERSALE_MAX_ROWS) throw errors.invalidParams(`pageNo*pageSize must be <= ${AFTERSALE_MAX_ROWS}`);
			const timeType = int(body.timeType) ?? 1;
			const start = int(body.startTime);
			const end = int(body.endTime);
			if ((timeType !== 1 && timeType !== 2) || start === undefined || end === undefined || end < start) throw errors.invalidParams('timeType/startTime/endTime');
			if (end - start > AFTERSALE_WINDOW_MAX_MS[timeType]) throw errors.windowTooLong(timeType === 1 ? '24小时' : '30分钟');
			const all = backend.afterSales(start, end);
			const page = all.slice((pageNo - 1) * pageSize, pageNo * pageSize);
			return doubled({ totalCount: all.length, pageNo, pageSize, afterSaleBasicInfos: page.map((r) => renderAfterSale(r.refund, r.snap)) });
		},
		'afterSale.getAfterSaleInfo': (body) => {
			const found = backend.afterSale(text(body.returnsId) ?? '');
			if (!found) return { code: errors.XHS_SANDBOX_CODES.notFound, msg: '售后单不存在', success: false, data: null };
			return doubled(renderAfterSale(found.refund, found.snap));
		},
	};
}

/** The gateway: system params, sign, token, quota and fault checks, then the method, then the envelope. */
export function xhsGatewayCall(world: SandboxWorld, handlers: Record<string, MethodHandler>, req: SandboxRequest): ReplyOrHang {
	const body = isObject(req.json) ? req.json : {};
	const method = text(body.method) ?? '';
	const fault = world.faults.decide(XHS, method);
	if (fault?.kind === 'server_error') return plainText('<html><body><h1>502 Bad Gateway</h1></body></html>', fault.spec.status ?? 502, 'text/html');
	if (fault?.kind === 'timeout') return { hangMs: fault.spec.hangMs ?? 30_000 };
	try {
		if (req.method !== 'POST' || !isObject(req.json)) throw errors.invalidParams('POST a JSON object');
		const appId = text(body.appId);
		const timestamp = text(body.timestamp) ?? (int(body.timestamp) === undefined ? undefined : String(body.timestamp));
		const version = text(body.version);
		if (!method || !appId || !timestamp || !version || !text(body.sign)) throw errors.invalidParams('appId, method, version, timestamp and sign are required');
		const app = world.registry.app(XHS, appId);
		if (!app) throw errors.appIdInvalid();
		const now = world.clock.now();
		if (!/^\d{10}$/.test(timestamp) || Math.abs(Number(timestamp) * 1000 - now) > XHS_DEFAULTS.timestampSkewMs) throw errors.timestampInvalid();
		if (body.sign !== xhsSign(method, appId, timestamp, version, app.secret)) throw errors.signInvalid();
		const handler = handlers[method];
		if (!handler) throw errors.unknownMethod(method);
		if (!APP_LEVEL.has(method)) {
			const token = world.registry.token(XHS, text(body.accessToken) ?? '');
			if (!token || token.appKey !== app.appKey) throw errors.accessTokenInvalid();
			if (token.expiresAt <= now || fault?.kind === 'expired_token') throw errors.accessTokenExpired();
		}
		const quota = world.limits.check(XHS, app.appKey, method, now);
		if (quota.limited || fault?.kind === 'throttle') throw errors.throttled();
		const data = handler(body, { appKey: app.appKey, fault: fault?.kind });
		const text200 = JSON.stringify({ success: true, error_code: 0, error_msg: '', data });
		return jsonText(fault?.kind === 'malformed' ? cutInHalf(text200) : text200);
	} catch (error) {
		if (error instanceof XhsError) return jsonText(xhsErrorBody(error));
		throw error;
	}
}
