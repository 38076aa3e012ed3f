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
 * Writes orders rows and returns each written order's sequence number. `created` rows must not exist yet:
 * if another writer inserted one meanwhile, the transaction is retried so the order is merged instead of
 * overwritten. Tags, and unless told otherwise lines, are replaced.
 */
export async function writeOrders(
	tx: Sql,
	dialect: Dialect,
	records: { created: readonly OrderRecord[]; updated: readonly OrderRecord[] },
	replaceLines = true,
): Promise<Map<string, number>> {
	const created = [...records.created].sort((a, b) => compareText(a.order.id, b.order.id));
	const updated = [...records.updated].sort((a, b) => compareText(a.order.id, b.order.id));
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
	const seqs = new Map(inserted.map((r) => [r.id, Number(r.seq)]));
	for (const record of updated) {
		if (record.seq === undefined) throw new Error(`order ${record.order.id} is updated without its sequence number`);
		seqs.set(record.order.id, record.seq);
	}
	await insertRows(tx, dialect, 'orders', ORDER_COLUMNS, updated.map(orderRow), ORDER_UPDATE);
	const updatedSeqs = updated.map((r) => r.seq);
	if (replaceLines) await runIn(tx, 'DELETE FROM order_lines WHERE order_seq IN ({in})', updatedSeqs);
	await runIn(tx, 'DELETE FROM order_tags WHERE order_seq IN ({in})', updatedSeqs);
	// New orders last, in sequence order: their rows append at the end of the child tables.
	const children = [...(replaceLines ? updated : []), ...created.sort((a, b) => seqs.get(a.order.id)! - seqs.get(b.order.id)!)];
	await insertRows(tx, dialect, 'order_lines', LINE_COLUMNS, children.flatMap((r) => lineRows(seqs.get(r.order.id)!, r.order)));
	const tags = [...updated, ...created].flatMap((r) => [...new Set(r.order.tags)].map((tag) => [seqs.get(r.order.id)!, tag]));
	await insertRows(tx, dialect, 'order_tags', ['order_seq', 'tag'], tags);
	return seqs;
}

/** Events of orders just written; `seqs` is what writeOrders returned. */
export async function writeEvents(tx: Sql, dialect: Dialect, events: readonly EventRow[], seqs: ReadonlyMap<string, number>): Promise<void> {
	const rows = events.map((e) => [
		seqs.get(e.orderId) ?? missingSeq(e.orderId),
		e.atMs,
		e.actor,
		e.kind,
		e.fromStatus ?? null,
		e.toStatus ?? null,
		e.before ? JSON.stringify(e.before) : null,
		e.after ? JSON.stringify(e.after) : null,
	]);
	await insertRows(tx, dialect, 'order_events', EVENT_COLUMNS, rows);
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
		JSON.stringify(order),
	];
}

function lineRows(seq: number, order: UnifiedOrder): unknown[][] {
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
	const parts = [order.channelOrderId, order.buyer.nick, order.buyer.id, order.receiver.name, order.receiver.phone];
	for (const line of order.lines) parts.push(line.title, line.skuName, line.channelSkuId, line.merchantCode, line.masterSku);
	return parts
		.filter((part) => part)
		.join('\n')
		.toLowerCase();
}
