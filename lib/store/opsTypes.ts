// Cursors, dead letters and maintenance.
import type { Problem } from '../model';
import type { UpsertResult } from './types';

export interface Cursor {
	channel: string;
	shopId: string;
	stream: string;
	/** An ISO time, an integer, or an opaque token that sorts as text. */
	watermark: string;
	meta?: Record<string, unknown>;
	updatedAt: string;
	updatedBy: string;
}

export interface CommitCursorInput {
	channel: string;
	shopId: string;
	stream: string;
	watermark: string;
	meta?: Record<string, unknown>;
	/** Orders this watermark covers: the commit is refused unless every one is stored. */
	coveringOrderIds?: string[];
	/** Allow moving the cursor backwards (re-read a period). */
	force?: boolean;
}

export interface CommitCursorResult {
	cursor: Cursor;
	/** false when the watermark names the same point as the stored one (e.g. the same instant). */
	moved: boolean;
}

export interface DeadLetterInput {
	/** Where it came from, e.g. 'taobao/shop-1' or a node name. */
	source: string;
	reason: string;
	problems?: Problem[];
	payload: unknown;
}

export type DeadLetterStatus = 'open' | 'replayed' | 'discarded';

export interface DeadLetter {
	id: number;
	source: string;
	reason: string;
	problems: Problem[];
	payload: unknown;
	status: DeadLetterStatus;
	attempts: number;
	orderId?: string;
	createdAt: string;
	updatedAt: string;
	updatedBy?: string;
}

export interface DeadLetterQuery {
	status?: DeadLetterStatus;
	source?: string;
	afterId?: number;
	limit?: number;
}

export interface ReplayResult {
	id: number;
	outcome: 'replayed' | 'invalid' | 'not_found' | 'not_open';
	problems?: Problem[];
	upsert?: UpsertResult;
}

export interface BackupOptions {
	/** SQLite: folder for the backup files (created when missing). */
	directory?: string;
	/** SQLite: how many backups to keep (default 7); older ones of this store are deleted. */
	keep?: number;
}

export type BackupResult =
	| { kind: 'file'; path: string; bytes: number; removed: string[] }
	| {
			kind: 'instruction';
			/** What to run to back up a PostgreSQL store (the store cannot copy a server database itself). */
			command: string;
			/** Whether the connected user can read every store table, as pg_dump needs. */
			tables: Array<{ table: string; canSelect: boolean }>;
			ok: boolean;
	  };

export interface StoreStats {
	schemaVersion: number;
	tables: Record<string, number>;
	orders: Array<{ channel: string; status: string; count: number }>;
}
