// The engines every store test runs against. PostgreSQL is the real server (STORE_PG_URL, default
// postgres://postgres@127.0.0.1:5432/test), one throwaway schema per store. When the server cannot be
// reached the PostgreSQL suite is left out with a warning, unless REQUIRE_POSTGRES=1, which fails the run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openStore, type OrderStore, type StoreConfig, type StoreOptions } from '../../../lib/store';

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const PG_URL = process.env.STORE_PG_URL ?? DEFAULT_PG_URL;

export interface Backend {
	name: 'sqlite' | 'postgres';
	/** A config for a new, empty store; remember to call cleanup(). */
	newConfig(options?: StoreOptions): StoreConfig;
	cleanup(): Promise<void>;
}

let counter = 0;
const uniqueName = () => `${process.pid}_${Date.now().toString(36)}_${++counter}`;

export function sqliteBackend(): Backend {
	const dirs: string[] = [];
	return {
		name: 'sqlite',
		newConfig: (options = {}) => {
			const dir = mkdtempSync(join(tmpdir(), 'uo-store-'));
			dirs.push(dir);
			return { kind: 'sqlite', path: join(dir, 'orders.sqlite'), ...options };
		},
		cleanup: async () => {
			for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
		},
	};
}

export function postgresBackend(): Backend {
	const schemas: string[] = [];
	return {
		name: 'postgres',
		newConfig: (options = {}) => {
			const schema = `uo_test_${uniqueName()}`;
			schemas.push(schema);
			return { kind: 'postgres', connectionString: PG_URL, schema, maxConnections: 5, ...options };
		},
		cleanup: async () => {
			if (!schemas.length) return;
			const client = new Client({ connectionString: PG_URL });
			await client.connect();
			try {
				for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
			} finally {
				await client.end();
			}
		},
	};
}

/** Synchronous probe (describe.each needs its list before any test runs). */
function postgresReachable(url: string): { ok: boolean; error?: string } {
	const probe = `const { Client } = require('pg');
		const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
		c.connect().then(() => c.query('SELECT 1')).then(() => c.end()).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); });`;
	const res = spawnSync(process.execPath, ['-e', probe, url], { cwd: join(__dirname, '../../..'), timeout: 10_000, encoding: 'utf8' });
	return res.status === 0 ? { ok: true } : { ok: false, error: (res.stderr || res.error?.message || 'timeout').trim() };
}

/** The engines to test under these environment settings (STORE_PG_URL, REQUIRE_POSTGRES). */
export function selectBackends(env: NodeJS.ProcessEnv): Array<'sqlite' | 'postgres'> {
	const url = env.STORE_PG_URL ?? DEFAULT_PG_URL;
	const pg = postgresReachable(url);
	if (pg.ok) return ['sqlite', 'postgres'];
	if (env.REQUIRE_POSTGRES === '1') throw new Error(`PostgreSQL at ${url} is unreachable and REQUIRE_POSTGRES=1: ${pg.error}`);
	console.warn(`PostgreSQL at ${url} is unreachable (${pg.error}); the store suite runs on SQLite only. Set REQUIRE_POSTGRES=1 to fail instead.`);
	return ['sqlite'];
}

let selected: Array<'sqlite' | 'postgres'> | undefined;

/** Factories for every engine to test: SQLite always, PostgreSQL when reachable (or required). */
export function storeBackends(): Array<{ name: string; make: () => Backend }> {
	selected ??= selectBackends(process.env);
	return selected.map((name) => ({ name, make: name === 'sqlite' ? sqliteBackend : postgresBackend }));
}

/** Opens a fresh store on the backend with a controllable clock. */
export async function freshStore(backend: Backend, options: StoreOptions = {}): Promise<{ store: OrderStore; config: StoreConfig; clock: { now: number } }> {
	const clock = { now: Date.parse('2024-06-01T10:00:00+08:00') };
	const config = backend.newConfig({ now: () => clock.now, ...options });
	return { store: await openStore(config), config, clock };
}
