// Upserting the same orders again, in any order and batching, changes nothing; late snapshots never
// move an order backwards.
import { STATUS_RANK, type UnifiedOrder } from '../../../lib/model';
import { openStore, type OrderStore, type StoreConfig, type UpsertResult } from '../../../lib/store';
import { fixtureOrders, laterSnapshot, shuffled } from '../../../bench/store/fixtures';
import { type Backend, freshStore, storeBackends } from './backends';

const COUNT = 1000;

describe.each(storeBackends())('idempotent upsert on $name', ({ make }) => {
	let backend: Backend;
	let store: OrderStore;
	let config: StoreConfig;

	beforeEach(async () => {
		backend = make();
		({ store, config } = await freshStore(backend));
	});
	afterEach(async () => {
		await store.close();
		await backend.cleanup();
	});

	it('leaves exactly 1,000 orders and 1,000 events after three shuffled passes in uneven batches', async () => {
		const orders = fixtureOrders(COUNT);
		const outcomes: Record<string, number> = {};
		for (const [pass, batchSize] of [[0, 137], [1, 500], [2, 61]]) {
			const order = shuffled(orders, pass + 1);
			for (let i = 0; i < order.length; i += batchSize) {
				for (const r of await store.upsertOrders(order.slice(i, i + batchSize))) outcomes[`${pass}:${r.outcome}`] = (outcomes[`${pass}:${r.outcome}`] ?? 0) + 1;
			}
		}
		expect(outcomes).toEqual({ '0:created': COUNT, '1:unchanged': COUNT, '2:unchanged': COUNT });
		const { tables } = await store.stats();
		expect(tables).toMatchObject({ orders: COUNT, order_lines: COUNT * 3, order_events: COUNT });
	});

	it('ends at the furthest status whatever order the snapshots arrive in, with one event per accepted change', async () => {
		const base = fixtureOrders(200, { status: 'pending_payment' });
		// Each order's history: pending_payment -> paid -> shipped -> completed, one snapshot per step.
		const steps = ['pending_payment', 'paid', 'shipped', 'completed'] as const;
		const snapshots: UnifiedOrder[] = base.flatMap((order) => steps.map((status, n) => (n === 0 ? order : laterSnapshot(order, status, n * 10))));
		const results: UpsertResult[] = [];
		const mixed = shuffled(snapshots, 42);
		for (let i = 0; i < mixed.length; i += 97) results.push(...(await store.upsertOrders(mixed.slice(i, i + 97))));

		for (const order of base) {
			const stored = await store.getOrder(order.id);
			expect(stored?.status).toBe('completed');
			const history = await store.orderHistory(order.id);
			// Every event moves forward: a late snapshot was classified stale, never applied.
			const ranks = history.map((e) => STATUS_RANK[e.toStatus ?? 'pending_payment']);
			expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
			expect(history[history.length - 1].toStatus).toBe('completed');
		}
		const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
		expect(count('created')).toBe(base.length);
		expect(count('created') + count('updated') + count('stale')).toBe(snapshots.length);
		const { tables } = await store.stats();
		expect(tables.order_events).toBe(count('created') + count('updated'));
	});

	it('creates each order exactly once when four writers upsert the same new orders at the same time', async () => {
		const orders = fixtureOrders(300);
		const { now: _now, ...shared } = config;
		const writers = await Promise.all([1, 2, 3, 4].map(() => openStore({ ...shared, migrate: false, ...(shared.kind === 'postgres' ? { maxConnections: 1 } : {}) })));
		try {
			const results = await Promise.all(
				writers.map(async (writer, w) => {
					const out: UpsertResult[] = [];
					const order = shuffled(orders, 100 + w);
					for (let i = 0; i < order.length; i += 50) out.push(...(await writer.upsertOrders(order.slice(i, i + 50))));
					return out;
				}),
			);
			const created = results.flat().filter((r) => r.outcome === 'created').map((r) => r.id);
			expect(created.sort()).toEqual(orders.map((o) => o.id).sort());
			expect(results.flat().filter((r) => r.outcome !== 'created').every((r) => r.outcome === 'unchanged')).toBe(true);
		} finally {
			await Promise.all(writers.map((w) => w.close()));
		}
		const { tables } = await store.stats();
		expect(tables).toMatchObject({ orders: 300, order_lines: 900, order_events: 300 });
	});

	it('treats an equal-time snapshot with a further status as newer, and a lower one as stale', async () => {
		const [order] = fixtureOrders(1, { status: 'paid' });
		await store.upsertOrders([order]);
		const [same] = await store.upsertOrders([{ ...order, status: 'pending_payment', rawStatus: 'WAIT' }]);
		expect(same.outcome).toBe('stale');
		const [further] = await store.upsertOrders([{ ...order, status: 'shipped', rawStatus: 'SENT' }]);
		expect(further).toMatchObject({ outcome: 'updated', transition: { from: 'paid', to: 'shipped' } });
	});
});
