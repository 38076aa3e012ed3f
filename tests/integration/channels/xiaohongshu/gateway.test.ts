// The Xiaohongshu emulator's gateway and write endpoints, called raw and through the pack's client: XHS's
// real envelope and codes, its window and page limits, and a record of everything the pack pushed.
import { InvalidRequestError, ThrottledError } from '../../../../lib/http';
import { XHS_ERROR_CODE } from '../../../../lib/channels/xiaohongshu/codes';
import { normalizeXhsOrder } from '../../../../lib/channels/xiaohongshu/normalize';
import { xhsSystemParams } from '../../../../lib/channels/xiaohongshu/sign';
import { xhsProvider } from '../../../../sandbox/providers/xhs';
import { XHS_SANDBOX_CODES } from '../../../../sandbox/providers/xhs/exceptions';
import { XHS, XHS_DEFAULTS, XHS_GATEWAY_PATH } from '../../../../sandbox/providers/xhs/models';
import { xhsSkuId } from '../../../../sandbox/providers/xhs/render';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { DAY_MS, collect, iso, sandboxClient, visibleTruth, type Json } from './xhsSandbox';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ orders: 300, seed: 'xhs-gateway', factories: [xhsProvider] });
});
afterAll(() => sandbox.close());

const app = XHS_DEFAULTS.app;
const nowS = () => Math.floor(sandbox.world.clock.now() / 1000);

async function post(body: Record<string, unknown>): Promise<Json> {
	const res = await fetch(`${sandbox.url}/xhs${XHS_GATEWAY_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json;charset=utf-8' }, body: JSON.stringify(body) });
	expect(res.status).toBe(200);
	return JSON.parse(await res.text());
}

const signed = (method: string, business: Record<string, unknown>, o: Partial<{ appSecret: string; accessToken: string; at: number }> = {}) => ({
	...business,
	...xhsSystemParams(method, { appId: app.appKey, appSecret: o.appSecret ?? app.secret, accessToken: o.accessToken ?? XHS_DEFAULTS.token.accessToken }, o.at ?? sandbox.world.clock.now()),
});
const list = (extra: Record<string, unknown> = {}) => ({ timeType: 1, startTime: nowS() - 3600, endTime: nowS(), pageNo: 1, pageSize: 10, ...extra });

describe('gateway checks answer XHS error envelopes and codes', () => {
	it.each([
		['an unknown app id', () => ({ ...signed('order.getOrderList', list()), appId: 'nope' }), XHS_SANDBOX_CODES.appIdInvalid],
		['a wrong secret', () => signed('order.getOrderList', list(), { appSecret: 'wrong' }), XHS_SANDBOX_CODES.signInvalid],
		['a one-character change of the method after signing', () => ({ ...signed('order.getOrderList', list()), method: 'order.getOrderLisT' }), XHS_SANDBOX_CODES.signInvalid],
		['a timestamp 11 minutes off', () => signed('order.getOrderList', list(), { at: sandbox.world.clock.now() - 11 * 60_000 }), XHS_SANDBOX_CODES.timestampInvalid],
		['an unknown access token', () => signed('order.getOrderList', list(), { accessToken: 'nope' }), XHS_SANDBOX_CODES.accessTokenInvalid],
		['an unknown method', () => signed('order.noSuch', {}), XHS_SANDBOX_CODES.invalidParams],
		['a creation window over 24 h', () => signed('order.getOrderList', list({ startTime: nowS() - 86_401 })), XHS_SANDBOX_CODES.windowTooLong],
		['an update window over 30 min', () => signed('order.getOrderList', list({ timeType: 2, startTime: nowS() - 1801 })), XHS_SANDBOX_CODES.windowTooLong],
		['pageSize 101', () => signed('order.getOrderList', list({ pageSize: 101 })), XHS_SANDBOX_CODES.invalidParams],
		['pageNo 101', () => signed('order.getOrderList', list({ pageNo: 101 })), XHS_SANDBOX_CODES.invalidParams],
	])('%s', async (_name, body, code) => {
		expect(await post(body())).toEqual({ success: false, error_code: code, error_msg: expect.any(String), data: null });
	});

	it('the lib and the emulator agree on every code', () => {
		expect(XHS_SANDBOX_CODES).toEqual(XHS_ERROR_CODE);
	});

	it('a correct call answers success with data in seconds-windowed pages and ms times', async () => {
		const reply = await post(signed('order.getOrderList', list({ startTime: nowS() - DAY_MS / 1000 })));
		expect(reply).toMatchObject({ success: true, error_code: 0, data: { pageNo: 1, pageSize: 10 } });
		expect(reply.data.orderList.length).toBeGreaterThan(0);
		expect(String(reply.data.orderList[0].createdTime)).toMatch(/^\d{13}$/);
	});

	it('the quota answers -9013, which the client backs off from and names', async () => {
		sandbox.world.limits.set({ provider: XHS, method: 'order.getOrderDetail', calls: 0, windowMs: 60_000 });
		try {
			const { client, waits } = sandboxClient(sandbox, { retry: { maxAttempts: 2 } });
			const err = await client.getOrder(visibleTruth(sandbox)[0].channelOrderId).catch((e) => e);
			expect(err).toBeInstanceOf(ThrottledError);
			expect(err.code).toBe(-9013);
			expect(waits).toHaveLength(1);
		} finally {
			sandbox.world.limits.clear(XHS);
		}
	});
});

describe('writes are applied to the truth and recorded', () => {
	it('ships a waiting order, split by SKU when asked, and refuses an unknown carrier', async () => {
		const { client } = sandboxClient(sandbox);
		const waiting = visibleTruth(sandbox).filter((o) => sandbox.world.truth.snapshot(o).status === 'paid');
		const multi = waiting.find((o) => o.lines.length > 1 && new Set(o.lines.map(xhsSkuId)).size === o.lines.length) as (typeof waiting)[0];
		const whole = waiting.find((o) => o !== multi) as (typeof waiting)[0];
		await client.ship({ orderId: whole.channelOrderId, trackingNo: 'SF100000000001', companyCode: 'shunfeng' });
		const firstSku = xhsSkuId(multi.lines[0]);
		await client.ship({ orderId: multi.channelOrderId, trackingNo: 'YT100000000002', companyCode: 'yuantong', skuIds: [firstSku] });
		const shipments = sandbox.world.recorder.list({ provider: XHS, kind: 'shipment' }).map((r) => r.data);
		expect(shipments).toEqual([
			expect.objectContaining({ orderId: whole.channelOrderId, carrier: 'sf', trackingNo: 'SF100000000001', lineIds: undefined }),
			expect.objectContaining({ orderId: multi.channelOrderId, carrier: 'yto', lineIds: [multi.lines[0].lineId] }),
		]);
		const after = normalizeXhsOrder(await client.getOrder(multi.channelOrderId), { shopId: XHS_DEFAULTS.shop.shopId });
		expect(after.ok && after.order.status).toBe('partially_shipped');
		expect(after.ok && after.order.logistics?.shipments).toEqual([{ carrier: 'yto', trackingNo: 'YT100000000002', lineIds: [firstSku] }]);
		await expect(client.ship({ orderId: multi.channelOrderId, trackingNo: 'X1', companyCode: 'nosuch' })).rejects.toBeInstanceOf(InvalidRequestError);
	});

	it('sets and adds SKU stock, never below zero, and lists SKUs with the new stock', async () => {
		const { client } = sandboxClient(sandbox);
		const [sku] = await collect(client.listSkus());
		await client.updateStock({ skuId: sku.skuId, quantity: 9 });
		await client.updateStock({ skuId: sku.skuId, quantity: -20, mode: 'delta' });
		const stock = sandbox.world.recorder.list({ provider: XHS, kind: 'stock' }).map((r) => r.data);
		expect(stock).toEqual([
			expect.objectContaining({ skuId: sku.skuId, mode: 'sync', qty: 9, after: 9 }),
			expect.objectContaining({ skuId: sku.skuId, mode: 'inc', qty: -20, before: 9, after: 0 }),
		]);
		const again = (await collect(client.listSkus())).find((s) => s.skuId === sku.skuId);
		expect(again?.quantity).toBe(0);
		await expect(client.updateStock({ skuId: 'nosuch', quantity: 1 })).rejects.toMatchObject({ code: XHS_ERROR_CODE.notFound });
	});

	it('lists after-sales through the double envelope in 24 h ms windows and reads one back', async () => {
		const { client } = sandboxClient(sandbox);
		const now = sandbox.world.clock.now();
		const refunds = await collect(client.listRefunds({ from: iso(now - 30 * DAY_MS), to: iso(now) }));
		const truth = visibleTruth(sandbox).flatMap((o) => sandbox.world.truth.snapshot(o).refunds).filter((r) => r.createdAt >= now - 30 * DAY_MS);
		expect(refunds.map((r) => r.returnsId).sort()).toEqual(truth.map((r) => r.refundId).sort());
		expect(truth.length).toBeGreaterThan(0);
		const one = await client.getRefund(String(refunds[0].returnsId));
		expect(one).toMatchObject({ returnsId: refunds[0].returnsId, orderId: refunds[0].orderId });
	});
});
