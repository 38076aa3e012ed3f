// Pull cursors per (channel, shop, stream). A commit names the orders its window covered and is refused
// unless they are all stored, so a crash between pulling and storing means re-reading, never losing.
// A cursor never moves backwards unless forced; the check is also in the UPDATE's WHERE.
import { isIsoWithOffset, toEpochMillis } from '../model';
import { actorOf, isoAt, parseJsonColumn, type StoreContext } from './context';
import { invalidInput, StoreError } from './errors';
import { selectIn } from './sql';
import type { CommitCursorInput, CommitCursorResult, Cursor, WriteOptions } from './types';

interface CursorRow {
	channel: string;
	shop_id: string;
	stream: string;
	watermark: string;
	sort_key: string;
	meta: string | null;
	updated_ms: number;
	updated_by: string;
}

/**
 * Text that sorts like the watermark: 'T' + zero-padded epoch millis for ISO times (any offset),
 * 'N' + length + digits for integers, 'S' + the text for opaque tokens.
 */
export function watermarkSortKey(watermark: string): string {
	if (/^\d+$/.test(watermark)) {
		const digits = watermark.replace(/^0+(?=\d)/, '');
		return `N${String(digits.length).padStart(4, '0')}${digits}`;
	}
	if (isIsoWithOffset(watermark)) return `T${String(toEpochMillis(watermark)).padStart(16, '0')}`;
	return `S${watermark}`;
}

export async function getCursor(ctx: StoreContext, channel: string, shopId: string, stream: string): Promise<Cursor | undefined> {
	const row = await ctx.driver.get<CursorRow>('SELECT * FROM cursors WHERE channel = ? AND shop_id = ? AND stream = ?', [channel, shopId, stream]);
	return row && toCursor(row);
}

export async function commitCursor(ctx: StoreContext, input: CommitCursorInput, options?: WriteOptions): Promise<CommitCursorResult> {
	for (const key of ['channel', 'shopId', 'stream', 'watermark'] as const) {
		if (typeof input[key] !== 'string' || (key !== 'shopId' && input[key] === '')) throw invalidInput(`commitCursor needs ${key} as a string`);
	}
	const sortKey = watermarkSortKey(input.watermark);
	const name = `${input.channel}/${input.shopId}/${input.stream}`;
	return ctx.driver.write(async (tx) => {
		const covering = [...new Set(input.coveringOrderIds ?? [])];
		if (covering.length) {
			const found = new Set((await selectIn<{ id: string }>(tx, 'SELECT id FROM orders WHERE id IN ({in})', covering)).map((r) => r.id));
			const missing = covering.filter((id) => !found.has(id));
			if (missing.length) {
				throw new StoreError(
					'cursor_uncovered',
					`cursor ${name} not moved to ${input.watermark}: ${missing.length} covered order(s) are not stored yet (${missing.slice(0, 5).join(', ')})`,
					{ missing },
				);
			}
		}
		const current = await tx.get<CursorRow>(
			`SELECT * FROM cursors WHERE channel = ? AND shop_id = ? AND stream = ?${ctx.driver.dialect.forUpdate}`,
			[input.channel, input.shopId, input.stream],
		);
		if (current && !input.force && (current.sort_key[0] !== sortKey[0] || sortKey < current.sort_key)) {
			throw new StoreError('cursor_regression', `cursor ${name} is at ${current.watermark}; ${input.watermark} would move it backwards (pass force to re-read)`, {
				current: current.watermark,
				requested: input.watermark,
			});
		}
		const now = ctx.now();
		const meta = input.meta !== undefined ? JSON.stringify(input.meta) : (current?.meta ?? null);
		const changed = await tx.run(
			`INSERT INTO cursors (channel, shop_id, stream, watermark, sort_key, meta, updated_ms, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (channel, shop_id, stream) DO UPDATE SET watermark = excluded.watermark, sort_key = excluded.sort_key,
			 meta = excluded.meta, updated_ms = excluded.updated_ms, updated_by = excluded.updated_by
			 WHERE ? = 1 OR cursors.sort_key <= excluded.sort_key`,
			[input.channel, input.shopId, input.stream, input.watermark, sortKey, meta, now, actorOf(options), input.force ? 1 : 0],
		);
		if (!changed) throw new StoreError('cursor_regression', `cursor ${name} moved past ${input.watermark} concurrently`, {});
		const row = (await tx.get<CursorRow>('SELECT * FROM cursors WHERE channel = ? AND shop_id = ? AND stream = ?', [input.channel, input.shopId, input.stream]))!;
		return { cursor: toCursor(row), moved: current?.sort_key !== sortKey };
	});
}

function toCursor(row: CursorRow): Cursor {
	return {
		channel: row.channel,
		shopId: row.shop_id,
		stream: row.stream,
		watermark: row.watermark,
		...(row.meta ? { meta: parseJsonColumn<Record<string, unknown>>(row.meta, {}) } : {}),
		updatedAt: isoAt(row.updated_ms),
		updatedBy: row.updated_by,
	};
}
