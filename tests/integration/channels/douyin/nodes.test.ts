// The Douyin nodes end to end against the in-process emulator: the trigger picks up orders placed after
// activation once, a quiet poll costs one call, the action node ships, writes a remark and sets stock, what
// the emulator recorded is what the nodes sent, and Order Normalize turns a raw list reply into orders.
import type { IDataObject } from 'n8n-workflow';
import { validateOrder } from '../../../../lib/model';
import { Douyin } from '../../../../nodes/Douyin/Douyin.node';
import { DouyinTrigger } from '../../../../nodes/Douyin/DouyinTrigger.node';
import { OrderNormalize } from '../../../../nodes/OrderNormalize/OrderNormalize.node';
import { douyinProvider } from '../../../../sandbox/providers/douyin';
import { DOUYIN_DEFAULTS } from '../../../../sandbox/providers/douyin/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { fakeExecuteContext } from '../../../helpers/n8n';
import { emulatorNodes } from '../nodeKit';
import { admin } from './douyinSandbox';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ orders: 200, seed: 'douyin-nodes', factories: [douyinProvider] });
});
afterAll(() => sandbox.close());

const credentials = () => ({
	douyinApi: {
		environment: 'custom',
		customUrl: `${sandbox.url}/douyin`,
		appKey: DOUYIN_DEFAULTS.app.appKey,
		appSecret: DOUYIN_DEFAULTS.app.secret,
		shopId: DOUYIN_DEFAULTS.shop.shopId,
		accessToken: DOUYIN_DEFAULTS.token.accessToken,
	},
});

const { calls, trigger, node, advance } = emulatorNodes({
	sandbox: () => sandbox,
	credentials,
	methodOf: (request) => String((request.qs as IDataObject).method),
	action: () => new Douyin(),
	trigger: () => new DouyinTrigger(),
});

test('trigger, ship, remark and stock against the emulator', async () => {
	const newOrders: IDataObject = {};
	const changes: IDataObject = {};
	const pollNew = trigger(newOrders, 'new');
	const pollChanges = trigger(changes, 'all');
	expect(await pollNew()).toBeNull();
	expect(await pollChanges()).toBeNull();
	expect(calls).toEqual([]);

	await advance(30_000);
	const created = await admin(sandbox, 'POST', '/orders', { channel: 'douyin', count: 3, status: 'paid' });
	const ids = created.orders.map((o: IDataObject) => o.channelOrderId).sort();
	await advance(60_000);

	calls.length = 0;
	const [fresh] = (await pollNew()) ?? [[]];
	expect(fresh.map((i) => i.json.channelOrderId).sort()).toEqual(ids);
	for (const item of fresh) expect(validateOrder(item.json)).toEqual([]);
	expect(fresh[0].json).toMatchObject({ channel: 'douyin', shopId: DOUYIN_DEFAULTS.shop.shopId, status: 'paid', receiver: { masked: true } });
	// Whole orders come with the list: no detail calls.
	expect(calls).toEqual(['order.searchList']);
	expect(((await pollChanges()) ?? [[]])[0]).toHaveLength(3);

	calls.length = 0;
	await advance(60_000);
	expect(await pollNew()).toBeNull();
	expect(calls).toEqual(['order.searchList']);

	const [shipped] = await node({ resource: 'order', operation: 'ship', orderId: ids[0], carrier: 'sf', trackingNumber: 'SF1400000000001', ignoreRefundRequest: false });
	expect(shipped[0].json).toMatchObject({ shipped: true, carrierCode: 'shunfeng' });
	const writes = (await admin(sandbox, 'GET', '/pushed?provider=douyin')).writes as Array<{ kind: string; data: IDataObject }>;
	expect(writes.find((w) => w.kind === 'shipment')?.data).toMatchObject({ orderId: ids[0], companyCode: 'shunfeng', carrier: 'sf', trackingNo: 'SF1400000000001' });

	await node({ resource: 'order', operation: 'addMemo', orderId: ids[1], memo: '送礼，不放发票', append: false, flag: 5 });

	await advance(60_000);
	expect(await pollNew()).toBeNull();
	const updates = ((await pollChanges()) ?? [[]])[0].map((i) => i.json);
	expect(updates.map((o) => o.channelOrderId).sort()).toEqual([ids[0], ids[1]].sort());
	expect(updates.find((o) => o.channelOrderId === ids[0])).toMatchObject({ status: 'shipped', logistics: { carrier: 'sf', trackingNo: 'SF1400000000001' } });
	expect(updates.find((o) => o.channelOrderId === ids[1])).toMatchObject({ sellerMemo: '送礼，不放发票' });

	const [skus] = await node({ resource: 'inventory', operation: 'getSkus', productId: '', returnAll: false, limit: 5 });
	const sku = skus[0].json;
	const [stock] = await node({ resource: 'inventory', operation: 'updateStock', skuKey: 'skuId', skuId: sku.channelSkuId, quantity: 42, mode: 'full' });
	expect(stock[0].json).toMatchObject({ skuId: sku.channelSkuId, quantity: 42, updated: true });
	const stockWrite = (await admin(sandbox, 'GET', '/pushed?provider=douyin&kind=stock')).writes.at(-1);
	expect(stockWrite.data).toMatchObject({ skuId: sku.channelSkuId, after: 42, mode: 'full' });
});

test('Order Normalize detects a raw Douyin list reply and normalizes every order', async () => {
	const now = Math.floor(sandbox.world.clock.now() / 1000);
	const [raw] = await node({ resource: 'order', operation: 'getMany', timeField: 'created', from: new Date((now - 3 * 86_400) * 1000).toISOString(), to: new Date(now * 1000).toISOString(), statuses: [], returnAll: true, output: 'raw', options: {} });
	expect(raw.length).toBeGreaterThan(0);
	const reply = { code: 10000, msg: 'success', data: { page: 0, size: 100, total: raw.length, shop_order_list: raw.map((i) => i.json) } };
	const context = fakeExecuteContext({ parameters: { channel: 'detect', shopId: '', options: {} }, items: [reply as IDataObject], credentials: credentials() });
	const [normalized, unnormalized] = await new OrderNormalize().execute.call(context);
	expect(unnormalized).toEqual([]);
	expect(normalized.map((i) => i.json.channel)).toEqual(raw.map(() => 'douyin'));
	expect(normalized.map((i) => i.json.channelOrderId)).toEqual(raw.map((i) => i.json.order_id));
});
