import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { Xiaohongshu } from '../../../nodes/Xiaohongshu/Xiaohongshu.node';
import { xhsCarrierCode } from '../../../nodes/Xiaohongshu/actions/order/ship.operation';
import { XHS_ERROR_CODE } from '../../../lib/channels/xiaohongshu/codes';
import { fakeExecuteContext, fetchHttpRequest } from '../../helpers/n8n';

const HOST = 'http://xhs.test';
const PATH = '/xhs/ark/open_api/v3/common_controller';
const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../fixtures/channels/xiaohongshu', name), 'utf8');
const credentials = { xiaohongshuApi: { environment: 'custom', customUrl: HOST + PATH, appId: 'app-1', appSecret: 's', accessToken: 'T', refreshToken: 'R', sellerId: 'seller-1' } };
type Body = Record<string, unknown>;
const gateway = (method: string, check: (b: Body) => boolean = () => true) => nock(HOST).post(PATH, (b: Body) => b.method === method && typeof b.sign === 'string' && check(b));
const ok = (data: unknown) => ({ success: true, error_code: 0, error_msg: '', data });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

async function run(parameters: Record<string, unknown>, options: { items?: IDataObject[]; continueOnFail?: boolean } = {}) {
	const context = fakeExecuteContext({ parameters, items: options.items, continueOnFail: options.continueOnFail, credentials, httpRequest: fetchHttpRequest });
	return await new Xiaohongshu().execute.call(context);
}
const json = (items: INodeExecutionData[]) => items.map((item) => item.json);

describe('Xiaohongshu node description', () => {
	const { description } = new Xiaohongshu();
	it('is an action node usable as a tool with the Xiaohongshu credential', () => {
		expect(description).toMatchObject({ name: 'xiaohongshu', usableAsTool: true, displayName: 'Xiaohongshu 小红书' });
		expect(description.credentials).toEqual([{ name: 'xiaohongshuApi', required: true }]);
	});
	it('has the channel resources and operations', () => {
		const operations = description.properties.filter((p) => p.name === 'operation').map((p) => (p.options as Array<{ value: string }>).map((o) => o.value));
		expect(operations).toEqual([['get', 'getMany', 'ship'], ['getSkus', 'updateStock'], ['get', 'getMany'], ['refresh']]);
	});
});

describe('Xiaohongshu node: orders', () => {
	it('gets one order, normalized and masked', async () => {
		gateway('order.getOrderDetail', (b) => b.orderId === 'P712345678901234567' && b.accessToken === 'T').reply(200, fixture('order-detail.json'));
		const [orders, unnormalized] = await run({ resource: 'order', operation: 'get', orderId: 'P712345678901234567', output: 'normalized', options: {} });
		expect(json(orders)[0]).toMatchObject({ channel: 'xiaohongshu', shopId: 'seller-1', channelOrderId: 'P712345678901234567', status: 'shipped', totals: { paid: 15800 }, receiver: { masked: true } });
		expect(orders[0].pairedItem).toEqual({ item: 0 });
		expect(unnormalized).toEqual([]);
	});

	it('gets many orders by creation time: list, then a detail per order, stopping at the limit', async () => {
		gateway('order.getOrderList', (b) => b.timeType === 1 && b.orderStatus === 6).reply(200, fixture('order-list.json'));
		gateway('order.getOrderDetail').reply(200, fixture('order-detail.json'));
		const [orders] = await run({ resource: 'order', operation: 'getMany', timeField: 'created', from: '2024-05-02T00:00:00+08:00', to: '2024-05-02T12:00:00+08:00', status: '6', returnAll: false, limit: 1, output: 'raw', options: {} });
		expect(json(orders)).toHaveLength(1);
		expect(json(orders)[0]).toMatchObject({ orderId: 'P712345678901234567' });
	});

	it('sends an order that cannot be normalized to the second output', async () => {
		const broken = JSON.parse(fixture('order-detail.json'));
		broken.data.orderStatus = 42;
		gateway('order.getOrderDetail').reply(200, broken);
		const [orders, unnormalized] = await run({ resource: 'order', operation: 'get', orderId: 'P1', output: 'normalized', options: {} });
		expect(orders).toEqual([]);
		expect(JSON.stringify(json(unnormalized))).toContain('orderStatus');
	});

	it('ships with our carrier id translated to the XHS code, and split parcels by SKU', async () => {
		gateway('order.orderDeliver', (b) => b.expressCompanyCode === 'shunfeng' && b.expressNo === 'SF1' && b.unpack === undefined).reply(200, ok('success'));
		gateway('order.orderDeliver', (b) => b.unpack === true && JSON.stringify(b.skuIdList) === '["a","b"]').reply(200, ok('success'));
		const [whole] = await run({ resource: 'order', operation: 'ship', orderId: 'P1', carrier: 'sf', trackingNumber: 'SF1', skuIds: '' });
		expect(json(whole)[0]).toMatchObject({ channel: 'xiaohongshu', carrierCode: 'shunfeng', shipped: true });
		const [split] = await run({ resource: 'order', operation: 'ship', orderId: 'P1', carrier: 'shunfeng', trackingNumber: 'SF2', skuIds: 'a, b' });
		expect(json(split)[0]).toMatchObject({ skuIds: ['a', 'b'] });
		expect(xhsCarrierCode('zto')).toBe('zhongtong');
		expect(xhsCarrierCode('yuantong')).toBe('yuantong');
	});
});

describe('Xiaohongshu node: inventory, after-sales, token', () => {
	it('sets and adds stock per item', async () => {
		gateway('inventory.syncSkuStock', (b) => b.skuId === 's1' && b.qty === 5).reply(200, ok({}));
		gateway('inventory.incSkuStock', (b) => b.skuId === 's2' && b.qty === -1).reply(200, ok({}));
		const params = (name: string, i: number) => ({ resource: 'inventory', operation: 'updateStock', skuId: ['s1', 's2'][i], quantity: [5, -1][i], mode: ['full', 'delta'][i] })[name];
		const context = fakeExecuteContext({ parameters: params, items: [{}, {}], credentials, httpRequest: fetchHttpRequest });
		const [out] = await new Xiaohongshu().execute.call(context);
		expect(json(out)).toEqual([
			{ channel: 'xiaohongshu', shopId: 'seller-1', skuId: 's1', quantity: 5, mode: 'full', updated: true },
			{ channel: 'xiaohongshu', shopId: 'seller-1', skuId: 's2', quantity: -1, mode: 'delta', updated: true },
		]);
	});

	it('lists SKUs', async () => {
		gateway('product.getDetailSkuList').reply(200, ok({ total: 1, skuList: [{ skuId: 's1', itemId: 'i1', scSkucode: 'C1', itemName: 'T', stock: 2, price: 100 }] }));
		const [out] = await run({ resource: 'inventory', operation: 'getSkus', returnAll: true });
		expect(json(out)).toMatchObject([{ channelSkuId: 's1', channelItemId: 'i1', merchantCode: 'C1', quantity: 2, price: 100 }]);
	});

	it('lists after-sales with their unified refund state and gets one', async () => {
		gateway('afterSale.listAfterSaleInfos').reply(200, fixture('aftersale-list.json'));
		gateway('afterSale.getAfterSaleInfo').reply(200, ok({ code: 0, success: true, msg: '', data: { returnsId: 'R1', status: 4, returnType: 1 } }));
		const [many] = await run({ resource: 'refund', operation: 'getMany', from: '2024-05-03T00:00:00+08:00', to: '2024-05-03T12:00:00+08:00', returnAll: true });
		expect(json(many)).toMatchObject([{ channel: 'xiaohongshu', returnsId: 'R7123456789012345', refundState: 'requested', returnTypeName: 'refund_only' }]);
		const [one] = await run({ resource: 'refund', operation: 'get', refundId: 'R1' });
		expect(json(one)).toMatchObject([{ refundState: 'refunded', returnTypeName: 'return_and_refund' }]);
	});

	it('refreshes the access token once per run and shows the new pair', async () => {
		gateway('oauth.refreshToken', (b) => b.refreshToken === 'R' && !('accessToken' in b)).reply(200, ok({ accessToken: 'T2', refreshToken: 'R2', accessTokenExpiresAt: 1714705200000, sellerId: 'seller-1' }));
		const context = fakeExecuteContext({ parameters: { resource: 'accessToken', operation: 'refresh' }, items: [{}, {}], credentials, httpRequest: fetchHttpRequest });
		const [out] = await new Xiaohongshu().execute.call(context);
		expect(json(out)).toEqual([{ channel: 'xiaohongshu', shopId: 'seller-1', sellerId: 'seller-1', accessToken: 'T2', accessTokenExpiresAt: '2024-05-03T11:00:00.000+08:00', refreshToken: 'R2', refreshTokenExpiresAt: null }]);
	});

	it('an expired token with a refused refresh fails with the XHS code and what to do; Continue On Fail keeps going', async () => {
		gateway('order.getOrderDetail').reply(200, { success: false, error_code: XHS_ERROR_CODE.accessTokenExpired, error_msg: 'accessToken已过期' });
		gateway('oauth.refreshToken').reply(200, { success: false, error_code: XHS_ERROR_CODE.refreshTokenInvalid, error_msg: 'refreshToken无效' });
		const [out] = await run({ resource: 'order', operation: 'get', orderId: 'P1', output: 'raw', options: {} }, { continueOnFail: true });
		const error = JSON.stringify(json(out)[0]);
		expect(error).toContain(String(XHS_ERROR_CODE.refreshTokenInvalid));
		expect(error).toMatch(/re-authorize/);
	});
});
