// Stock Sync in Execute mode against the in-process Taobao emulator: the changed listing lands in the
// emulator's recorded stock updates, the ledger is acknowledged, and a second run pushes nothing.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { Taobao } from '../../../nodes/Taobao/Taobao.node';
import { cachedStore, storeConfigFromCredential } from '../../../nodes/shared/store';
import { StockSync } from '../../../nodes/StockSync/StockSync.node';
import { taobaoProvider } from '../../../sandbox/providers/taobao';
import { TAOBAO_DEFAULTS } from '../../../sandbox/providers/taobao/models';
import type { Sandbox } from '../../../sandbox/server';
import { fakeExecuteContext, fetchHttpRequest } from '../../helpers/n8n';
import { admin } from '../channels/taobao/taobaoSandbox';
import { sandboxWithStore } from './storeSandbox';

const SHOP = TAOBAO_DEFAULTS.shops[0];
let sandbox: Sandbox;
const { orderStoreApi } = sandboxWithStore({ orders: 20, seed: 'stock-sync', factories: [taobaoProvider] }, 'uo-sync-', (started) => (sandbox = started));

const credentials = () => ({
	orderStoreApi: orderStoreApi(),
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

async function run(node: Taobao | StockSync, parameters: Record<string, unknown>): Promise<INodeExecutionData[][]> {
	const context = fakeExecuteContext({ parameters, credentials: credentials() as Record<string, IDataObject>, httpRequest: fetchHttpRequest });
	return await node.execute.call(context);
}

const syncParams = { mode: 'execute', listingSource: 'store', policies: {}, maxCutPercent: 20, dropPercent: 50, confirmLargeChanges: false };

test('Execute pushes changed Taobao listings into the emulator and acknowledges them in the ledger', async () => {
	const [skus] = await run(new Taobao(), { resource: 'inventory', operation: 'getSkus', returnAll: false, limit: 2 });
	const listings = skus.map((item) => item.json).filter((sku) => sku.channelSkuId);
	expect(listings.length).toBeGreaterThan(0);
	const store = await cachedStore(storeConfigFromCredential(credentials().orderStoreApi as never));
	await store.upsertWarehouses([{ id: 'main', name: '主仓' }]);
	await store.upsertMasterSkus(listings.map((_, i) => ({ sku: `M-${i}`, title: `M-${i}` })));
	await store.setOnHand(listings.map((_, i) => ({ warehouseId: 'main', masterSku: `M-${i}`, onHand: 30 + i })));
	await store.upsertMappings(
		listings.map((sku, i) => ({ channel: 'taobao', shopId: SHOP.shopId, channelSkuId: `${sku.channelItemId}:${sku.channelSkuId}`, masterSku: `M-${i}` })),
	);

	const [out] = await run(new StockSync(), syncParams);
	expect(out.map((item) => item.json.status)).toEqual(listings.map(() => 'pushed'));
	const writes = (await admin(sandbox, 'GET', '/pushed?provider=taobao&kind=stock')).writes as Array<{ data: IDataObject }>;
	for (const [i, sku] of listings.entries()) {
		expect(writes.some((w) => w.data.itemId === sku.channelItemId && w.data.after === 30 + i && w.data.type === 1)).toBe(true);
	}
	expect((await store.listPushLedger()).map((e) => [e.version, e.ackedVersion, e.lastPublished])).toEqual(listings.map((_, i) => [1, 1, 30 + i]));

	const [again] = await run(new StockSync(), syncParams);
	expect(again).toEqual([]);
	expect(((await admin(sandbox, 'GET', '/pushed?provider=taobao&kind=stock')).writes as unknown[]).length).toBe(writes.length);
}, 60_000);
