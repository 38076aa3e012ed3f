import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';
import { Pinduoduo } from '../../../nodes/Pinduoduo/Pinduoduo.node';
import { actionRunner, itemsJson } from '../../helpers/n8n';
import { fakePdd, pddError, pddOk, testCredentials, type FakePdd } from '../channels/pinduoduo/fakePdd';
import { sampleOrder } from '../channels/pinduoduo/sampleOrder';

const credentials = {
	pinduoduoApi: {
		environment: 'custom',
		customUrl: testCredentials.url,
		clientId: testCredentials.clientId,
		clientSecret: testCredentials.clientSecret,
		accessToken: testCredentials.accessToken,
		shopId: testCredentials.shopId,
	},
};

let pdd: FakePdd | undefined;
beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	pdd = undefined;
	nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const run = actionRunner(() => new Pinduoduo(), credentials);
const json = itemsJson;
const SN = '231126-560123456789012';

describe('Pinduoduo node description', () => {
	const { description } = new Pinduoduo();

	it('is an action node usable as a tool, with the Pinduoduo credential', () => {
		expect(description).toMatchObject({ name: 'pinduoduo', displayName: 'Pinduoduo 拼多多', usableAsTool: true });
		expect(description.credentials).toEqual([{ name: 'pinduoduoApi', required: true }]);
	});

	it('has order, inventory and refund operations, each with an action', () => {
		const operations = description.properties
			.filter((p) => p.name === 'operation')
			.map((p) => [p.displayOptions?.show?.resource, (p.options as Array<{ value: string; action: string }>).map((o) => o.value)]);
		expect(operations).toEqual([
			[['order'], ['addMemo', 'get', 'getMany', 'ship']],
			[['inventory'], ['getSkus', 'updateStock']],
			[['refund'], ['get', 'getMany']],
		]);
	});
});

describe('Pinduoduo node: orders', () => {
	it('gets one order, normalized and masked, with pairedItem', async () => {
		pdd = fakePdd(() => pddOk('pdd.order.information.get', { order_info: sampleOrder() }));
		const [orders, unnormalized] = await run({ resource: 'order', operation: 'get', orderId: SN, output: 'normalized', options: {} });
		expect(unnormalized).toEqual([]);
		expect(orders[0].pairedItem).toEqual({ item: 0 });
		expect(orders[0].json).toMatchObject({
			channel: 'pinduoduo',
			shopId: '9001',
			channelOrderId: SN,
			status: 'shipped',
			totals: { paid: 3780 },
			receiver: { masked: true, phone: '138****1234', token: 'oaid-123' },
		});
	});

	it('gets the raw order on a single output', async () => {
		pdd = fakePdd(() => pddOk('pdd.order.information.get', { order_info: sampleOrder() }));
		const result = await run({ resource: 'order', operation: 'get', orderId: SN, output: 'raw', options: {} });
		expect(result).toHaveLength(1);
		expect(result[0][0].json).toMatchObject({ order_sn: SN, pay_amount: 37.8 });
	});

	it('gets many orders by last change with a limit, bad orders to the Unnormalized output', async () => {
		pdd = fakePdd(() =>
			pddOk('pdd.order.number.list.increment.get', {
				total_count: 3,
				order_sn_list: [sampleOrder(), sampleOrder({ order_sn: '231126-2222222', pay_amount: 'abc' }), sampleOrder({ order_sn: '231126-3333333' })],
			}),
		);
		const [orders, unnormalized] = await run({
			resource: 'order',
			operation: 'getMany',
			timeField: 'modified',
			from: '2024-05-02T09:00:00+08:00',
			to: '2024-05-02T09:20:00+08:00',
			status: '2',
			returnAll: false,
			limit: 2,
			output: 'normalized',
			options: {},
		});
		expect(json(orders).map((o) => o.channelOrderId)).toEqual([SN]);
		expect(unnormalized[0].json).toMatchObject({ channelOrderId: '231126-2222222', problems: [expect.objectContaining({ path: '$.pay_amount' })] });
		expect(pdd!.calls[0]).toMatchObject({ type: 'pdd.order.number.list.increment.get', order_status: '2', start_updated_at: String(Date.parse('2024-05-02T09:00:00+08:00') / 1000) });
	});

	it('ships with our carrier id translated to the logistics id', async () => {
		pdd = fakePdd(() => pddOk('pdd.logistics.online.send', { is_success: true }));
		const [out] = await run({ resource: 'order', operation: 'ship', orderId: SN, carrier: 'zto', trackingNumber: '7312345678', modify: false });
		expect(json(out)).toEqual([{ channel: 'pinduoduo', shopId: '9001', orderId: SN, logisticsId: '115', trackingNumber: '7312345678', shipped: true }]);
		expect(pdd.calls[0]).toMatchObject({ order_sn: SN, logistics_id: '115', tracking_number: '7312345678', redelivery_type: '1' });
	});
});

describe('Pinduoduo node: memo', () => {
	it('adds to the existing note by reading remark first', async () => {
		pdd = fakePdd((call) =>
			call.type === 'pdd.order.information.get' ? pddOk(call.type, { order_info: sampleOrder() }) : pddOk('pdd.order.note.update', { success: true }),
		);
		const [out] = await run({ resource: 'order', operation: 'addMemo', orderId: SN, memo: '加急', append: true, flag: 1 });
		expect(out[0].json).toEqual({ channel: 'pinduoduo', shopId: '9001', orderId: SN, sellerMemo: 'VIP客户\n加急', flag: 1 });
		expect(pdd.calls.map((c) => c.type)).toEqual(['pdd.order.information.get', 'pdd.order.note.update']);
		expect(pdd.calls[1]).toMatchObject({ note: 'VIP客户\n加急', tag: '1' });
	});
});

describe('Pinduoduo node: inventory and refunds', () => {
	it('updates stock once per input item, keeping pairedItem', async () => {
		pdd = fakePdd(() => pddOk('pdd.goods.quantity.update', { is_success: true }));
		const [out] = await run(
			{ resource: 'inventory', operation: 'updateStock', itemId: '100', skuId: (i: number) => ['201', '202'][i], merchantCode: '', mode: 'full', quantity: (i: number) => [5, 0][i] },
			{ items: [{}, {}] },
		);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(pdd.calls.map((c) => [c.sku_id, c.quantity, c.update_type])).toEqual([
			['201', '5', '1'],
			['202', '0', '1'],
		]);
	});

	it('gets SKUs with prices in fen', async () => {
		pdd = fakePdd(() => pddOk('pdd.goods.list.get', { total_count: 1, goods_list: [{ goods_id: 1, goods_name: '杯', sku_list: [{ sku_id: 11, outer_id: 'A', sku_quantity: 3, spec: '红', price: 1990 }] }] }));
		const [out] = await run({ resource: 'inventory', operation: 'getSkus', returnAll: true });
		expect(json(out)).toEqual([
			{ channel: 'pinduoduo', shopId: '9001', channelItemId: '1', channelSkuId: '11', merchantCode: 'A', title: '杯', skuName: '红', quantity: 3, price: 1990, currency: 'CNY' },
		]);
	});

	it('gets after-sales with the unified refund state beside the raw fields', async () => {
		pdd = fakePdd((call) =>
			call.type === 'pdd.refund.list.increment.get'
				? pddOk(call.type, { total_count: 1, refund_list: [{ id: 5, order_sn: SN, after_sales_status: 10 }] })
				: pddOk(call.type, { id: 5, order_sn: SN, after_sales_status: 2 }),
		);
		const [many] = await run({ resource: 'refund', operation: 'getMany', from: '2024-05-02T09:00:00+08:00', to: '2024-05-02T09:10:00+08:00', refundStatus: '', returnAll: true });
		expect(json(many)).toEqual([{ channel: 'pinduoduo', shopId: '9001', refundState: 'refunded', id: 5, order_sn: SN, after_sales_status: 10 }]);
		const [one] = await run({ resource: 'refund', operation: 'get', refundId: '5', orderId: SN });
		expect(one[0].json).toMatchObject({ refundState: 'requested', id: 5 });
	});
});

describe('Pinduoduo node: errors', () => {
	const expired = () => pddError(10019, 'access_token已过期');

	it('throws a NodeApiError naming channel, shop, order, method, code and what to do', async () => {
		pdd = fakePdd(expired);
		const error = await run({ resource: 'order', operation: 'get', orderId: SN, output: 'normalized', options: {} }).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(new RegExp(`^pinduoduo shop 9001: pdd\\.order\\.information\\.get for order ${SN} failed with code 10019`));
		expect(error.message).toMatch(/re-authorize the shop/);
	});

	it('puts an error item on the main output with Continue On Fail and goes on', async () => {
		pdd = fakePdd((call) => (call.order_sn === '231126-1111111' ? expired() : pddOk('pdd.order.information.get', { order_info: sampleOrder() })));
		const [orders] = await run(
			{ resource: 'order', operation: 'get', orderId: (i: number) => ['231126-1111111', SN][i], output: 'normalized', options: {} },
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(orders.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(orders[0].json).toMatchObject({ errorKind: 'auth', channel: 'pinduoduo', shopId: '9001', orderId: '231126-1111111', code: 10019 });
		expect(orders[1].json.channelOrderId).toBe(SN);
	});

	it('refuses an unknown operation and a carrier it cannot translate', async () => {
		pdd = fakePdd(() => ({}));
		await expect(run({ resource: 'order', operation: 'delete' })).rejects.toThrow(/not supported/);
		await expect(run({ resource: 'order', operation: 'ship', orderId: SN, carrier: 'pigeon', trackingNumber: 'x' })).rejects.toThrow(/pigeon/);
		expect(pdd.calls).toHaveLength(0);
	});
});
