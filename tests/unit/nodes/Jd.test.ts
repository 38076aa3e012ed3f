import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { NodeApiError, type IDataObject } from 'n8n-workflow';
import { Jd } from '../../../nodes/Jd/Jd.node';
import { actionRunner, itemsJson } from '../../helpers/n8n';
import { fakeJos, josError, josOk, testCredentials, type FakeJos } from '../channels/jd/fakeJos';

const fixtureText = (name: string) => readFileSync(path.resolve(__dirname, '../../fixtures/channels/jd', name), 'utf8');

const credentials = {
	jdApi: {
		environment: 'custom',
		customUrl: testCredentials.url,
		appKey: testCredentials.appKey,
		appSecret: testCredentials.appSecret,
		accessToken: testCredentials.accessToken,
		shopId: testCredentials.shopId,
	},
};

let jos: FakeJos | undefined;
beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	jos = undefined;
	nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const run = actionRunner(() => new Jd(), credentials);
const json = itemsJson;

describe('JD node description', () => {
	const { description } = new Jd();

	it('is an action node usable as a tool, with the JD credential', () => {
		expect(description).toMatchObject({ name: 'jd', displayName: 'JD 京东', usableAsTool: true });
		expect(description.credentials).toEqual([{ name: 'jdApi', required: true }]);
	});

	it('has the same resources and operations as the other channel nodes, each with an action', () => {
		const operations = description.properties
			.filter((p) => p.name === 'operation')
			.map((p) => [p.displayOptions?.show?.resource, (p.options as Array<{ value: string; action: string }>).map((o) => o.value)]);
		expect(operations).toEqual([
			[['order'], ['addMemo', 'get', 'getMany', 'ship']],
			[['inventory'], ['getSkus', 'updateStock']],
			[['refund'], ['get', 'getMany']],
		]);
	});

	it('declares the Unnormalized output only where orders are normalized', () => {
		expect(description.outputs).toContain('displayName: "Unnormalized"');
		expect(description.outputs).toContain('$parameter.output !== "raw"');
	});
});

describe('JD node: orders', () => {
	it('gets one order, normalized and masked, on the first output with pairedItem', async () => {
		jos = fakeJos(() => ({ status: 200, body: fixtureText('order-get.json') }));
		const [orders, unnormalized] = await run({ resource: 'order', operation: 'get', orderId: '3014567890123456789', output: 'normalized', options: {} });
		expect(unnormalized).toEqual([]);
		expect(orders[0].pairedItem).toEqual({ item: 0 });
		expect(orders[0].json).toMatchObject({
			channel: 'jd',
			shopId: '10139288',
			channelOrderId: '3014567890123456789',
			status: 'paid',
			totals: { paid: 245300 },
			receiver: { masked: true, token: 'JDoaid6a4b2c9d8e7f60123456789abcdef' },
		});
		expect(jos.calls[0]).toMatchObject({ method: 'jingdong.pop.order.get', params: { access_token: 'token-1' } });
	});

	it('gets the raw orderInfo with its big id intact on a single output', async () => {
		jos = fakeJos(() => ({ status: 200, body: fixtureText('order-get.json') }));
		const outputs = await run({ resource: 'order', operation: 'get', orderId: '3014567890123456789', output: 'raw', options: {} });
		expect(outputs).toHaveLength(1);
		expect(outputs[0][0].json).toMatchObject({ orderId: '3014567890123456789', venderId: '10139288' });
	});

	it('gets many orders by modified time in Beijing time, with Both output and a limit', async () => {
		jos = fakeJos(() => ({ status: 200, body: fixtureText('order-search.json') }));
		const [orders] = await run({
			resource: 'order',
			operation: 'getMany',
			timeField: 'modified',
			from: '2024-02-20T00:00:00',
			to: '2024-02-28T12:00:00+08:00',
			status: 'FINISHED_L',
			returnAll: false,
			limit: 1,
			output: 'both',
			options: {},
		});
		expect(json(orders).map((o) => [o.channelOrderId, (o.raw as IDataObject).orderId])).toEqual([['3014567890123456791', '3014567890123456791']]);
		expect(jos.calls[0].business).toMatchObject({
			start_date: '2024-02-20 00:00:00',
			end_date: '2024-02-28 12:00:00',
			order_state: 'FINISHED_L',
			dateType: '0',
		});
	});

	it('sends orders that cannot be normalized to the Unnormalized output with every problem', async () => {
		jos = fakeJos(() => ({ status: 200, body: fixtureText('order-search.json').replace('"orderPayment": "59.00"', '"orderPayment": "5.9.00"') }));
		const [orders, unnormalized] = await run({
			resource: 'order',
			operation: 'getMany',
			timeField: 'created',
			from: '2024-02-20T00:00:00+08:00',
			to: '2024-02-28T00:00:00+08:00',
			status: '',
			returnAll: true,
			output: 'normalized',
			options: {},
		});
		expect(json(orders).map((o) => o.channelOrderId)).toEqual(['3014567890123456791']);
		expect(unnormalized[0].pairedItem).toEqual({ item: 0 });
		expect(unnormalized[0].json).toMatchObject({
			channel: 'jd',
			channelOrderId: '301456789012345679',
			problems: [expect.objectContaining({ path: '$.orderPayment' })],
		});
		expect(jos.calls[0].business.dateType).toBe('1');
	});

	it('ships with our carrier id translated to the JD carrier id, several waybills joined', async () => {
		jos = fakeJos((call) => josOk(call.method, { sopjosshipment_result: { success: true } }));
		const [out] = await run({ resource: 'order', operation: 'ship', orderId: '3014567890123456789', carrier: 'sf', trackingNumber: ' SF1, SF2 ' });
		expect(jos.calls[0].business).toEqual({ orderId: '3014567890123456789', logiCoprId: '467', logiNo: 'SF1,SF2' });
		expect(out[0].json).toMatchObject({ shipped: true, carrierCode: '467', trackingNumber: 'SF1,SF2' });
	});

	it('adds to the existing memo by reading venderRemark first', async () => {
		jos = fakeJos((call) =>
			call.method === 'jingdong.pop.order.get'
				? josOk(call.method, { orderDetailInfo: { apiResult: { success: true }, orderInfo: { orderId: 1, venderRemark: '已核对' } } })
				: josOk(call.method, { modifyvenderremark_result: { success: true } }),
		);
		const [out] = await run({ resource: 'order', operation: 'addMemo', orderId: '1', memo: '加急', append: true, flag: 1 });
		expect(jos.methods()).toEqual(['jingdong.pop.order.get', 'jingdong.pop.order.modifyVenderRemark']);
		expect(jos.calls[1].business).toEqual({ order_id: 1, remark: '已核对\n加急', flag: 1 });
		expect(out[0].json).toMatchObject({ sellerMemo: '已核对\n加急', flag: 1 });
	});
});

describe('JD node: inventory and refunds', () => {
	it('sets stock once per input item, keeping pairedItem', async () => {
		jos = fakeJos((call) => josOk(call.method, { success: true }));
		const items = [
			{ skuId: '100012043978', qty: 5 },
			{ skuId: '100012043979', qty: 0 },
		];
		const [out] = await run(
			{ resource: 'inventory', operation: 'updateStock', skuId: (i: number) => items[i].skuId, quantity: (i: number) => items[i].qty },
			{ items: items as unknown as IDataObject[] },
		);
		// Inside n8n BigInt has a toJSON that writes strings; JD's Long ids must still go out as numbers.
		expect(jos.calls.map((c) => c.paramJson)).toEqual(['{"skuId":100012043978,"stockNum":5}', '{"skuId":100012043979,"stockNum":0}']);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('gets SKUs with ids, merchant codes and prices in fen', async () => {
		jos = fakeJos((call) =>
			josOk(call.method, { page: { data: [{ skuId: 101, wareId: 11, outerId: 'TEE-M', skuName: 'T恤 M', wareTitle: 'T恤', jdPrice: '59.90', stockNum: 4 }], totalItem: 1 } }),
		);
		const [out] = await run({ resource: 'inventory', operation: 'getSkus', returnAll: true });
		expect(json(out)).toEqual([
			{
				channel: 'jd',
				shopId: '10139288',
				channelItemId: '11',
				channelSkuId: '101',
				merchantCode: 'TEE-M',
				title: 'T恤',
				skuName: 'T恤 M',
				quantity: 4,
				price: 5990,
				currency: 'CNY',
			},
		]);
	});

	it('gets refund applications with the unified refund state and label beside the raw ones', async () => {
		jos = fakeJos(() => ({ status: 200, body: fixtureText('refundapply-querypagelist.json') }));
		const [out] = await run({ resource: 'refund', operation: 'getMany', timeField: 'checked', from: '', to: '', refundStatus: '3', returnAll: true });
		expect(json(out).map((r) => [r.channel, r.refundState, r.statusLabel, r.id])).toEqual([
			['jd', 'refunded', '京东财务审核通过', 21004455667],
			['jd', 'requested', '未审核', 21004455700],
		]);
		expect(jos.calls[0].business).toMatchObject({ status: '3', checkTimeStart: expect.any(String) });
	});
});

describe('JD node: errors', () => {
	const expired = () => josError('19', '无效access_token', 'Invalid access_token');

	it('throws a NodeApiError naming channel, shop, order, method, code and what to do', async () => {
		jos = fakeJos(expired);
		const error = await run({ resource: 'order', operation: 'get', orderId: '123', output: 'normalized', options: {} }).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^jd shop 10139288: jingdong\.pop\.order\.get for order 123 failed with code 19/);
		expect(error.message).toMatch(/re-authorize the shop/);
		expect(error.description).toMatch(/无效access_token/);
	});

	it('puts an error item on the main output with Continue On Fail and goes on', async () => {
		jos = fakeJos((call) => (call.business.order_id === 1 ? expired() : { status: 200, body: fixtureText('order-get.json') }));
		const [orders] = await run(
			{ resource: 'order', operation: 'get', orderId: (i: number) => ['1', '3014567890123456789'][i], output: 'normalized', options: {} },
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(orders.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(orders[0].json).toMatchObject({ errorKind: 'auth', channel: 'jd', shopId: '10139288', orderId: '1', code: '19' });
		expect(orders[1].json.channelOrderId).toBe('3014567890123456789');
	});

	it('refuses an unknown operation and a carrier it cannot translate', async () => {
		await expect(run({ resource: 'order', operation: 'delete' })).rejects.toThrow(/not supported/);
		await expect(run({ resource: 'order', operation: 'ship', orderId: '1', carrier: 'pigeon', trackingNumber: 'x' })).rejects.toThrow(/pigeon/);
	});
});
