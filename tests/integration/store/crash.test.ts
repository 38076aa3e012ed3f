// A process killed with SIGKILL in the middle of a batch upsert leaves the whole batch or none of it.
import type { OrderStore, StoreConfig } from '../../../lib/store';
import { fixtureOrders } from '../../../bench/store/fixtures';
import { type Backend, freshStore, storeBackends } from './backends';
import { exited, nextMessage, startWorker, type WorkerMessage } from './processes';

const BATCH = 1500;
const KILLS = 3;

describe.each(storeBackends())('crash safety on $name', ({ make }) => {
	let backend: Backend;
	let store: OrderStore;
	let config: StoreConfig;

	beforeAll(async () => {
		backend = make();
		({ store, config } = await freshStore(backend));
		// A config crosses to the worker as JSON; the test clock stays here.
		delete config.now;
	});
	afterAll(async () => {
		await store.close();
		await backend.cleanup();
	});

	it(`keeps whole batches only, across ${KILLS} kills in mid-transaction`, async () => {
		let rolledBack = 0;
		for (let kill = 0; kill < KILLS; kill++) {
			const before = (await store.stats()).tables.orders;
			const firstBatch = before / BATCH;
			const worker = startWorker('upsertLoop.js', { config, batchSize: BATCH, firstBatch });
			// Two batches give the time one takes; the kill then lands well into the next one, past the
			// validation that runs before the transaction begins.
			await nextMessage(worker, 'ready', 120_000);
			await waitFor(() => count(worker, 'committed') >= 2, 120_000);
			const took = at(worker, 'committed', 1) - at(worker, 'writing', 1);
			const writing = count(worker, 'writing');
			await waitFor(() => count(worker, 'writing') > writing);
			await new Promise((resolve) => setTimeout(resolve, took * (0.5 + 0.4 * Math.random())));
			worker.kill('SIGKILL');
			await exited(worker);
			const committed = count(worker, 'committed');

			const stats = await store.stats();
			const orders = stats.tables.orders;
			expect(orders % BATCH).toBe(0);
			expect(orders / BATCH - firstBatch).toBeGreaterThanOrEqual(committed);
			expect(orders / BATCH - firstBatch).toBeLessThanOrEqual(committed + 1);
			if (orders / BATCH - firstBatch === committed) rolledBack++;
			expect(stats.tables.order_lines).toBe(orders * 3);
			expect(stats.tables.order_events).toBe(orders);
			const expected = fixtureOrders(orders).map((o) => o.id);
			const stored = await store.searchOrders({ limit: 1, sort: 'changedAt', withTotal: true });
			expect(stored.total).toBe(orders);
			expect(await store.getOrder(expected[expected.length - 1])).toBeDefined();
		}
		// The kills landed inside a transaction (not only between batches), and it left nothing behind.
		expect(rolledBack).toBeGreaterThan(0);
	}, 300_000);
});

const count = (worker: { messages: WorkerMessage[] }, type: string) => worker.messages.filter((m) => m.type === type).length;
const at = (worker: { messages: WorkerMessage[] }, type: string, n: number) => Number(worker.messages.filter((m) => m.type === type)[n].receivedAt);

async function waitFor(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > until) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
