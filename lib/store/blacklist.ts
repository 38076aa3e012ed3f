// The blacklist behind the audit's blacklist rule: entries are normalised with the same key function the
// rule looks orders up by, so an operator can type "138 1234 1234" or "张三, 杭州市西湖区..." freely.
import { blacklistEntryKey, blacklistFromEntries, type BlacklistLookup } from '../rules';
import { actorOf, isoAt, type StoreContext } from './context';
import { invalidInput } from './errors';
import { Conditions } from './sql';
import type { BlacklistEntry, BlacklistFilter, BlacklistRecord } from './blacklistTypes';
import type { WriteOptions } from './types';

const KINDS = ['phone', 'buyer', 'receiver'];
/** Stored channel of an entry that matches every channel. */
export const ANY_CHANNEL_KEY = '*';

interface BlacklistRow {
	kind: BlacklistRecord['kind'];
	channel: string;
	value: string;
	reason: string;
	created_ms: number;
	created_by: string;
}

function keyOf(entry: BlacklistEntry): { kind: BlacklistRecord['kind']; channel: string; value: string } {
	if (!KINDS.includes(entry.kind)) throw invalidInput(`blacklist kind must be one of ${KINDS.join(', ')}, got "${entry.kind}"`);
	const value = blacklistEntryKey(entry);
	if (!value) throw invalidInput(`blacklist ${entry.kind} entry has no usable value`, { entry });
	return { kind: entry.kind, channel: entry.channel?.trim() || ANY_CHANNEL_KEY, value };
}

/** Adds or updates (the reason) entries; returns them as stored. */
export async function addBlacklistEntries(ctx: StoreContext, entries: readonly BlacklistEntry[], options?: WriteOptions): Promise<BlacklistRecord[]> {
	const keys = entries.map((entry) => ({ ...keyOf(entry), reason: entry.reason?.trim() ?? '' }));
	const now = ctx.now();
	const actor = actorOf(options);
	return ctx.driver.write(async (tx) => {
		const out: BlacklistRecord[] = [];
		for (const key of keys) {
			await tx.run(
				`INSERT INTO blacklist (kind, channel, value, reason, created_ms, created_by) VALUES (?, ?, ?, ?, ?, ?)
				 ON CONFLICT (kind, channel, value) DO UPDATE SET reason = excluded.reason`,
				[key.kind, key.channel, key.value, key.reason, now, actor],
			);
			const row = await tx.get<BlacklistRow>('SELECT * FROM blacklist WHERE kind = ? AND channel = ? AND value = ?', [key.kind, key.channel, key.value]);
			out.push(toRecord(row!));
		}
		return out;
	});
}

/** Removes entries (matched after normalising); returns how many rows went. */
export async function removeBlacklistEntries(ctx: StoreContext, entries: readonly BlacklistEntry[]): Promise<number> {
	const keys = entries.map(keyOf);
	return ctx.driver.write(async (tx) => {
		let removed = 0;
		for (const key of keys) {
			removed += await tx.run('DELETE FROM blacklist WHERE kind = ? AND channel = ? AND value = ?', [key.kind, key.channel, key.value]);
		}
		return removed;
	});
}

export async function listBlacklist(ctx: StoreContext, filter: BlacklistFilter = {}): Promise<BlacklistRecord[]> {
	const c = new Conditions();
	if (filter.kind) c.add('kind = ?', filter.kind);
	if (filter.channel) c.add('channel = ?', filter.channel);
	const limit = Math.max(1, Math.min(Math.trunc(filter.limit ?? 10_000), 100_000));
	const rows = await ctx.driver.all<BlacklistRow>(`SELECT * FROM blacklist ${c.where} ORDER BY kind, channel, value LIMIT ?`, [...c.params, limit]);
	return rows.map(toRecord);
}

/** The whole list as the audit's synchronous lookup (blacklists are small; one read per run). */
export async function blacklistLookup(ctx: StoreContext): Promise<BlacklistLookup> {
	const rows = await ctx.driver.all<BlacklistRow>('SELECT * FROM blacklist');
	return blacklistFromEntries(
		rows.map((row) => ({
			kind: row.kind,
			// Stored values are already keys; a receiver key "name|address" reads back through the same split.
			value: row.value,
			...(row.channel === ANY_CHANNEL_KEY ? {} : { channel: row.channel as BlacklistEntry['channel'] }),
			reason: row.reason,
		})),
	);
}

function toRecord(row: BlacklistRow): BlacklistRecord {
	return {
		kind: row.kind,
		channel: row.channel,
		value: row.value,
		reason: row.reason,
		createdAt: isoAt(row.created_ms),
		createdBy: row.created_by,
	};
}
