import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import {
	AuthExpiredError,
	InvalidRequestError,
	MalformedResponseError,
	PermanentError,
	ThrottledError,
	TransientError,
} from '../../../../lib/http';
import { TAOBAO_METHODS, TRADE_FIELDS } from '../../../../lib/channels/taobao/client';
import { fakeTop, testClient, topError, topOk, type FakeTop } from './fakeTop';

const fixtureText = (name: string) =>
	readFileSync(path.resolve(__dirname, '../../../fixtures/channels/taobao', name), 'utf8');

let top: FakeTop | undefined;
beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	top?.done();
	top = undefined;
	nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
	const out: T[] = [];
	for await (const item of iterable) out.push(item);
	return out;
};

describe('Taobao client: request core', () => {
	it('sends a signed form POST with TOP system parameters and keeps a 19-digit tid exact', async () => {
		top = fakeTop(() => ({ status: 200, body: fixtureText('trade-fullinfo-get.json') }));
		const { client } = testClient();
		const trade = await client.getOrder('289749893209214687');
		expect(trade.tid).toBe('289749893209214687');
		expect(top.calls[0]).toMatchObject({
			method: 'taobao.trade.fullinfo.get',
			app_key: '12345678',
			session: 'session-1',
			sign_method: 'hmac-sha256',
			format: 'json',
			v: '2.0',
			timestamp: '2024-05-02 10:00:00',
			tid: '289749893209214687',
			fields: TRADE_FIELDS,
		});
		expect(client.stats).toEqual({ requests: 1, byMethod: { 'taobao.trade.fullinfo.get': 1 } });
	});

	it('retries a throttled call after the ban TOP names, then succeeds', async () => {
		top = fakeTop((_p, n) =>
			n === 1
				? topError(7, 'App Call Limited', 'accesscontrol.limited-by-app-access-count', 'This ban will last for 3 more seconds')
				: { status: 200, body: fixtureText('trade-fullinfo-get.json') },
		);
		const { client, delays } = testClient();
		await expect(client.getOrder('289749893209214687')).resolves.toMatchObject({ tid: '289749893209214687' });
		expect(top.calls).toHaveLength(2);
		expect(delays).toEqual([4000]);
	});

	it('gives up on a ban longer than the retry budget with a throttle error naming shop and method', async () => {
		top = fakeTop(() => JSON.parse(fixtureText('error-throttled.json')));
		const { client, delays } = testClient();
		const error = await client.getOrder('1').catch((e) => e);
		expect(error).toBeInstanceOf(ThrottledError);
		expect(error.retryAfterMs).toBe(72_000);
		expect(error.message).toMatch(/taobao shop shop-1: taobao\.trade\.fullinfo\.get for order 1 failed with code 7/);
		expect(delays).toEqual([]);
	});

	it('maps an invalid session to AuthExpiredError with a re-authorize hint and does not retry', async () => {
		top = fakeTop(() => topError(27, 'Invalid session', 'invalid-sessionkey', 'SessionKey非法'));
		const { client } = testClient();
		const error = await client.getOrder('123').catch((e) => e);
		expect(error).toBeInstanceOf(AuthExpiredError);
		expect(error).toMatchObject({ provider: 'taobao', shopId: 'shop-1', code: 27, subCode: 'invalid-sessionkey', orderId: '123' });
		expect(error.message).toMatch(/re-authorize the shop/);
		expect(top.calls).toHaveLength(1);
	});

	it.each([
		['missing argument', topError(40, 'Missing required arguments:tid', 'isv.missing-parameter:tid'), InvalidRequestError],
		['business error', topError(15, 'Remote service error', 'isv.trade-not-exist', '交易不存在'), InvalidRequestError],
		['no permission', topError(11, 'Insufficient isv permissions'), PermanentError],
	])('does not retry a %s', async (_name, reply, errorClass) => {
		top = fakeTop(() => reply);
		const { client } = testClient();
		await expect(client.getOrder('123')).rejects.toBeInstanceOf(errorClass);
		expect(top.calls).toHaveLength(1);
	});

	it.each([
		['an isp.* platform error', topError(15, 'Remote service error', 'isp.top-remote-connection-timeout')],
		['a 502 gateway page', { status: 502, body: '<html><h1>502 Bad Gateway</h1></html>' }],
		['a cut-off body', { status: 200, body: '{"trade_fullinfo_get_response":{"trade":{"tid":' }],
	])('retries %s as transient', async (_name, failure) => {
		top = fakeTop((_p, n) => (n === 1 ? failure : { status: 200, body: fixtureText('trade-fullinfo-get.json') }));
		const { client } = testClient();
		await expect(client.getOrder('289749893209214687')).resolves.toBeDefined();
		expect(top.calls).toHaveLength(2);
	});

	it('reports a body that stays malformed as a transient error after the bounded attempts', async () => {
		top = fakeTop(() => ({ status: 200, body: 'not json' }));
		const { client } = testClient();
		const error = await client.getOrder('1').catch((e) => e);
		expect(error).toBeInstanceOf(MalformedResponseError);
		expect(error).toBeInstanceOf(TransientError);
		expect(top.calls).toHaveLength(5);
	});

	it('refuses an order id that is not digits before calling', async () => {
		top = fakeTop(() => ({}));
		const { client } = testClient();
		await expect(client.getOrder('12a')).rejects.toBeInstanceOf(InvalidRequestError);
		expect(top.calls).toHaveLength(0);
	});
});

describe('Taobao client: order lists', () => {
	const trade = (tid: number, modified = '2024-05-01 10:00:00') => ({ tid, tid_str: String(tid), modified });

	it('pages the increment API last page first, one-day windows, re-reading page 1', async () => {
		const perWindow = 250;
		top = fakeTop((p) => {
			const day = p.start_modified.slice(0, 10);
			const offset = day === '2024-04-30' ? 0 : 1000;
			const page = Number(p.page_no);
			const size = Number(p.page_size);
			const rows = Array.from({ length: perWindow }, (_, i) => trade(offset + i)).slice((page - 1) * size, page * size);
			return topOk(p.method, { total_results: perWindow, trades: { trade: rows } });
		});
		const { client } = testClient();
		const windows = await collect(
			client.listOrderWindows({ by: 'modified', from: '2024-04-30T00:00:00+08:00', to: '2024-05-02T00:00:00+08:00' }),
		);
		expect(windows.map((w) => [w.window.from, w.window.to, w.trades.length])).toEqual([
			['2024-04-30T00:00:00.000+08:00', '2024-05-01T00:00:00.000+08:00', 250],
			['2024-05-01T00:00:00.000+08:00', '2024-05-02T00:00:00.000+08:00', 250],
		]);
		expect(top.calls.map((c) => `${c.start_modified.slice(0, 10)}#${c.page_no}`)).toEqual([
			'2024-04-30#1', '2024-04-30#3', '2024-04-30#2', '2024-04-30#1',
			'2024-05-01#1', '2024-05-01#3', '2024-05-01#2', '2024-05-01#1',
		]);
		expect(top.calls[0]).toMatchObject({
			method: TAOBAO_METHODS.listOrdersByModified.apiMethod,
			start_modified: '2024-04-30 00:00:00',
			end_modified: '2024-05-01 00:00:00',
			page_size: '100',
		});
		expect(top.calls[0].use_has_next).toBeUndefined();
	});

	it('costs one call when the window fits a page, and keeps the latest snapshot of a trade seen twice', async () => {
		top = fakeTop((p) =>
			topOk(p.method, { total_results: 2, trades: { trade: [trade(1, '2024-05-01 10:00:00'), trade(1, '2024-05-01 10:05:00')] } }),
		);
		const { client } = testClient();
		const [only] = await collect(
			client.listOrderWindows({ by: 'modified', from: '2024-05-01T09:00:00+08:00', to: '2024-05-01T11:00:00+08:00' }),
		);
		expect(only.trades).toEqual([trade(1, '2024-05-01 10:05:00')]);
		expect(top.calls).toHaveLength(1);
	});

	it('lists by created time first to last with has_next, and a caller that stops early saves calls', async () => {
		top = fakeTop((p) => {
			const page = Number(p.page_no);
			return topOk(p.method, { has_next: page < 3, trades: { trade: [trade(page * 10 + 1), trade(page * 10 + 2)] } });
		});
		const { client } = testClient();
		const query = { by: 'created', from: '2024-05-01T00:00:00+08:00', to: '2024-05-02T00:00:00+08:00', pageSize: 2 } as const;
		expect((await collect(client.listOrders(query))).map((t) => t.tid)).toEqual([11, 12, 21, 22, 31, 32]);
		expect(top.calls.map((c) => [c.method, c.page_no, c.use_has_next, c.start_created])).toEqual([
			['taobao.trades.sold.get', '1', 'true', '2024-05-01 00:00:00'],
			['taobao.trades.sold.get', '2', 'true', '2024-05-01 00:00:00'],
			['taobao.trades.sold.get', '3', 'true', '2024-05-01 00:00:00'],
		]);
		top.calls.length = 0;
		for await (const _first of client.listOrders(query)) break;
		expect(top.calls).toHaveLength(1);
	});

	it('treats a page without trades as empty (TOP omits empty lists)', async () => {
		top = fakeTop((p) => topOk(p.method, { total_results: 0 }));
		const { client } = testClient();
		const windows = await collect(
			client.listOrderWindows({ by: 'modified', from: '2024-05-01T09:00:00+08:00', to: '2024-05-01T09:05:00+08:00' }),
		);
		expect(windows[0].trades).toEqual([]);
		expect(top.calls).toHaveLength(1);
	});
});

describe('Taobao client: actions', () => {
	it('ships a whole order, and a split shipment with the line ids', async () => {
		top = fakeTop((p) => topOk(p.method, { shipping: { is_success: true } }));
		const { client } = testClient();
		await client.ship({ orderId: '4011234567890123457', trackingNo: 'SF123', companyCode: 'SF' });
		await client.ship({ orderId: '4011234567890123457', trackingNo: 'ZT9', companyCode: 'ZTO', lineIds: ['4011234567890123458', '4011234567890123459'] });
		expect(top.calls[0]).toMatchObject({ method: 'taobao.logistics.offline.send', tid: '4011234567890123457', out_sid: 'SF123', company_code: 'SF' });
		expect(top.calls[0].is_split).toBeUndefined();
		expect(top.calls[1]).toMatchObject({ is_split: '1', sub_tid: '4011234567890123458,4011234567890123459' });
	});

	it('fails a shipment TOP does not confirm', async () => {
		top = fakeTop((p) => topOk(p.method, { shipping: { is_success: false } }));
		const { client } = testClient();
		await expect(client.ship({ orderId: '1', trackingNo: 'x', companyCode: 'SF' })).rejects.toThrow(/did not confirm the shipment/);
	});

	it('updates the seller memo with its flag', async () => {
		top = fakeTop((p) => topOk(p.method, { trade: { tid: 1, modified: '2024-05-02 10:00:00' } }));
		const { client } = testClient();
		await client.updateMemo('1', '加急', 2);
		expect(top.calls[0]).toMatchObject({ method: 'taobao.trade.memo.update', tid: '1', memo: '加急', flag: '2' });
	});

	it('sets stock per SKU (full) or by merchant code (delta)', async () => {
		top = fakeTop((p) => topOk(p.method, { item: { num_iid: Number(p.num_iid), num: 7 } }));
		const { client } = testClient();
		await expect(client.updateStock({ itemId: '680012345678', skuId: '5012345678901', quantity: 5 })).resolves.toEqual({
			num_iid: 680012345678,
			num: 7,
		});
		await client.updateStock({ itemId: '680012345678', merchantCode: 'TEE-RED-M', quantity: -2, mode: 'delta' });
		expect(top.calls[0]).toMatchObject({ num_iid: '680012345678', sku_id: '5012345678901', quantity: '5', type: '1' });
		expect(top.calls[1]).toMatchObject({ outer_id: 'TEE-RED-M', quantity: '-2', type: '2' });
		expect(top.calls[1].sku_id).toBeUndefined();
	});

	it('lists SKUs: on-sale items, then each item with its SKUs', async () => {
		top = fakeTop((p) => {
			if (p.method === 'taobao.items.onsale.get') {
				return topOk(p.method, { total_results: 2, items: { item: [{ num_iid: 11 }, { num_iid: 22 }] } });
			}
			if (p.num_iid === '11') {
				return topOk(p.method, {
					item: {
						num_iid: 11,
						title: 'T恤',
						outer_id: 'TEE',
						skus: { sku: [{ sku_id: '5012345678901234567', outer_id: 'TEE-RED-M', properties_name: '颜色:红', quantity: 3 }] },
					},
				});
			}
			return topOk(p.method, { item: { num_iid: 22, title: '袜子', outer_id: 'SOCK', num: 9 } });
		});
		const { client } = testClient();
		const skus = await collect(client.listSkus());
		expect(skus.map(({ raw: _raw, ...s }) => s)).toEqual([
			{ itemId: '11', title: 'T恤', skuId: '5012345678901234567', merchantCode: 'TEE-RED-M', skuName: '颜色:红', quantity: 3, price: undefined },
			{ itemId: '22', title: '袜子', merchantCode: 'SOCK', quantity: 9, price: undefined },
		]);
		expect(top.methods()).toEqual(['taobao.items.onsale.get', 'taobao.item.seller.get', 'taobao.item.seller.get']);
	});

	it('lists refunds in a modified window and gets one refund', async () => {
		top = fakeTop((p) =>
			p.method === 'taobao.refund.get'
				? { status: 200, body: `{"refund_get_response":{"refund":{"refund_id":71234567890123456789,"status":"SUCCESS"}}}` }
				: topOk(p.method, { has_next: false, refunds: { refund: [{ refund_id: 1, status: 'WAIT_SELLER_AGREE' }] } }),
		);
		const { client } = testClient();
		const refunds = await collect(client.listRefunds({ from: '2024-05-01T00:00:00+08:00', to: '2024-05-02T00:00:00+08:00' }));
		expect(refunds).toEqual([{ refund_id: 1, status: 'WAIT_SELLER_AGREE' }]);
		expect(top.calls[0]).toMatchObject({ start_modified: '2024-05-01 00:00:00', end_modified: '2024-05-02 00:00:00', use_has_next: 'true' });
		await expect(client.getRefund('71234567890123456789')).resolves.toEqual({ refund_id: '71234567890123456789', status: 'SUCCESS' });
	});

	it('refreshes the access token without sending the old session', async () => {
		const tokenResult = JSON.stringify({ access_token: 'new-token', refresh_token: 'new-refresh', expires_in: 7776000 });
		top = fakeTop((p) => topOk(p.method, { token_result: tokenResult }));
		const { client } = testClient();
		await expect(client.refreshAccessToken()).resolves.toMatchObject({
			accessToken: 'new-token',
			refreshToken: 'new-refresh',
			expiresInSeconds: 7776000,
		});
		expect(top.calls[0]).toMatchObject({ method: 'taobao.top.auth.token.refresh', refresh_token: 'refresh-1' });
		expect(top.calls[0].session).toBeUndefined();
	});

	it('tests the connection with one tiny order list call', async () => {
		top = fakeTop((p) => topOk(p.method, { has_next: false }));
		const { client } = testClient();
		await expect(client.testConnection()).resolves.toEqual({ ok: true });
		expect(top.calls).toEqual([expect.objectContaining({ method: 'taobao.trades.sold.get', page_size: '1', fields: 'tid' })]);
	});
});
