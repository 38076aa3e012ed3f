// SQLite engine over node:sqlite (no native addon). One file per store, WAL so readers never block the
// writer, BEGIN IMMEDIATE so a write transaction takes the write lock up front and two processes never
// interleave read-modify-write; waiting for that lock yields to the event loop (see begin()), up to busyTimeoutMs.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { backup, DatabaseSync, type StatementSync } from 'node:sqlite';
import { type BackupSupport, type Dialect, type Driver, RetryTransaction, type Sql, toSqlValue } from './sql';

export const SQLITE_DIALECT: Dialect = { name: 'sqlite', forUpdate: '', maxParams: 32766 };

export const DEFAULT_SQLITE_BUSY_TIMEOUT_MS = 30_000;
const MAX_CACHED_STATEMENTS = 400;
const SQLITE_BUSY = 5;
/** Longest blocking wait inside one SQLite call; waits beyond it are split into slices (see begin()). */
const BUSY_SLICE_MS = 100;
const MAX_RETRIES = 5;
const CACHE_KIB = 16 * 1024;
const CHECKPOINT_PAGES = 10_000;

export interface SqliteOptions {
	/** Database file; created with its folder when missing. ':memory:' for a throwaway store. */
	path: string;
	/** How long a write waits for another process's lock before failing (default 30 s). */
	busyTimeoutMs?: number;
}

export class SqliteDriver implements Driver {
	readonly dialect = SQLITE_DIALECT;
	// BEGIN IMMEDIATE already holds the one write lock of the file.
	readonly migrationPreamble: readonly string[] = [];
	readonly db: DatabaseSync;
	private readonly statements = new Map<string, StatementSync>();
	// DatabaseSync is one connection: async callers must not interleave inside another's transaction.
	private queue: Promise<unknown> = Promise.resolve();
	private readonly direct: Sql;
	private readonly busyTimeoutMs: number;
	readonly backup: BackupSupport;

	constructor(options: SqliteOptions) {
		if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
		this.busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_SQLITE_BUSY_TIMEOUT_MS;
		// Opening may wait for another process's lock (first open, migration): a blocking wait is fine here.
		this.db = new DatabaseSync(options.path, { timeout: this.busyTimeoutMs });
		enableWal(this.db, this.busyTimeoutMs);
		// NORMAL is durable across process crashes in WAL mode; only an OS crash may lose the last commits.
		this.db.exec('PRAGMA synchronous = NORMAL');
		this.db.exec('PRAGMA foreign_keys = ON');
		// Batches dirty thousands of pages: a larger cache and rarer checkpoints (each one copies pages into
		// the database file and syncs it) cut write time by about a quarter in the upsert benchmark.
		this.db.exec(`PRAGMA cache_size = -${CACHE_KIB}`);
		this.db.exec(`PRAGMA wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
		this.db.exec(`PRAGMA busy_timeout = ${BUSY_SLICE_MS}`);
		// SQLite's online backup: a consistent copy while other connections keep reading and writing.
		this.backup = { kind: 'file', storeFile: options.path, copyTo: (path) => backup(this.db, path).then(() => undefined) };
		this.direct = {
			all: async <T>(text: string, params: readonly unknown[] = []) => this.prepare(text).all(...bind(params)) as T[],
			get: async <T>(text: string, params: readonly unknown[] = []) => this.prepare(text).get(...bind(params)) as T | undefined,
			run: async (text: string, params: readonly unknown[] = []) => Number(this.prepare(text).run(...bind(params)).changes),
			exec: async (text: string) => this.db.exec(text),
		};
	}

	all<T>(text: string, params?: readonly unknown[]): Promise<T[]> {
		return this.exclusive(() => this.direct.all<T>(text, params));
	}

	get<T>(text: string, params?: readonly unknown[]): Promise<T | undefined> {
		return this.exclusive(() => this.direct.get<T>(text, params));
	}

	run(text: string, params?: readonly unknown[]): Promise<number> {
		return this.exclusive(() => this.direct.run(text, params));
	}

	exec(text: string): Promise<void> {
		return this.exclusive(() => this.direct.exec(text));
	}

	write<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
		return this.exclusive(() => this.transaction('BEGIN IMMEDIATE', fn));
	}

	read<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
		return this.exclusive(() => this.transaction('BEGIN', fn));
	}

	async close(): Promise<void> {
		await this.exclusive(async () => {
			if (this.db.isOpen) this.db.close();
		});
	}

	private async transaction<T>(begin: string, fn: (tx: Sql) => Promise<T>): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			await this.begin(begin);
			try {
				const result = await fn(this.direct);
				this.db.exec('COMMIT');
				return result;
			} catch (err) {
				if (this.db.isTransaction) this.db.exec('ROLLBACK');
				if (!(err instanceof RetryTransaction) || attempt >= MAX_RETRIES) throw err;
			}
		}
	}

	/**
	 * Waits for the write lock in slices: SQLite's busy handler sleeps (blocking) for at most one slice,
	 * then the event loop gets a turn, so a host process such as n8n stays responsive while it waits.
	 */
	private async begin(statement: string): Promise<void> {
		const deadline = Date.now() + this.busyTimeoutMs;
		for (;;) {
			try {
				this.db.exec(statement);
				return;
			} catch (err) {
				if ((err as { errcode?: number }).errcode !== SQLITE_BUSY || Date.now() >= deadline) throw err;
				await new Promise((resolve) => setImmediate(resolve));
			}
		}
	}

	private exclusive<T>(fn: () => Promise<T>): Promise<T> {
		const run = this.queue.then(fn, fn);
		this.queue = run.catch(() => undefined);
		return run;
	}

	private prepare(text: string): StatementSync {
		let statement = this.statements.get(text);
		if (!statement) {
			if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
			statement = this.db.prepare(text);
			this.statements.set(text, statement);
		}
		return statement;
	}
}

/** Bind values; the caller's array itself when it holds only strings, numbers and nulls (the common case). */
function bind(params: readonly unknown[]): ReadonlyArray<string | number | null> {
	for (let i = 0; i < params.length; i++) {
		const value = params[i];
		if (typeof value !== 'string' && typeof value !== 'number' && value !== null) return params.map(toSqlValue);
	}
	return params as ReadonlyArray<string | number | null>;
}

/**
 * Switches the file to WAL. On a new file this needs an exclusive lock; when several processes open it at the
 * same moment two of them can each hold a shared lock while wanting it, and SQLite answers one of them
 * SQLITE_BUSY at once instead of waiting (waiting could never end). That one backs off briefly and tries again.
 */
function enableWal(db: DatabaseSync, timeoutMs: number): void {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			db.exec('PRAGMA journal_mode = WAL');
			return;
		} catch (err) {
			if ((err as { errcode?: number }).errcode !== SQLITE_BUSY || Date.now() >= deadline) throw err;
			// The constructor is synchronous: a short blocking sleep, jittered so the openers do not meet again.
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 + Math.floor(Math.random() * 40));
		}
	}
}
