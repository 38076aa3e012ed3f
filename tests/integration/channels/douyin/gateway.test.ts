// The Douyin emulator's gateway and write endpoints, called raw and through the pack's client: Douyin's real
// envelope {code, msg, sub_code, sub_msg, log_id, data} and codes, its window and page limits, and a record
// of everything the pack pushed (read back through the admin API).
import { InvalidRequestError, PermanentError, ThrottledError } from '../../../../lib/http';
import { DOUYIN_ERROR_CODE } from '../../../../lib/channels/douyin/codes';
import { normalizeDouyinOrder } from '../../../../lib/channels/douyin/normalize';
import { douyinRequest } from '../../../../lib/channels/douyin/sign';
import { douyinProvider } from '../../../../sandbox/providers/douyin';
import { DOUYIN_SANDBOX_CODES } from '../../../../sandbox/providers/douyin/exceptions';
import { DOUYIN, DOUYIN_DEFAULTS } from '../../../../sandbox/providers/douyin/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { DAY_MS, admin, collect, iso, sandboxClient, visibleTruth, type Json } from './douyinSandbox';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ orders: 300, seed: 'douyin-gateway', factories: [douyinProvider] });
});
afterAll(() => sandbox.close());

const app = DOUYIN_DEFAULTS.app;
const nowS = () => Math.floor(sandbox.world.clock.now() / 1000);

type Tweak = Partial<{ appSecret: string; accessToken: string; at: number; signMethod: 'hmac-sha256' | 'md5' }>;
async function call(method: string, params: Record<string, unknown>, o: Tweak = {}, edit: (q: Record<string, string>, body: string) => [Record<string, string>, string] = (q, b) => [q, b]): Promise<Json> {
	const creds = { appKey: app.appKey, appSecret: o.appSecret ?? app.secret, accessToken: o.accessToken ?? DOUYIN_DEFAULTS.token.accessToken, baseUrl: `${sandbox.url}/douyin`, signMethod: o.signMethod ?? ('hmac-sha256' as const) };
	const wire = douyinRequest(method, params, creds, o.at ?? sandbox.world.clock.now());
	const [qs, body] = edit(wire.qs ?? {}, wire.body);
	const res = await fetch(`${wire.url}?${new URLSearchParams(qs)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
	expect(res.status).toBe(200);
	return JSON.parse(await res.text());
}
const list = (extra: Record<string, unknown> = {}) => ({ create_time_start: nowS() - 3600, create_time_end: nowS(), page: 0, size: 10, order_by: 'create_time', ...extra });

describe('gateway checks answer Douyin error envelopes and codes', () => {
	it.each([
		['an unknown app key', () => call('order.searchList', list(), {}, (q, b) => [{ ...q, app_key: '1' }, b]), DOUYIN_SANDBOX_CODES.appKeyInvalid],
		['a wrong secret', () => call('order.searchList', list(), { appSecret: 'wrong' }), DOUYIN_SANDBOX_CODES.signInvalid],
		['a body changed after signing', () => call('order.searchList', list(), {}, (q, b) => [q, b.replace('"size":10', '"size":11')]), DOUYIN_SANDBOX_CODES.signInvalid],
		['a timestamp 11 minutes off', () => call('order.searchList', list(), { at: sandbox.world.clock.now() - 11 * 60_000 }), DOUYIN_SANDBOX_CODES.timestampInvalid],
		['an unknown access token', () => call('order.searchList', list(), { accessToken: 'nope' }), DOUYIN_SANDBOX_CODES.accessTokenInvalid],
		['an unknown method', () => call('order.noSuch', {}), DOUYIN_SANDBOX_CODES.invalidParam],
		['a window over 7 days', () => call('order.searchList', list({ create_time_start: nowS() - 7 * 86_400 - 1 })), DOUYIN_SANDBOX_CODES.windowTooLong],
		['size 101', () => call('order.searchList', list({ size: 101 })), DOUYIN_SANDBOX_CODES.invalidParam],
		['page * size over 10,000', () => call('order.searchList', list({ page: 100, size: 100 })), DOUYIN_SANDBOX_CODES.invalidParam],
	])('%s', async (_name, send, code) => {
		expect(await send()).toEqual({ code, msg: expect.any(String), sub_code: expect.any(String), sub_msg: expect.any(String), log_id: expect.any(String), data: null });
	});

	it('the lib and the emulator agree on every code', () => {
		expect(DOUYIN_SANDBOX_CODES).toEqual(DOUYIN_ERROR_CODE);
	});

	it('a correct call (hmac-sha256 or md5) answers code 10000 with whole orders, string ids and second times', async () => {
		for (const signMethod of ['hmac-sha256', 'md5'] as const) {
			const reply = await call('order.searchList', list({ create_time_start: nowS() - DAY_MS / 1000 }), { signMethod });
			expect(reply).toMatchObject({ code: 10000, msg: 'success', sub_code: '', data: { page: 0, size: 10 } });
			expect(reply.data.shop_order_list.length).toBeGreaterThan(0);
			const [first] = reply.data.shop_order_list;
			expect(first.order_id).toMatch(/^\d{19}$/);
			expect(String(first.create_time)).toMatch(/^\d{10}$/);
			expect(first.sku_order_list.length).toBeGreaterThan(0);
		}
	});

	it('the quota answers the throttle code, which the client backs off from and names', async () => {
		await admin(sandbox, 'POST', '/limits', { provider: DOUYIN, method: 'order.orderDetail', calls: 0, windowMs: 60_000 });
		try {
			const { client, waits } = sandboxClient(sandbox, { retry: { maxAttempts: 2 } });
			const err = await client.getOrder(visibleTruth(sandbox)[0].channelOrderId).catch((e) => e);
			expect(err).toBeInstanceOf(ThrottledError);
			expect(err.code).toBe(DOUYIN_ERROR_CODE.throttled);
			expect(waits).toHaveLength(1);
		} finally {
			await admin(sandbox, 'DELETE', `/limits?provider=${DOUYIN}`);
		}
	});

	it('tokens: create for the self-use shop, refresh once (a used refresh token stops working)', async () => {
		const { client } = sandboxClient(sandbox);
		const created = await client.createToken({ selfShopId: DOUYIN_DEFAULTS.shop.shopId });
		expect(created).toMatchObject({ shopId: DOUYIN_DEFAULTS.shop.shopId, expiresIn: 7 * 86_400 });
		const refreshed = await client.refreshAccessToken();
		expect(refreshed.accessToken).not.toBe(created.accessToken);
		const stale = sandboxClient(sandbox, { refreshToken: created.refreshToken }).client;
		const err = await stale.refreshAccessToken().catch((e) => e);
		expect(err).toMatchObject({ code: DOUYIN_ERROR_CODE.refreshTokenInvalid });
		await expect(client.createToken({ selfShopId: '999' })).rejects.toBeInstanceOf(InvalidRequestError);
	});
});

describe('writes are applied to the truth and recorded', () => {
	it('ships a waiting order with our carrier id and refuses an unknown carrier before calling', async () => {
		const { client } = sandboxClient(sandbox);
		const waiting = visibleTruth(sandbox).find((o) => sandbox.world.truth.snapshot(o).status === 'paid') as ReturnType<typeof visibleTruth>[0];
		const shipped = await client.ship({ orderId: waiting.channelOrderId, trackingNo: 'SF100000000001', carrier: 'sf' });
		expect(shipped.companyCode).toBe('shunfeng');
		const { writes } = await admin(sandbox, 'GET', `/pushed?provider=${DOUYIN}&kind=shipment`);
		expect(writes.map((w: Json) => w.data)).toEqual([expect.objectContaining({ orderId: waiting.channelOrderId, carrier: 'sf', companyCode: 'shunfeng', trackingNo: 'SF100000000001' })]);
		const after = normalizeDouyinOrder(await client.getOrder(waiting.channelOrderId), { shopId: DOUYIN_DEFAULTS.shop.shopId });
		expect(after.ok && after.order.status).toBe('shipped');
		expect(after.ok && after.order.logistics).toMatchObject({ carrier: 'sf', trackingNo: 'SF100000000001' });
		const before = client.stats.requests;
		await expect(client.ship({ orderId: waiting.channelOrderId, trackingNo: 'X1', carrier: 'carrier-pigeon' })).rejects.toBeInstanceOf(InvalidRequestError);
		expect(client.stats.requests).toBe(before);
		await expect(client.ship({ orderId: waiting.channelOrderId, trackingNo: 'SF2', carrier: 'sf' })).rejects.toBeInstanceOf(PermanentError);
	});

	it('writes a remark the next read shows', async () => {
		const { client } = sandboxClient(sandbox);
		const order = visibleTruth(sandbox)[1];
		await client.addMemo({ orderId: order.channelOrderId, memo: '客户要求顺丰' });
		const after = normalizeDouyinOrder(await client.getOrder(order.channelOrderId), { shopId: DOUYIN_DEFAULTS.shop.shopId });
		expect(after.ok && after.order.sellerMemo).toBe('客户要求顺丰');
	});

	it('sets and adds SKU stock (never below zero), by SKU id or merchant code, and lists SKUs with the new stock', async () => {
		const { client } = sandboxClient(sandbox);
		const [sku] = await collect(client.listSkus());
		await client.updateStock({ skuId: sku.skuId, quantity: 9 });
		await client.updateStock({ code: sku.merchantCode, quantity: -20, mode: 'delta', idempotentId: 'move-1' });
		const { writes } = await admin(sandbox, 'GET', `/pushed?provider=${DOUYIN}&kind=stock`);
		expect(writes.map((w: Json) => w.data)).toEqual([
			expect.objectContaining({ skuId: sku.skuId, mode: 'full', qty: 9, after: 9 }),
			expect.objectContaining({ mode: 'delta', qty: -20, before: 9, after: 0 }),
		]);
		const again = (await collect(client.listSkus(sku.productId))).find((s) => s.skuId === sku.skuId);
		expect(again?.quantity).toBe(0);
		await expect(client.updateStock({ skuId: 'nosuch', quantity: 1 })).rejects.toMatchObject({ code: DOUYIN_ERROR_CODE.notFound });
	});

	it('lists after-sales by apply time in 7-day windows and reads one back', async () => {
		const { client } = sandboxClient(sandbox);
		const now = sandbox.world.clock.now();
		const afterSales = await collect(client.listAfterSales({ from: iso(now - 30 * DAY_MS), to: iso(now + 1000) }));
		const truth = visibleTruth(sandbox).flatMap((o) => sandbox.world.truth.snapshot(o).refunds).filter((r) => r.createdAt >= now - 30 * DAY_MS);
		expect(truth.length).toBeGreaterThan(0);
		expect(afterSales.map((r) => r.aftersale_id).sort()).toEqual(truth.map((r) => r.refundId).sort());
		const one = await client.getAfterSale(String(afterSales[0].aftersale_id));
		expect(one).toMatchObject({ process_info: { after_sale_info: { aftersale_id: afterSales[0].aftersale_id } } });
	});
});
