import type { IDataObject } from 'n8n-workflow';
import type { OrderLine } from '../../../lib/model';
import type { OrderStore } from '../../../lib/store';
import { OrderRoute } from '../../../nodes/OrderRoute/OrderRoute.node';
import { sampleOrder } from '../../fixtures/orders';
import { storeBackends } from '../../integration/store/backends';
import { storeKit, type StoreKit } from './OrderStore.kit';
import { backendKit, runNode } from './ruleNodes.kit';

const node = new OrderRoute();
const baseLine = sampleOrder().lines[0];
const line = (lineId: string, sku: string, quantity: number): OrderLine => ({
	...baseLine,
	lineId,
	channelSkuId: `cs-${sku}`,
	merchantCode: sku,
	quantity,
	paidAmount: baseLine.unitPrice * quantity,
});

const params = (extra: Record<string, unknown> = {}) => ({
	orderField: '',
	allowSplit: true,
	maxParcels: 3,
	preferSameRegion: true,
	designations: {},
	carrierRules: {},
	costTable: {},
	carrierOptions: {},
	...extra,
});

async function seed(store: OrderStore, stock: Array<[string, string, number]>) {
	await store.upsertWarehouses([
		{ id: 'hz', name: '杭州仓', priority: 1, regions: ['浙江省'] },
		{ id: 'gz', name: '广州仓', priority: 2 },
	]);
	await store.upsertMasterSkus([...new Set(stock.map(([, sku]) => sku))].map((sku) => ({ sku, title: sku })));
	await store.setOnHand(stock.map(([warehouseId, masterSku, onHand]) => ({ warehouseId, masterSku, onHand })));
}

describe('Order Route node', () => {
	let kit: StoreKit;
	beforeEach(() => {
		kit = storeKit();
	});
	afterEach(async () => {
		await kit.cleanup();
	});

	it('allocates to the same-region warehouse, reserves, matches a carrier and records the allocation', async () => {
		const store = await kit.store();
		await seed(store, [['hz', 'A', 5], ['gz', 'A', 50]]);
		const order = sampleOrder({ channelOrderId: 'r1', lines: [line('l1', 'A', 2)] });
		await store.upsertOrders([order]);
		const carrierRules = { rule: [{ name: 'zj-sf', carrier: 'sf', provinces: '浙江' }, { name: 'else', carrier: 'zto' }] };
		const [allocated, split, held] = await runNode(kit, node, params({ carrierRules }), [order as unknown as IDataObject]);
		expect([allocated.length, split.length, held.length]).toEqual([1, 0, 0]);
		expect(allocated[0].json.allocation).toMatchObject({ result: 'single', warehouses: [{ warehouseId: 'hz', lineIds: ['l1'] }], carrier: 'sf' });
		expect(allocated[0].json.receiver).toMatchObject({ phone: '138****1234' });
		const [a] = await store.availability({ masterSkus: ['A'] });
		expect(a.warehouses.find((w) => w.warehouseId === 'hz')).toMatchObject({ reserved: 2, available: 3 });
		expect((await store.getOrder(order.id))?.allocation?.carrier).toBe('sf');

		// A second run finds the allocation and reserves nothing more.
		const [again] = await runNode(kit, node, params({ carrierRules }), [order as unknown as IDataObject]);
		expect(again[0].json.alreadyAllocated).toBe(true);
		expect((await store.availability({ masterSkus: ['A'] }))[0].reserved).toBe(2);
	});

	it('splits across warehouses when no single one has every line, and holds when splitting is off', async () => {
		const store = await kit.store();
		await seed(store, [['hz', 'A', 5], ['gz', 'B', 5]]);
		const first = sampleOrder({ channelOrderId: 's1', lines: [line('l1', 'A', 1), line('l2', 'B', 1)] });
		const second = sampleOrder({ channelOrderId: 's2', lines: [line('l1', 'A', 1), line('l2', 'B', 1)] });
		await store.upsertOrders([first, second]);
		const [, split] = await runNode(kit, node, params(), [first as unknown as IDataObject]);
		expect(split).toHaveLength(1);
		expect((split[0].json.allocation as IDataObject).warehouses).toEqual([
			{ warehouseId: 'hz', lineIds: ['l1'] },
			{ warehouseId: 'gz', lineIds: ['l2'] },
		]);
		const [, , held] = await runNode(kit, node, params({ allowSplit: false }), [second as unknown as IDataObject]);
		expect(held).toHaveLength(1);
		expect((await store.getOrder(second.id))?.allocation).toBeUndefined();
	});

	it('holds an order without stock with the shortage, and fails clearly for an order not in the store', async () => {
		const store = await kit.store();
		await seed(store, [['hz', 'A', 1]]);
		const order = sampleOrder({ channelOrderId: 'h1', lines: [line('l1', 'A', 3)] });
		await store.upsertOrders([order]);
		const [, , held] = await runNode(kit, node, params(), [order as unknown as IDataObject]);
		expect((held[0].json.route as IDataObject).plan).toMatchObject({ action: 'hold', shortages: [{ masterSku: 'A', needed: 3, bestAvailable: 1 }] });
		const loose = sampleOrder({ channelOrderId: 'nowhere' });
		await expect(runNode(kit, node, params(), [loose as unknown as IDataObject])).rejects.toThrow(/not in the Order Store/);
	});
});

describe.each(storeBackends())('Order Route concurrency on $name', ({ make }) => {
	it('never oversells when 20 executions route orders for one SKU with 5 units at once', async () => {
		const kit = backendKit(make());
		try {
			const store = await kit.store();
			await seed(store, [['hz', 'X', 3], ['gz', 'X', 2]]);
			const orders = Array.from({ length: 20 }, (_, i) => sampleOrder({ channelOrderId: `c${i}`, lines: [line('l1', 'X', 1)] }));
			await store.upsertOrders(orders);
			const runs = await Promise.all(orders.map((order) => runNode(kit, node, params(), [order as unknown as IDataObject])));
			const allocated = runs.filter(([a]) => a.length === 1).length;
			const held = runs.filter(([, , h]) => h.length === 1).length;
			expect([allocated, held]).toEqual([5, 15]);
			const [x] = await store.availability({ masterSkus: ['X'] });
			expect(x).toMatchObject({ onHand: 5, reserved: 5, available: 0 });
			const stored = await Promise.all(orders.map((order) => store.getOrder(order.id)));
			expect(stored.filter((o) => o?.allocation).length).toBe(5);
		} finally {
			await kit.cleanup();
		}
	}, 60_000);
});
