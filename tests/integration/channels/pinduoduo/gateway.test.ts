// The Pinduoduo emulator's gateway rules, seen on the wire and through the pack's client: the signature
// (one changed character fails with 20004), token expiry (10019), the 30-minute window and page size
// limits, throttling (52101), JSON bodies, and the writes it records for the admin API.
import { AuthExpiredError, InvalidRequestError, ThrottledError } from '../../../../lib/http';
import { signPddParams, signedPddParams } from '../../../../lib/channels/pinduoduo/sign';
import { pinduoduoProvider } from '../../../../sandbox/providers/pinduoduo';
import { PDD_DEFAULTS, PINDUODUO } from '../../../../sandbox/providers/pinduoduo/models';
import { createOrdersNow } from '../../../../sandbox/truth/actions';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { admin, answeredCalls, collect, iso, sandboxClient, shopCredentials, visibleTruth, type Json } from './pddSandbox';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ orders: 300, seed: 'pdd-gateway', factories: [pinduoduoProvider] });
});
afterAll(() => sandbox.close());

const shop = PDD_DEFAULTS.shops[0];
const seconds = () => Math.floor(sandbox.world.clock.now() / 1000);

async function post(params: Record<string, string>, json = false): Promise<Json> {
	const res = await fetch(`${sandbox.url}/pinduoduo/api/router`, {
		method: 'POST',
		headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
		body: json ? JSON.stringify(params) : new URLSearchParams(params).toString(),
	});
	expect(res.status).toBe(200);
	return await res.json();
}

function signed(type: string, business: Record<string, string | number>, token = shop.token) {
	return signedPddParams(type, business, { clientId: PDD_DEFAULTS.app.appKey, clientSecret: PDD_DEFAULTS.app.secret, accessToken: token }, String(seconds()));
}

const window = (minutes: number) => ({ start_updated_at: seconds() - minutes * 60, end_updated_at: seconds(), page: 1, page_size: 10 });

describe('Pinduoduo emulator gateway', () => {
	it("answers under the API's own root key, also for the client and token of the published signing example", async () => {
		const body = await post(signed('pdd.order.number.list.increment.get', window(30)));
		expect(Object.keys(body)).toEqual(['order_sn_increment_get_response']);
		expect(body.order_sn_increment_get_response).toMatchObject({ total_count: expect.any(Number), request_id: expect.any(String) });
		const example = { access_token: PDD_DEFAULTS.exampleToken, client_id: '1', data_type: 'JSON', type: 'pdd.order.number.list.increment.get', timestamp: String(seconds()), ...window(30) };
		const exampleBody = await post(Object.fromEntries(Object.entries({ ...example, sign: signPddParams(example, 'testSecret') }).map(([k, v]) => [k, String(v)])));
		expect(exampleBody.error_response).toBeUndefined();
	});

	it('refuses a signature with one character changed, with the real code 20004', async () => {
		const params = signed('pdd.order.number.list.increment.get', window(30));
		const tampered = { ...params, page_size: '11' };
		const body = await post(tampered);
		expect(body.error_response).toMatchObject({ error_code: 20004, error_msg: '签名验证失败' });
		const badSign = { ...params, sign: params.sign.slice(0, -1) + (params.sign.endsWith('A') ? 'B' : 'A') };
		expect((await post(badSign)).error_response.error_code).toBe(20004);
	});

	it('accepts the same call as a JSON body', async () => {
		const body = await post(signed('pdd.order.number.list.increment.get', window(10)), true);
		expect(body.order_sn_increment_get_response).toBeDefined();
	});

	it('answers 10019 for an expired token, which the client reports as expired auth', async () => {
		expect((await post(signed('pdd.order.number.list.increment.get', window(10), PDD_DEFAULTS.expiredToken))).error_response).toMatchObject({ error_code: 10019 });
		const { client } = sandboxClient(sandbox, shopCredentials(sandbox, 0, { accessToken: PDD_DEFAULTS.expiredToken }));
		await expect(client.testConnection()).rejects.toBeInstanceOf(AuthExpiredError);
	});

	it('enforces the 30-minute increment window and the page size cap', async () => {
		const tooLong = await post(signed('pdd.order.number.list.increment.get', { ...window(30), start_updated_at: seconds() - 1801 }));
		expect(tooLong.error_response).toMatchObject({ error_code: 10000, sub_msg: expect.stringContaining('30分钟') });
		const bigPage = await post(signed('pdd.order.number.list.increment.get', { ...window(10), page_size: 101 }));
		expect(bigPage.error_response).toMatchObject({ error_code: 10000, sub_msg: expect.stringContaining('page_size') });
		const { client } = sandboxClient(sandbox, shopCredentials(sandbox));
		await expect(client.getOrder('000000-0000000')).rejects.toBeInstanceOf(InvalidRequestError);
	});

	it('throttles with 52101; the client backs off and retries', async () => {
		await admin(sandbox, 'POST', '/faults', { provider: PINDUODUO, method: 'pdd.order.number.list.increment.get', kind: 'throttle', times: 2 });
		const { client, waits } = sandboxClient(sandbox, shopCredentials(sandbox));
		await expect(client.testConnection()).resolves.toEqual({ ok: true });
		expect(waits).toHaveLength(2);
		await admin(sandbox, 'POST', '/faults', { provider: PINDUODUO, method: 'pdd.order.number.list.increment.get', kind: 'throttle' });
		await expect(client.testConnection()).rejects.toBeInstanceOf(ThrottledError);
		await admin(sandbox, 'DELETE', '/faults');
	});

	it('pages a busy window last to first: a probe, then every page from the last, in the fewest calls', async () => {
		sandbox.world.clock.advance(3_600_000);
		const created = createOrdersNow(sandbox.world, PINDUODUO, { count: 250, shopId: shop.shopId, status: 'paid' });
		sandbox.world.clock.advance(1000);
		const answered = answeredCalls();
		const { client } = sandboxClient(sandbox, shopCredentials(sandbox), { http: answered.http });
		const now = sandbox.world.clock.now();
		const [only] = await collect(client.listOrderWindows({ by: 'modified', from: iso(now - 60_000), to: iso(now) }));
		expect(only.orders.map((o) => String(o.order_sn)).sort()).toEqual(created.map((o) => o.channelOrderId).sort());
		expect(answered.total()).toBe(1 + 3);
	});

	it('records shipments, notes and stock updates for the admin API and shows them on the order', async () => {
		const { client } = sandboxClient(sandbox, shopCredentials(sandbox));
		const order = visibleTruth(sandbox, shop.shopId).find((o) => sandbox.world.truth.snapshot(o).status === 'paid')!;
		await client.ship({ orderId: order.channelOrderId, trackingNo: 'SF1234567890123', carrier: 'sf' });
		const info = await client.getOrder(order.channelOrderId);
		expect(info).toMatchObject({ order_status: 2, tracking_number: 'SF1234567890123', logistics_id: 44 });
		await expect(client.ship({ orderId: order.channelOrderId, trackingNo: 'SF1', carrier: 'sf' })).rejects.toBeInstanceOf(InvalidRequestError);

		await client.updateMemo(order.channelOrderId, '已电话确认', 2);
		expect((await client.getOrder(order.channelOrderId)).remark).toBe('已电话确认');

		const [sku] = await collect(client.listSkus());
		await client.updateStock({ itemId: sku.itemId, skuId: sku.skuId, quantity: 42 });
		await client.updateStock({ itemId: sku.itemId, merchantCode: sku.merchantCode, quantity: -2, mode: 'delta' });
		const writes: Json = await admin(sandbox, 'GET', `/pushed?provider=${PINDUODUO}`);
		const list: Json[] = writes.writes;
		expect(list.filter((w: Json) => w.kind === 'shipment').map((w: Json) => w.data)).toEqual([
			expect.objectContaining({ orderSn: order.channelOrderId, logisticsId: '44', carrier: 'sf', trackingNo: 'SF1234567890123' }),
		]);
		expect(list.filter((w: Json) => w.kind === 'memo').map((w: Json) => w.data)).toEqual([{ orderSn: order.channelOrderId, note: '已电话确认', tag: 2 }]);
		expect(list.filter((w: Json) => w.kind === 'stock').map((w: Json) => [w.data.updateType, w.data.after])).toEqual([
			[1, 42],
			[2, 40],
		]);
	});
});
