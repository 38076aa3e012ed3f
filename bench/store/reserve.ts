// Reservation throughput with 50 concurrent reservers: separate OS processes on one SQLite file, separate
// connections on PostgreSQL. Every order reserves one unit of one of 10 SKUs (enough stock for all).
// --batch=1 (default): one reserveForOrder call per order; --batch=N: reserveForOrders with N orders per call.
// Run: npx tsc -p tsconfig.build.json && npx node dist/bench/store/reserve.js [--orders=N] [--reservers=50] [--batch=1] [--backend=...]
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { openStore, type OrderStore, type StoreConfig } from '../../lib/store';
import { benchBackends, benchStore, emit, machineLoad, numberArg, reserveShare, round, timed } from './common';
import { fixtureOrders } from './fixtures';

const TARGETS = { postgres: 1_000, sqlite: undefined };
const SKUS = 10;

async function main(): Promise<void> {
	const count = numberArg('orders', 5_000);
	const reservers = numberArg('reservers', 50);
	const batch = numberArg('batch', 1);
	const orders = fixtureOrders(count, { lines: 1 }).map((o, i) => ({ id: o.id, sku: `SKU-${i % SKUS}`, order: o }));
	for (const kind of await benchBackends()) {
		const bench = benchStore(kind);
		const store = await openStore(bench.config);
		for (let i = 0; i < orders.length; i += 500) await store.upsertOrders(orders.slice(i, i + 500).map((o) => o.order));
		await store.upsertWarehouses([{ id: 'wh', name: 'bench' }]);
		await store.setOnHand(Array.from({ length: SKUS }, (_, i) => ({ warehouseId: 'wh', masterSku: `SKU-${i}`, onHand: count })));
		const shares = Array.from({ length: reservers }, (_, w) => orders.filter((_, i) => i % reservers === w).map(({ id, sku }) => ({ id, sku })));
		const run = kind === 'sqlite' ? await inProcesses(bench.config, shares, batch) : await onConnections(bench.config, shares, batch);
		const check = await verify(store, count);
		await store.close();
		await bench.dispose();
		const perSec = Math.round(run.reserved / (run.ms / 1000));
		emit({
			bench: 'store.reserve',
			backend: kind,
			reservers,
			ordersPerCall: batch,
			mode: kind === 'sqlite' ? 'processes' : 'connections',
			orders: count,
			reserved: run.reserved,
			ms: round(run.ms),
			reservationsPerSec: perSec,
			target: TARGETS[kind] ?? null,
			meetsTarget: TARGETS[kind] === undefined ? null : perSec >= TARGETS[kind]!,
			ledgerMatchesStock: check,
			...machineLoad(),
		});
	}
}

/** Time from 'go' to the last reserver finishing; process start-up is not counted. */
async function inProcesses(config: StoreConfig, shares: Array<Array<{ id: string; sku: string }>>, batch: number): Promise<{ ms: number; reserved: number }> {
	const children = shares.map((share) =>
		fork(join(__dirname, 'reserveWorker.js'), [JSON.stringify({ config, orders: share, batch })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
	);
	const message = (child: (typeof children)[number], type: string) =>
		new Promise<Record<string, unknown>>((resolve, reject) => {
			child.on('message', (m: Record<string, unknown>) => m.type === type && resolve(m));
			child.once('exit', (code) => code !== 0 && reject(new Error(`reserver exited with ${code}`)));
		});
	const done = children.map((child) => message(child, 'done'));
	await Promise.all(children.map((child) => message(child, 'ready')));
	const { ms, value } = await timed(async () => {
		for (const child of children) child.send('go');
		return Promise.all(done);
	});
	return { ms, reserved: value.reduce((n, m) => n + Number(m.reserved), 0) };
}

async function onConnections(config: StoreConfig, shares: Array<Array<{ id: string; sku: string }>>, batch: number): Promise<{ ms: number; reserved: number }> {
	const stores = await Promise.all(shares.map(() => openStore({ ...config, maxConnections: 1, migrate: false } as StoreConfig)));
	const { ms, value } = await timed(() =>
		Promise.all(
			stores.map((reserver, w) => reserveShare(reserver, shares[w], batch)),
		),
	);
	await Promise.all(stores.map((s) => s.close()));
	return { ms, reserved: value.reduce((a, b) => a + b, 0) };
}

/** Every unit reserved once: stock reserved totals and the ledger agree with the order count. */
async function verify(store: OrderStore, count: number): Promise<boolean> {
	const levels = await store.availability();
	const reserved = levels.reduce((n, l) => n + l.reserved, 0);
	const ledger = await store.ledger({ limit: 10_000 });
	const more = ledger.length === 10_000 ? await store.ledger({ afterId: ledger[ledger.length - 1].id, limit: 10_000 }) : [];
	const reserves = [...ledger, ...more].filter((r) => r.kind === 'reserve').length;
	return reserved === count && reserves === count;
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
