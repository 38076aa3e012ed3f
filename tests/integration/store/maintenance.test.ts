import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { MIGRATIONS, openStore, STORE_TABLES, type OrderStore, type StoreConfig } from '../../../lib/store';
import { migrate } from '../../../lib/store/migrate';
import { PostgresDriver } from '../../../lib/store/postgres';
import { SqliteDriver } from '../../../lib/store/sqlite';
import { fixtureOrders } from '../../../bench/store/fixtures';
import { type Backend, freshStore, storeBackends } from './backends';
import { exited, nextMessage, startWorker, type WorkerMessage } from './processes';

describe.each(storeBackends())('migrations, backup and stats on $name', ({ name, make }) => {
	let backend: Backend;
	let store: OrderStore;
	let clock: { now: number };
	let config: StoreConfig;

	beforeEach(async () => {
		backend = make();
		({ store, clock, config } = await freshStore(backend));
	});
	afterEach(async () => {
		await store.close();
		await backend.cleanup();
	});

	it('migrates a new store exactly once when eight openers start at the same moment', async () => {
		const { now: _now, ...fresh } = backend.newConfig();
		let versions: number[];
		if (fresh.kind === 'sqlite') {
			const fleet = startWorker('fleet.js', { script: 'open.js', payloads: Array.from({ length: 8 }, () => ({ config: fresh })) });
			versions = ((await nextMessage(fleet, 'done', 120_000)).results as WorkerMessage[]).map((m) => Number(m.schemaVersion));
			await exited(fleet);
		} else {
			const stores = await Promise.all(Array.from({ length: 8 }, () => openStore({ ...fresh, maxConnections: 1 })));
			versions = await Promise.all(stores.map(async (s) => (await s.stats()).schemaVersion));
			await Promise.all(stores.map((s) => s.close()));
		}
		const latest = MIGRATIONS[MIGRATIONS.length - 1].version;
		expect(versions).toEqual(new Array(8).fill(latest));
		const again = await openStore(fresh);
		expect((await again.stats()).tables.schema_migrations).toBe(MIGRATIONS.length);
		await again.close();
	}, 180_000);

	it('applies only the migrations a store lacks', async () => {
		const driver = config.kind === 'sqlite' ? new SqliteDriver(config) : new PostgresDriver(config);
		try {
			const next = { version: 999, name: 'probe', sql: { sqlite: 'CREATE TABLE probe (x INTEGER)', postgres: 'CREATE TABLE probe (x INTEGER)' } };
			expect(await migrate(driver, [...MIGRATIONS, next])).toEqual([999]);
			expect(await migrate(driver, [...MIGRATIONS, next])).toEqual([]);
			expect(await driver.get('SELECT COUNT(*) AS n FROM probe')).toEqual({ n: 0 });
		} finally {
			await driver.close();
		}
	});

	it('counts rows per table and orders per channel and status', async () => {
		await store.upsertOrders(fixtureOrders(18, { status: 'paid' }));
		const stats = await store.stats();
		expect(Object.keys(stats.tables).sort()).toEqual([...STORE_TABLES].sort());
		expect(stats.tables).toMatchObject({ orders: 18, order_lines: 54, order_events: 18, customers: 18 });
		expect(stats.orders).toContainEqual({ channel: 'taobao', status: 'paid', count: 2 });
		expect(stats.orders.reduce((n, r) => n + r.count, 0)).toBe(18);
	});

	if (name === 'sqlite') {
		it('backs up online into timestamped files and keeps the newest N', async () => {
			await store.upsertOrders(fixtureOrders(5));
			const directory = `${(config as { path: string }).path}.backups`;
			const made: string[] = [];
			for (let i = 0; i < 3; i++) {
				const result = await store.backup({ directory, keep: 2 });
				if (result.kind !== 'file') throw new Error('expected a file backup');
				made.push(result.path);
				expect(result.bytes).toBeGreaterThan(0);
				clock.now += 60_000;
			}
			expect(basename(made[0])).toBe('orders-20240601T020000000Z.sqlite');
			expect(made.map((p) => existsSync(p))).toEqual([false, true, true]);
			const copy = await openStore({ kind: 'sqlite', path: made[2] });
			expect((await copy.stats()).tables.orders).toBe(5);
			await copy.close();
			await expect(store.backup({})).rejects.toMatchObject({ code: 'invalid_input' });
		});
	} else {
		it('returns the pg_dump command and checks the user can read every store table', async () => {
			const result = await store.backup();
			if (result.kind !== 'instruction') throw new Error('expected an instruction');
			expect(result.command).toMatch(new RegExp(`^pg_dump --format=custom --schema=${(config as { schema: string }).schema} `));
			expect(result.tables.map((t) => t.table)).toEqual([...STORE_TABLES]);
			expect(result.ok).toBe(true);
			expect(result.tables.every((t) => t.canSelect)).toBe(true);
		});
	}
});
