// The Taobao nodes end to end against the in-process emulator: the trigger picks up orders placed after
// activation once, a quiet poll costs one call, the action node ships, writes the memo and sets stock,
// and what the emulator recorded is what the nodes sent.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { validateOrder } from '../../../../lib/model';
import { Taobao } from '../../../../nodes/Taobao/Taobao.node';
import { TaobaoTrigger } from '../../../../nodes/Taobao/TaobaoTrigger.node';
import { taobaoProvider } from '../../../../sandbox/providers/taobao';
import { TAOBAO_DEFAULTS } from '../../../../sandbox/providers/taobao/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { fakeExecuteContext, fakePollContext, fetchHttpRequest } from '../../../helpers/n8n';
import { admin } from './taobaoSandbox';

const SHOP = TAOBAO_DEFAULTS.shops[0];
let sandbox: Sandbox;
let calls: string[] = [];

beforeAll(async () => {
	sandbox = await startSandbox({ orders: 200, seed: 'taobao-nodes', factories: [taobaoProvider] });
});
afterAll(() => sandbox.close());
beforeEach(() => {
	// TOP refuses timestamps 10 minutes off its clock, so the nodes read the emulator's clock.
	jest.spyOn(Date, 'now').mockImplementation(() => sandbox.world.clock.now());
	calls = [];
});
afterEach(() => jest.restoreAllMocks());

const credentials = () => ({
	taobaoApi: {
		environment: 'custom',
		customUrl: `${sandbox.url}/taobao/router/rest`,
		appKey: TAOBAO_DEFAULTS.app.appKey,
		appSecret: TAOBAO_DEFAULTS.app.secret,
		accessToken: SHOP.session,
		shopId: SHOP.shopId,
		signMethod: 'hmac',
	},
});

async function countedRequest(options: IDataObject) {
	calls.push(new URLSearchParams(String(options.body)).get('method') ?? '?');
	return await fetchHttpRequest(options);
}

function trigger(staticData: IDataObject, event: string) {
	const context = fakePollContext({
		parameters: { event, output: 'normalized', options: {} },
		credentials: credentials(),
		staticData,
		httpRequest: countedRequest,
	});
	return () => new TaobaoTrigger().poll.call(context);
}

async function node(parameters: Record<string, unknown>): Promise<INodeExecutionData[][]> {
	const context = fakeExecuteContext({ parameters, credentials: credentials(), httpRequest: countedRequest });
	return await new Taobao().execute.call(context);
}

const advance = (ms: number) => admin(sandbox, 'POST', '/clock', { advanceMs: ms });

test('trigger, ship, memo and stock against the emulator', async () => {
	const newOrders: IDataObject = {};
	const changes: IDataObject = {};
	const pollNew = trigger(newOrders, 'new');
	const pollChanges = trigger(changes, 'all');
	expect(await pollNew()).toBeNull();
	expect(await pollChanges()).toBeNull();
	expect(calls).toEqual([]);

	await advance(30_000);
	const created = await admin(sandbox, 'POST', '/orders', { channel: 'taobao', shopId: SHOP.shopId, count: 3, status: 'paid' });
	const tids = created.orders.map((o: IDataObject) => o.channelOrderId).sort();
	await advance(60_000);

	const [fresh] = (await pollNew()) ?? [[]];
	expect(fresh.map((i) => i.json.channelOrderId).sort()).toEqual(tids);
	for (const item of fresh) expect(validateOrder(item.json)).toEqual([]);
	expect(fresh[0].json).toMatchObject({ channel: 'taobao', shopId: SHOP.shopId, status: 'paid', receiver: { masked: true } });
	expect(((await pollChanges()) ?? [[]])[0]).toHaveLength(3);

	calls = [];
	await advance(60_000);
	expect(await pollNew()).toBeNull();
	expect(calls).toEqual(['taobao.trades.sold.increment.get']);

	const [shipped] = await node({
		resource: 'order',
		operation: 'ship',
		orderId: tids[0],
		carrier: 'sf',
		trackingNumber: 'SF1400000000001',
		lineIds: '',
	});
	expect(shipped[0].json).toMatchObject({ shipped: true, carrierCode: 'SF' });
	const [memo] = await node({ resource: 'order', operation: 'addMemo', orderId: tids[1], memo: '加急', append: true, flag: 1 });
	expect(memo[0].json.sellerMemo).toBe('加急');
	const writes = (await admin(sandbox, 'GET', '/pushed?provider=taobao')).writes as Array<{ kind: string; data: IDataObject }>;
	expect(writes.find((w) => w.kind === 'shipment')?.data).toMatchObject({ tid: tids[0], companyCode: 'SF', trackingNo: 'SF1400000000001' });
	expect(writes.find((w) => w.kind === 'memo')?.data).toMatchObject({ tid: tids[1], memo: '加急', flag: 1 });

	await advance(60_000);
	expect(await pollNew()).toBeNull();
	const updates = ((await pollChanges()) ?? [[]])[0].map((i) => i.json);
	expect(updates.map((o) => o.channelOrderId).sort()).toEqual([tids[0], tids[1]].sort());
	expect(updates.find((o) => o.channelOrderId === tids[0])).toMatchObject({
		status: 'shipped',
		logistics: { carrier: 'sf', trackingNo: 'SF1400000000001' },
	});
	expect(updates.find((o) => o.channelOrderId === tids[1])?.sellerMemo).toBe('加急');

	const [skus] = await node({ resource: 'inventory', operation: 'getSkus', returnAll: false, limit: 5 });
	const sku = skus[0].json;
	const [stock] = await node({
		resource: 'inventory',
		operation: 'updateStock',
		itemId: sku.channelItemId,
		skuId: sku.channelSkuId ?? '',
		merchantCode: '',
		quantity: 42,
		mode: 'full',
	});
	expect(stock[0].json).toMatchObject({ itemId: sku.channelItemId, quantity: 42 });
	const stockWrite = (await admin(sandbox, 'GET', '/pushed?provider=taobao&kind=stock')).writes.at(-1);
	expect(stockWrite.data).toMatchObject({ itemId: sku.channelItemId, after: 42, type: 1 });
});
