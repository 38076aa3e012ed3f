import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { WechatShop } from '../../../nodes/WechatShop/WechatShop.node';
import { WechatShopTrigger } from '../../../nodes/WechatShop/WechatShopTrigger.node';
import { fakeExecuteContext, fakePollContext, fetchHttpRequest } from '../../helpers/n8n';

const BASE = 'http://wechat.test';
const fixtureText = (name: string) => readFileSync(path.resolve(__dirname, '../../fixtures/channels/wechatShop', name), 'utf8');

// The node keeps tokens per AppID between executions, so each test uses its own AppID.
let appSeq = 0;
function newCredentials() {
	appSeq += 1;
	return { wechatShopApi: { environment: 'custom', customUrl: BASE, appId: `wxnode${appSeq}`, appSecret: 's', shopId: 'shop-1' } };
}
const tokenOk = () => nock(BASE).post('/cgi-bin/stable_token').reply(200, { access_token: 'T', expires_in: 7200 });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

async function run(parameters: Record<string, unknown>, options: { items?: IDataObject[]; continueOnFail?: boolean } = {}) {
	const context = fakeExecuteContext({ parameters, items: options.items, continueOnFail: options.continueOnFail, credentials: newCredentials(), httpRequest: fetchHttpRequest });
	return await new WechatShop().execute.call(context);
}
const json = (items: INodeExecutionData[]) => items.map((item) => item.json);

describe('WeChat Shop node description', () => {
	const { description } = new WechatShop();
	it('is an action node usable as a tool with the WeChat shop credential', () => {
		expect(description).toMatchObject({ name: 'wechatShop', usableAsTool: true });
		expect(description.credentials).toEqual([{ name: 'wechatShopApi', required: true }]);
	});
	it('has the same resources and operations as the other channel nodes', () => {
		const operations = description.properties.filter((p) => p.name === 'operation').map((p) => (p.options as Array<{ value: string; action: string }>).map((o) => o.value));
		expect(operations).toEqual([['addMemo', 'get', 'getMany', 'ship'], ['getSkus', 'updateStock'], ['get', 'getMany']]);
	});
});

describe('WeChat Shop node: orders', () => {
	it('gets one order, normalized and masked, with an exact 19-digit id', async () => {
		tokenOk();
		nock(BASE).post('/channels/ec/order/get', { order_id: '3705115058471208928' }).query({ access_token: 'T' }).reply(200, fixtureText('order-get.json'));
		const [orders, unnormalized] = await run({ resource: 'order', operation: 'get', orderId: '3705115058471208928', output: 'normalized', options: {} });
		expect(json(orders)[0]).toMatchObject({ channel: 'wechat_shop', channelOrderId: '3705115058471208928', status: 'shipped', totals: { paid: 27590 }, receiver: { masked: true } });
		expect(orders[0].pairedItem).toEqual({ item: 0 });
		expect(unnormalized).toEqual([]);
	});

	it('gets many orders: list ids, then each order, limited', async () => {
		tokenOk();
		nock(BASE).post('/channels/ec/order/list/get').query(true).reply(200, { errcode: 0, order_id_list: ['3705115058471208928', '2'], has_more: false });
		nock(BASE).post('/channels/ec/order/get').query(true).reply(200, fixtureText('order-get.json'));
		const [orders] = await run({ resource: 'order', operation: 'getMany', timeField: 'modified', from: '2024-05-01T00:00:00+08:00', to: '2024-05-02T00:00:00+08:00', status: '30', returnAll: false, limit: 1, output: 'raw', options: {} });
		expect(json(orders)).toHaveLength(1);
		expect(json(orders)[0].order_id).toBe('3705115058471208928');
	});

	it('ships a split parcel given as product:sku:qty and maps our carrier id to WeChat code', async () => {
		tokenOk();
		nock(BASE)
			.post('/channels/ec/order/delivery/send', (b) => b.delivery_list[0].delivery_id === 'YD' && b.delivery_list[0].product_infos[0].product_cnt === 2)
			.query(true)
			.reply(200, { errcode: 0 });
		const [out] = await run({ resource: 'order', operation: 'ship', orderId: '1', carrier: 'yunda', trackingNumber: 'YD1', products: '5:6:2' });
		expect(json(out)[0]).toMatchObject({ shipped: true, carrierCode: 'YD' });
	});

	it('adds to the merchant notes', async () => {
		tokenOk();
		nock(BASE).post('/channels/ec/order/get').query(true).reply(200, fixtureText('order-get.json'));
		nock(BASE).post('/channels/ec/order/merchantnotes/update', { order_id: '3705115058471208928', merchant_notes: 'VIP\n加急' }).query(true).reply(200, { errcode: 0 });
		const [out] = await run({ resource: 'order', operation: 'addMemo', orderId: '3705115058471208928', memo: '加急', append: true });
		expect(json(out)[0].sellerMemo).toBe('VIP\n加急');
	});

	it('turns a refused call into an error item under Continue On Fail', async () => {
		tokenOk();
		nock(BASE).post('/channels/ec/order/get').query(true).reply(200, { errcode: 40097, errmsg: 'invalid args' });
		const [out] = await run({ resource: 'order', operation: 'get', orderId: '9', output: 'normalized', options: {} }, { continueOnFail: true });
		expect(JSON.stringify(json(out)[0])).toMatch(/40097/);
	});
});

describe('WeChat Shop node: inventory and refunds', () => {
	it('sets stock', async () => {
		tokenOk();
		nock(BASE).post('/channels/ec/product/stock/update', { product_id: '5', sku_id: '6', diff_type: 3, num: 12 }).query(true).reply(200, { errcode: 0 });
		const [out] = await run({ resource: 'inventory', operation: 'updateStock', productId: '5', skuId: '6', quantity: 12, mode: 'full' });
		expect(json(out)[0]).toMatchObject({ updated: true, quantity: 12 });
	});

	it('gets an after-sale order with its unified refund state', async () => {
		tokenOk();
		nock(BASE).post('/channels/ec/aftersale/getaftersaleorder').query(true).reply(200, { errcode: 0, after_sale_order: { after_sale_order_id: '77', status: 'MERCHANT_REFUND_SUCCESS' } });
		const [out] = await run({ resource: 'refund', operation: 'get', refundId: '77' });
		expect(json(out)[0]).toMatchObject({ channel: 'wechat_shop', refundState: 'refunded', after_sale_order_id: '77' });
	});
});

/** The fixture order as changed a moment ago, as a poll would see it. */
function freshOrderBody(): string {
	const seconds = Math.floor(Date.now() / 1000) - 5;
	return fixtureText('order-get.json').replace('"create_time": 1714615200', `"create_time": ${seconds}`).replace('"update_time": 1714705200', `"update_time": ${seconds}`);
}

describe('WeChat Shop Trigger', () => {
	it('starts from now on the first poll, then emits orders changed since, once each', async () => {
		const staticData: IDataObject = {};
		const credentials = newCredentials();
		const poll = () => new WechatShopTrigger().poll.call(fakePollContext({ parameters: { event: 'all', output: 'normalized', options: {} }, credentials, staticData, httpRequest: fetchHttpRequest }));
		expect(await poll()).toBeNull();
		expect(typeof staticData.watermark).toBe('string');
		tokenOk();
		nock(BASE).post('/channels/ec/order/list/get', (b) => b.update_time_range !== undefined).query(true).reply(200, { errcode: 0, order_id_list: ['3705115058471208928'], has_more: false });
		nock(BASE).post('/channels/ec/order/get').query(true).reply(200, freshOrderBody());
		const out = await poll();
		expect(out?.[0].map((i) => i.json.channelOrderId)).toEqual(['3705115058471208928']);
		nock(BASE).post('/channels/ec/order/list/get').query(true).reply(200, { errcode: 0, order_id_list: ['3705115058471208928'], has_more: false });
		nock(BASE).post('/channels/ec/order/get').query(true).reply(200, freshOrderBody());
		expect(await poll()).toBeNull();
	});
});
