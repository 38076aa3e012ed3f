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
import { JD_METHODS, ORDER_FIELDS } from '../../../../lib/channels/jd/client';
import { fakeJos, josError, josOk, testClient, type FakeJos, type JosCall } from './fakeJos';

const fixtureText = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/channels/jd', name), 'utf8');

let jos: FakeJos | undefined;
beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	jos = undefined;
	nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
	const out: T[] = [];
	for await (const item of iterable) out.push(item);
	return out;
};

describe('JD client: request core', () => {
	it('sends a signed form POST with JOS system parameters and the order id as an exact bare number', async () => {
		jos = fakeJos(() => ({ status: 200, body: fixtureText('order-get.json') }));
		const { client } = testClient();
		const order = await client.getOrder('3014567890123456789');
		expect(order.orderId).toBe('3014567890123456789');
		const [call] = jos.calls;
		expect(call.params).toMatchObject({
			method: 'jingdong.pop.order.get',
			app_key: 'yourappkey',
			access_token: 'token-1',
			timestamp: '2024-05-02 10:00:00',
			v: '2.0',
			format: 'json',
		});
		expect(call.params).not.toHaveProperty('sign_method');
		expect(call.paramJson).toContain('"order_id":3014567890123456789');
		expect(call.business).toEqual({ order_id: '3014567890123456789', optional_fields: ORDER_FIELDS });
		expect(client.stats).toEqual({ requests: 1, byMethod: { 'jingdong.pop.order.get': 1 } });
	});

	it('retries App Call Limited (code 2) with backoff, then succeeds', async () => {
		jos = fakeJos((_c, n) => (n === 1 ? JSON.parse(fixtureText('error-throttled.json')) : { status: 200, body: fixtureText('order-get.json') }));
		const { client, delays } = testClient();
		await expect(client.getOrder('3014567890123456789')).resolves.toBeDefined();
		expect(jos.calls).toHaveLength(2);
		expect(delays).toEqual([250]);
	});

	it('gives up on a throttle that lasts with a ThrottledError naming shop, method and code', async () => {
		jos = fakeJos(() => JSON.parse(fixtureText('error-throttled.json')));
		const { client } = testClient();
		const error = await client.getOrder('1').catch((e) => e);
		expect(error).toBeInstanceOf(ThrottledError);
		expect(error.message).toMatch(/^jd shop 10139288: jingdong\.pop\.order\.get for order 1 failed with code 2 \(限制时间内调用失败次数 \/ App Call Limited\)/);
		expect(jos.calls).toHaveLength(5);
	});

	it('maps an invalid access token (code 19) to AuthExpiredError with what to do, without retrying', async () => {
		jos = fakeJos(() => JSON.parse(fixtureText('error-invalid-token.json')));
		const { client } = testClient();
		const error = await client.getOrder('123').catch((e) => e);
		expect(error).toBeInstanceOf(AuthExpiredError);
		expect(error).toMatchObject({ provider: 'jd', shopId: '10139288', code: '19', orderId: '123' });
		expect(error.message).toMatch(/code 19 \(无效access_token \/ Invalid access_token\).*re-authorize the shop.*Access Token/);
		expect(jos.calls).toHaveLength(1);
	});

	it.each([
		['an invalid signature', josError('12', '无效签名', 'Invalid Signature'), InvalidRequestError],
		['a stale timestamp', josError('8', '非法的时间戳参数', 'Invalid Timestamp'), InvalidRequestError],
		['an unknown gateway code', josError('66', '未知错误', 'Unknown'), PermanentError],
		['a business code inside the _responce', josOk('jingdong.pop.order.get', { code: '1', zh_desc: '订单不存在' }), InvalidRequestError],
		[
			'apiResult success false',
			josOk('jingdong.pop.order.get', { orderDetailInfo: { apiResult: { success: false, chineseErrCode: '非本商家订单', englishErrCode: 'not_vender_order', numberCode: 10100 } } }),
			InvalidRequestError,
		],
	])('does not retry %s', async (_name, reply, errorClass) => {
		jos = fakeJos(() => reply);
		const { client } = testClient();
		const error = await client.getOrder('123').catch((e) => e);
		expect(error).toBeInstanceOf(errorClass);
		expect(jos.calls).toHaveLength(1);
	});

	it('names the business refusal JD gave', async () => {
		jos = fakeJos(() =>
			josOk('jingdong.pop.order.get', { orderDetailInfo: { apiResult: { success: false, chineseErrCode: '非本商家订单', englishErrCode: 'not_vender_order', numberCode: 10100 } } }),
		);
		const error = await testClient().client.getOrder('123').catch((e) => e);
		expect(error).toMatchObject({ code: 10100, subCode: 'biz.not_vender_order' });
		expect(error.message).toContain('(非本商家订单)');
	});

	it.each([
		['a 502 gateway page', { status: 502, body: '<html><h1>502 Bad Gateway</h1></html>' }],
		['a cut-off body', { status: 200, body: '{"jingdong_pop_order_get_responce":{"code":"0","orderDetailInfo":' }],
		['an answer for another method', josOk('jingdong.pop.order.search', {})],
	])('retries %s as transient', async (_name, failure) => {
		jos = fakeJos((_c, n) => (n === 1 ? failure : { status: 200, body: fixtureText('order-get.json') }));
		const { client } = testClient();
		await expect(client.getOrder('3014567890123456789')).resolves.toBeDefined();
		expect(jos.calls).toHaveLength(2);
	});

	it('reports a body that stays malformed as a transient error after the bounded attempts', async () => {
		jos = fakeJos(() => ({ status: 200, body: 'not json' }));
		const error = await testClient().client.getOrder('1').catch((e) => e);
		expect(error).toBeInstanceOf(MalformedResponseError);
		expect(error).toBeInstanceOf(TransientError);
		expect(jos.calls).toHaveLength(5);
	});

	it('refuses an order id that is not digits before calling, and an order.get without orderInfo', async () => {
		jos = fakeJos(() => josOk('jingdong.pop.order.get', { orderDetailInfo: { apiResult: { success: true } } }));
		const { client } = testClient();
		await expect(client.getOrder('12a')).rejects.toBeInstanceOf(InvalidRequestError);
		expect(jos.calls).toHaveLength(0);
		await expect(client.getOrder('12')).rejects.toThrow(/no orderInfo/);
	});
});

/** A JD order.search gateway over a list of (orderId, modified) rows sorted oldest first. */
function searchOver(rows: () => Array<{ orderId: string | number; modified: string }>) {
	return (call: JosCall) => {
		const all = rows();
		const page = Number(call.business.page);
		const size = Number(call.business.page_size);
		return josOk(call.method, {
			searchorderinfo_result: {
				apiResult: { success: true },
				orderTotal: all.length,
				orderInfoList: all.slice((page - 1) * size, page * size),
			},
		});
	};
}

const rowsOf = (count: number, base = 0) =>
	Array.from({ length: count }, (_, i) => ({ orderId: base + i + 1, modified: `2024-05-01 ${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00` }));

describe('JD client: order lists', () => {
	const query = { by: 'modified', from: '2024-05-01T00:00:00+08:00', to: '2024-05-02T00:00:00+08:00' } as const;

	it('pages oldest first, one call per page of 100, with the JD search parameters', async () => {
		const rows = rowsOf(250);
		jos = fakeJos(searchOver(() => rows));
		const { client } = testClient();
		const [only] = await collect(client.listOrderWindows(query));
		expect(only.orders).toHaveLength(250);
		expect(jos.calls.map((c) => c.business.page)).toEqual(['1', '2', '3']);
		expect(jos.calls[0].business).toMatchObject({
			start_date: '2024-05-01 00:00:00',
			end_date: '2024-05-02 00:00:00',
			page_size: '100',
			dateType: '0',
			sortType: '0',
			optional_fields: ORDER_FIELDS,
			order_state: 'WAIT_SELLER_STOCK_OUT,WAIT_SELLER_DELIVERY,WAIT_SEND_CODE,WAIT_GOODS_RECEIVE_CONFIRM,FINISHED_L,TRADE_CANCELED,LOCKED,PAUSE,POP_ORDER_PAUSE',
		});
		expect(jos.calls[0].params.method).toBe(JD_METHODS.listOrders.apiMethod);
	});

	it('costs one call when nothing is new', async () => {
		jos = fakeJos(searchOver(() => []));
		const { client } = testClient();
		const windows = await collect(client.listOrderWindows(query));
		expect(windows).toEqual([{ window: { from: '2024-05-01T00:00:00.000+08:00', to: '2024-05-02T00:00:00.000+08:00' }, orders: [] }]);
		expect(jos.calls).toHaveLength(1);
	});

	it('splits ranges longer than a month into 30-day windows and lists by created time on request', async () => {
		jos = fakeJos(searchOver(() => []));
		const { client } = testClient();
		await collect(client.listOrders({ by: 'created', from: '2024-01-01T00:00:00+08:00', to: '2024-03-01T00:00:00+08:00', status: 'FINISHED_L' }));
		expect(jos.calls.map((c) => [c.business.start_date, c.business.end_date, c.business.dateType, c.business.order_state])).toEqual([
			['2024-01-01 00:00:00', '2024-01-31 00:00:00', '1', 'FINISHED_L'],
			['2024-01-31 00:00:00', '2024-03-01 00:00:00', '1', 'FINISHED_L'],
		]);
	});

	it('walks the window again when an order moved while it was read, so none slips between pages', async () => {
		const rows = rowsOf(250);
		let moved = false;
		jos = fakeJos((call) => {
			// After page 1 is read, order 5 is modified: it leaves its place and lands at the end.
			if (call.business.page === '2' && !moved) {
				moved = true;
				const [five] = rows.splice(4, 1);
				rows.push({ ...five, modified: '2024-05-01 23:59:59' });
			}
			return searchOver(() => rows)(call);
		});
		const { client } = testClient();
		const [only] = await collect(client.listOrderWindows(query));
		expect(only.orders.map((o) => Number(o.orderId)).sort((a, b) => a - b)).toEqual(rows.map((r) => r.orderId).sort((a, b) => Number(a) - Number(b)));
		expect(only.orders.find((o) => o.orderId === 5)?.modified).toBe('2024-05-01 23:59:59');
		expect(jos.calls.map((c) => c.business.page)).toEqual(['1', '2', '3', '1', '2', '3']);
	});

	it('walks again when the total drops (an order left the window mid-walk)', async () => {
		const rows = rowsOf(150);
		jos = fakeJos((call, n) => {
			if (n === 2) rows.splice(0, 1);
			return searchOver(() => rows)(call);
		});
		const { client } = testClient();
		const [only] = await collect(client.listOrderWindows(query));
		expect(only.orders).toHaveLength(150);
		expect(jos.calls).toHaveLength(4);
	});

	it('gives up with a transient error on a list that never holds still', async () => {
		const rows = rowsOf(150);
		jos = fakeJos((call) => {
			rows.push({ orderId: 10_000 + rows.length, modified: '2024-05-01 23:00:00' });
			return searchOver(() => rows)(call);
		});
		const { client } = testClient();
		const error = await collect(client.listOrders(query)).catch((e) => e);
		expect(error).toBeInstanceOf(TransientError);
		expect(error.message).toMatch(/jd shop 10139288: jingdong\.pop\.order\.search failed \(the list kept changing while it was read \(3 walks\)\)/);
	});

	it('lists newest first on request (sortType 1)', async () => {
		jos = fakeJos(searchOver(() => []));
		await collect(testClient().client.listOrders({ ...query, newestFirst: true }));
		expect(jos.calls[0].business.sortType).toBe('1');
	});

	it('yields each snapshot once lazily, and a caller that stops early saves calls', async () => {
		const rows = rowsOf(250);
		jos = fakeJos(searchOver(() => rows));
		const { client } = testClient();
		for await (const _first of client.listOrders(query)) break;
		expect(jos.calls).toHaveLength(1);
	});
});

describe('JD client: actions', () => {
	const shipped = (call: JosCall) => josOk(call.method, { sopjosshipment_result: { success: true } });

	it('ships with a JD carrier id, or translates our carrier id', async () => {
		jos = fakeJos(shipped);
		const { client } = testClient();
		await client.ship({ orderId: '3014567890123456789', trackingNo: 'SF1402384910237', companyCode: '467' });
		await client.ship({ orderId: '3014567890123456789', trackingNo: 'ZT1,ZT2', companyCode: 'zto' });
		await client.ship({ orderId: '3014567890123456789', trackingNo: 'YD1', companyCode: '韵达快递' });
		expect(jos.calls.map((c) => c.business)).toEqual([
			{ orderId: '3014567890123456789', logiCoprId: '467', logiNo: 'SF1402384910237' },
			{ orderId: '3014567890123456789', logiCoprId: '1499', logiNo: 'ZT1,ZT2' },
			{ orderId: '3014567890123456789', logiCoprId: '1327', logiNo: 'YD1' },
		]);
		expect(jos.calls[0].paramJson).toContain('"orderId":3014567890123456789');
	});

	it('refuses line ids, an unknown carrier and an unconfirmed shipment', async () => {
		jos = fakeJos((call) => josOk(call.method, { sopjosshipment_result: { success: false, chineseErrCode: '运单号不符合规则' } }));
		const { client } = testClient();
		await expect(client.ship({ orderId: '1', trackingNo: 'x', companyCode: '467', lineIds: ['1'] })).rejects.toThrow(/JD ships whole orders/);
		await expect(client.ship({ orderId: '1', trackingNo: 'x', companyCode: 'pigeon' })).rejects.toBeInstanceOf(InvalidRequestError);
		expect(jos.calls).toHaveLength(0);
		const error = await client.ship({ orderId: '1', trackingNo: 'x', companyCode: '467' }).catch((e) => e);
		expect(error).toBeInstanceOf(InvalidRequestError);
		expect(error.message).toContain('运单号不符合规则');
	});

	it('updates the seller memo (venderRemark) with its flag', async () => {
		jos = fakeJos((call) => josOk(call.method, { modifyvenderremark_result: { success: true } }));
		await testClient().client.updateMemo('3014567890123456789', '加急', 2);
		expect(jos.calls[0]).toMatchObject({
			method: 'jingdong.pop.order.modifyVenderRemark',
			business: { order_id: '3014567890123456789', remark: '加急', flag: 2 },
		});
	});

	it('sets SKU stock in full and refuses what JD cannot do', async () => {
		jos = fakeJos((call) => josOk(call.method, { success: true }));
		const { client } = testClient();
		await client.updateStock({ skuId: '100012043978', quantity: 5 });
		expect(jos.calls[0]).toMatchObject({ method: 'jingdong.stock.write.updateSkuStock', business: { skuId: 100012043978, stockNum: 5 } });
		await expect(client.updateStock({ skuId: '1', quantity: -2, mode: 'delta' })).rejects.toThrow(/only sets stock/);
		await expect(client.updateStock({ merchantCode: 'X', quantity: 2 })).rejects.toThrow(/no SKU id/);
		await expect(client.updateStock({ skuId: '1', quantity: 1.5 })).rejects.toBeInstanceOf(InvalidRequestError);
		expect(jos.calls).toHaveLength(1);
	});

	it('fails a stock update JD does not confirm', async () => {
		jos = fakeJos((call) => josOk(call.method, { success: false }));
		await expect(testClient().client.updateStock({ skuId: '1', quantity: 1 })).rejects.toBeInstanceOf(InvalidRequestError);
	});

	it('lists SKUs page by page', async () => {
		const skus = Array.from({ length: 60 }, (_, i) => ({ skuId: 100000000000 + i, wareId: 900, outerId: `C-${i}`, skuName: `杯 ${i}`, wareTitle: '陶瓷杯', jdPrice: '9.90', stockNum: i }));
		jos = fakeJos((call) => {
			const page = Number(call.business.pageNo);
			const size = Number(call.business.pageSize);
			return josOk(call.method, { page: { data: skus.slice((page - 1) * size, page * size), pageNo: page, pageSize: size, totalItem: skus.length } });
		});
		const listed = await collect(testClient().client.listSkus());
		expect(listed).toHaveLength(60);
		expect(listed[1]).toMatchObject({ itemId: '900', skuId: '100000000001', merchantCode: 'C-1', title: '陶瓷杯', skuName: '杯 1', quantity: 1, price: '9.90' });
		expect(jos.calls.map((c) => [c.business.pageNo, c.business.pageSize])).toEqual([[1, 50], [2, 50]]);
	});

	it('lists refund applications in 7-day apply-time windows and gets one by id', async () => {
		const body = JSON.parse(fixtureText('refundapply-querypagelist.json'));
		jos = fakeJos((call) => (call.business.ids ? { status: 200, body: fixtureText('refundapply-querypagelist.json') } : body));
		const { client } = testClient();
		const refunds = await collect(client.listRefunds({ from: '2024-02-20T00:00:00+08:00', to: '2024-03-01T00:00:00+08:00', status: '3' }));
		expect(jos.calls.map((c) => [c.business.applyTimeStart, c.business.applyTimeEnd, c.business.status, c.business.pageSize])).toEqual([
			['2024-02-20 00:00:00', '2024-02-27 00:00:00', '3', 50],
			['2024-02-27 00:00:00', '2024-03-01 00:00:00', '3', 50],
		]);
		expect(refunds.map((r) => r.id)).toEqual([21004455667, 21004455700]);
		jos.calls.length = 0;
		await expect(client.getRefund('21004455700')).resolves.toMatchObject({ orderId: '3014567890123456789', status: 0 });
		expect(jos.calls[0].business).toEqual({ ids: '21004455700', pageIndex: 1, pageSize: 1 });
		await expect(client.getRefund('42')).rejects.toThrow(/no refund application 42/);
	});

	it('refreshes the access token at the OAuth endpoint', async () => {
		const scope = nock('http://jos.test')
			.get('/oauth2/refresh_token')
			.query({ app_key: 'yourappkey', app_secret: 'yourappSecret', grant_type: 'refresh_token', refresh_token: 'refresh-1' })
			.reply(200, { access_token: 'new-token', refresh_token: 'new-refresh', expires_in: 2592000, open_id: 'x' });
		await expect(testClient().client.refreshAccessToken()).resolves.toMatchObject({
			accessToken: 'new-token',
			refreshToken: 'new-refresh',
			expiresInSeconds: 2592000,
		});
		expect(scope.isDone()).toBe(true);
	});

	it('says to re-authorize when the refresh token is refused or missing', async () => {
		nock('http://jos.test').get('/oauth2/refresh_token').query(true).reply(200, { code: 1004, msg: 'refresh_token已过期' });
		const error = await testClient().client.refreshAccessToken().catch((e) => e);
		expect(error).toBeInstanceOf(AuthExpiredError);
		expect(error.message).toMatch(/code 1004 \(refresh_token已过期\).*re-authorize/);
		await expect(testClient({ refreshToken: undefined }).client.refreshAccessToken()).rejects.toThrow(/no refresh token/);
	});

	it('tests the connection with one tiny order list call', async () => {
		jos = fakeJos((call) => josOk(call.method, { searchorderinfo_result: { apiResult: { success: true }, orderTotal: 0 } }));
		await expect(testClient().client.testConnection()).resolves.toEqual({ ok: true });
		expect(jos.calls.map((c) => c.business)).toEqual([{ order_state: 'WAIT_SELLER_STOCK_OUT', optional_fields: 'orderId', page: '1', page_size: '1' }]);
	});
});
