import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { AuthExpiredError, InvalidRequestError, MalformedResponseError, PermanentError, ThrottledError, TransientError, fetchHttpClient } from '../../../../lib/http';
import { createXhsClient, XHS_METHODS } from '../../../../lib/channels/xiaohongshu/client';
import { XHS_ERROR_CODE } from '../../../../lib/channels/xiaohongshu/codes';
import { signXhs, xhsCredentialsFrom } from '../../../../lib/channels/xiaohongshu/sign';

const HOST = 'https://ark.xiaohongshu.com';
const PATH = '/ark/open_api/v3/common_controller';
const NOW = Date.parse('2024-05-03T12:00:00+08:00');
const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/channels/xiaohongshu', name), 'utf8');
type Body = Record<string, unknown>;

function testClient(extra: { refreshToken?: string; onTokenRefreshed?: (t: unknown) => void } = {}) {
	const credentials = xhsCredentialsFrom({ appId: 'app-1', appSecret: 'secret-1', accessToken: 'TOKEN-1', refreshToken: extra.refreshToken, sellerId: 'seller-1' });
	return createXhsClient({
		credentials,
		http: fetchHttpClient(),
		now: () => NOW,
		onTokenRefreshed: extra.onTokenRefreshed,
		retry: { maxAttempts: 3 },
		retryDeps: { sleep: async () => undefined, random: () => 0 },
	});
}

/** A gateway call for `method` whose system params are signed correctly and whose body passes `check`. */
const gateway = (method: string, check: (b: Body) => boolean = () => true) =>
	nock(HOST).post(PATH, (b: Body) => {
		const timestamp = String(Math.floor(NOW / 1000));
		const signed = b.sign === signXhs({ method, appId: 'app-1', timestamp, appSecret: 'secret-1' });
		return b.method === method && b.appId === 'app-1' && b.version === '2.0' && b.timestamp === timestamp && signed && check(b);
	});
const ok = (data: unknown) => ({ success: true, error_code: 0, error_msg: '', data });
const fail = (code: number, msg: string) => ({ success: false, error_code: code, error_msg: msg });
const listPage = (ids: string[], total: number, pageNo = 1, pageSize = 100) => ok({ total, pageNo, pageSize, maxPageNo: Math.ceil(total / pageSize), orderList: ids.map((orderId) => ({ orderId })) });
const detailOf = (orderId: string) => ok({ ...JSON.parse(fixture('order-detail.json')).data, orderId });

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

describe('Xiaohongshu client: calls', () => {
	it('getOrder sends orderId with the token in the body and returns data', async () => {
		gateway('order.getOrderDetail', (b) => b.orderId === 'P712345678901234567' && b.accessToken === 'TOKEN-1').reply(200, fixture('order-detail.json'));
		const client = testClient();
		const order = await client.getOrder('P712345678901234567');
		expect(order.orderStatus).toBe(6);
		expect(client.stats).toEqual({ requests: 1, byMethod: { 'order.getOrderDetail': 1 } });
	});

	it('lists by creation time in 24 h windows (seconds), forward pages, then one detail per order', async () => {
		const from = '2024-05-01T00:00:00.000+08:00';
		const to = '2024-05-02T12:00:00.000+08:00';
		const start = Date.parse(from) / 1000;
		gateway('order.getOrderList', (b) => b.timeType === 1 && b.startTime === start && b.endTime === start + 86400 && b.pageNo === 1 && b.pageSize === 100).reply(200, listPage(['P1', 'P2'], 101));
		gateway('order.getOrderList', (b) => b.startTime === start && b.pageNo === 2).reply(200, listPage(['P3'], 101, 2));
		gateway('order.getOrderList', (b) => b.startTime === start + 86400 && b.endTime === start + 86400 + 43200 && b.pageNo === 1).reply(200, listPage([], 0));
		for (const id of ['P1', 'P2', 'P3']) gateway('order.getOrderDetail', (b) => b.orderId === id).reply(200, detailOf(id));
		const client = testClient();
		const windows = await collect(client.listOrderWindows({ by: 'created', from, to }));
		expect(windows.map((w) => w.orders.map((o) => o.orderId))).toEqual([['P1', 'P2', 'P3'], []]);
		expect(client.stats.byMethod).toEqual({ 'order.getOrderList': 3, 'order.getOrderDetail': 3 });
	});

	it('lists by update time in 30 min windows, from the last page back to the first', async () => {
		const from = '2024-05-03T10:00:00.000+08:00';
		const to = '2024-05-03T10:30:00.000+08:00';
		const pages: number[] = [];
		const reply = (pageNo: number) => {
			pages.push(pageNo);
			return listPage(pageNo === 3 ? ['P5'] : pageNo === 2 ? ['P3', 'P4'] : ['P1', 'P2'], 5, pageNo, 2);
		};
		gateway('order.getOrderList', (b) => b.timeType === 2 && b.endTime === Number(b.startTime) + 1800).times(4).reply(200, (_uri, body) => reply(Number((body as Body).pageNo)));
		const client = testClient();
		const summaries = await collect(client.listOrderSummaries({ by: 'modified', from, to, pageSize: 2 }));
		expect(pages).toEqual([1, 3, 2, 1]);
		expect(summaries[0].orders.map((o) => o.orderId)).toEqual(['P5', 'P3', 'P4', 'P1', 'P2']);
	});

	it('halves a window whose pages go beyond pageNo 100', async () => {
		const from = '2024-05-01T00:00:00.000+08:00';
		const to = '2024-05-01T02:00:00.000+08:00';
		const start = Date.parse(from) / 1000;
		gateway('order.getOrderList', (b) => b.startTime === start && b.endTime === start + 7200).reply(200, listPage(['X'], 10_050));
		gateway('order.getOrderList', (b) => b.startTime === start && b.endTime === start + 3600).reply(200, listPage(['A'], 1));
		gateway('order.getOrderList', (b) => b.startTime === start + 3600 && b.endTime === start + 7200).reply(200, listPage(['B'], 1));
		const summaries = await collect(testClient().listOrderSummaries({ by: 'created', from, to }));
		expect(summaries[0].orders.map((o) => o.orderId)).toEqual(['A', 'B']);
	});

	it('ships a whole order, or a split parcel with unpack and skuIdList', async () => {
		gateway('order.orderDeliver', (b) => b.orderId === 'P1' && b.expressNo === 'SF1' && b.expressCompanyCode === 'shunfeng' && b.unpack === undefined).reply(200, ok('success'));
		gateway('order.orderDeliver', (b) => b.unpack === true && JSON.stringify(b.skuIdList) === '["s1"]').reply(200, ok('success'));
		const client = testClient();
		await expect(client.ship({ orderId: 'P1', trackingNo: 'SF1', companyCode: 'shunfeng' })).resolves.toMatchObject({ result: 'success' });
		await client.ship({ orderId: 'P1', trackingNo: 'SF2', companyCode: 'shunfeng', skuIds: ['s1'] });
		await expect(client.ship({ orderId: 'P1', trackingNo: ' ', companyCode: 'shunfeng' })).rejects.toBeInstanceOf(InvalidRequestError);
	});

	it('sets stock with syncSkuStock and adds with incSkuStock', async () => {
		gateway('inventory.syncSkuStock', (b) => b.skuId === 's1' && b.qty === 7).reply(200, ok({}));
		gateway('inventory.incSkuStock', (b) => b.skuId === 's1' && b.qty === -2).reply(200, ok({}));
		const client = testClient();
		await client.updateStock({ skuId: 's1', quantity: 7 });
		await client.updateStock({ skuId: 's1', quantity: -2, mode: 'delta' });
		await expect(client.updateStock({ skuId: 's1', quantity: -1 })).rejects.toBeInstanceOf(InvalidRequestError);
	});

	it('lists SKUs, carriers, and after-sales through the double envelope (ms windows)', async () => {
		gateway('product.getDetailSkuList').reply(200, ok({ total: 1, skuList: [{ skuId: 's1', itemId: 'i1', scSkucode: 'JH-30', itemName: '精华', stock: 3, price: 6000 }] }));
		gateway('common.getExpressCompanyList').reply(200, ok({ expressCompanyInfos: [{ expressCompanyId: 1, expressCompanyCode: 'shunfeng', expressCompanyName: '顺丰速运' }] }));
		const from = '2024-05-03T00:00:00.000+08:00';
		gateway('afterSale.listAfterSaleInfos', (b) => b.timeType === 1 && b.startTime === Date.parse(from) && b.pageNo === 1).reply(200, fixture('aftersale-list.json'));
		gateway('afterSale.getAfterSaleInfo', (b) => b.returnsId === 'R7123456789012345').reply(200, ok({ code: 0, success: true, msg: '', data: { returnsId: 'R7123456789012345', status: 1 } }));
		const client = testClient();
		expect(await collect(client.listSkus())).toMatchObject([{ skuId: 's1', merchantCode: 'JH-30', quantity: 3, price: 6000 }]);
		expect(await client.listCarriers()).toEqual([{ code: 'shunfeng', name: '顺丰速运' }]);
		expect(await collect(client.listRefunds({ from, to: '2024-05-03T12:00:00.000+08:00' }))).toMatchObject([{ returnsId: 'R7123456789012345' }]);
		expect(await client.getRefund('R7123456789012345')).toMatchObject({ status: 1 });
	});
});

describe('Xiaohongshu client: errors', () => {
	it('throttle -9013 is retried, then a ThrottledError naming the shop and code', async () => {
		gateway('order.getOrderDetail').times(3).reply(200, fail(-9013, '触发Method维度的限流'));
		const err = await testClient().getOrder('P1').catch((e) => e);
		expect(err).toBeInstanceOf(ThrottledError);
		expect(err.attempts).toBe(3);
		expect(err.message).toMatch(/xiaohongshu shop seller-1.*order\.getOrderDetail.*-9013/);
	});

	it('an expired token without a refresh token is an AuthExpiredError saying what to do', async () => {
		gateway('order.getOrderDetail').reply(200, fail(XHS_ERROR_CODE.accessTokenExpired, 'accessToken已过期'));
		const err = await testClient().getOrder('P1').catch((e) => e);
		expect(err).toBeInstanceOf(AuthExpiredError);
		expect(err.code).toBe(XHS_ERROR_CODE.accessTokenExpired);
		expect(err.message).toMatch(/Refresh Token|re-authorize/);
	});

	it('an expired token is refreshed once with the refresh token (no accessToken sent), then the call repeats', async () => {
		gateway('order.getOrderDetail', (b) => b.accessToken === 'TOKEN-1').reply(200, fail(XHS_ERROR_CODE.accessTokenExpired, 'expired'));
		gateway('oauth.refreshToken', (b) => b.refreshToken === 'R-1' && !('accessToken' in b)).reply(200, ok({ accessToken: 'TOKEN-2', refreshToken: 'R-2', accessTokenExpiresAt: NOW + 7 * 86400_000, sellerId: 'seller-1' }));
		gateway('order.getOrderDetail', (b) => b.accessToken === 'TOKEN-2').reply(200, fixture('order-detail.json'));
		const seen: unknown[] = [];
		const order = await testClient({ refreshToken: 'R-1', onTokenRefreshed: (t) => seen.push(t) }).getOrder('P1');
		expect(order.orderId).toBe('P712345678901234567');
		expect(seen).toMatchObject([{ accessToken: 'TOKEN-2', refreshToken: 'R-2' }]);
	});

	it.each([
		[XHS_ERROR_CODE.signInvalid, AuthExpiredError],
		[XHS_ERROR_CODE.invalidParams, InvalidRequestError],
		[XHS_ERROR_CODE.systemBusy, TransientError],
		[-777, PermanentError],
	])('code %s is %p', async (code, cls) => {
		gateway('order.getOrderDetail').times(cls === TransientError ? 3 : 1).reply(200, fail(code, 'x'));
		await expect(testClient().getOrder('P1')).rejects.toBeInstanceOf(cls);
	});

	it('success:true with a non-zero code is a failure; 5xx and cut bodies are transient', async () => {
		gateway('inventory.syncSkuStock').reply(200, { success: true, error_code: -2000400, error_msg: 'sku不存在' });
		await expect(testClient().updateStock({ skuId: 's', quantity: 1 })).rejects.toBeInstanceOf(InvalidRequestError);
		gateway('order.getOrderDetail').reply(502, 'bad gateway');
		gateway('order.getOrderDetail').reply(200, '{"success":true,"data":{"orderId":"P');
		gateway('order.getOrderDetail').reply(200, fixture('order-detail.json'));
		await expect(testClient().getOrder('P1')).resolves.toMatchObject({ orderStatus: 6 });
		gateway('order.getOrderDetail').times(3).reply(200, '{"success":tr');
		await expect(testClient().getOrder('P1')).rejects.toBeInstanceOf(MalformedResponseError);
	});

	it('refuses ids that are not XHS ids before calling', async () => {
		await expect(testClient().getOrder('P1; drop')).rejects.toBeInstanceOf(InvalidRequestError);
		expect(XHS_METHODS.listOrdersByUpdated.pagingDirection).toBe('lastToFirst');
	});
});
