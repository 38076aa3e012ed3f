// Backups and figures. SQLite: an online backup into a timestamped file, keeping the newest N of this store.
// PostgreSQL: the store cannot copy a server database itself, so it returns the pg_dump command to schedule
// and checks that the connected user can read every store table (pg_dump needs SELECT on each).
import { readdir, stat, unlink } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { StoreContext } from './context';
import { invalidInput } from './errors';
import { currentVersion } from './migrate';
import type { BackupOptions, BackupResult, StoreStats } from './types';

export const STORE_TABLES = [
	'orders',
	'order_lines',
	'order_tags',
	'order_events',
	'master_skus',
	'sku_mappings',
	'warehouses',
	'stock',
	'stock_ledger',
	'reservations',
	'customers',
	'customer_identities',
	'cursors',
	'dead_letters',
	'blacklist',
	'push_ledger',
	'schema_migrations',
] as const;

export const DEFAULT_BACKUPS_KEPT = 7;

export async function backup(ctx: StoreContext, options: BackupOptions = {}): Promise<BackupResult> {
	const engine = ctx.driver.backup;
	const stamp = new Date(ctx.now()).toISOString().replace(/[-:.]/g, '');
	if (engine.kind === 'server') {
		const described = await engine.describe(STORE_TABLES, `unified-orders-${stamp}.dump`);
		return { kind: 'instruction', ...described, ok: described.tables.every((t) => t.canSelect) };
	}
	if (!options.directory) throw invalidInput('a SQLite backup needs a directory');
	if (engine.storeFile === ':memory:') throw invalidInput('an in-memory store cannot be backed up to a file');
	const keep = Math.max(1, Math.trunc(options.keep ?? DEFAULT_BACKUPS_KEPT));
	const prefix = `${basename(engine.storeFile, extname(engine.storeFile))}-`;
	mkdirSync(options.directory, { recursive: true });
	const path = join(options.directory, `${prefix}${stamp}.sqlite`);
	await engine.copyTo(path);
	const ours = (await readdir(options.directory))
		.filter((name) => name.startsWith(prefix) && /^\d{8}T\d{9}Z\.sqlite$/.test(name.slice(prefix.length)))
		.sort()
		.reverse();
	const removed = ours.slice(keep).map((name) => join(options.directory!, name));
	for (const file of removed) await unlink(file);
	return { kind: 'file', path, bytes: (await stat(path)).size, removed };
}

export async function stats(ctx: StoreContext): Promise<StoreStats> {
	return ctx.driver.read(async (tx) => {
		const tables: Record<string, number> = {};
		for (const table of STORE_TABLES) {
			tables[table] = Number((await tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0);
		}
		const orders = await tx.all<{ channel: string; status: string; n: number }>(
			'SELECT channel, status, COUNT(*) AS n FROM orders GROUP BY channel, status ORDER BY channel, status',
		);
		return {
			schemaVersion: await currentVersion(tx),
			tables,
			orders: orders.map((r) => ({ channel: r.channel, status: r.status, count: Number(r.n) })),
		};
	});
}
