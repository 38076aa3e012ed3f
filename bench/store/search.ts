// Search latency over a large store: channel + status + created-at range, newest first, 50 per page.
// The rows are loaded through the store's own row writer in big transactions (no per-order merge), so a
// million orders take minutes, not hours. Run: npx tsc -p tsconfig.build.json &&
// npx node dist/bench/store/search.js [--orders=1000000] [--queries=300] [--backend=sqlite|postgres|all] [--keep]
// --keep leaves the SQLite file in bench/out/ and reuses it on the next run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHANNELS, ORDER_STATUSES } from '../../lib/model';
import { openStore, type OrderStore, type StoreConfig } from '../../lib/store';
import { migrate } from '../../lib/store/migrate';
import { snapshotHash } from '../../lib/store/orderMerge';
import { writeOrders } from '../../lib/store/orderRows';
import { PostgresDriver } from '../../lib/store/postgres';
import type { Driver } from '../../lib/store/sql';
import { SqliteDriver } from '../../lib/store/sqlite';
import { benchBackends, benchStore, emit, machineLoad, numberArg, percentile, round, timed } from './common';
import { fixtureOrder, shanghaiIso } from './fixtures';

const P95_TARGET_MS = { sqlite: 50, postgres: undefined };
const LOAD_BATCH = 5_000;
const START = Date.parse('2024-01-01T00:00:00+08:00');
const SPACING_MS = 60_000;
const WINDOW_MS = 7 * 86_400_000;

async function main(): Promise<void> {
	const count = numberArg('orders', 1_000_000);
	const queries = numberArg('queries', 300);
	const keep = process.argv.includes('--keep');
	for (const kind of await benchBackends()) {
		const bench = benchStore(kind);
		const config: StoreConfig = kind === 'sqlite' && keep ? { kind: 'sqlite', path: join(__dirname, '../../../bench/out', `search-${count}.sqlite`) } : bench.config;
		const reuse = config.kind === 'sqlite' && existsSync(config.path);
		if (!reuse) {
			const load = await timed(() => bulkLoad(config, count));
			emit({ bench: 'store.search.load', backend: kind, orders: count, ms: round(load.ms), ordersPerSec: Math.round(count / (load.ms / 1000)), ...machineLoad() });
		}
		const store = await openStore(config);
		for (const shape of ['one status', 'two statuses'] as const) {
			const latencies = await measure(store, count, queries, shape);
			const p95 = percentile(latencies, 95);
			emit({
				bench: 'store.search',
				backend: kind,
				orders: count,
				query: `channel + ${shape} + 7-day createdAt range, newest first, limit 50`,
				queries,
				p50Ms: round(percentile(latencies, 50), 2),
				p95Ms: round(p95, 2),
				p99Ms: round(percentile(latencies, 99), 2),
				target: P95_TARGET_MS[kind] ?? null,
				meetsTarget: P95_TARGET_MS[kind] === undefined ? null : p95 < P95_TARGET_MS[kind]!,
				...machineLoad(),
			});
		}
		await store.close();
		if (!keep || kind === 'postgres') await bench.dispose();
	}
}

async function bulkLoad(config: StoreConfig, count: number): Promise<void> {
	const driver: Driver = config.kind === 'sqlite' ? new SqliteDriver(config) : new PostgresDriver(config);
	await migrate(driver);
	const now = Date.now();
	for (let first = 0; first < count; first += LOAD_BATCH * 10) {
		await driver.write(async (tx) => {
			for (let i = first; i < Math.min(count, first + LOAD_BATCH * 10); i += LOAD_BATCH) {
				const created = Array.from({ length: Math.min(LOAD_BATCH, count - i) }, (_, n) => {
					const order = fixtureOrder(i + n, { lines: 1, start: START, spacingMs: SPACING_MS });
					return { order, channelStatus: order.status, snapshotHash: snapshotHash(order), changedMs: now };
				});
				await writeOrders(tx, driver.dialect, { created, updated: [] });
			}
		});
	}
	await driver.close();
}

async function measure(store: OrderStore, count: number, queries: number, shape: 'one status' | 'two statuses'): Promise<number[]> {
	let seed = 12345;
	const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	const span = count * SPACING_MS;
	const latencies: number[] = [];
	for (let q = -20; q < queries; q++) {
		const from = START + Math.floor(random() * Math.max(1, span - WINDOW_MS));
		const statuses = ORDER_STATUSES.slice(0, 8);
		const status = statuses[Math.floor(random() * statuses.length)];
		const search = {
			channel: CHANNELS[Math.floor(random() * CHANNELS.length)],
			status: shape === 'one status' ? [status] : [status, statuses[(statuses.indexOf(status) + 3) % statuses.length]],
			createdFrom: shanghaiIso(from),
			createdTo: shanghaiIso(from + WINDOW_MS),
			limit: 50,
		};
		const { ms, value } = await timed(() => store.searchOrders(search));
		if (value.orders.length === 0) throw new Error(`search found nothing: ${JSON.stringify(search)}`);
		if (q >= 0) latencies.push(ms);
	}
	return latencies.sort((a, b) => a - b);
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
