// Reading orders: by id or channel identity, searching with filters and keyset paging, history, cost.
import { orderId, toEpochMillis } from '../model';
import { isoAt, parseJsonColumn, type StoreContext } from './context';
import { invalidInput } from './errors';
import { loadOrders, STORED_ORDER_COLUMNS, type StoredOrderRow, toStoredOrder } from './orderRows';
import { unique } from './util';
import { loadSkuFacts } from './skus';
import { Conditions, likeContains, placeholders, type Sql } from './sql';
import type { OrderCost, OrderEvent, OrderPage, OrderRef, OrderSearch, SortField, StoredOrder } from './types';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

const SORT_COLUMNS: Record<SortField, string> = {
	createdAt: 'created_ms',
	updatedAt: 'updated_ms',
	paidAt: 'paid_ms',
	changedAt: 'changed_ms',
};

const RANGES: Array<[keyof OrderSearch, keyof OrderSearch, string]> = [
	['createdFrom', 'createdTo', 'created_ms'],
	['updatedFrom', 'updatedTo', 'updated_ms'],
	['paidFrom', 'paidTo', 'paid_ms'],
	['changedFrom', 'changedTo', 'changed_ms'],
];

export function idOf(ref: OrderRef): string {
	return typeof ref === 'string' ? ref : orderId(ref.channel, ref.shopId, ref.channelOrderId);
}

export async function getOrder(ctx: StoreContext, ref: OrderRef, withCost = false): Promise<StoredOrder | undefined> {
	const order = (await loadOrders(ctx.driver, [idOf(ref)])).values().next().value;
	if (order && withCost) await attachCost(ctx.driver, [order]);
	return order;
}

export async function searchOrders(ctx: StoreContext, search: OrderSearch = {}): Promise<OrderPage> {
	const sort = search.sort ?? 'createdAt';
	const column = SORT_COLUMNS[sort];
	if (!column) throw invalidInput(`cannot sort orders by ${JSON.stringify(sort)}`);
	const desc = (search.direction ?? 'desc') === 'desc';
	const limit = Math.min(Math.max(Math.trunc(search.limit ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
	const matches = filters(search);
	if (sort === 'paidAt') matches.add('paid_ms IS NOT NULL');
	const page = filters(search);
	if (sort === 'paidAt') page.add('paid_ms IS NOT NULL');
	if (search.cursor) page.add(`(${column}, seq) ${desc ? '<' : '>'} (?, ?)`, ...decodeCursor(search.cursor, sort, desc));
	// Ties break on the row's sequence number, which every index carries on SQLite: the page is chosen from
	// the index alone, and only its rows are read (sorting full rows of every match was the slow part).
	const order = `${column} ${desc ? 'DESC' : 'ASC'}, seq ${desc ? 'DESC' : 'ASC'}`;
	const offset = search.cursor ? 0 : Math.max(0, Math.trunc(search.offset ?? 0));
	const rows = await ctx.driver.all<StoredOrderRow & { seq: number; sort_value: number }>(
		`SELECT ${STORED_ORDER_COLUMNS}, seq, ${column} AS sort_value FROM orders
		 WHERE seq IN (SELECT seq FROM orders ${page.where} ORDER BY ${order} LIMIT ? OFFSET ?) ORDER BY ${order}`,
		[...page.params, limit + 1, offset],
	);
	const result: OrderPage = { orders: rows.slice(0, limit).map(toStoredOrder) };
	if (rows.length > limit) {
		const last = rows[limit - 1];
		result.nextCursor = encodeCursor(Number(last.sort_value), Number(last.seq), sort, desc);
	}
	if (search.withTotal) {
		const total = await ctx.driver.get<{ n: number }>(`SELECT COUNT(*) AS n FROM orders ${matches.where}`, matches.params);
		result.total = Number(total?.n ?? 0);
	}
	if (search.withCost) await attachCost(ctx.driver, result.orders);
	return result;
}

export async function orderHistory(ctx: StoreContext, id: string): Promise<OrderEvent[]> {
	const rows = await ctx.driver.all<Record<string, string | number | null>>(
		'SELECT e.*, o.id AS order_id FROM order_events e JOIN orders o ON o.seq = e.order_seq WHERE o.id = ? ORDER BY e.id',
		[id],
	);
	return rows.map((r) => ({
		id: Number(r.id),
		orderId: String(r.order_id),
		at: isoAt(Number(r.at_ms)),
		actor: String(r.actor),
		kind: String(r.kind),
		...(r.from_status ? { fromStatus: r.from_status as OrderEvent['fromStatus'] } : {}),
		...(r.to_status ? { toStatus: r.to_status as OrderEvent['toStatus'] } : {}),
		...(r.before ? { before: parseJsonColumn<Record<string, unknown>>(r.before, {}) } : {}),
		...(r.after ? { after: parseJsonColumn<Record<string, unknown>>(r.after, {}) } : {}),
	}));
}

/** Unit cost per line from master SKUs; a bundle without its own cost costs the sum of its components. */
export async function attachCost(tx: Sql, orders: StoredOrder[]): Promise<void> {
	const skus = unique(orders.flatMap((o) => o.lines.map((l) => l.masterSku)).filter((s): s is string => !!s));
	const facts = await loadSkuFacts(tx, skus);
	const parts = unique([...facts.values()].flatMap((f) => f.components?.map((c) => c.sku) ?? [])).filter((s) => !facts.has(s));
	for (const [sku, fact] of await loadSkuFacts(tx, parts)) facts.set(sku, fact);
	for (const order of orders) {
		const own = (sku: string): number | null => {
			const fact = facts.get(sku);
			return fact?.cost != null && (fact.currency ?? order.currency) === order.currency ? fact.cost : null;
		};
		const unitCost = (sku: string | undefined): number | null => {
			if (!sku) return null;
			const components = facts.get(sku)?.components;
			if (own(sku) !== null || !components) return own(sku);
			const costs = components.map((c) => own(c.sku));
			return costs.every((c) => c !== null) ? components.reduce((sum, c, i) => sum + costs[i]! * c.quantity, 0) : null;
		};
		const lines = order.lines.map((l) => ({ lineId: l.lineId, masterSku: l.masterSku, quantity: l.quantity, unitCost: unitCost(l.masterSku) }));
		const total = lines.every((l) => l.unitCost !== null) ? lines.reduce((sum, l) => sum + l.unitCost! * l.quantity, 0) : null;
		const cost: OrderCost = { lines, total, margin: total === null ? null : order.totals.paid - total };
		order.cost = cost;
	}
}

function filters(search: OrderSearch): Conditions {
	const c = new Conditions();
	const inList = (column: string, value: string | string[] | undefined) => {
		const values = value === undefined ? [] : ([] as string[]).concat(value);
		if (values.length) c.add(`${column} IN (${placeholders(values.length)})`, ...values);
	};
	inList('channel', search.channel);
	inList('shop_id', search.shopId);
	inList('status', search.status);
	inList('refund_state', search.refundState);
	const refunds = search.refundState === undefined ? [] : ([] as string[]).concat(search.refundState);
	// Lets the planner use the partial index that holds only orders with a refund.
	if (refunds.length && !refunds.includes('none')) c.add("refund_state <> 'none'");
	const decisions = search.auditDecision === undefined ? [] : ([] as string[]).concat(search.auditDecision);
	if (decisions.length) {
		const named = decisions.filter((d) => d !== 'none');
		const parts = named.length ? [`(audit_decision IS NOT NULL AND audit_decision IN (${placeholders(named.length)}))`] : [];
		if (decisions.includes('none')) parts.push('audit_decision IS NULL');
		c.add(`(${parts.join(' OR ')})`, ...named);
	}
	if (search.customerId) c.add('customer_id = ?', search.customerId);
	if (search.tag) c.add('EXISTS (SELECT 1 FROM order_tags t WHERE t.order_seq = orders.seq AND t.tag = ?)', search.tag);
	if (search.text) c.add("search_text LIKE ? ESCAPE '\\'", likeContains(search.text));
	for (const [from, to, column] of RANGES) {
		if (search[from] !== undefined) c.add(`${column} >= ?`, millisOf(search[from], from));
		if (search[to] !== undefined) c.add(`${column} < ?`, millisOf(search[to], to));
	}
	return c;
}

function millisOf(value: unknown, name: string): number {
	try {
		return toEpochMillis(String(value));
	} catch {
		throw invalidInput(`${name} must be an ISO-8601 date-time with offset, got ${JSON.stringify(value)}`);
	}
}

function encodeCursor(value: number, seq: number, sort: SortField, desc: boolean): string {
	return Buffer.from(JSON.stringify([value, seq, sort, desc ? 'd' : 'a'])).toString('base64url');
}

function decodeCursor(cursor: string, sort: SortField, desc: boolean): [number, number] {
	try {
		const [value, seq, s, d] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [number, number, string, string];
		if (Number.isSafeInteger(value) && Number.isSafeInteger(seq) && s === sort && d === (desc ? 'd' : 'a')) return [value, seq];
	} catch {
		// reported below
	}
	throw invalidInput('cursor does not belong to this search (sort and direction must stay the same)');
}
