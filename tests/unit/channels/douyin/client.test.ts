import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { AuthExpiredError, InvalidRequestError, MalformedResponseError, PermanentError, ThrottledError, TransientError, fetchHttpClient } from '../../../../lib/http';
import { createDouyinClient, douyinCompanyCode, DOUYIN_METHODS, DOUYIN_ORDER_WINDOW_MAX_MS } from '../../../../lib/channels/douyin/client';
import { DOUYIN_ERROR_CODE, douyinErrorClass } from '../../../../lib/channels/douyin/codes';
import { douyinCredentialsFrom, signDouyin } from '../../../../lib/channels/douyin/sign';
import { isoFromMillis } from '../../../../lib/model';

const HOST = 'https://openapi-fxg.jinritemai.com';
const NOW = Date.parse('2024-05-03T12:00:00+08:00');
const TS = String(Math.floor(NOW / 1000));
const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/channels/douyin', name), 'utf8');
type Body = Record<string, unknown>;

function testClient(extra: { refreshToken?: string; onTokenRefreshed?: (t: unknown) => void; autoRefresh?: boolean } = {}) {
	const credentials = douyinCredentialsFrom({ appKey: 'app-1', appSecret: 'secret-1', accessToken: 'TOKEN-1', refreshToken: extra.refreshToken, shopId: '4463798' });
	return createDouyinClient({
		credentials,
		http: fetchHttpClient(),
		now: () => NOW,
		onTokenRefreshed: extra.onTokenRefreshed,
		autoRefresh: extra.autoRefresh,
		retry: { maxAttempts: 3 },
		retryDeps: { sleep: async () => undefined, random: () => 0 },
	});
}

/**
 * A call to `method` on its own path whose query carries correctly signed system params (signed over the
 * exact body text) and whose param_json passes `check`.
 */
function gateway(method: string, check: (b: Body) => boolean = () => true, token: string | null = 'TOKEN-1') {
	let query: Record<string, unknown> | undefined;
	let bodyText: string | undefined;
	// nock reads query and body in its own order: whichever comes second checks the sign.
	const signed = () => {
		if (query === undefined || bodyText === undefined) return true;
		const q = query;
		const paramJson = bodyText;
		query = undefined;
		bodyText = undefined;
		const sign = signDouyin({ appKey: 'app-1', appSecret: 'secret-1', method, paramJson, timestamp: TS });
		return q.app_key === 'app-1' && q.method === method && q.timestamp === TS && q.v === '2' && q.sign_method === 'hmac-sha256' && q.sign === sign && q.access_token === (token ?? undefined);
	};
	return nock(HOST)
		.post('/' + method.replace('.', '/'), (b: unknown) => {
			const text = typeof b === 'string' ? b : JSON.stringify(b);
			bodyText = text;
			return signed() && check(JSON.parse(text) as Body);
		})
		.query((q) => {
			query = q;
			return signed();
		});
}
const ok = (data: unknown) => ({ code: 10000, msg: 'success', sub_code: '', sub_msg: '', log_id: 'L', data });
const fail = (code: number, msg: string, subCode = '', subMsg = '') => ({ code, msg, sub_code: subCode, sub_msg: subMsg, log_id: 'L-ERR', data: null });
const order = () => JSON.parse(fixture('shop-order.json'));
const listPage = (ids: string[], total: number, page = 0, size = 100) => ok({ page, size, total, shop_order_list: ids.map((order_id) => ({ ...order(), order_id })) });

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
	const out: T[] = [];
	for await (const item of iterable) out.push(item);
	return out;
};
const iso = (msAgo: number) => isoFromMillis(NOW - msAgo);
const HOUR = 3_600_000;

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('Douyin client: orders', () => {
	it('gets one order (order.orderDetail) with big ids exact', async () => {
		gateway('order.orderDetail', (b) => b.shop_order_id === '6920000000000000001').reply(200, fixture('order-detail.json'));
		const got = await testClient().getOrder('6920000000000000001');
		expect(got.order_id).toBe('6920000000000000001');
		expect((got.sku_order_list as Body[])[0].product_id).toBe('3512345678901234567');
	});

	it('lists by creation time in one page: the list carries whole orders, so no detail call', async () => {
		gateway('order.searchList', (b) => b.order_by === 'create_time' && b.page === 0 && b.size === 100 && b.create_time_end === Math.floor(NOW / 1000) - 1)
			.reply(200, listPage(['1', '2'], 2));
		const client = testClient();
		const orders = await collect(client.listOrders({ by: 'created', from: iso(HOUR), to: iso(0) }));
		expect(orders.map((o) => o.order_id)).toEqual(['1', '2']);
		expect(client.stats.byMethod).toEqual({ 'order.searchList': 1 });
	});

	it('fetches order.orderDetail only for a listed order lacking fields', async () => {
		gateway('order.searchList').reply(200, ok({ page: 0, size: 100, total: 2, shop_order_list: [{ ...order(), order_id: '1' }, { order_id: '2', order_status: 2 }] }));
		gateway('order.orderDetail', (b) => b.shop_order_id === '2').reply(200, ok({ shop_order_detail: { ...order(), order_id: '2' } }));
		const client = testClient();
		const orders = await collect(client.listOrders({ by: 'created', from: iso(HOUR), to: iso(0) }));
		expect(orders.map((o) => [o.order_id, Array.isArray(o.sku_order_list)])).toEqual([['1', true], ['2', true]]);
		expect(client.stats.byMethod).toEqual({ 'order.searchList': 1, 'order.orderDetail': 1 });
	});

	it('pages forward by creation time (0-based pages) and splits ranges into windows of the [I] maximum', async () => {
		const ids = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
		gateway('order.searchList', (b) => b.page === 0 && b.size === 2).reply(200, listPage(ids(2, 'a'), 3, 0, 2));
		gateway('order.searchList', (b) => b.page === 1 && b.size === 2).reply(200, listPage(['a2'], 3, 1, 2));
		gateway('order.searchList', (b) => b.page === 0).reply(200, listPage([], 0, 0, 2));
		const client = testClient();
		const windows = await collect(client.listOrderWindows({ by: 'created', from: iso(DOUYIN_ORDER_WINDOW_MAX_MS + HOUR), to: iso(0), pageSize: 2 }));
		expect(windows).toHaveLength(2);
		expect(windows.map((w) => w.orders.map((o) => o.order_id))).toEqual([['a0', 'a1', 'a2'], []]);
		expect(client.stats.requests).toBe(3);
	});

	it('walks update-time pages last to first (page 0 read again last), reports each order once, filters statuses', async () => {
		const check = (page: number) => (b: Body) => b.order_by === 'update_time' && b.page === page && JSON.stringify(b.combine_status) === '[{"order_status":"2,105"}]' && b.update_time_start !== undefined;
		gateway('order.searchList', check(0)).reply(200, listPage(['x', 'y'], 3, 0, 2));
		gateway('order.searchList', check(1)).reply(200, listPage(['z'], 3, 1, 2));
		gateway('order.searchList', check(0)).reply(200, listPage(['x', 'y'], 3, 0, 2));
		const orders = await collect(testClient().listOrders({ by: 'modified', from: iso(HOUR), to: iso(0), statuses: [2, 105], pageSize: 2 }));
		expect(orders.map((o) => o.order_id)).toEqual(['z', 'x', 'y']);
	});

	it('halves a window that holds more rows than one query may page through', async () => {
		gateway('order.searchList', (b) => b.page === 0 && b.create_time_start === Math.floor((NOW - HOUR) / 1000) && b.create_time_end === Math.floor(NOW / 1000) - 1).reply(200, listPage([], 20_000));
		gateway('order.searchList', (b) => b.page === 0).times(2).reply(200, listPage(['h'], 1));
		const orders = await collect(testClient().listOrders({ by: 'created', from: iso(HOUR), to: iso(0) }));
		expect(orders.map((o) => o.order_id)).toEqual(['h']);
	});

	it('ships with our carrier id mapped to the Douyin company code; an unknown carrier is a clear error before any call', async () => {
		gateway('order.logisticsAdd', (b) => b.order_id === '6920000000000000001' && b.company_code === 'shunfeng' && b.logistics_code === 'SF1').reply(200, ok({}));
		const shipped = await testClient().ship({ orderId: '6920000000000000001', trackingNo: 'SF1', carrier: 'sf' });
		expect(shipped).toMatchObject({ companyCode: 'shunfeng' });
		gateway('order.logisticsAdd', (b) => b.company_code === 'zhongtong' && b.is_refund_reject === true).reply(200, ok({}));
		await testClient().ship({ orderId: '1', trackingNo: 'Z1', carrier: 'zhongtong', ignoreRefundRequest: true });
		const err = await testClient().ship({ orderId: '1', trackingNo: 'X1', carrier: 'pigeon-post' }).catch((e) => e);
		expect(err).toBeInstanceOf(InvalidRequestError);
		expect(err.message).toMatch(/pigeon-post/);
		expect(err.message).toMatch(/company_code/);
		expect(douyinCompanyCode('yto')).toBe('yuantong');
	});

	it('writes a remark with an optional flag', async () => {
		gateway('order.addOrderRemark', (b) => b.order_id === '1' && b.remark === '加急' && b.star === '5' && b.is_add_star === 'true').reply(200, ok({}));
		await expect(testClient().addMemo({ orderId: '1', memo: '加急', star: 5 })).resolves.toMatchObject({ orderId: '1' });
		await expect(testClient().addMemo({ orderId: '1', memo: 'x', star: 9 })).rejects.toBeInstanceOf(InvalidRequestError);
	});
});

describe('Douyin client: stock, SKUs, after-sales, tokens', () => {
	it('sets stock in full, or adds with an idempotency id (sku.syncStock)', async () => {
		gateway('sku.syncStock', (b) => b.sku_id === '111' && b.stock_num === 5 && b.incremental === false && b.idempotent_id === undefined).reply(200, ok({}));
		gateway('sku.syncStock', (b) => b.code === 'CUP' && b.stock_num === -2 && b.incremental === true && b.idempotent_id === 'mv-1').reply(200, ok({}));
		const client = testClient();
		await client.updateStock({ skuId: '111', quantity: 5 });
		await client.updateStock({ code: 'CUP', quantity: -2, mode: 'delta', idempotentId: 'mv-1' });
		await expect(client.updateStock({ skuId: '111', quantity: -1 })).rejects.toBeInstanceOf(InvalidRequestError);
		await expect(client.updateStock({ skuId: '111', quantity: 1, mode: 'delta' })).rejects.toThrow(/idempotency/);
		expect(client.stats.requests).toBe(2);
	});

	it('lists SKUs product by product', async () => {
		// Ids beyond 2^53 arrive as bare JSON numbers and must survive.
		gateway('product.listV2', (b) => b.page === 1 && b.size === 100).reply(200, '{"code":10000,"msg":"success","data":{"total":1,"data":[{"product_id":3512345678901234567,"name":"保温杯"}]}}');
		gateway('sku.list', (b) => b.product_id === '3512345678901234567').reply(
			200,
			'{"code":10000,"msg":"success","data":[{"id":1789012345678901234,"product_id":3512345678901234567,"code":"CUP","spec_detail_name1":"红色","stock_num":7,"price":8400}]}',
		);
		const skus = await collect(testClient().listSkus());
		expect(skus.map(({ raw: _raw, ...s }) => s)).toEqual([{ productId: '3512345678901234567', skuId: '1789012345678901234', merchantCode: 'CUP', title: '保温杯', skuName: '红色', quantity: 7, price: 8400 }]);
	});

	it('lists after-sales by apply or update time with has_more paging, and gets one', async () => {
		gateway('afterSale.List', (b) => b.page === 0 && b.start_time !== undefined && b.order_id === '9').reply(200, ok({ total: 2, has_more: true, items: [{ aftersale_id: 'A1' }] }));
		gateway('afterSale.List', (b) => b.page === 1).reply(200, ok({ total: 2, has_more: false, items: [{ aftersale_id: 'A2' }] }));
		gateway('afterSale.List', (b) => b.update_start_time !== undefined).reply(200, ok({ total: 0, has_more: false, items: [] }));
		const client = testClient();
		expect((await collect(client.listAfterSales({ from: iso(HOUR), to: iso(0), orderId: '9' }))).map((a) => a.aftersale_id)).toEqual(['A1', 'A2']);
		expect(await collect(client.listAfterSales({ from: iso(HOUR), to: iso(0), by: 'modified' }))).toEqual([]);
		gateway('afterSale.Detail', (b) => b.after_sale_id === '7123').reply(200, ok({ process_info: { after_sale_info: { aftersale_id: 7123 } } }));
		await expect(client.getAfterSale('7123')).resolves.toMatchObject({ process_info: { after_sale_info: { aftersale_id: 7123 } } });
	});

	it('creates a token for a self-use app and refreshes it, without sending an access token', async () => {
		const pair = { access_token: 'NEW', refresh_token: 'R2', expires_in: 604800, shop_id: 4463798, shop_name: '店' };
		gateway('token.create', (b) => b.grant_type === 'authorization_self' && b.shop_id === '4463798' && b.code === '', null).reply(200, ok(pair));
		gateway('token.refresh', (b) => b.grant_type === 'refresh_token' && b.refresh_token === 'R2', null).reply(200, ok({ ...pair, access_token: 'NEWER' }));
		const renewed: unknown[] = [];
		const client = testClient({ onTokenRefreshed: (t) => renewed.push(t) });
		await expect(client.createToken({ selfShopId: '4463798' })).resolves.toMatchObject({ accessToken: 'NEW', refreshToken: 'R2', expiresIn: 604800, shopId: '4463798' });
		await expect(client.refreshAccessToken()).resolves.toMatchObject({ accessToken: 'NEWER' });
		expect(renewed).toHaveLength(2);
		await expect(client.createToken({})).rejects.toBeInstanceOf(InvalidRequestError);
	});

	it('renews an expired access token once with the refresh token and repeats the call', async () => {
		gateway('order.orderDetail').reply(200, fail(DOUYIN_ERROR_CODE.accessTokenExpired, 'access_token已过期', 'isv.access-token-expired'));
		gateway('token.refresh', (b) => b.refresh_token === 'R1', null).reply(200, ok({ access_token: 'TOKEN-2', refresh_token: 'R2', expires_in: 100 }));
		gateway('order.orderDetail', () => true, 'TOKEN-2').reply(200, fixture('order-detail.json'));
		const client = testClient({ refreshToken: 'R1' });
		await expect(client.getOrder('6920000000000000001')).resolves.toMatchObject({ order_id: '6920000000000000001' });
		expect(client.stats.byMethod).toEqual({ 'order.orderDetail': 2, 'token.refresh': 1 });
	});

	it('test connection is a one-row list over the last hour', async () => {
		gateway('order.searchList', (b) => b.size === 1 && b.page === 0 && Number(b.create_time_end) - Number(b.create_time_start) === 3600).reply(200, listPage([], 0));
		await expect(testClient().testConnection()).resolves.toEqual({ ok: true });
	});
});

describe('Douyin client: error classes', () => {
	const call = () => testClient().getOrder('1');
	it.each([
		['throttle (retried, then thrown)', fail(DOUYIN_ERROR_CODE.throttled, '调用频率超限', 'isp.frequency-limit'), ThrottledError, 3],
		['expired token without a refresh token', fail(DOUYIN_ERROR_CODE.accessTokenExpired, 'access_token已过期'), AuthExpiredError, 1],
		['permission', fail(DOUYIN_ERROR_CODE.permissionDenied, '权限不足', 'isv.permission-denied'), PermanentError, 1],
		['invalid parameters', fail(DOUYIN_ERROR_CODE.invalidParam, '非法的参数', 'isv.invalid-parameter', 'shop_order_id'), InvalidRequestError, 1],
		['service unavailable (retried)', fail(DOUYIN_ERROR_CODE.serviceUnavailable, '服务不可用'), TransientError, 3],
		['an unknown code (not retried)', fail(77777, '未知'), PermanentError, 1],
	])('%s', async (_name, body, errorClass, attempts) => {
		gateway('order.orderDetail').times(attempts).reply(200, body);
		const err = await call().catch((e) => e);
		expect(err).toBeInstanceOf(errorClass);
		expect(err.code).toBe(body.code);
		expect(err.message).toContain(String(body.code));
		expect(err.message).toContain('4463798');
		expect(err.message).toContain('L-ERR');
	});

	it('the permission hint names the 权限包; the token hint names the refresh token', async () => {
		gateway('order.orderDetail').reply(200, fail(DOUYIN_ERROR_CODE.permissionDenied, '权限不足'));
		expect((await call().catch((e) => e)).message).toMatch(/权限包/);
		gateway('order.orderDetail').reply(200, fail(DOUYIN_ERROR_CODE.accessTokenInvalid, 'access_token不存在'));
		expect((await call().catch((e) => e)).message).toMatch(/Refresh Token/);
	});

	it('a cut-off body is retried as transient; an HTTP 5xx too', async () => {
		gateway('order.orderDetail').times(3).reply(200, '{"code":10000,"data":{');
		await expect(call()).rejects.toBeInstanceOf(MalformedResponseError);
		gateway('order.orderDetail').reply(502, 'bad gateway');
		gateway('order.orderDetail').reply(200, fixture('order-detail.json'));
		await expect(call()).resolves.toMatchObject({ order_id: '6920000000000000001' });
	});

	it('classes: sub codes win over codes; unknown codes are unknown', () => {
		expect(douyinErrorClass(DOUYIN_ERROR_CODE.invalidParam, 'isp.frequency-limit')).toBe('throttle');
		expect(douyinErrorClass(DOUYIN_ERROR_CODE.accessTokenExpired)).toBe('token_expired');
		expect(douyinErrorClass(DOUYIN_ERROR_CODE.permissionDenied)).toBe('permission');
		expect(douyinErrorClass(12345)).toBe('unknown');
		expect(DOUYIN_METHODS.listOrdersByUpdated.pagingDirection).toBe('lastToFirst');
	});
});
