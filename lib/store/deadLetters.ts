// Dead letters: payloads the store could not accept, kept with the reason so they can be fixed and replayed.
// A replay re-validates and upserts inside one transaction with the status change, so a letter is never
// marked replayed without its order, nor replayed twice.
import { stringifyWithBigIds } from '../json';
import type { Problem } from '../model';
import { actorOf, isoAt, parseJsonColumn, type StoreContext } from './context';
import { invalidInput } from './errors';
import { applyBatch, prepareBatch } from './orders';
import { Conditions, runIn, selectIn, type Sql } from './sql';
import type { DeadLetter, DeadLetterInput, DeadLetterQuery, ReplayResult, WriteOptions } from './types';

interface DeadLetterRow {
	id: number;
	source: string;
	reason: string;
	problems: string;
	payload: string;
	status: DeadLetter['status'];
	attempts: number;
	order_id: string | null;
	created_ms: number;
	updated_ms: number;
	updated_by: string | null;
}

export async function insertDeadLetters(tx: Sql, ctx: StoreContext, entries: readonly DeadLetterInput[], actor: string): Promise<number[]> {
	const now = ctx.now();
	const ids: number[] = [];
	for (const entry of entries) {
		if (!entry.source || !entry.reason) throw invalidInput('a dead letter needs source and reason');
		const payload = entry.payload === undefined ? null : entry.payload;
		const payloadText = toJsonText(payload);
		const orderId = payload && typeof payload === 'object' ? (payload as { id?: unknown }).id : undefined;
		const row = await tx.get<{ id: number }>(
			`INSERT INTO dead_letters (source, reason, problems, payload, status, attempts, order_id, created_ms, updated_ms, updated_by)
			 VALUES (?, ?, ?, ?, 'open', 0, ?, ?, ?, ?) RETURNING id`,
			[entry.source, entry.reason, JSON.stringify(entry.problems ?? []), payloadText, typeof orderId === 'string' ? orderId : null, now, now, actor],
		);
		ids.push(Number(row!.id));
	}
	return ids;
}

export async function addDeadLetters(ctx: StoreContext, entries: readonly DeadLetterInput[], options?: WriteOptions): Promise<number[]> {
	return ctx.driver.write((tx) => insertDeadLetters(tx, ctx, entries, actorOf(options)));
}

export async function listDeadLetters(ctx: StoreContext, query: DeadLetterQuery = {}): Promise<DeadLetter[]> {
	const c = new Conditions().add('id > ?', query.afterId ?? 0);
	if (query.status) c.add('status = ?', query.status);
	if (query.source) c.add('source = ?', query.source);
	const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
	const rows = await ctx.driver.all<DeadLetterRow>(`SELECT * FROM dead_letters ${c.where} ORDER BY id LIMIT ?`, [...c.params, limit]);
	return rows.map(toDeadLetter);
}

export async function replayDeadLetters(ctx: StoreContext, ids: readonly number[], options?: WriteOptions): Promise<ReplayResult[]> {
	const actor = actorOf(options);
	return ctx.driver.write(async (tx) => {
		const rows = new Map(
			(await selectIn<DeadLetterRow>(tx, `SELECT * FROM dead_letters WHERE id IN ({in})${ctx.driver.dialect.forUpdate}`, ids)).map((r) => [
				Number(r.id),
				r,
			]),
		);
		const open = ids.filter((id) => rows.get(id)?.status === 'open');
		const batch = prepareBatch(open.map((id) => JSON.parse(rows.get(id)!.payload)));
		const upserts = await applyBatch(ctx, tx, batch, { actor });
		const now = ctx.now();
		const byId = new Map(open.map((id, i) => [id, upserts[i]]));
		for (const [id, upsert] of byId) {
			if (upsert.outcome === 'invalid') {
				await tx.run('UPDATE dead_letters SET problems = ?, attempts = attempts + 1, updated_ms = ?, updated_by = ? WHERE id = ?', [
					JSON.stringify(upsert.problems),
					now,
					actor,
					id,
				]);
			} else {
				await tx.run(
					"UPDATE dead_letters SET status = 'replayed', attempts = attempts + 1, order_id = ?, updated_ms = ?, updated_by = ? WHERE id = ?",
					[upsert.id, now, actor, id],
				);
			}
		}
		return ids.map((id): ReplayResult => {
			const upsert = byId.get(id);
			if (!rows.has(id)) return { id, outcome: 'not_found' };
			if (!upsert) return { id, outcome: 'not_open' };
			if (upsert.outcome === 'invalid') return { id, outcome: 'invalid', problems: upsert.problems };
			return { id, outcome: 'replayed', upsert: { ...upsert, index: 0 } };
		});
	});
}

export async function discardDeadLetters(ctx: StoreContext, ids: readonly number[], options?: WriteOptions): Promise<number> {
	return ctx.driver.write((tx) =>
		runIn(tx, "UPDATE dead_letters SET status = 'discarded', updated_ms = ?, updated_by = ? WHERE status = 'open' AND id IN ({in})", ids, [
			ctx.now(),
			actorOf(options),
		]),
	);
}

/** JSON of any payload: big integers keep their digits; what JSON cannot hold is kept as text, never dropped. */
function toJsonText(payload: unknown): string {
	try {
		return stringifyWithBigIds(payload);
	} catch (err) {
		return JSON.stringify({ unserializable: String(payload), error: (err as Error).message });
	}
}

function toDeadLetter(row: DeadLetterRow): DeadLetter {
	return {
		id: Number(row.id),
		source: row.source,
		reason: row.reason,
		problems: parseJsonColumn<Problem[]>(row.problems, []),
		payload: JSON.parse(row.payload),
		status: row.status,
		attempts: Number(row.attempts),
		...(row.order_id ? { orderId: row.order_id } : {}),
		createdAt: isoAt(row.created_ms),
		updatedAt: isoAt(row.updated_ms),
		...(row.updated_by ? { updatedBy: row.updated_by } : {}),
	};
}
