// The Xiaohongshu nodes end to end against the in-process emulator: the trigger picks up orders placed after
// activation once, a quiet poll costs one call, the action node ships and sets stock, and what the emulator
// recorded is what the nodes sent.
import type { IDataObject } from 'n8n-workflow';
import { validateOrder } from '../../../../lib/model';
import { Xiaohongshu } from '../../../../nodes/Xiaohongshu/Xiaohongshu.node';
import { XiaohongshuTrigger } from '../../../../nodes/Xiaohongshu/XiaohongshuTrigger.node';
import { xhsProvider } from '../../../../sandbox/providers/xhs';
import { XHS_DEFAULTS, XHS_GATEWAY_PATH } from '../../../../sandbox/providers/xhs/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { emulatorNodes } from '../nodeKit';
import { admin } from './xhsSandbox';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ orders: 200, seed: 'xhs-nodes', factories: [xhsProvider] });
});
afterAll(() => sandbox.close());

const credentials = () => ({
	xiaohongshuApi: {
		environment: 'custom',
		customUrl: `${sandbox.url}/xhs${XHS_GATEWAY_PATH}`,
		appId: XHS_DEFAULTS.app.appKey,
		appSecret: XHS_DEFAULTS.app.secret,
		accessToken: XHS_DEFAULTS.token.accessToken,
		sellerId: XHS_DEFAULTS.shop.shopId,
	},
});

const { calls, trigger, node, advance } = emulatorNodes({
	sandbox: () => sandbox,
	credentials,
	methodOf: (request) => String(JSON.parse(String(request.body)).method),
	action: () => new Xiaohongshu(),
	trigger: () => new XiaohongshuTrigger(),
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
	const created = await admin(sandbox, 'POST', '/orders', { channel: 'xiaohongshu', count: 3, status: 'paid' });
	const ids = created.orders.map((o: IDataObject) => o.channelOrderId).sort();
	await advance(60_000);

	const [fresh] = (await pollNew()) ?? [[]];
	expect(fresh.map((i) => i.json.channelOrderId).sort()).toEqual(ids);
	for (const item of fresh) expect(validateOrder(item.json)).toEqual([]);
	expect(fresh[0].json).toMatchObject({ channel: 'xiaohongshu', shopId: XHS_DEFAULTS.shop.shopId, status: 'paid', receiver: { masked: true } });
	expect(((await pollChanges()) ?? [[]])[0]).toHaveLength(3);

	calls.length = 0;
	await advance(60_000);
	expect(await pollNew()).toBeNull();
	expect(calls).toEqual(['order.getOrderList']);

	const [shipped] = await node({ resource: 'order', operation: 'ship', orderId: ids[0], carrier: 'sf', trackingNumber: 'SF1400000000001', skuIds: '' });
	expect(shipped[0].json).toMatchObject({ shipped: true, carrierCode: 'shunfeng' });
	const writes = (await admin(sandbox, 'GET', '/pushed?provider=xhs')).writes as Array<{ kind: string; data: IDataObject }>;
	expect(writes.find((w) => w.kind === 'shipment')?.data).toMatchObject({ orderId: ids[0], expressCompanyCode: 'shunfeng', carrier: 'sf', trackingNo: 'SF1400000000001' });

	await advance(60_000);
	expect(await pollNew()).toBeNull();
	const updates = ((await pollChanges()) ?? [[]])[0].map((i) => i.json);
	expect(updates.map((o) => o.channelOrderId)).toEqual([ids[0]]);
	expect(updates[0]).toMatchObject({ status: 'shipped', logistics: { carrier: 'sf', trackingNo: 'SF1400000000001' } });

	const [skus] = await node({ resource: 'inventory', operation: 'getSkus', returnAll: false, limit: 5 });
	const sku = skus[0].json;
	const [stock] = await node({ resource: 'inventory', operation: 'updateStock', skuId: sku.channelSkuId, quantity: 42, mode: 'full' });
	expect(stock[0].json).toMatchObject({ skuId: sku.channelSkuId, quantity: 42, updated: true });
	const stockWrite = (await admin(sandbox, 'GET', '/pushed?provider=xhs&kind=stock')).writes.at(-1);
	expect(stockWrite.data).toMatchObject({ skuId: sku.channelSkuId, after: 42, mode: 'sync' });
});
