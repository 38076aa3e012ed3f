import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { Douyin } from '../../../nodes/Douyin/Douyin.node';
import { DOUYIN_ERROR_CODE } from '../../../lib/channels/douyin/codes';
import { fakeExecuteContext, fetchHttpRequest } from '../../helpers/n8n';

const HOST = 'http://douyin.test';
const BASE = '/douyin';
const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../fixtures/channels/douyin', name), 'utf8');
const credentials = { douyinApi: { environment: 'custom', customUrl: HOST + BASE, appKey: 'app-1', appSecret: 's', shopId: '4463798', accessToken: 'T', refreshToken: 'R' } };
type Body = Record<string, unknown>;
const gateway = (method: string, check: (b: Body) => boolean = () => true) =>
	nock(HOST)
		.post(`${BASE}/${method.replace('.', '/')}`, (b: Body) => check(typeof b === 'string' ? JSON.parse(b) : b))
		.query((q) => q.method === method && typeof q.sign === 'string' && q.sign.length === 64);
const ok = (data: unknown) => ({ code: 10000, msg: 'success', sub_code: '', sub_msg: '', log_id: 'L', data });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

async function run(parameters: Record<string, unknown>, options: { items?: IDataObject[]; continueOnFail?: boolean } = {}) {
	const context = fakeExecuteContext({ parameters, items: options.items, continueOnFail: options.continueOnFail, credentials, httpRequest: fetchHttpRequest });
	return await new Douyin().execute.call(context);
}
const json = (items: INodeExecutionData[]) => items.map((item) => item.json);

describe('Douyin node description', () => {
	const { description } = new Douyin();
	it('is an action node usable as a tool with the Douyin credential', () => {
		expect(description).toMatchObject({ name: 'douyin', usableAsTool: true, displayName: 'Douyin Shop 抖店' });
		expect(description.credentials).toEqual([{ name: 'douyinApi', required: true }]);
	});
	it('has the channel resources and operations', () => {
		const operations = description.properties.filter((p) => p.name === 'operation').map((p) => (p.options as Array<{ value: string }>).map((o) => o.value));
		expect(operations).toEqual([['addMemo', 'get', 'getMany', 'ship'], ['getSkus', 'updateStock'], ['get', 'getMany'], ['refresh']]);
	});
});

describe('Douyin node: orders', () => {
	it('gets one order, normalized and masked, ids exact', async () => {
		gateway('order.orderDetail', (b) => b.shop_order_id === '6920000000000000001').reply(200, fixture('order-detail.json'));
		const [orders, unnormalized] = await run({ resource: 'order', operation: 'get', orderId: '6920000000000000001', output: 'normalized', options: {} });
		expect(json(orders)[0]).toMatchObject({ channel: 'douyin', shopId: '4463798', channelOrderId: '6920000000000000001', status: 'shipped', totals: { paid: 15800 }, receiver: { masked: true } });
		expect(JSON.stringify(json(orders)[0])).toContain('3512345678901234567');
		expect(orders[0].pairedItem).toEqual({ item: 0 });
		expect(unnormalized).toEqual([]);
	});

	it('gets many orders by creation time from the list alone, with a status filter and a limit', async () => {
		gateway('order.searchList', (b) => b.order_by === 'create_time' && JSON.stringify(b.combine_status) === '[{"order_status":"3"}]' && b.size === 1).reply(200, fixture('order-list.json'));
		const [orders] = await run({ resource: 'order', operation: 'getMany', timeField: 'created', from: '2024-05-02T00:00:00+08:00', to: '2024-05-02T12:00:00+08:00', statuses: [3], returnAll: false, limit: 1, output: 'raw', options: {} });
		expect(json(orders)).toHaveLength(1);
		expect(json(orders)[0]).toMatchObject({ order_id: '6920000000000000001' });
	});

	it('sends an order that cannot be normalized to the second output', async () => {
		const broken = JSON.parse(fixture('order-detail.json').replace('"order_status": 3', '"order_status": 42'));
		gateway('order.orderDetail').reply(200, broken);
		const [orders, unnormalized] = await run({ resource: 'order', operation: 'get', orderId: '1', output: 'normalized', options: {} });
		expect(orders).toEqual([]);
		expect(JSON.stringify(json(unnormalized))).toContain('order_status');
	});

	it('ships with our carrier id translated; an unknown carrier fails the item clearly (Continue On Fail keeps going)', async () => {
		gateway('order.logisticsAdd', (b) => b.company_code === 'shunfeng' && b.logistics_code === 'SF1' && b.order_id === '1').reply(200, ok({}));
		const [shipped] = await run({ resource: 'order', operation: 'ship', orderId: '1', carrier: 'SF', trackingNumber: 'SF1', ignoreRefundRequest: false });
		expect(json(shipped)[0]).toEqual({ channel: 'douyin', shopId: '4463798', orderId: '1', carrierCode: 'shunfeng', trackingNumber: 'SF1', shipped: true });
		const [failed] = await run({ resource: 'order', operation: 'ship', orderId: '1', carrier: 'owl', trackingNumber: 'X', ignoreRefundRequest: false }, { continueOnFail: true });
		expect(JSON.stringify(json(failed)[0])).toMatch(/owl/);
	});

	it('adds to the current remark (read first) or replaces it, with a flag', async () => {
		gateway('order.orderDetail', (b) => b.shop_order_id === '1').reply(200, fixture('order-detail.json').replace('"seller_words": ""', '"seller_words": "已联系"'));
		gateway('order.addOrderRemark', (b) => b.order_id === '1' && b.remark === '已联系\n加急' && b.star === undefined).reply(200, ok({}));
		const [added] = await run({ resource: 'order', operation: 'addMemo', orderId: '1', memo: '加急', append: true, flag: -1 });
		expect(json(added)[0]).toEqual({ channel: 'douyin', shopId: '4463798', orderId: '1', sellerMemo: '已联系\n加急' });
		gateway('order.addOrderRemark', (b) => b.remark === '只此一条' && b.star === '5' && b.is_add_star === 'true').reply(200, ok({}));
		const [replaced] = await run({ resource: 'order', operation: 'addMemo', orderId: '1', memo: '只此一条', append: false, flag: 5 });
		expect(json(replaced)[0]).toMatchObject({ sellerMemo: '只此一条', flag: 5 });
	});
});

describe('Douyin node: inventory, after-sales, token', () => {
	it('sets stock by SKU id and adds stock by merchant code', async () => {
		gateway('sku.syncStock', (b) => b.sku_id === 's1' && b.stock_num === 5 && b.incremental === false).reply(200, ok({}));
		gateway('sku.syncStock', (b) => b.code === 'C2' && b.stock_num === -1 && b.incremental === true && b.idempotent_id === 'm-2').reply(200, ok({}));
		const rows = [
			{ resource: 'inventory', operation: 'updateStock', skuKey: 'skuId', skuId: 's1', quantity: 5, mode: 'full' },
			{ resource: 'inventory', operation: 'updateStock', skuKey: 'code', code: 'C2', quantity: -1, mode: 'delta', idempotentId: 'm-2' },
		];
		const params = (name: string, i: number) => (rows[i] as Record<string, unknown>)[name];
		const context = fakeExecuteContext({ parameters: params, items: [{}, {}], credentials, httpRequest: fetchHttpRequest });
		const [out] = await new Douyin().execute.call(context);
		expect(json(out)).toEqual([
			{ channel: 'douyin', shopId: '4463798', skuId: 's1', quantity: 5, mode: 'full', updated: true },
			{ channel: 'douyin', shopId: '4463798', code: 'C2', quantity: -1, mode: 'delta', updated: true },
		]);
	});

	it('lists the SKUs of one product', async () => {
		gateway('sku.list', (b) => b.product_id === '35').reply(200, ok([{ id: 17, product_id: 35, code: 'C1', spec_detail_name1: '红', stock_num: 2, price: 100 }]));
		const [out] = await run({ resource: 'inventory', operation: 'getSkus', productId: '35', returnAll: true });
		expect(json(out)).toEqual([{ channel: 'douyin', shopId: '4463798', channelItemId: '35', channelSkuId: '17', merchantCode: 'C1', title: '', skuName: '红', quantity: 2, price: 100, currency: 'CNY' }]);
	});

	it('lists after-sales with their unified refund state and gets one', async () => {
		gateway('afterSale.List').reply(200, ok({ total: 1, has_more: false, items: [{ aftersale_id: 'A1', aftersale_status: 6, aftersale_type: 2 }] }));
		gateway('afterSale.Detail', (b) => b.after_sale_id === '71').reply(200, ok({ process_info: { after_sale_info: { aftersale_id: 71, aftersale_status: 12, aftersale_type: 0 } } }));
		const [many] = await run({ resource: 'afterSale', operation: 'getMany', timeField: 'applied', from: '2024-05-03T00:00:00+08:00', to: '2024-05-03T12:00:00+08:00', orderId: '', returnAll: true });
		expect(json(many)).toMatchObject([{ channel: 'douyin', aftersale_id: 'A1', refundState: 'requested', afterSaleTypeName: 'refund_before_shipping' }]);
		const [one] = await run({ resource: 'afterSale', operation: 'get', afterSaleId: '71' });
		expect(json(one)).toMatchObject([{ refundState: 'refunded', afterSaleTypeName: 'return_and_refund' }]);
	});

	it('refreshes the access token once per run without sending the old one', async () => {
		nock(HOST)
			.post(`${BASE}/token/refresh`, (b: Body) => b.refresh_token === 'R' && b.grant_type === 'refresh_token')
			.query((q) => q.access_token === undefined && q.method === 'token.refresh')
			.reply(200, ok({ access_token: 'T2', refresh_token: 'R2', expires_in: 604800, shop_id: 4463798 }));
		const context = fakeExecuteContext({ parameters: { resource: 'accessToken', operation: 'refresh' }, items: [{}, {}], credentials, httpRequest: fetchHttpRequest });
		const [out] = await new Douyin().execute.call(context);
		expect(json(out)).toMatchObject([{ channel: 'douyin', shopId: '4463798', tokenShopId: '4463798', accessToken: 'T2', refreshToken: 'R2' }]);
		expect(out).toHaveLength(1);
	});

	it('an expired token with a refused refresh fails with the Douyin code and what to do', async () => {
		gateway('order.orderDetail').reply(200, { code: DOUYIN_ERROR_CODE.accessTokenExpired, msg: 'access_token已过期', sub_code: 'isv.access-token-expired', log_id: 'L' });
		nock(HOST).post(`${BASE}/token/refresh`).query(true).reply(200, { code: DOUYIN_ERROR_CODE.refreshTokenInvalid, msg: 'refresh_token无效', log_id: 'L2' });
		const [out] = await run({ resource: 'order', operation: 'get', orderId: '1', output: 'raw', options: {} }, { continueOnFail: true });
		const error = JSON.stringify(json(out)[0]);
		expect(error).toContain(String(DOUYIN_ERROR_CODE.refreshTokenInvalid));
		expect(error).toMatch(/re-authorize/);
	});
});
