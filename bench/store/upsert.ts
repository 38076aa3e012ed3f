// Upsert throughput: orders with 3 lines each in batches of 500 (first insert, then an unchanged re-upsert),
// next to the raw baseline: plain multi-row INSERTs of the same orders and lines in one transaction with the
// same driver. Run: npx tsc -p tsconfig.build.json && npx node dist/bench/store/upsert.js [--orders=N] [--backend=sqlite|postgres|all]
import { openStore } from '../../lib/store';
import { migrate } from '../../lib/store/migrate';
import { PostgresDriver } from '../../lib/store/postgres';
import { type Driver, insertRows } from '../../lib/store/sql';
import { SqliteDriver } from '../../lib/store/sqlite';
import type { UnifiedOrder } from '../../lib/model';
import { benchBackends, benchStore, emit, machineLoad, numberArg, round, timed } from './common';
import { fixtureOrders } from './fixtures';

const TARGETS = { sqlite: 20_000, postgres: 8_000 };
const BATCH = 500;

async function main(): Promise<void> {
	const count = numberArg('orders', 50_000);
	const orders = fixtureOrders(count, { lines: 3 });
	for (const kind of await benchBackends()) {
		const bench = benchStore(kind);
		const store = await openStore(bench.config);
		const insert = await timed(() => inBatches(orders, (batch) => store.upsertOrders(batch, { actor: 'bench' })));
		const again = await timed(() => inBatches(orders, (batch) => store.upsertOrders(batch, { actor: 'bench' })));
		const stats = await store.stats();
		await store.close();
		await bench.dispose();
		const raw = await rawBaseline(kind, orders);
		const rate = (ms: number) => Math.round(count / (ms / 1000));
		const phases = [
			['first insert', insert, BATCH],
			['unchanged re-upsert', again, BATCH],
			['raw INSERT baseline', raw, count],
		] as const;
		for (const [phase, t, batch] of phases) {
			emit({ bench: 'store.upsert', backend: kind, phase, orders: count, linesPerOrder: 3, batch, ms: round(t.ms), ordersPerSec: rate(t.ms), cpuMs: round(t.cpuMs), ordersPerCpuSec: rate(t.cpuMs), ...machineLoad() });
		}
		emit({
			bench: 'store.upsert.summary',
			backend: kind,
			ordersPerSec: rate(insert.ms),
			target: TARGETS[kind],
			meetsTarget: rate(insert.ms) >= TARGETS[kind],
			reupsertSpeedup: round(insert.ms / again.ms, 2),
			meetsReupsertTarget: insert.ms >= 2 * again.ms,
			storeOverRaw: round(insert.ms / raw.ms, 2),
			stored: { orders: stats.tables.orders, lines: stats.tables.order_lines, events: stats.tables.order_events },
		});
	}
}

async function inBatches(orders: UnifiedOrder[], fn: (batch: UnifiedOrder[]) => Promise<unknown>): Promise<void> {
	for (let i = 0; i < orders.length; i += BATCH) await fn(orders.slice(i, i + BATCH));
}

/** Time to INSERT the same orders and lines as plain rows (no validation, merge or events). */
async function rawBaseline(kind: 'sqlite' | 'postgres', orders: UnifiedOrder[]): Promise<{ ms: number; cpuMs: number }> {
	const bench = benchStore(kind);
	const driver: Driver = bench.config.kind === 'sqlite' ? new SqliteDriver(bench.config) : new PostgresDriver(bench.config);
	await migrate(driver);
	const t = await timed(() =>
		driver.write(async (tx) => {
			const orderRows = orders.map((o, i) => [
				i + 1,
				o.id, o.channel, o.shopId, o.channelOrderId, o.status, o.status, o.refundState, Date.parse(o.createdAt), Date.parse(o.updatedAt),
				o.paidAt ? Date.parse(o.paidAt) : null, 0, null, null, o.currency, o.totals.paid, '', '', null, JSON.stringify(o),
			]);
			const columns = ['seq', 'id', 'channel', 'shop_id', 'channel_order_id', 'status', 'channel_status', 'refund_state', 'created_ms', 'updated_ms', 'paid_ms', 'changed_ms', 'audit_decision', 'customer_id', 'currency', 'paid_total', 'search_text', 'snapshot_hash', 'local', 'data'];
			await insertRows(tx, driver.dialect, 'orders', columns, orderRows);
			const lineRows = orders.flatMap((o, i) => o.lines.map((l) => [i + 1, l.lineId, l.channelSkuId, l.merchantCode, null, l.title, l.quantity, l.unitPrice, l.paidAmount, l.refundState]));
			await insertRows(tx, driver.dialect, 'order_lines', ['order_seq', 'line_id', 'channel_sku_id', 'merchant_code', 'master_sku', 'title', 'quantity', 'unit_price', 'paid_amount', 'refund_state'], lineRows);
		}),
	);
	await driver.close();
	await bench.dispose();
	return t;
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
