// Applies pending migrations once, however many processes open the store at the same moment: the
// whole run is one write transaction behind the engine's lock (SQLite BEGIN IMMEDIATE, PostgreSQL
// pg_advisory_xact_lock), and the applied set is read again after the lock is held.
import { MIGRATIONS, type Migration } from './migrations';
import type { Driver, Sql } from './sql';

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	applied_ms BIGINT NOT NULL
)`;

/** Returns the versions this call applied (empty when the schema was already current). */
export async function migrate(driver: Driver, migrations: readonly Migration[] = MIGRATIONS, now = Date.now): Promise<number[]> {
	const latest = Math.max(...migrations.map((m) => m.version));
	if ((await currentVersion(driver)) >= latest) return [];
	return driver.write(async (tx) => {
		for (const statement of driver.migrationPreamble) await tx.exec(statement);
		await tx.exec(CREATE_TABLE);
		const applied = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
		const done: number[] = [];
		for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
			if (applied.has(migration.version)) continue;
			await tx.exec(migration.sql[driver.dialect.name]);
			await tx.run('INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?, ?, ?)', [
				migration.version,
				migration.name,
				now(),
			]);
			done.push(migration.version);
		}
		return done;
	});
}

/** Highest applied version, 0 for an empty database; never takes a lock. */
export async function currentVersion(sql: Sql): Promise<number> {
	try {
		const row = await sql.get<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
		return Number(row?.version ?? 0);
	} catch {
		// No table yet (or no schema yet on PostgreSQL).
		return 0;
	}
}
