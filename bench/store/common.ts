// Shared by the store benchmarks: which engines to run, fresh stores, timing and JSON-line output.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { OrderStore, PostgresStoreConfig, SqliteStoreConfig, StoreConfig } from '../../lib/store';

export const PG_URL = process.env.STORE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Engines named by --backend=sqlite|postgres|all (default all; PostgreSQL is skipped with a note when unreachable). */
export async function benchBackends(argv = process.argv): Promise<Array<'sqlite' | 'postgres'>> {
	const wanted = argv.find((a) => a.startsWith('--backend='))?.slice('--backend='.length) ?? 'all';
	const out: Array<'sqlite' | 'postgres'> = [];
	if (wanted === 'all' || wanted === 'sqlite') out.push('sqlite');
	if (wanted === 'all' || wanted === 'postgres') {
		try {
			const client = new Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
			await client.connect();
			await client.end();
			out.push('postgres');
		} catch (err) {
			emit({ bench: 'store', note: `PostgreSQL at ${PG_URL} unreachable, skipped: ${(err as Error).message}` });
		}
	}
	return out;
}

export function numberArg(name: string, fallback: number, argv = process.argv): number {
	const value = argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
	return value === undefined ? fallback : Number(value);
}

export interface BenchStore {
	config: StoreConfig;
	dispose(): Promise<void>;
}

/** A config for an empty store on the engine: a temp SQLite file, or a fresh PostgreSQL schema. */
export function benchStore(kind: 'sqlite' | 'postgres', poolSize = 4): BenchStore {
	if (kind === 'sqlite') {
		const dir = mkdtempSync(join(tmpdir(), 'uo-bench-'));
		const config: SqliteStoreConfig = { kind: 'sqlite', path: join(dir, 'orders.sqlite') };
		return { config, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
	}
	const schema = `uo_bench_${process.pid}_${Date.now().toString(36)}`;
	const config: PostgresStoreConfig = { kind: 'postgres', connectionString: PG_URL, schema, maxConnections: poolSize };
	return {
		config,
		dispose: async () => {
			const client = new Client({ connectionString: PG_URL });
			await client.connect();
			await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
			await client.end();
		},
	};
}

export function emit(record: Record<string, unknown>): void {
	console.log(JSON.stringify(record));
}

/** Wall time, and this process's CPU time (user + system; SQLite runs in-process, PostgreSQL does not). */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
	const started = process.hrtime.bigint();
	const cpu = process.cpuUsage();
	const value = await fn();
	const used = process.cpuUsage(cpu);
	return { ms: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: (used.user + used.system) / 1000, value };
}

/** Load average over the last minute, to read the figures against (the machine may be shared). */
export function machineLoad(): { load1: number; cpus: number } {
	return { load1: round(loadavg()[0], 2), cpus: availableParallelism() };
}

export function percentile(sorted: readonly number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** One reserver's orders, one call per order or `batch` orders per call; returns how many were reserved. */
export async function reserveShare(store: OrderStore, share: ReadonlyArray<{ id: string; sku: string }>, batch: number): Promise<number> {
	let reserved = 0;
	for (let i = 0; i < share.length; i += batch) {
		const part = share.slice(i, i + batch);
		const results =
			batch === 1
				? [await store.reserveForOrder(part[0].id, [{ lineId: '1', masterSku: part[0].sku, quantity: 1 }], { actor: 'bench' })]
				: await store.reserveForOrders(part.map((o) => ({ orderId: o.id, lines: [{ lineId: '1', masterSku: o.sku, quantity: 1 }] })), { actor: 'bench' });
		reserved += results.filter((r) => r.ok).length;
	}
	return reserved;
}
