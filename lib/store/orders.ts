// upsertOrders: one transaction per batch, idempotent, never regresses a stored order.
// Per item: invalid (validateOrder problems; optionally dead-lettered) | stale (older snapshot, ignored) |
// unchanged (same snapshot, or nothing to merge) | updated | created. Reads lock the stored rows first
// (PostgreSQL FOR UPDATE in id order; SQLite holds the file's write lock), so concurrent writers merge.
import { decideSnapshot, type UnifiedOrder, validateOrder } from '../model';
import { actorOf, isoAt, type StoreContext } from './context';
import { linkCustomers } from './customers';
import { insertDeadLetters } from './deadLetters';
import { diffOrders, hashOfJson, type LocalOverlay, mergeSnapshot } from './orderMerge';
import { unique } from './util';
import {
	type EventRow,
	loadHeads,
	loadOrders,
	type OrderHead,
	type OrderRecord,
	parseLocal,
	writeOrders,
} from './orderRows';
import { resolveOrderLines } from './skus';
import type { Sql } from './sql';
import type { StoredOrder, UpsertOptions, UpsertResult } from './types';

/** Facts of the event written for a new order (the order itself is in the orders row). */
type CreatedEventFacts = Pick<UnifiedOrder, 'status' | 'refundState' | 'updatedAt' | 'totals'>;

export interface Item {
	index: number;
	order: UnifiedOrder;
	hash: string;
	/** The snapshot's JSON as hashed; stored as is when the order is new and no line got a master SKU on the way in. */
	json: string;
	/** Lines without a master SKU as received. */
	unmapped: number;
}

/** The order as it stands while the batch is planned (an id may appear more than once in a batch). */
interface Current {
	existed: boolean;
	seq?: number;
	dirty: boolean;
	order?: UnifiedOrder;
	channelStatus: UnifiedOrder['status'];
	updatedAt: string;
	hash: string;
	/** JSON of `order` when known to be exactly the received snapshot (new orders). */
	json?: string;
	local?: LocalOverlay;
	customerId?: string | null;
}

/** Validated input: what can be written, and what comes back 'invalid'. */
export interface PreparedBatch {
	size: number;
	items: Item[];
	invalid: InvalidItem[];
}

export interface InvalidItem {
	index: number;
	payload: unknown;
	problems: NonNullable<UpsertResult['problems']>;
	deadLetterId?: number;
}

export async function upsertOrders(ctx: StoreContext, input: readonly unknown[], options: UpsertOptions = {}): Promise<UpsertResult[]> {
	const batch = prepareBatch(input);
	return ctx.driver.write((tx) => applyBatch(ctx, tx, batch, options));
}

/** Pure part of an upsert, done before the write lock is taken. */
export function prepareBatch(input: readonly unknown[]): PreparedBatch {
	const batch: PreparedBatch = { size: input.length, items: [], invalid: [] };
	input.forEach((given, index) => {
		const value = withoutStoreFields(given);
		const problems = validateOrder(value);
		let json = '';
		try {
			if (!problems.length) json = JSON.stringify(value);
		} catch (err) {
			problems.push({ path: '$', message: `cannot be stored as JSON: ${(err as Error).message}` });
		}
		if (problems.length) batch.invalid.push({ index, payload: value, problems });
		else {
			const order = copyForWrite(value as UnifiedOrder);
			batch.items.push({ index, order, hash: hashOfJson(json), json, unmapped: unmappedLines(order) });
		}
	});
	return batch;
}

/** Writes a prepared batch inside the caller's write transaction. */
export async function applyBatch(ctx: StoreContext, tx: Sql, batch: PreparedBatch, options: UpsertOptions = {}): Promise<UpsertResult[]> {
	const { items, invalid } = batch;
	const results: UpsertResult[] = new Array(batch.size);
	const actor = actorOf(options);
	const now = ctx.now();
	const heads = await loadHeads(tx, ctx.driver.dialect, unique(items.map((i) => i.order.id)));
	const toMerge = items.filter((item) => needsMerge(heads.get(item.order.id), item));
	const stored = await loadOrders(tx, unique(toMerge.map((i) => i.order.id)));
	await resolveOrderLines(ctx, tx, items.filter((i) => !heads.has(i.order.id) || stored.has(i.order.id)).map((i) => i.order));

	const current = new Map<string, Current>();
	const events: EventRow[] = [];
	for (const item of items) {
		const id = item.order.id;
		const cur = current.get(id) ?? fromHead(heads.get(id), stored.get(id));
		const planned = planItem(cur, item, now, actor, events);
		if (planned.cur) current.set(id, planned.cur);
		results[item.index] = planned.result;
	}

	const written = [...current.entries()].filter(([, cur]) => cur.dirty);
	const links = await linkCustomers(ctx, tx, written.filter(([, cur]) => !cur.customerId).map(([, cur]) => cur.order!), now);
	const records = written.map(([id, cur]): OrderRecord & { existed: boolean } => ({
		existed: cur.existed,
		order: cur.order!,
		channelStatus: cur.channelStatus,
		snapshotHash: cur.hash,
		json: cur.json,
		local: cur.local,
		customerId: cur.customerId ?? links.get(id) ?? null,
		changedMs: now,
		seq: cur.seq,
	}));
	await writeOrders(
		tx,
		ctx.driver.dialect,
		{ created: records.filter((r) => !r.existed), updated: records.filter((r) => r.existed) },
		true,
		events,
	);

	if (options.deadLetterInvalid && invalid.length) {
		const letters = invalid.map((i) => ({ source: options.source ?? 'upsert', reason: 'invalid order', problems: i.problems, payload: i.payload }));
		const ids = await insertDeadLetters(tx, ctx, letters, actor);
		invalid.forEach((entry, n) => (entry.deadLetterId = ids[n]));
	}
	for (const entry of invalid) results[entry.index] = invalidResult(entry);
	if (options.returnOrders) await attachOrders(tx, results, records, now);
	return results;
}

/** Whether an item needs the stored order (it may change it): not new, not stale, not the same snapshot. */
function needsMerge(head: OrderHead | undefined, item: Item): boolean {
	if (!head) return false;
	if (head.snapshot_hash === item.hash) return false;
	return decideSnapshot({ updatedAt: isoAt(head.updated_ms), status: head.channel_status }, item.order) !== 'older';
}

function fromHead(head: OrderHead | undefined, order: UnifiedOrder | undefined): Current | undefined {
	if (!head) return undefined;
	return {
		existed: true,
		seq: head.seq,
		dirty: false,
		order: order && stripStoreFields(order as StoredOrder),
		channelStatus: head.channel_status,
		updatedAt: order?.updatedAt ?? isoAt(head.updated_ms),
		hash: head.snapshot_hash,
		local: parseLocal(head.local),
		customerId: head.customer_id,
	};
}

function planItem(
	cur: Current | undefined,
	item: Item,
	now: number,
	actor: string,
	events: EventRow[],
): { cur?: Current; result: UpsertResult } {
	const incoming = item.order;
	const base: UpsertResult = {
		index: item.index,
		outcome: 'unchanged',
		id: incoming.id,
		channel: incoming.channel,
		shopId: incoming.shopId,
		channelOrderId: incoming.channelOrderId,
	};
	if (!cur) {
		const json = unmappedLines(incoming) === item.unmapped ? item.json : undefined;
		const created = { existed: false, dirty: true, order: incoming, channelStatus: incoming.status, updatedAt: incoming.updatedAt, hash: item.hash, json };
		const after: CreatedEventFacts = {
			status: incoming.status,
			refundState: incoming.refundState,
			updatedAt: incoming.updatedAt,
			totals: incoming.totals,
		};
		events.push({ orderId: incoming.id, atMs: now, actor, kind: 'created', toStatus: incoming.status, after });
		return { cur: created, result: { ...base, outcome: 'created', transition: { from: null, to: incoming.status } } };
	}
	const verdict = decideSnapshot({ updatedAt: cur.updatedAt, status: cur.channelStatus }, incoming);
	if (verdict === 'older') return { result: { ...base, outcome: 'stale' } };
	if (cur.hash === item.hash || !cur.order) return { result: base };
	const merged = mergeSnapshot(cur.order, incoming, verdict, cur.local);
	const diff = diffOrders(cur.order, merged);
	if (!diff.changes.length) return { result: base };
	const from = cur.order.status;
	const next: Current = { ...cur, dirty: true, order: merged, channelStatus: incoming.status, updatedAt: incoming.updatedAt, hash: item.hash, json: undefined };
	const moved = from !== merged.status;
	events.push({
		orderId: incoming.id,
		atMs: now,
		actor,
		kind: 'channel_update',
		fromStatus: moved ? from : null,
		toStatus: moved ? merged.status : null,
		before: diff.before,
		after: diff.after,
	});
	return {
		cur: next,
		result: { ...base, outcome: 'updated', changes: diff.changes, ...(moved ? { transition: { from, to: merged.status } } : {}) },
	};
}

function invalidResult(entry: InvalidItem): UpsertResult {
	const payload = (entry.payload && typeof entry.payload === 'object' ? entry.payload : {}) as Record<string, unknown>;
	const text = (key: string) => (typeof payload[key] === 'string' ? { [key]: payload[key] as string } : {});
	return {
		index: entry.index,
		outcome: 'invalid',
		...text('id'),
		...text('channel'),
		...text('shopId'),
		...text('channelOrderId'),
		problems: entry.problems,
		...(entry.deadLetterId !== undefined ? { deadLetterId: entry.deadLetterId } : {}),
	};
}

async function attachOrders(tx: Sql, results: UpsertResult[], records: readonly OrderRecord[], now: number): Promise<void> {
	const written = new Map(records.map((r) => [r.order.id, r]));
	const others = await loadOrders(tx, unique(results.filter((r) => r.id && r.outcome !== 'invalid' && !written.has(r.id)).map((r) => r.id!)));
	for (const result of results) {
		if (!result.id || result.outcome === 'invalid') continue;
		const record = written.get(result.id);
		result.order = record
			? { ...record.order, ...(record.customerId ? { customerId: record.customerId } : {}), changedAt: isoAt(now) }
			: others.get(result.id);
	}
}

function unmappedLines(order: UnifiedOrder): number {
	let count = 0;
	for (const line of order.lines) if (line.masterSku === undefined) count++;
	return count;
}

/** Lines get their master SKU resolved on the copy; the caller's object stays as it was. */
function copyForWrite(order: UnifiedOrder): UnifiedOrder {
	return { ...order, lines: order.lines.map((line) => ({ ...line })) };
}

/** The order as a channel snapshot would carry it: the store's own output fields removed. */
export function stripStoreFields(order: StoredOrder): UnifiedOrder {
	const { customerId: _c, changedAt: _t, cost: _k, ...plain } = order;
	return plain;
}

/** A stored order fed back in (get -> edit -> upsert) is accepted: the fields the store adds are ignored. */
function withoutStoreFields(value: unknown): unknown {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
	const record = value as Record<string, unknown>;
	return 'customerId' in record || 'changedAt' in record || 'cost' in record ? stripStoreFields(record as unknown as StoredOrder) : value;
}
