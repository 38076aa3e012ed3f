// The JD emulator's gateway and write endpoints, called raw and through the pack's client: JD's real
// envelopes and codes, its limits, and a record of everything the pack pushed.
import { InvalidRequestError } from '../../../../lib/http';
import { normalizeJdOrder } from '../../../../lib/channels/jd/normalize';
import { jdTimestamp, signJdParams, signedJdParams } from '../../../../lib/channels/jd/sign';
import { jdProvider } from '../../../../sandbox/providers/jd';
import { JD_DEFAULTS } from '../../../../sandbox/providers/jd/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import vectors from '../../../fixtures/channels/jd/sign-vectors.json';
import { DAY_MS, admin, collect, iso, sandboxClient, shopCredentials, visibleTruth, type Json } from './jdSandbox';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ orders: 300, seed: 'jd-gateway', factories: [jdProvider] });
});
afterAll(() => sandbox.close());

const app = JD_DEFAULTS.app;
const shop = JD_DEFAULTS.shops[0];

async function post(params: Record<string, string>): Promise<Json> {
	const res = await fetch(`${sandbox.url}/jd/routerjson`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
		body: new URLSearchParams(params).toString(),
	});
	expect(res.status).toBe(200);
	return JSON.parse(await res.text());
}

const signed = (method: string, business: Record<string, unknown>, overrides: Partial<{ appSecret: string; accessToken: string; at: number }> = {}) =>
	signedJdParams(
		method,
		business,
		{ appKey: app.appKey, appSecret: overrides.appSecret ?? app.secret, accessToken: overrides.accessToken ?? shop.token },
		jdTimestamp(overrides.at ?? sandbox.world.clock.now()),
	);

const search = (extra: Record<string, unknown> = {}) => ({
	order_state: 'WAIT_SELLER_STOCK_OUT',
	optional_fields: 'orderId,orderState',
	page: '1',
	page_size: '10',
	...extra,
});

describe('gateway checks answer error_response with JD codes', () => {
	it.each([
		['an unknown app key', () => ({ ...signed('jingdong.pop.order.search', search()), app_key: 'nope' }), '21', 'Invalid app_key'],
		['a wrong secret', () => signed('jingdong.pop.order.search', search(), { appSecret: 'wrong' }), '12', 'Invalid Signature'],
		['a timestamp 7 minutes off', () => signed('jingdong.pop.order.search', search(), { at: sandbox.world.clock.now() - 7 * 60_000 }), '8', 'Invalid Timestamp'],
		['an unknown method', () => signed('jingdong.pop.order.nosuch', {}), '15', 'Invalid Method'],
		['an unknown access token', () => signed('jingdong.pop.order.search', search(), { accessToken: 'nope' }), '19', 'Invalid access_token'],
		['an expired access token', () => signed('jingdong.pop.order.search', search(), { accessToken: JD_DEFAULTS.expiredToken }), '19', 'Invalid access_token'],
	])('%s', async (_name, params, code, en) => {
		expect(await post(params())).toEqual({ error_response: { code, zh_desc: expect.any(String), en_desc: en } });
	});

	it('a missing sign and a re-signed version 1.0 are refused too', async () => {
		const { sign: _sign, ...unsigned } = signed('jingdong.pop.order.search', search());
		expect((await post(unsigned)).error_response.code).toBe('11');
		const old = { ...unsigned, v: '1.0' };
		expect((await post({ ...old, sign: signJdParams(old, app.secret) })).error_response.code).toBe('5');
	});

	it("replays JD's published signing example: the signature passes, the method then refuses page_size 200", async () => {
		const { params, secret } = vectors.find((v) => v.id === 'jd-jos-md5-official')!.inputs as { params: Record<string, string>; secret: string };
		expect(secret).toBe(JD_DEFAULTS.exampleApp.secret);
		const saved = sandbox.world.clock.now();
		await admin(sandbox, 'POST', '/clock', { set: '2021-05-07T09:20:39.683+08:00' });
		try {
			const body = await post({ ...params, sign: 'D70825340F4084360B9362B60DFD7930' });
			expect(body.error_response).toBeUndefined();
			expect(body.jingdong_pop_order_search_responce.code).toBe('0');
			expect(body.jingdong_pop_order_search_responce.searchorderinfo_result.apiResult).toMatchObject({ success: false });
		} finally {
			sandbox.world.clock.set(saved);
		}
	});
});

describe('method limits refuse inside the _responce, which the client reports as invalid requests', () => {
	it.each([
		['page_size above 100', search({ page_size: '101' }), /page_size/],
		['a window longer than a month', search({ start_date: '2026-01-01 00:00:00', end_date: '2026-02-15 00:00:00' }), /一个月/],
		['no dates for a state other than WAIT_SELLER_STOCK_OUT', search({ order_state: 'FINISHED_L' }), /start_date/],
		['an unknown state', search({ order_state: 'PAID' }), /PAID/],
	])('%s', async (_name, business, message) => {
		const body = await post(signed('jingdong.pop.order.search', business));
		const apiResult = body.jingdong_pop_order_search_responce.searchorderinfo_result.apiResult;
		expect(apiResult).toMatchObject({ success: false, numberCode: 10001 });
		expect(apiResult.chineseErrCode).toMatch(message);
	});

	it('a 360buy_param_json that is not a JSON object', async () => {
		const params = signed('jingdong.pop.order.search', {});
		const broken = { ...params, '360buy_param_json': '{"page":' };
		const body = await post({ ...broken, sign: signJdParams(broken, app.secret) });
		expect(body.jingdong_pop_order_search_responce.searchorderinfo_result.apiResult).toMatchObject({ success: false, englishErrCode: 'invalid_parameter:360buy_param_json' });
	});

	it('an order of another shop is not found', async () => {
		const other = visibleTruth(sandbox, JD_DEFAULTS.shops[1].shopId)[0];
		const { client } = sandboxClient(sandbox, shopCredentials(sandbox, 0));
		const error = await client.getOrder(other.channelOrderId).catch((e) => e);
		expect(error).toBeInstanceOf(InvalidRequestError);
		expect(error.message).toContain(`订单不存在: ${other.channelOrderId}`);
	});
});

describe('writes are applied to the truth and recorded for the admin API', () => {
	const waiting = () =>
		visibleTruth(sandbox, shop.shopId).find((o) => {
			const snap = sandbox.world.truth.snapshot(o);
			return snap.status === 'paid' && snap.refunds.length === 0;
		})!;

	it('ships a waiting order with a carrier id, and the order then shows the waybill', async () => {
		const order = waiting();
		const { client } = sandboxClient(sandbox, shopCredentials(sandbox));
		await client.ship({ orderId: order.channelOrderId, trackingNo: 'SF1234567890123', companyCode: 'sf' });
		const { writes } = await admin(sandbox, 'GET', '/pushed?provider=jd&kind=shipment');
		expect(writes.at(-1)).toMatchObject({ shopId: shop.shopId, data: { orderId: order.channelOrderId, logiCoprId: '467', carrier: 'sf', waybills: ['SF1234567890123'] } });
		const result = normalizeJdOrder(await client.getOrder(order.channelOrderId));
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.order).toMatchObject({ status: 'shipped', logistics: { carrier: 'sf', channelCarrierCode: '467', trackingNo: 'SF1234567890123' } });
		await expect(client.ship({ orderId: order.channelOrderId, trackingNo: 'SF1', companyCode: '467' })).rejects.toThrow(/不允许出库/);
	});

	it('refuses a carrier id JD does not know', async () => {
		const { client } = sandboxClient(sandbox, shopCredentials(sandbox));
		await expect(client.ship({ orderId: waiting().channelOrderId, trackingNo: 'X1', companyCode: '123456' })).rejects.toThrow(/物流公司不存在: 123456/);
	});

	it('sets a SKU stock level in full, and the SKU list shows it', async () => {
		const { client } = sandboxClient(sandbox, shopCredentials(sandbox));
		const [first] = await collect(client.listSkus());
		await client.updateStock({ skuId: first.skuId, quantity: 77 });
		const { writes } = await admin(sandbox, 'GET', '/pushed?provider=jd&kind=stock');
		expect(writes.at(-1).data).toMatchObject({ skuId: first.skuId, stockNum: 77, after: 77 });
		expect((await collect(client.listSkus())).find((s) => s.skuId === first.skuId)?.quantity).toBe(77);
		await expect(client.updateStock({ skuId: '1', quantity: 1 })).rejects.toThrow(/SKU不存在/);
	});

	it('writes the seller memo, which the next read shows as venderRemark', async () => {
		const order = waiting();
		const { client } = sandboxClient(sandbox, shopCredentials(sandbox));
		await client.updateMemo(order.channelOrderId, '发顺丰，加急', 1);
		const { writes } = await admin(sandbox, 'GET', '/pushed?provider=jd&kind=memo');
		expect(writes.at(-1).data).toMatchObject({ orderId: order.channelOrderId, remark: '发顺丰，加急', flag: 1 });
		expect((await client.getOrder(order.channelOrderId)).venderRemark).toBe('发顺丰，加急');
	});

	it('lists and gets refund applications with fen amounts', async () => {
		const now = sandbox.world.clock.now();
		const { client } = sandboxClient(sandbox, shopCredentials(sandbox));
		const refunds = await collect(client.listRefunds({ from: iso(now - 30 * DAY_MS), to: iso(now) }));
		const truthRefunds = visibleTruth(sandbox, shop.shopId).flatMap((o) => sandbox.world.truth.snapshot(o).refunds);
		expect(refunds.map((r) => String(r.id)).sort()).toEqual(truthRefunds.map((r) => r.refundId).sort());
		const one = truthRefunds[0];
		await expect(client.getRefund(one.refundId)).resolves.toMatchObject({ applyRefundSum: one.amount });
	});
});
