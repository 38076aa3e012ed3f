// 50 reservers compete for 100 units with 500 one-unit orders: on SQLite 50 OS processes on one file,
// on PostgreSQL 50 separate connections (each reserver its own store with a one-connection pool); each
// reserver calls reserveForOrder per order, or reserveForOrders with 10 orders per call.
import { openStore, type OrderStore, type PostgresStoreConfig, type StoreConfig } from '../../../lib/store';
import { fixtureOrders } from '../../../bench/store/fixtures';
import { type Backend, freshStore, storeBackends } from './backends';
import { exited, nextMessage, startWorker, type WorkerMessage } from './processes';

const RESERVERS = 50;
const ORDERS = 500;
const UNITS = 100;

const MODES = [
	{ mode: 'one call per order', batch: undefined },
	{ mode: 'batches of 10 orders', batch: 10 },
];
const CASES = storeBackends().flatMap((backend) => MODES.map((mode) => ({ ...backend, ...mode })));

describe.each(CASES)('no oversell on $name, $mode', ({ make, batch }) => {
	let backend: Backend;
	let store: OrderStore;

	beforeAll(async () => {
		backend = make();
		const opened = await freshStore(backend);
		store = opened.store;
		const orders = fixtureOrders(ORDERS);
		await store.upsertOrders(orders);
		await store.upsertWarehouses([{ id: 'wh-1', name: '杭州仓' }]);
		await store.setOnHand([{ warehouseId: 'wh-1', masterSku: 'HOT', onHand: UNITS, safety: 0 }]);

		const { now: _now, ...config } = opened.config;
		const ids = orders.map((o) => o.id);
		const shares = Array.from({ length: RESERVERS }, (_, w) => ids.filter((_, i) => i % RESERVERS === w));
		results = config.kind === 'sqlite' ? await reserveInProcesses(config, shares, batch) : await reserveOnConnections(config, shares, batch);
	}, 180_000);
	afterAll(async () => {
		await store.close();
		await backend.cleanup();
	});

	let results: Array<{ reserved: number; short: number }> = [];

	it('reserves exactly the units on hand, never more', async () => {
		expect(results).toHaveLength(RESERVERS);
		expect(results.reduce((n, r) => n + r.reserved, 0)).toBe(UNITS);
		expect(results.reduce((n, r) => n + r.short, 0)).toBe(ORDERS - UNITS);
		const [level] = (await store.availability({ masterSkus: ['HOT'] }))[0].warehouses;
		expect(level).toMatchObject({ onHand: UNITS, reserved: UNITS, available: 0 });
	});

	it('writes one ledger row per reservation, and the ledger sums to the stock row', async () => {
		const rows = await store.ledger({ masterSku: 'HOT', limit: 10_000 });
		const reserves = rows.filter((r) => r.kind === 'reserve');
		expect(reserves).toHaveLength(UNITS);
		expect(rows.reduce((n, r) => n + r.deltaOnHand, 0)).toBe(UNITS);
		expect(rows.reduce((n, r) => n + r.deltaReserved, 0)).toBe(UNITS);
		expect(new Set(reserves.map((r) => r.orderId)).size).toBe(UNITS);
		expect(reserves.every((r) => r.onHandAfter - r.reservedAfter >= 0)).toBe(true);
	});

	it('changes nothing when a reserved line is reserved again, and stays short for the rest', async () => {
		const [first] = await store.ledger({ masterSku: 'HOT', limit: 10_000 }).then((rows) => rows.filter((r) => r.kind === 'reserve'));
		const again = await store.reserveForOrder(first.orderId!, [{ lineId: '1', masterSku: 'HOT', quantity: 1 }]);
		expect(again).toMatchObject({ ok: true, lines: [{ lineId: '1', masterSku: 'HOT', warehouseId: 'wh-1', status: 'active', new: false }] });
		const reservedOrders = new Set((await store.ledger({ masterSku: 'HOT', limit: 10_000 })).map((r) => r.orderId));
		const shortId = fixtureOrders(ORDERS).find((o) => !reservedOrders.has(o.id))!.id;
		const short = await store.reserveForOrder(shortId, [{ lineId: '1', masterSku: 'HOT', quantity: 1 }]);
		expect(short).toMatchObject({ ok: false, lines: [], shortages: [{ lineId: '1', masterSku: 'HOT', quantity: 1, available: 0 }] });
		expect(await store.ledger({ masterSku: 'HOT', limit: 10_000 })).toHaveLength(UNITS + 1);
	});
});

type Tally = { reserved: number; short: number };

async function reserveInProcesses(config: StoreConfig, shares: string[][], batch: number | undefined): Promise<Tally[]> {
	const fleet = startWorker('fleet.js', { script: 'reserve.js', payloads: shares.map((orderIds) => ({ config, sku: 'HOT', orderIds, batch })) });
	const done = await nextMessage(fleet, 'done', 170_000);
	await exited(fleet);
	return (done.results as WorkerMessage[]).map((m) => ({ reserved: Number(m.reserved), short: Number(m.short) }));
}

async function reserveOnConnections(config: PostgresStoreConfig, shares: string[][], batch: number | undefined): Promise<Tally[]> {
	const stores = await Promise.all(shares.map(() => openStore({ ...config, maxConnections: 1, migrate: false })));
	try {
		return await Promise.all(
			stores.map(async (reserver, w) => {
				const tally = { reserved: 0, short: 0 };
				const size = batch ?? 1;
				for (let i = 0; i < shares[w].length; i += size) {
					const part = shares[w].slice(i, i + size);
					const line = { lineId: '1', masterSku: 'HOT', quantity: 1 };
					const results = batch
						? await reserver.reserveForOrders(part.map((orderId) => ({ orderId, lines: [line] })), { actor: `reserver-${w}` })
						: [await reserver.reserveForOrder(part[0], [line], { actor: `reserver-${w}` })];
					for (const result of results) tally[result.ok ? 'reserved' : 'short']++;
				}
				return tally;
			}),
		);
	} finally {
		await Promise.all(stores.map((s) => s.close()));
	}
}
