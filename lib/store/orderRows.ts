// How an order maps onto the orders / order_lines / order_tags / order_events tables, and the set-based
// writes shared by upsert, patch and SKU back-fill.
import type { OrderStatus, UnifiedOrder } from '../model';
import { instantOf, isoAt, parseJsonColumn } from './context';
import type { LocalOverlay } from './orderMerge';
import { type Dialect, insertRows, insertRowsReturning, RetryTransaction, runIn, selectIn, type Sql } from './sql';
import type { StoredOrder } from './types';
import { compareText } from './util';

const ORDER_COLUMNS = [
	'id',
	'channel',
	'shop_id',
	'channel_order_id',
	'status',
	'channel_status',
	'refund_state',
	'created_ms',
	'updated_ms',
	'paid_ms',
	'changed_ms',
	'audit_decision',
	'customer_id',
	'currency',
	'paid_total',
	'search_text',
	'snapshot_hash',
	'local',
	'data',
];
const ORDER_UPDATE = ` ON CONFLICT (id) DO UPDATE SET ${ORDER_COLUMNS.filter((c) => c !== 'id')
	.map((c) => `${c} = excluded.${c}`)
	.join(', ')}`;
const LINE_COLUMNS = [
	'order_seq',
	'line_id',
	'channel_sku_id',
	'merchant_code',
	'master_sku',
	'title',
	'quantity',
	'unit_price',
	'paid_amount',
	'refund_state',
];
const EVENT_COLUMNS = ['order_seq', 'at_ms', 'actor', 'kind', 'from_status', 'to_status', 'before', 'after'];

/** What the orders row holds beside the order itself. */
export interface OrderRecord {
	order: UnifiedOrder;
	/** The row's sequence number; required to update a stored order. */
	seq?: number;
	/** Status of the last channel snapshot accepted; judges the next one. */
	channelStatus: OrderStatus;
	snapshotHash: string;
	/** JSON.stringify(order), when the caller has it already. */
	json?: string;
	local?: LocalOverlay;
	customerId?: string | null;
	changedMs: number;
}

/** The columns loaded to decide what to do with an incoming snapshot (no order JSON). */
export interface OrderHead {
	seq: number;
	id: string;
	status: OrderStatus;
	channel_status: OrderStatus;
	refund_state: string;
	updated_ms: number;
	snapshot_hash: string;
	customer_id: string | null;
	local: string | null;
}

export interface EventRow {
	orderId: string;
	atMs: number;
	actor: string;
	kind: string;
	fromStatus?: OrderStatus | null;
	toStatus?: OrderStatus | null;
	before?: Record<string, unknown> | null;
	after?: Record<string, unknown> | null;
}

export async function loadHeads(tx: Sql, dialect: Dialect, ids: readonly string[]): Promise<Map<string, OrderHead>> {
	const rows = await selectIn<OrderHead>(
		tx,
		`SELECT seq, id, status, channel_status, refund_state, updated_ms, snapshot_hash, customer_id, local
		 FROM orders WHERE id IN ({in}) ORDER BY id${dialect.forUpdate}`,
		[...ids].sort(),
	);
	return new Map(rows.map((row) => [row.id, row]));
}

export async function loadOrders(tx: Sql, ids: readonly string[]): Promise<Map<string, StoredOrder>> {
	const rows = await selectIn<StoredOrderRow>(
		tx,
		`SELECT ${STORED_ORDER_COLUMNS} FROM orders WHERE id IN ({in})`,
		ids,
	);
	return new Map(rows.map((row) => [row.id, toStoredOrder(row)]));
}

export const STORED_ORDER_COLUMNS = 'id, data, customer_id, changed_ms';
export interface StoredOrderRow {
	id: string;
	data: string;
	customer_id: string | null;
	changed_ms: number;
}

export function toStoredOrder(row: StoredOrderRow): StoredOrder {
	const order = JSON.parse(row.data) as StoredOrder;
	if (row.customer_id) order.customerId = row.customer_id;
	order.changedAt = isoAt(row.changed_ms);
	return order;
}

export function parseLocal(text: string | null): LocalOverlay | undefined {
	return parseJsonColumn<LocalOverlay | undefined>(text, undefined);
}

/**
 * Writes orders rows, their lines and tags, and `events`; returns each written order's sequence number.
 * `created` rows must not exist yet: if another writer inserted one meanwhile, the transaction is retried so
 * the order is merged instead of overwritten. Tags, and unless told otherwise lines, are replaced. Events may
 * refer to created orders (by id) and to updated ones.
 */
export async function writeOrders(
	tx: Sql,
	dialect: Dialect,
	records: { created: readonly OrderRecord[]; updated: readonly OrderRecord[] },
	replaceLines = true,
	events: readonly EventRow[] = [],
): Promise<Map<string, number>> {
	const created = [...records.created].sort((a, b) => compareText(a.order.id, b.order.id));
	const updated = [...records.updated].sort((a, b) => compareText(a.order.id, b.order.id));
	const seqs = new Map<string, number>();
	for (const record of updated) {
		if (record.seq === undefined) throw new Error(`order ${record.order.id} is updated without its sequence number`);
		seqs.set(record.order.id, record.seq);
	}
	if (dialect.name === 'postgres') {
		await writeUpdated(tx, dialect, updated, replaceLines);
		if (created.length || events.length) await writeCreatedWithEvents(tx, created, events, seqs);
		return seqs;
	}
	const inserted = await insertRowsReturning<{ id: string; seq: number }>(
		tx,
		dialect,
		'orders',
		ORDER_COLUMNS,
		created.map(orderRow),
		' ON CONFLICT (id) DO NOTHING',
		'id, seq',
	);
	if (inserted.length !== created.length) throw new RetryTransaction('an order was inserted by another writer');
	for (const r of inserted) seqs.set(r.id, Number(r.seq));
	await writeUpdated(tx, dialect, updated, replaceLines, false);
	// New orders last, in sequence order: their rows append at the end of the child tables.
	const children = [...(replaceLines ? updated : []), ...created.sort((a, b) => seqs.get(a.order.id)! - seqs.get(b.order.id)!)];
	await insertRows(tx, dialect, 'order_lines', LINE_COLUMNS, children.flatMap((r) => lineRows(seqs.get(r.order.id)!, r.order)));
	const tags = [...updated, ...created].flatMap((r) => [...new Set(r.order.tags)].map((tag) => [seqs.get(r.order.id)!, tag]));
	await insertRows(tx, dialect, 'order_tags', ['order_seq', 'tag'], tags);
	await writeEvents(tx, dialect, events, seqs);
	return seqs;
}

/** Stored orders: the row, and (with `children`) their lines and tags replaced. */
async function writeUpdated(tx: Sql, dialect: Dialect, updated: readonly OrderRecord[], replaceLines: boolean, children = true): Promise<void> {
	if (!updated.length) return;
	await insertRows(tx, dialect, 'orders', ORDER_COLUMNS, updated.map(orderRow), ORDER_UPDATE);
	const updatedSeqs = updated.map((r) => r.seq);
	if (replaceLines) await runIn(tx, 'DELETE FROM order_lines WHERE order_seq IN ({in})', updatedSeqs);
	await runIn(tx, 'DELETE FROM order_tags WHERE order_seq IN ({in})', updatedSeqs);
	if (!children) return;
	if (replaceLines) await insertRows(tx, dialect, 'order_lines', LINE_COLUMNS, updated.flatMap((r) => lineRows(r.seq!, r.order)));
	const tags = updated.flatMap((r) => [...new Set(r.order.tags)].map((tag) => [r.seq!, tag]));
	await insertRows(tx, dialect, 'order_tags', ['order_seq', 'tag'], tags);
}

// PostgreSQL writes new orders, their lines, tags and the batch's events in ONE statement (one round trip):
// each table's rows travel as one JSON parameter, so the statement text is the same for every batch size
// and the connection plans it once. Rows keep the order they are given in (WITH ORDINALITY).
// The order's own JSON rides inside the parameter as a json value, not as an escaped string: json keeps its
// text verbatim, so the stored text is exactly what was serialized, with no escaping on either side.
const ORDER_TYPES: Record<string, string> = { created_ms: 'bigint', updated_ms: 'bigint', paid_ms: 'bigint', changed_ms: 'bigint', paid_total: 'bigint', data: 'json' };
const LINE_TYPES: Record<string, string> = { quantity: 'integer', unit_price: 'bigint', paid_amount: 'bigint' };
const EVENT_TYPES: Record<string, string> = { seq: 'bigint', at_ms: 'bigint' };
const LINE_INPUT = ['order_id', ...LINE_COLUMNS.slice(1)];
const EVENT_INPUT = ['order_id', 'seq', ...EVENT_COLUMNS.slice(1)];

function jsonRows(columns: readonly string[], types: Record<string, string>, alias: string): string {
	const defs = columns.map((c) => `${c} ${types[c] ?? 'text'}`).join(', ');
	return `ROWS FROM (json_to_recordset(?::json) AS (${defs})) WITH ORDINALITY AS ${alias}(${columns.join(', ')}, n)`;
}

const WRITE_CREATED_PG = `WITH o AS (
	INSERT INTO orders (${ORDER_COLUMNS.join(', ')})
	SELECT ${ORDER_COLUMNS.map((c) => (c === 'data' ? 'r.data::text' : `r.${c}`)).join(', ')} FROM ${jsonRows(ORDER_COLUMNS, ORDER_TYPES, 'r')} ORDER BY r.n
	ON CONFLICT (id) DO NOTHING
	RETURNING id, seq
), l AS (
	INSERT INTO order_lines (${LINE_COLUMNS.join(', ')})
	SELECT o.seq, ${LINE_COLUMNS.slice(1).map((c) => `r.${c}`).join(', ')}
	FROM ${jsonRows(LINE_INPUT, LINE_TYPES, 'r')} JOIN o ON o.id = r.order_id ORDER BY o.seq, r.n
), t AS (
	INSERT INTO order_tags (order_seq, tag)
	SELECT DISTINCT o.seq, r.tag FROM ${jsonRows(['order_id', 'tag'], {}, 'r')} JOIN o ON o.id = r.order_id
), e AS (
	INSERT INTO order_events (${EVENT_COLUMNS.join(', ')})
	SELECT coalesce(r.seq, o.seq), ${EVENT_COLUMNS.slice(1).map((c) => `r.${c}`).join(', ')}
	FROM ${jsonRows(EVENT_INPUT, EVENT_TYPES, 'r')} LEFT JOIN o ON o.id = r.order_id
	WHERE coalesce(r.seq, o.seq) IS NOT NULL ORDER BY r.n
)
SELECT id, seq FROM o`;

async function writeCreatedWithEvents(tx: Sql, created: readonly OrderRecord[], events: readonly EventRow[], seqs: Map<string, number>): Promise<void> {
	const orders = created.map((r) => {
		const row = orderRow(r);
		const fields = JSON.stringify(asObject(ORDER_COLUMNS.slice(0, -1), row.slice(0, -1)));
		return `${fields.slice(0, -1)},"data":${row[row.length - 1] as string}}`;
	});
	const lines = created.flatMap((r) => lineRows(r.order.id, r.order).map((row) => asObject(LINE_INPUT, row)));
	const tags = created.flatMap((r) => r.order.tags.map((tag) => ({ order_id: r.order.id, tag })));
	const createdIds = new Set(created.map((r) => r.order.id));
	const eventRows = events.map((e) => {
		const seq = seqs.get(e.orderId) ?? (createdIds.has(e.orderId) ? null : missingSeq(e.orderId));
		return asObject(EVENT_INPUT, [e.orderId, seq, ...eventRow(e).slice(1)]);
	});
	const inserted = await tx.all<{ id: string; seq: number }>(WRITE_CREATED_PG, [
		`[${orders.join(',')}]`,
		JSON.stringify(lines),
		JSON.stringify(tags),
		JSON.stringify(eventRows),
	]);
	if (inserted.length !== created.length) throw new RetryTransaction('an order was inserted by another writer');
	for (const r of inserted) seqs.set(r.id, Number(r.seq));
}

function asObject(columns: readonly string[], values: readonly unknown[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (let i = 0; i < columns.length; i++) out[columns[i]] = values[i];
	return out;
}

/** Events of orders just written; `seqs` is what writeOrders returned. */
export async function writeEvents(tx: Sql, dialect: Dialect, events: readonly EventRow[], seqs: ReadonlyMap<string, number>): Promise<void> {
	const rows = events.map((e) => [seqs.get(e.orderId) ?? missingSeq(e.orderId), ...eventRow(e).slice(1)]);
	await insertRows(tx, dialect, 'order_events', EVENT_COLUMNS, rows);
}

function eventRow(e: EventRow): unknown[] {
	return [
		null,
		e.atMs,
		e.actor,
		e.kind,
		e.fromStatus ?? null,
		e.toStatus ?? null,
		e.before ? JSON.stringify(e.before) : null,
		e.after ? JSON.stringify(e.after) : null,
	];
}

function missingSeq(orderId: string): never {
	throw new Error(`event for order ${orderId}, which this transaction did not write`);
}

function orderRow(record: OrderRecord): unknown[] {
	const { order } = record;
	return [
		order.id,
		order.channel,
		order.shopId,
		order.channelOrderId,
		order.status,
		record.channelStatus,
		order.refundState,
		instantOf(order.createdAt),
		instantOf(order.updatedAt),
		order.paidAt ? instantOf(order.paidAt) : null,
		record.changedMs,
		order.audit?.decision ?? null,
		record.customerId ?? null,
		order.currency,
		order.totals.paid,
		searchText(order),
		record.snapshotHash,
		record.local && Object.keys(record.local).length ? JSON.stringify(record.local) : null,
		record.json ?? JSON.stringify(order),
	];
}

function lineRows(seq: number | string, order: UnifiedOrder): unknown[][] {
	return order.lines.map((line) => [
		seq,
		line.lineId,
		line.channelSkuId ?? null,
		line.merchantCode ?? null,
		line.masterSku ?? null,
		line.title,
		line.quantity,
		line.unitPrice,
		line.paidAmount,
		line.refundState,
	]);
}

/** Lower-cased text the free-text search looks in. */
export function searchText(order: UnifiedOrder): string {
	// Non-empty parts joined by newlines, built as one string (no parts array, no filtered copy).
	let text = order.channelOrderId;
	const add = (part: string | undefined) => {
		if (part) text = text ? `${text}\n${part}` : part;
	};
	add(order.buyer.nick);
	add(order.buyer.id);
	add(order.receiver.name);
	add(order.receiver.phone);
	for (const line of order.lines) {
		add(line.title);
		add(line.skuName);
		add(line.channelSkuId);
		add(line.merchantCode);
		add(line.masterSku);
	}
	return text.toLowerCase();
}
