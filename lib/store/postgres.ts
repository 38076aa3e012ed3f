// PostgreSQL engine over `pg`: a Pool shared by the store, READ COMMITTED write transactions that lock
// the rows they change, retried on deadlock / serialization failure. Several n8n workers share one store.
import { createHash } from 'node:crypto';
import { Pool, type PoolClient, type PoolConfig, types as pgTypes } from 'pg';
import { type BackupSupport, type Dialect, type Driver, numberedPlaceholders, RetryTransaction, type Sql, toSqlValue } from './sql';

export const POSTGRES_DIALECT: Dialect = { name: 'postgres', forUpdate: ' FOR UPDATE', maxParams: 65535 };

const RETRYABLE_CODES = new Set(['40001', '40P01']);
const MAX_RETRIES = 8;
const MAX_CACHED_TEXTS = 400;
const MAX_NAMED_PARAMS = 64;

export interface PostgresOptions {
	/** postgres://user:pass@host:5432/db; fields below override its parts. */
	connectionString?: string;
	host?: string;
	port?: number;
	database?: string;
	user?: string;
	password?: string;
	/** true, false, or pg's TLS options; 'no-verify' accepts self-signed certificates. */
	ssl?: boolean | 'no-verify' | { rejectUnauthorized?: boolean; ca?: string; cert?: string; key?: string };
	/** Schema holding the store's tables; created when missing. Default: the server's search_path. */
	schema?: string;
	/** Pool size. */
	maxConnections?: number;
}

// Counts, epoch millis and quantities fit in a double; the store never keeps larger integers in columns.
const NUMBER_TYPES = new Set<number>([pgTypes.builtins.INT8, pgTypes.builtins.NUMERIC]);
const storeTypes = {
	getTypeParser: ((oid: number, format?: string) =>
		NUMBER_TYPES.has(oid) ? (value: string) => Number(value) : pgTypes.getTypeParser(oid, format as 'text')) as typeof pgTypes.getTypeParser,
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** Key of the advisory lock that serializes migrations of every store in the database. */
export const MIGRATION_LOCK_KEY = 7_319_402_218;

export class PostgresDriver implements Driver {
	readonly dialect = POSTGRES_DIALECT;
	readonly pool: Pool;
	readonly schema?: string;
	readonly migrationPreamble: readonly string[];
	readonly backup: BackupSupport = { kind: 'server', describe: (tables, file) => this.describeBackup(tables, file) };
	private readonly statements = new Map<string, { name: string; text: string }>();

	constructor(options: PostgresOptions) {
		if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
			throw new Error(`PostgreSQL schema name must match ${SCHEMA_NAME}: ${JSON.stringify(options.schema)}`);
		}
		this.schema = options.schema;
		this.migrationPreamble = [
			`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`,
			...(options.schema ? [`CREATE SCHEMA IF NOT EXISTS ${options.schema}`] : []),
		];
		const config: PoolConfig = {
			connectionString: options.connectionString,
			host: options.host,
			port: options.port,
			database: options.database,
			user: options.user,
			password: options.password,
			ssl: options.ssl === 'no-verify' ? { rejectUnauthorized: false } : options.ssl,
			max: options.maxConnections ?? 10,
			types: storeTypes,
			// Every connection resolves the store's tables in its own schema, nothing else changes.
			options: options.schema ? `-c search_path=${options.schema}` : undefined,
		};
		for (const key of Object.keys(config) as Array<keyof PoolConfig>) if (config[key] === undefined) delete config[key];
		this.pool = new Pool(config);
		// An idle client losing its connection must not crash the host process.
		this.pool.on('error', () => undefined);
	}

	all<T>(text: string, params?: readonly unknown[]): Promise<T[]> {
		return this.on(this.pool).all<T>(text, params);
	}

	get<T>(text: string, params?: readonly unknown[]): Promise<T | undefined> {
		return this.on(this.pool).get<T>(text, params);
	}

	run(text: string, params?: readonly unknown[]): Promise<number> {
		return this.on(this.pool).run(text, params);
	}

	async exec(text: string): Promise<void> {
		await this.pool.query(text);
	}

	write<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
		return this.transaction('BEGIN', fn);
	}

	read<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
		return this.transaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn);
	}

	async close(): Promise<void> {
		await this.pool.end();
	}

	/** The pg_dump command for this store, and whether the connected user can read every table it needs. */
	private async describeBackup(tables: readonly string[], file: string) {
		return this.withClient(async (client) => {
			const { rows } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
			const schema = this.schema ?? rows[0].schema;
			const checks = [];
			for (const table of tables) {
				const res = await client.query<{ ok: boolean | null }>(
					"SELECT has_table_privilege(current_user, to_regclass($1), 'SELECT') AS ok",
					[`${schema}.${table}`],
				);
				checks.push({ table, canSelect: res.rows[0]?.ok === true });
			}
			const c = client as unknown as { host: string; port: number; user: string; database: string };
			const command = `pg_dump --format=custom --schema=${schema} --host=${c.host} --port=${c.port} --username=${c.user} --dbname=${c.database} --file=${file}`;
			return { command, tables: checks };
		});
	}

	/** Runs fn on one dedicated connection outside any store transaction (migrations, checks). */
	async withClient<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
		const client = await this.pool.connect();
		try {
			return await fn(client);
		} finally {
			client.release();
		}
	}

	private async transaction<T>(begin: string, fn: (tx: Sql) => Promise<T>): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			const client = await this.pool.connect();
			let broken = false;
			try {
				await client.query(begin);
				const result = await fn(this.on(client));
				await client.query('COMMIT');
				return result;
			} catch (err) {
				try {
					await client.query('ROLLBACK');
				} catch {
					broken = true;
				}
				const retryable = err instanceof RetryTransaction || RETRYABLE_CODES.has((err as { code?: string }).code ?? '');
				if (!retryable || attempt >= MAX_RETRIES) throw err;
				await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
			} finally {
				client.release(broken);
			}
		}
	}

	private on(target: Pool | PoolClient): Sql {
		const query = (text: string, params: readonly unknown[] = []) =>
			target.query(this.statement(text, params.map(toSqlValue)));
		return {
			all: async <T>(text: string, params?: readonly unknown[]) => (await query(text, params)).rows as T[],
			get: async <T>(text: string, params?: readonly unknown[]) => (await query(text, params)).rows[0] as T | undefined,
			run: async (text: string, params?: readonly unknown[]) => (await query(text, params)).rowCount ?? 0,
			exec: async (text: string) => {
				await target.query(text);
			},
		};
	}

	/**
	 * The statement in PostgreSQL's numbered form. Short statements (reservations, lookups) are named, so each
	 * connection parses and plans them once; long batch statements are not, since a connection keeps every
	 * named statement for its lifetime and batch sizes vary.
	 */
	private statement(text: string, values: unknown[]): { name?: string; text: string; values: unknown[] } {
		let cached = this.statements.get(text);
		if (cached === undefined) {
			if (this.statements.size >= MAX_CACHED_TEXTS) this.statements.clear();
			const numbered = numberedPlaceholders(text);
			cached = { name: `uo_${createHash('sha1').update(numbered).digest('hex').slice(0, 24)}`, text: numbered };
			this.statements.set(text, cached);
		}
		return values.length > MAX_NAMED_PARAMS ? { text: cached.text, values } : { ...cached, values };
	}
}
