// The seam between the repository (SQL written once, with `?` placeholders) and the two engines.
// Each engine file (sqlite.ts, postgres.ts) implements Driver; nothing else knows which engine runs.

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

/** Statements inside or outside a transaction. */
export interface Sql {
	all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
	get<T = Row>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
	/** Runs a statement and returns the number of rows it changed. */
	run(sql: string, params?: readonly unknown[]): Promise<number>;
	/** Runs several `;`-separated statements without parameters (migrations). */
	exec(sql: string): Promise<void>;
}

export interface Dialect {
	readonly name: 'sqlite' | 'postgres';
	/** Appended to a SELECT that must lock the rows it reads until commit (SQLite locks the whole file). */
	readonly forUpdate: string;
	/** Most bind parameters one statement may carry. */
	readonly maxParams: number;
}

export interface Driver extends Sql {
	readonly dialect: Dialect;
	/**
	 * Runs fn in a write transaction: SQLite BEGIN IMMEDIATE (one writer across processes), PostgreSQL
	 * READ COMMITTED with row locks. Retried from the start when the engine reports a conflict, so fn
	 * must do all its reads inside.
	 */
	write<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
	/** Runs fn against one consistent snapshot. */
	read<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
	/** Statements that open a migration transaction: take the cross-process lock, create the schema. */
	readonly migrationPreamble: readonly string[];
	/** Engine side of backups: a consistent file copy (SQLite) or what to run and whether it can (PostgreSQL). */
	readonly backup: BackupSupport;
	close(): Promise<void>;
}

export type BackupSupport =
	| { kind: 'file'; storeFile: string; copyTo(path: string): Promise<void> }
	| { kind: 'server'; describe(tables: readonly string[], file: string): Promise<{ command: string; tables: Array<{ table: string; canSelect: boolean }> }> };

/** Thrown inside a write transaction to roll it back and run it again (e.g. a concurrent insert won). */
export class RetryTransaction extends Error {
	constructor(reason: string) {
		super(`transaction conflict, retrying: ${reason}`);
		this.name = 'RetryTransaction';
	}
}

/** AND-ed WHERE conditions with their parameters, in order. */
export class Conditions {
	readonly parts: string[] = [];
	readonly params: unknown[] = [];

	add(condition: string, ...params: unknown[]): this {
		this.parts.push(condition);
		this.params.push(...params);
		return this;
	}

	/** `WHERE a AND b`, or '' when there is no condition. */
	get where(): string {
		return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
	}
}

/** `?, ?, ?` */
export function placeholders(count: number): string {
	return new Array<string>(count).fill('?').join(', ');
}

/** `(?, ?), (?, ?)` for a multi-row VALUES list. */
export function rowPlaceholders(rows: number, columns: number): string {
	const row = `(${placeholders(columns)})`;
	return new Array<string>(rows).fill(row).join(', ');
}

// Batches repeat the same shapes: the text of a multi-row INSERT is built once per shape, and the engine's
// statement cache (keyed by text) then gets the same string again instead of a fresh one to hash.
const INSERT_TEXTS = new Map<string, string>();
const MAX_INSERT_TEXTS = 256;

function insertText(table: string, columns: readonly string[], rows: number, tail: string): string {
	const key = `${table}\u0000${columns.join(',')}\u0000${rows}\u0000${tail}`;
	let text = INSERT_TEXTS.get(key);
	if (text === undefined) {
		text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rowPlaceholders(rows, columns.length)}${tail}`;
		if (INSERT_TEXTS.size >= MAX_INSERT_TEXTS) INSERT_TEXTS.clear();
		INSERT_TEXTS.set(key, text);
	}
	return text;
}

/** Splits items so that each chunk binds at most maxParams parameters. */
export function chunkFor<T>(items: readonly T[], paramsPerItem: number, maxParams: number): T[][] {
	const size = Math.max(1, Math.floor(maxParams / Math.max(1, paramsPerItem)));
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

/**
 * Multi-row INSERT of rows (arrays in `columns` order), chunked to the engine's parameter limit; returns
 * the rows inserted (or updated by an ON CONFLICT suffix).
 */
export async function insertRows(
	sql: Sql,
	dialect: Dialect,
	table: string,
	columns: readonly string[],
	rows: readonly unknown[][],
	suffix = '',
): Promise<number> {
	let changed = 0;
	for (const chunk of chunkFor(rows, columns.length, dialect.maxParams)) {
		changed += await sql.run(insertText(table, columns, chunk.length, suffix), chunk.flat());
	}
	return changed;
}

/** insertRows with a RETURNING clause: the returned rows of every chunk (in no particular order). */
export async function insertRowsReturning<T = Row>(
	sql: Sql,
	dialect: Dialect,
	table: string,
	columns: readonly string[],
	rows: readonly unknown[][],
	suffix: string,
	returning: string,
): Promise<T[]> {
	const out: T[] = [];
	for (const chunk of chunkFor(rows, columns.length, dialect.maxParams)) {
		out.push(...(await sql.all<T>(insertText(table, columns, chunk.length, `${suffix} RETURNING ${returning}`), chunk.flat())));
	}
	return out;
}

// Keys per IN list: well under both engines' limits, and small enough to keep plans cheap.
const IN_LIST_SIZE = 5000;

/**
 * SELECT ... WHERE column IN (...) over any number of keys, chunked. `{in}` marks where the list goes;
 * `before` are parameters that come ahead of it in the text.
 */
export async function selectIn<T = Row>(
	sql: Sql,
	text: string,
	keys: readonly unknown[],
	before: readonly unknown[] = [],
): Promise<T[]> {
	const out: T[] = [];
	for (const chunk of chunkFor(keys, 1, IN_LIST_SIZE)) {
		out.push(...(await sql.all<T>(text.replace('{in}', placeholders(chunk.length)), [...before, ...chunk])));
	}
	return out;
}

/** A write statement over any number of keys, chunked; `{in}` marks where the list goes. */
export async function runIn(sql: Sql, text: string, keys: readonly unknown[], before: readonly unknown[] = []): Promise<number> {
	let changed = 0;
	for (const chunk of chunkFor(keys, 1, IN_LIST_SIZE)) {
		changed += await sql.run(text.replace('{in}', placeholders(chunk.length)), [...before, ...chunk]);
	}
	return changed;
}

/** Rewrites `?` placeholders to `$1..$n`, leaving quoted strings and identifiers alone. */
export function numberedPlaceholders(text: string): string {
	let out = '';
	let n = 0;
	let quote: string | undefined;
	for (const ch of text) {
		if (quote) {
			if (ch === quote) quote = undefined;
			out += ch;
		} else if (ch === "'" || ch === '"') {
			quote = ch;
			out += ch;
		} else if (ch === '?') {
			out += `$${++n}`;
		} else {
			out += ch;
		}
	}
	return out;
}

/** Escapes LIKE wildcards; use with `ESCAPE '\'`. */
export function likeContains(text: string): string {
	return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Bind values: undefined -> NULL, booleans -> 0/1, objects -> JSON text. */
export function toSqlValue(value: unknown): SqlValue {
	if (value === undefined || value === null) return null;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'string' || typeof value === 'number') return value;
	if (typeof value === 'bigint') return String(value);
	return JSON.stringify(value);
}
