import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { AuthExpiredError, InvalidRequestError, MalformedResponseError, PermanentError, ThrottledError, TransientError, fetchHttpClient } from '../../../../lib/http';
import { createWechatShopClient, WECHAT_METHODS } from '../../../../lib/channels/wechatShop/client';
import { wechatShopCredentialsFrom } from '../../../../lib/channels/wechatShop/sign';

const BASE = 'https://api.weixin.qq.com';
const fixtureText = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/channels/wechatShop', name), 'utf8');
const NOW = Date.parse('2024-05-03T00:00:00+08:00');

function testClient(tokenMode: 'stable' | 'classic' = 'stable') {
	const credentials = wechatShopCredentialsFrom({ appId: 'wx1', appSecret: 'secret-1', shopId: 'shop-1', grantMode: tokenMode });
	return createWechatShopClient({
		credentials,
		http: fetchHttpClient(),
		now: () => NOW,
		retry: { maxAttempts: 3 },
		retryDeps: { sleep: async () => undefined, random: () => 0 },
	});
}

const tokenOk = (token = 'TOKEN-1') =>
	nock(BASE)
		.post('/cgi-bin/stable_token', (b) => b.appid === 'wx1' && b.secret === 'secret-1' && b.grant_type === 'client_credential')
		.reply(200, { access_token: token, expires_in: 7200 });

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
	const out: T[] = [];
	for await (const item of iterable) out.push(item);
	return out;
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('WeChat shop client: token', () => {
	it('fetches a stable token once and reuses it; order ids stay exact', async () => {
		tokenOk();
		nock(BASE).post('/channels/ec/order/get', { order_id: '3705115058471208928' }).query({ access_token: 'TOKEN-1' }).twice().reply(200, fixtureText('order-get.json'));
		const client = testClient();
		const order = await client.getOrder('3705115058471208928');
		await client.getOrder('3705115058471208928');
		expect(order.order_id).toBe('3705115058471208928');
		expect(client.stats).toEqual({ requests: 3, byMethod: { '/cgi-bin/stable_token': 1, '/channels/ec/order/get': 2 } });
	});

	it('uses GET /cgi-bin/token in classic mode', async () => {
		nock(BASE).get('/cgi-bin/token').query({ grant_type: 'client_credential', appid: 'wx1', secret: 'secret-1' }).reply(200, { access_token: 'T', expires_in: 7200 });
		await expect(testClient('classic').testConnection()).resolves.toEqual({ ok: true });
	});

	it.each([40001, 42001, 40014])('refreshes the token once on errcode %s, then succeeds', async (errcode) => {
		tokenOk('OLD');
		nock(BASE).post('/channels/ec/order/get').query({ access_token: 'OLD' }).reply(200, { errcode, errmsg: 'access_token expired' });
		nock(BASE).post('/cgi-bin/stable_token', (b) => b.force_refresh === true).reply(200, { access_token: 'NEW', expires_in: 7200 });
		nock(BASE).post('/channels/ec/order/get').query({ access_token: 'NEW' }).reply(200, fixtureText('order-get.json'));
		const order = await testClient().getOrder('3705115058471208928');
		expect(order.status).toBe(30);
	});

	it('gives up with AuthExpiredError when the fresh token is refused too', async () => {
		tokenOk('OLD');
		nock(BASE).post('/channels/ec/order/get').query(true).twice().reply(200, { errcode: 42001, errmsg: 'access_token expired' });
		nock(BASE).post('/cgi-bin/stable_token').reply(200, { access_token: 'NEW', expires_in: 7200 });
		await expect(testClient().getOrder('1')).rejects.toBeInstanceOf(AuthExpiredError);
	});

	it('a wrong secret (40125) is an auth error naming the shop and code', async () => {
		nock(BASE).post('/cgi-bin/stable_token').reply(200, { errcode: 40125, errmsg: 'invalid appsecret' });
		const err = await testClient().testConnection().catch((e) => e);
		expect(err).toBeInstanceOf(AuthExpiredError);
		expect(err.message).toMatch(/wechat_shop shop shop-1: \/cgi-bin\/stable_token failed with code 40125 \(invalid appsecret\)/);
	});

	it('renews a token that is about to expire before using it', async () => {
		let now = NOW;
		const credentials = wechatShopCredentialsFrom({ appId: 'wx1', appSecret: 'secret-1' });
		const client = createWechatShopClient({ credentials, http: fetchHttpClient(), now: () => now });
		nock(BASE).post('/cgi-bin/stable_token').reply(200, { access_token: 'A', expires_in: 600 });
		nock(BASE).post('/channels/ec/order/get').query({ access_token: 'A' }).reply(200, fixtureText('order-get.json'));
		await client.getOrder('1');
		now += 301_000;
		nock(BASE).post('/cgi-bin/stable_token').reply(200, { access_token: 'B', expires_in: 7200 });
		nock(BASE).post('/channels/ec/order/get').query({ access_token: 'B' }).reply(200, fixtureText('order-get.json'));
		await client.getOrder('1');
	});
});

describe('WeChat shop client: error classes', () => {
	it.each([
		[45009, ThrottledError],
		[-1, TransientError],
		[40097, InvalidRequestError],
		[48001, PermanentError],
		[99999, PermanentError],
	])('errcode %s -> %p', async (errcode, cls) => {
		tokenOk();
		const retried = errcode === 45009 || errcode === -1;
		nock(BASE).post('/channels/ec/order/get').query(true).times(retried ? 3 : 1).reply(200, { errcode, errmsg: 'e' });
		const err = await testClient().getOrder('12').catch((e) => e);
		expect(err).toBeInstanceOf(cls);
		expect(err.code).toBe(errcode);
		expect(err.orderId).toBe('12');
	});

	it('retries system busy (-1) and then succeeds', async () => {
		tokenOk();
		nock(BASE).post('/channels/ec/order/get').query(true).reply(200, { errcode: -1, errmsg: 'system error' });
		nock(BASE).post('/channels/ec/order/get').query(true).reply(200, fixtureText('order-get.json'));
		await expect(testClient().getOrder('1')).resolves.toMatchObject({ status: 30 });
	});

	it('HTTP 403 (IP allow-list) is auth; 502 retried; malformed body transient', async () => {
		nock(BASE).post('/cgi-bin/stable_token').reply(403, 'forbidden');
		await expect(testClient().testConnection()).rejects.toBeInstanceOf(AuthExpiredError);
		tokenOk();
		nock(BASE).post('/channels/ec/order/get').query(true).reply(502, 'bad gateway');
		nock(BASE).post('/channels/ec/order/get').query(true).times(2).reply(200, '<html>');
		await expect(testClient().getOrder('1')).rejects.toBeInstanceOf(MalformedResponseError);
	});

	it('refuses a non-numeric order id before calling', async () => {
		await expect(testClient().getOrder('abc')).rejects.toBeInstanceOf(InvalidRequestError);
	});
});

describe('WeChat shop client: order pulls', () => {
	it('splits 10 days into 7-day windows, follows next_key, and reads one detail per id', async () => {
		tokenOk();
		const bodies: Array<Record<string, unknown>> = [];
		const list = nock(BASE).post('/channels/ec/order/list/get', (b) => (bodies.push(b), true)).query(true);
		list.reply(200, { errcode: 0, order_id_list: ['1', '2'], next_key: 'K1', has_more: true });
		nock(BASE).post('/channels/ec/order/list/get').query(true).reply(200, { errcode: 0, order_id_list: ['3'], next_key: 'K2', has_more: false });
		nock(BASE).post('/channels/ec/order/list/get').query(true).reply(200, { errcode: 0, order_id_list: ['3', '4'], next_key: '', has_more: false });
		nock(BASE).post('/channels/ec/order/get').query(true).times(4).reply(200, (_u, b) => ({ errcode: 0, order: { order_id: (b as { order_id: string }).order_id } }));
		const client = testClient();
		const windows = await collect(client.listOrderWindows({ by: 'modified', from: '2024-05-01T00:00:00+08:00', to: '2024-05-11T00:00:00+08:00' }));
		expect(windows.map((w) => w.orders.map((o) => o.order_id))).toEqual([['1', '2', '3'], ['4']]);
		expect(windows.map((w) => w.window)).toEqual([
			{ from: '2024-05-01T00:00:00.000+08:00', to: '2024-05-08T00:00:00.000+08:00' },
			{ from: '2024-05-08T00:00:00.000+08:00', to: '2024-05-11T00:00:00.000+08:00' },
		]);
		expect(bodies[0]).toEqual({ update_time_range: { start_time: 1714492800, end_time: 1715097600 }, page_size: 100 });
		expect(client.stats.byMethod).toEqual({ '/cgi-bin/stable_token': 1, [WECHAT_METHODS.listOrders.apiMethod]: 3, [WECHAT_METHODS.getOrder.apiMethod]: 4 });
	});

	it('lists by creation time with a status filter and stops early when the caller does', async () => {
		tokenOk();
		nock(BASE)
			.post('/channels/ec/order/list/get', (b) => b.create_time_range?.start_time === 1714492800 && b.status === 20 && b.page_size === 10)
			.query(true)
			.reply(200, { errcode: 0, order_id_list: ['1', '2'], has_more: false });
		nock(BASE).post('/channels/ec/order/get').query(true).reply(200, { errcode: 0, order: { order_id: '1' } });
		const client = testClient();
		for await (const order of client.listOrders({ by: 'created', from: '2024-05-01T00:00:00+08:00', to: '2024-05-02T00:00:00+08:00', status: 20, pageSize: 10 })) {
			expect(order.order_id).toBe('1');
			break;
		}
	});
});

describe('WeChat shop client: actions', () => {
	it('ships the listed products of a split parcel', async () => {
		tokenOk();
		nock(BASE)
			.post('/channels/ec/order/delivery/send', {
				order_id: '3705115058471208928',
				delivery_list: [{ delivery_id: 'SF', waybill_id: 'SF1', deliver_type: 1, product_infos: [{ product_id: '5', sku_id: '6', product_cnt: 1 }] }],
			})
			.query(true)
			.reply(200, { errcode: 0, errmsg: 'ok' });
		await testClient().ship({ orderId: '3705115058471208928', trackingNo: 'SF1', companyCode: 'SF', lines: [{ productId: '5', skuId: '6', quantity: 1 }] });
	});

	it('ships every line when no products are given (one order/get first)', async () => {
		tokenOk();
		nock(BASE).post('/channels/ec/order/get').query(true).reply(200, fixtureText('order-get.json'));
		nock(BASE)
			.post('/channels/ec/order/delivery/send', (b) => b.delivery_list[0].product_infos.length === 2 && b.delivery_list[0].product_infos[1].sku_id === '9223372036854775807')
			.query(true)
			.reply(200, { errcode: 0 });
		await testClient().ship({ orderId: '3705115058471208928', trackingNo: 'ZTO1', companyCode: 'ZTO' });
	});

	it.each([
		['full', 7, 3, 7],
		['delta', 4, 1, 4],
		['delta', -2, 2, 2],
	] as const)('stock %s %s -> diff_type %s num %s', async (mode, quantity, diffType, num) => {
		tokenOk();
		nock(BASE).post('/channels/ec/product/stock/update', { product_id: '5', sku_id: '6', diff_type: diffType, num }).query(true).reply(200, { errcode: 0 });
		await testClient().updateStock({ productId: '5', skuId: '6', quantity, mode });
	});

	it('lists SKUs: product list pages, then one product/get per product', async () => {
		tokenOk();
		nock(BASE).post('/channels/ec/product/list/get').query(true).reply(200, { errcode: 0, product_ids: [5], next_key: 'P1', total_num: 2 });
		nock(BASE).post('/channels/ec/product/list/get', (b) => b.next_key === 'P1').query(true).reply(200, { errcode: 0, product_ids: [], next_key: '', total_num: 2 });
		nock(BASE)
			.post('/channels/ec/product/get', { product_id: '5', data_type: 1 })
			.query(true)
			.reply(200, { errcode: 0, product: { product_id: 5, title: '龙井', skus: [{ sku_id: 6, sku_code: 'LJ', stock_num: 9, sale_price: 100, sku_attrs: [{ attr_key: '规格', attr_value: '1' }] }] } });
		const skus = await collect(testClient().listSkus());
		expect(skus.map(({ raw: _raw, ...s }) => s)).toEqual([{ productId: '5', skuId: '6', merchantCode: 'LJ', title: '龙井', skuName: '规格:1', quantity: 9, price: 100 }]);
	});

	it('lists after-sales in 24-hour windows, one detail per id', async () => {
		tokenOk();
		const ranges: unknown[] = [];
		nock(BASE).post('/channels/ec/aftersale/getaftersalelist', (b) => (ranges.push(b), true)).query(true).twice().reply(200, (_u, b) => ({
			errcode: 0,
			after_sale_order_id_list: (b as { begin_create_time: number }).begin_create_time === 1714492800 ? ['11'] : [],
			has_more: false,
		}));
		nock(BASE).post('/channels/ec/aftersale/getaftersaleorder', { after_sale_order_id: '11' }).query(true).reply(200, { errcode: 0, after_sale_order: { after_sale_order_id: '11', status: 'MERCHANT_PROCESSING' } });
		const refunds = await collect(testClient().listRefunds({ from: '2024-05-01T00:00:00+08:00', to: '2024-05-02T12:00:00+08:00' }));
		expect(refunds).toEqual([{ after_sale_order_id: '11', status: 'MERCHANT_PROCESSING' }]);
		expect(ranges[1]).toEqual({ begin_create_time: 1714579200, end_create_time: 1714622400 });
	});

	it('updates the merchant notes and lists carriers', async () => {
		tokenOk();
		nock(BASE).post('/channels/ec/order/merchantnotes/update', { order_id: '1', merchant_notes: 'hi' }).query(true).reply(200, { errcode: 0 });
		nock(BASE).post('/channels/ec/order/deliverycompanylist/get').query(true).reply(200, { errcode: 0, company_list: [{ delivery_id: 'SF', delivery_name: '顺丰速运' }] });
		const client = testClient();
		await client.updateMemo('1', 'hi');
		await expect(client.listCarriers()).resolves.toEqual([{ deliveryId: 'SF', name: '顺丰速运' }]);
	});
});
