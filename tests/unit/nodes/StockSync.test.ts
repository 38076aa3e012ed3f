import type { IDataObject } from 'n8n-workflow';
import { StockSync } from '../../../nodes/StockSync/StockSync.node';
import { storeKit, type StoreKit } from './OrderStore.kit';
import { jsonOf, runNode } from './ruleNodes.kit';

const node = new StockSync();
const CHANNELS = ['taobao', 'jd', 'wechat_shop', 'xiaohongshu'];
const params = (extra: Record<string, unknown> = {}) => ({
	mode: 'plan',
	channels: CHANNELS,
	listingSource: 'store',
	policies: {},
	maxCutPercent: 20,
	dropPercent: 50,
	confirmLargeChanges: false,
	...extra,
});

async function seed(kit: StoreKit, skuCount: number, onHand: (i: number) => number) {
	const store = await kit.store();
	const skus = Array.from({ length: skuCount }, (_, i) => `SKU-${String(i).padStart(5, '0')}`);
	await store.upsertWarehouses([{ id: 'main', name: '主仓' }]);
	await store.upsertMasterSkus(skus.map((sku) => ({ sku, title: sku })));
	await store.setOnHand(skus.map((masterSku, i) => ({ warehouseId: 'main', masterSku, onHand: onHand(i) })));
	await store.upsertMappings(CHANNELS.flatMap((channel) => skus.map((masterSku) => ({ channel, shopId: 's1', channelSkuId: `${channel}-${masterSku}`, masterSku }))));
	return { store, skus };
}

/** What a previous, acknowledged sync leaves in the ledger: every planned push claimed and acked. */
async function acknowledge(kit: StoreKit, planned: IDataObject[]) {
	const store = await kit.store();
	const claims = planned.map((p) => ({ channel: p.channel, shopId: p.shopId, channelSkuId: p.channelSkuId, masterSku: p.masterSku, quantity: p.quantity, version: p.version }) as never);
	const { claimed, conflicts } = await store.claimPushVersions(claims);
	expect(conflicts).toEqual([]);
	await store.ackPushes(claimed);
}

describe('Stock Sync node', () => {
	let kit: StoreKit;
	beforeEach(() => {
		kit = storeKit();
	});
	afterEach(async () => {
		await kit.cleanup();
	});

	it('10,000 SKUs x 4 channels: pushes exactly the changed pairs, and nothing when nothing changed', async () => {
		const { store, skus } = await seed(kit, 10_000, (i) => 10 + (i % 7));
		const [first] = await runNode(kit, node, params());
		expect(first).toHaveLength(40_000);
		await acknowledge(kit, jsonOf(first));

		const [quiet] = await runNode(kit, node, params());
		expect(quiet).toEqual([]);

		const changed = skus.filter((_, i) => i % 100 === 0);
		await store.adjustStock(changed.map((masterSku) => ({ warehouseId: 'main', masterSku, delta: -1, reason: 'sold offline' })));
		const [pushes] = await runNode(kit, node, params());
		const got = jsonOf(pushes).map((p) => `${p.channel}|${p.channelSkuId}|${p.quantity}`).sort();
		const want = CHANNELS.flatMap((channel) =>
			changed.map((sku) => `${channel}|${channel}-${sku}|${10 + (skus.indexOf(sku) % 7) - 1}`),
		).sort();
		expect(got).toEqual(want);
		expect(jsonOf(pushes).every((p) => p.reason === 'changed' && p.status === 'planned')).toBe(true);
	}, 180_000);

	it('shapes quantities with policies (percent, max listed, safety, paused)', async () => {
		await seed(kit, 2, () => 50);
		const policies = {
			policy: [
				{ channel: '*', shopId: '', percent: 50, maxListed: 0, safetyStock: 0, minListed: 0, virtualStock: 0, presaleQuantity: 0, zeroAtOrBelow: 0, paused: false },
				{ channel: 'jd', shopId: 's1', percent: 100, maxListed: 20, safetyStock: 0, minListed: 0, virtualStock: 0, presaleQuantity: 0, zeroAtOrBelow: 0, paused: false },
				{ channel: 'xiaohongshu', shopId: '', percent: 100, maxListed: 0, safetyStock: 0, minListed: 0, virtualStock: 0, presaleQuantity: 0, zeroAtOrBelow: 0, paused: true },
			],
		};
		const [out] = await runNode(kit, node, params({ policies }));
		const byChannel = Object.fromEntries(jsonOf(out).map((p) => [p.channel, p.quantity]));
		expect(byChannel).toEqual({ taobao: 25, jd: 20, wechat_shop: 25 });
	});

	it('the brake stops a run that would zero more than 20% of live listings unless confirmed', async () => {
		const { store, skus } = await seed(kit, 10, () => 5);
		const [first] = await runNode(kit, node, params());
		await acknowledge(kit, jsonOf(first));
		// 3 of 10 SKUs sell out: 12 of 40 live listings (30%) would go to zero.
		await store.setOnHand(skus.slice(0, 3).map((masterSku) => ({ warehouseId: 'main', masterSku, onHand: 0 })));

		await expect(runNode(kit, node, params({ mode: 'execute' }))).rejects.toThrow(/12 of 40 live listings would drop \(12 to zero\)/);
		expect((await store.listPushLedger()).every((e) => e.version === 1)).toBe(true);

		const [planned] = await runNode(kit, node, params());
		expect(planned).toHaveLength(1);
		expect(planned[0].json).toMatchObject({ brakeTripped: true, wouldPush: 12, stats: { live: 40, cuts: 12, toZero: 12, cutPercent: 30 } });

		const [confirmed] = await runNode(kit, node, params({ confirmLargeChanges: true }));
		expect(confirmed).toHaveLength(12);
		expect(jsonOf(confirmed).every((p) => p.quantity === 0 && p.cut === true)).toBe(true);
	});

	it('Execute records failed pushes unacknowledged so the next run sends them again', async () => {
		const store = (await seed(kit, 1, () => 4)).store;
		const [out] = await runNode(kit, node, params({ mode: 'execute', policies: {} }));
		// No channel credential is attached: every push fails, each with a clear error, none is acknowledged.
		expect(out).toHaveLength(4);
		expect(jsonOf(out).every((p) => p.status === 'failed' && typeof p.error === 'string')).toBe(true);
		expect(jsonOf(out).find((p) => p.channel === 'xiaohongshu')?.error).toMatch(/no credential of type "xiaohongshuApi"/);
		const ledger = await store.listPushLedger();
		expect(ledger.map((e) => [e.version, e.ackedVersion])).toEqual([[1, 0], [1, 0], [1, 0], [1, 0]]);
		const [again] = await runNode(kit, node, params());
		expect(jsonOf(again).map((p) => [p.reason, p.version])).toEqual(Array(4).fill(['unacknowledged', 2]));
	});
});
