// The Pinduoduo nodes end to end against the in-process emulator: the trigger picks up orders confirmed
// after activation once, a quiet poll costs one call, the action node ships and sets stock, and what the
// emulator recorded is what the nodes sent.
import type { IDataObject } from 'n8n-workflow';
import { validateOrder } from '../../../../lib/model';
import { Pinduoduo } from '../../../../nodes/Pinduoduo/Pinduoduo.node';
import { PinduoduoTrigger } from '../../../../nodes/Pinduoduo/PinduoduoTrigger.node';
import { pinduoduoProvider } from '../../../../sandbox/providers/pinduoduo';
import { PDD_DEFAULTS } from '../../../../sandbox/providers/pinduoduo/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { emulatorNodes } from '../nodeKit';
import { admin } from './pddSandbox';

const SHOP = PDD_DEFAULTS.shops[0];
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ orders: 200, seed: 'pdd-nodes', factories: [pinduoduoProvider] });
});
afterAll(() => sandbox.close());

const credentials = () => ({
	pinduoduoApi: {
		environment: 'custom',
		customUrl: `${sandbox.url}/pinduoduo/api/router`,
		clientId: PDD_DEFAULTS.app.appKey,
		clientSecret: PDD_DEFAULTS.app.secret,
		accessToken: SHOP.token,
		shopId: SHOP.shopId,
	},
});

const { calls, trigger, node, advance } = emulatorNodes({
	sandbox: () => sandbox,
	credentials,
	methodOf: (request) => new URLSearchParams(String(request.body)).get('type') ?? '?',
	action: () => new Pinduoduo(),
	trigger: () => new PinduoduoTrigger(),
});

test('trigger, ship and stock against the emulator', async () => {
	const newOrders: IDataObject = {};
	const changes: IDataObject = {};
	const pollNew = trigger(newOrders, 'new');
	const pollChanges = trigger(changes, 'all');
	expect(await pollNew()).toBeNull();
	expect(await pollChanges()).toBeNull();
	expect(calls).toEqual([]);

	await advance(30_000);
	const created = await admin(sandbox, 'POST', '/orders', { channel: 'pinduoduo', shopId: SHOP.shopId, count: 3, status: 'paid' });
	const sns = created.orders.map((o: IDataObject) => o.channelOrderId).sort();
	await advance(60_000);

	const [fresh] = (await pollNew()) ?? [[]];
	expect(fresh.map((i) => i.json.channelOrderId).sort()).toEqual(sns);
	for (const item of fresh) expect(validateOrder(item.json)).toEqual([]);
	expect(fresh[0].json).toMatchObject({ channel: 'pinduoduo', shopId: SHOP.shopId, status: 'paid', receiver: { masked: true } });
	expect(((await pollChanges()) ?? [[]])[0].map((i) => i.json.channelOrderId)).toEqual(expect.arrayContaining(sns));

	calls.length = 0;
	await advance(60_000);
	expect(await pollNew()).toBeNull();
	expect(calls).toEqual(['pdd.order.number.list.increment.get']);

	const [shipped] = await node({ resource: 'order', operation: 'ship', orderId: sns[0], carrier: 'zto', trackingNumber: '73100000000001', modify: false });
	expect(shipped[0].json).toMatchObject({ shipped: true, logisticsId: '115' });
	const writes = (await admin(sandbox, 'GET', '/pushed?provider=pinduoduo')).writes as Array<{ kind: string; data: IDataObject }>;
	expect(writes.find((w) => w.kind === 'shipment')?.data).toMatchObject({ orderSn: sns[0], logisticsId: '115', carrier: 'zto', trackingNo: '73100000000001' });

	await advance(60_000);
	expect(await pollNew()).toBeNull();
	const updates = ((await pollChanges()) ?? [[]])[0].map((i) => i.json);
	expect(updates.find((o) => o.channelOrderId === sns[0])).toMatchObject({ status: 'shipped', logistics: { carrier: 'zto', trackingNo: '73100000000001' } });

	const [got] = await node({ resource: 'order', operation: 'get', orderId: sns[1], output: 'both', options: {} });
	expect(got[0].json).toMatchObject({ channelOrderId: sns[1], status: 'paid', raw: { order_sn: sns[1] } });

	const [skus] = await node({ resource: 'inventory', operation: 'getSkus', returnAll: false, limit: 5 });
	expect(skus).toHaveLength(5);
	const sku = skus.find((s) => s.json.channelSkuId !== null)!.json;
	const [stock] = await node({ resource: 'inventory', operation: 'updateStock', itemId: sku.channelItemId, skuId: sku.channelSkuId, merchantCode: '', quantity: 42, mode: 'full' });
	expect(stock[0].json).toMatchObject({ itemId: sku.channelItemId, quantity: 42, updated: true });
	const stockWrite = (await admin(sandbox, 'GET', '/pushed?provider=pinduoduo&kind=stock')).writes.at(-1);
	expect(stockWrite.data).toMatchObject({ goodsId: sku.channelItemId, skuId: sku.channelSkuId, after: 42, updateType: 1 });
});
