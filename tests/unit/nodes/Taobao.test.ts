import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { NodeApiError, type IDataObject } from 'n8n-workflow';
import { Taobao } from '../../../nodes/Taobao/Taobao.node';
import { actionRunner, itemsJson } from '../../helpers/n8n';
import { fakeTop, testCredentials, topError, topOk, type FakeTop } from '../channels/taobao/fakeTop';

const fixtureText = (name: string) => readFileSync(path.resolve(__dirname, '../../fixtures/channels/taobao', name), 'utf8');

const credentials = {
	taobaoApi: {
		environment: 'custom',
		customUrl: testCredentials.url,
		appKey: testCredentials.appKey,
		appSecret: testCredentials.appSecret,
		accessToken: testCredentials.session,
		shopId: testCredentials.shopId,
		signMethod: testCredentials.signMethod,
	},
};

let top: FakeTop | undefined;
beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	top?.done();
	top = undefined;
	nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const run = actionRunner(() => new Taobao(), credentials);
const json = itemsJson;

describe('Taobao node description', () => {
	const { description } = new Taobao();

	it('is an action node usable as a tool, with the Taobao credential', () => {
		expect(description).toMatchObject({ name: 'taobao', displayName: 'Taobao 淘宝/天猫', usableAsTool: true });
		expect(description.credentials).toEqual([{ name: 'taobaoApi', required: true }]);
	});

	it('has the resources and operations, each with an action', () => {
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

describe('Taobao node: orders', () => {
	it('gets one order, normalized and masked, on the first output with pairedItem', async () => {
		top = fakeTop(() => ({ status: 200, body: fixtureText('trade-fullinfo-get.json') }));
		const [orders, unnormalized] = await run({ resource: 'order', operation: 'get', orderId: '289749893209214687', output: 'normalized' });
		expect(unnormalized).toEqual([]);
		expect(orders).toHaveLength(1);
		expect(orders[0].pairedItem).toEqual({ item: 0 });
		expect(orders[0].json).toMatchObject({
			channel: 'taobao',
			shopId: 'shop-1',
			channelOrderId: '289749893209214687',
			status: 'paid',
			totals: { paid: 2 },
			receiver: { masked: true, token: '1Ya2bC3dE4fG5hI6jK7lM8nO9pQ' },
		});
		expect(orders[0].json.raw).toBeUndefined();
		expect(top.calls[0]).toMatchObject({ method: 'taobao.trade.fullinfo.get', tid: '289749893209214687', session: 'session-1' });
	});

	it('gets the raw trade with its big id intact on a single output', async () => {
		top = fakeTop(() => ({ status: 200, body: fixtureText('trade-fullinfo-get.json') }));
		const outputs = await run({ resource: 'order', operation: 'get', orderId: '289749893209214687', output: 'raw' });
		expect(outputs).toHaveLength(1);
		expect(outputs[0][0].json).toMatchObject({ tid: '289749893209214687', tid_str: '289749893209214687' });
	});

	it('gets many orders by modified time in Beijing time, with Both output and a limit', async () => {
		top = fakeTop(() => ({ status: 200, body: fixtureText('trades-sold-get.json').replace('trades_sold_get_response', 'trades_sold_increment_get_response') }));
		const [orders] = await run({
			resource: 'order',
			operation: 'getMany',
			timeField: 'modified',
			from: '2024-05-01T00:00:00',
			to: '2024-05-01T12:00:00+08:00',
			status: 'SELLER_CONSIGNED_PART',
			returnAll: false,
			limit: 1,
			output: 'both',
			options: {},
		});
		expect(json(orders).map((o) => [o.channelOrderId, (o.raw as IDataObject).tid])).toEqual([['227668460417201790', '227668460417201790']]);
		expect(top.calls[0]).toMatchObject({
			method: 'taobao.trades.sold.increment.get',
			start_modified: '2024-05-01 00:00:00',
			end_modified: '2024-05-01 12:00:00',
			status: 'SELLER_CONSIGNED_PART',
		});
	});

	it('sends orders that cannot be normalized to the Unnormalized output with every problem', async () => {
		const body = fixtureText('trades-sold-get.json').replace('"payment": "247.80"', '"payment": "24.7.80"');
		top = fakeTop(() => ({ status: 200, body }));
		const [orders, unnormalized] = await run({
			resource: 'order',
			operation: 'getMany',
			timeField: 'created',
			from: '2024-05-01T00:00:00+08:00',
			to: '2024-05-02T00:00:00+08:00',
			status: '',
			returnAll: true,
			output: 'normalized',
			options: {},
		});
		expect(json(orders).map((o) => o.channelOrderId)).toEqual(['227668460417201790']);
		expect(unnormalized).toHaveLength(1);
		expect(unnormalized[0].pairedItem).toEqual({ item: 0 });
		expect(unnormalized[0].json).toMatchObject({
			channel: 'taobao',
			channelOrderId: '4011234567890123457',
			problems: [expect.objectContaining({ path: '$.payment' })],
			raw: expect.objectContaining({ tid: '4011234567890123457' }),
		});
		expect(top.calls[0]).toMatchObject({ method: 'taobao.trades.sold.get', use_has_next: 'true' });
	});

	it('ships with our carrier id translated to the Taobao code, split by line ids', async () => {
		top = fakeTop((p) => topOk(p.method, { shipping: { is_success: true } }));
		const [out] = await run({
			resource: 'order',
			operation: 'ship',
			orderId: '4011234567890123457',
			carrier: 'sf',
			trackingNumber: ' SF1234567890 ',
			lineIds: '4011234567890123458, 4011234567890123459',
		});
		expect(top.calls[0]).toMatchObject({
			company_code: 'SF',
			out_sid: 'SF1234567890',
			is_split: '1',
			sub_tid: '4011234567890123458,4011234567890123459',
		});
		expect(out[0].json).toMatchObject({ shipped: true, carrierCode: 'SF', lineIds: ['4011234567890123458', '4011234567890123459'] });
	});

	it('adds to the existing memo by reading it first', async () => {
		top = fakeTop((p) =>
			p.method === 'taobao.trade.fullinfo.get'
				? topOk(p.method, { trade: { tid: 1, seller_memo: '已核对' } })
				: topOk(p.method, { trade: { tid: 1 } }),
		);
		const [out] = await run({ resource: 'order', operation: 'addMemo', orderId: '1', memo: '加急', append: true, flag: 1 });
		expect(top.methods()).toEqual(['taobao.trade.fullinfo.get', 'taobao.trade.memo.update']);
		expect(top.calls[1]).toMatchObject({ memo: '已核对\n加急', flag: '1' });
		expect(out[0].json).toMatchObject({ sellerMemo: '已核对\n加急', flag: 1 });
	});
});

describe('Taobao node: inventory and refunds', () => {
	it('updates stock once per input item, keeping pairedItem', async () => {
		top = fakeTop((p) => topOk(p.method, { item: { num_iid: Number(p.num_iid), num: Number(p.quantity) } }));
		const items = [
			{ itemId: '11', skuId: '101', qty: 5 },
			{ itemId: '11', skuId: '102', qty: 0 },
			{ itemId: '22', skuId: '', qty: 3 },
		];
		const [out] = await run(
			{
				resource: 'inventory',
				operation: 'updateStock',
				itemId: (i: number) => items[i].itemId,
				skuId: (i: number) => items[i].skuId,
				merchantCode: '',
				quantity: (i: number) => items[i].qty,
				mode: 'full',
			},
			{ items: items as unknown as IDataObject[] },
		);
		expect(top.calls.map((c) => [c.num_iid, c.sku_id, c.quantity, c.type])).toEqual([
			['11', '101', '5', '1'],
			['11', '102', '0', '1'],
			['22', undefined, '3', '1'],
		]);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('gets SKUs with ids, merchant codes and prices in fen', async () => {
		top = fakeTop((p) =>
			p.method === 'taobao.items.onsale.get'
				? topOk(p.method, { total_results: 1, items: { item: [{ num_iid: 11 }] } })
				: topOk(p.method, { item: { num_iid: 11, title: 'T恤', skus: { sku: [{ sku_id: 101, outer_id: 'TEE-M', price: '59.90', quantity: 4 }] } } }),
		);
		const [out] = await run({ resource: 'inventory', operation: 'getSkus', returnAll: true });
		expect(json(out)).toEqual([
			{
				channel: 'taobao',
				shopId: 'shop-1',
				channelItemId: '11',
				channelSkuId: '101',
				merchantCode: 'TEE-M',
				title: 'T恤',
				skuName: null,
				quantity: 4,
				price: 5990,
				currency: 'CNY',
			},
		]);
	});

	it('gets refunds with the unified refund state beside the raw one', async () => {
		top = fakeTop((p) => topOk(p.method, { has_next: false, refunds: { refund: [{ refund_id: 9, status: 'WAIT_SELLER_AGREE' }] } }));
		const [out] = await run({ resource: 'refund', operation: 'getMany', from: '', to: '', refundStatus: '', returnAll: true });
		expect(json(out)).toEqual([{ channel: 'taobao', shopId: 'shop-1', refundState: 'requested', refund_id: 9, status: 'WAIT_SELLER_AGREE' }]);
	});
});

describe('Taobao node: errors', () => {
	const expired = () => topError(27, 'Invalid session', 'sessionkey-expired', 'SessionKey已过期');

	it('throws a NodeApiError naming channel, shop, order, method, code and what to do', async () => {
		top = fakeTop(expired);
		const error = await run({ resource: 'order', operation: 'get', orderId: '123', output: 'normalized' }).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^taobao shop shop-1: taobao\.trade\.fullinfo\.get for order 123 failed with code 27\/sessionkey-expired/);
		expect(error.message).toMatch(/re-authorize the shop/);
		expect(error.description).toMatch(/SessionKey已过期/);
	});

	it('puts an error item on the main output with Continue On Fail and goes on', async () => {
		top = fakeTop((p) => (p.tid === '1' ? expired() : { status: 200, body: fixtureText('trade-fullinfo-get.json') }));
		const [orders] = await run(
			{ resource: 'order', operation: 'get', orderId: (i: number) => ['1', '289749893209214687'][i], output: 'normalized' },
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(orders.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(orders[0].json).toMatchObject({ errorKind: 'auth', channel: 'taobao', shopId: 'shop-1', orderId: '1', code: 27 });
		expect(orders[1].json.channelOrderId).toBe('289749893209214687');
	});

	it('refuses an unknown operation', async () => {
		await expect(run({ resource: 'order', operation: 'delete' })).rejects.toThrow(/not supported/);
	});
});
