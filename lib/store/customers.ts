// One customer per person across channels. An order links through its buyer identity (channel + buyer id)
// and, when enabled, a salted hash of an unmasked receiver phone; the buyer identity wins when both match.
import { hash } from 'node:crypto';
import type { UnifiedOrder } from '../model';
import { isoAt, type StoreContext } from './context';
import { invalidInput, notFound } from './errors';
import { insertRows, selectIn, type Sql } from './sql';
import { compareText } from './util';
import type { CustomerIdentity, CustomerRef, CustomerView, MergeResult, WriteOptions } from './types';

const MIN_PHONE_DIGITS = 7;

interface IdentityKey {
	kind: 'buyer' | 'phone';
	channel: string;
	value: string;
	/** keyText of the three above. */
	text: string;
}

/** Links each order to a customer, creating customers and identities as needed; returns order id -> customer id. */
export async function linkCustomers(
	ctx: StoreContext,
	tx: Sql,
	orders: readonly UnifiedOrder[],
	nowMs: number,
): Promise<Map<string, string>> {
	const keysOf: IdentityKey[][] = [];
	const values = new Set<string>();
	for (const order of orders) {
		const keys = identityKeys(ctx, order);
		keysOf.push(keys);
		for (const key of keys) values.add(key.value);
	}
	const known = new Map<string, string>();
	const rows = await selectIn<{ kind: IdentityKey['kind']; channel: string; value: string; customer_id: string }>(
		tx,
		'SELECT kind, channel, value, customer_id FROM customer_identities WHERE value IN ({in})',
		[...values],
	);
	for (const row of rows) known.set(keyText(row.kind, row.channel, row.value), row.customer_id);

	const links = new Map<string, string>();
	const customers = new Map<string, string | undefined>();
	const newKeys: Array<{ key: IdentityKey; customerId: string }> = [];
	orders.forEach((order, n) => {
		const keys = keysOf[n];
		if (!keys.length) return;
		let customerId: string | undefined;
		for (const key of keys) customerId ||= known.get(key.text);
		// A customer found through a known identity exists already (identities reference their customer), or
		// was created by an earlier order of this batch: only a customer new here needs its row.
		const isNew = !customerId;
		customerId ||= customerIdFor(keys[0]);
		links.set(order.id, customerId);
		for (const key of keys) {
			if (known.has(key.text)) continue;
			known.set(key.text, customerId);
			newKeys.push({ key, customerId });
			if (isNew && !customers.has(customerId)) customers.set(customerId, order.buyer.nick);
		}
	});
	const dialect = ctx.driver.dialect;
	// Only new customers are written: first and last seen are read from their orders, not kept here.
	const customerRows = [...customers].sort(([a], [b]) => compareText(a, b)).map(([id, name]) => [id, name ?? null, nowMs, nowMs]);
	// Lock order: by kind, channel, value (each identity is new once per batch, so its key text decides).
	newKeys.sort((a, b) => compareText(a.key.text, b.key.text));
	const newIdentities = newKeys.map(({ key, customerId }) => [key.kind, key.channel, key.value, customerId, nowMs]);
	if (dialect.name === 'postgres') {
		// Both inserts in one statement (one round trip), each table's rows as one JSON parameter.
		if (customerRows.length || newIdentities.length) {
			await tx.run(LINK_CUSTOMERS_PG, [
				JSON.stringify(customerRows.map(([id, name]) => ({ id, name }))),
				JSON.stringify(newIdentities.map(([kind, channel, value, customer]) => ({ kind, channel, value, customer }))),
				nowMs,
			]);
		}
		return links;
	}
	await insertRows(tx, dialect, 'customers', ['id', 'display_name', 'created_ms', 'updated_ms'], customerRows, ' ON CONFLICT (id) DO NOTHING');
	await insertRows(
		tx,
		dialect,
		'customer_identities',
		['kind', 'channel', 'value', 'customer_id', 'created_ms'],
		newIdentities,
		' ON CONFLICT (value, kind, channel) DO NOTHING',
	);
	return links;
}

/** Params: new customers [{id, name}], new identities [{kind, channel, value, customer}], now (rows in lock order). */
const LINK_CUSTOMERS_PG = `WITH p AS (SELECT ?::json AS customers, ?::json AS identities, ?::bigint AS now_ms), c AS (
	INSERT INTO customers (id, display_name, created_ms, updated_ms)
	SELECT r.id, r.name, p.now_ms, p.now_ms FROM p, ROWS FROM (json_to_recordset(p.customers) AS (id text, name text)) WITH ORDINALITY AS r(id, name, n)
	ORDER BY r.n
	ON CONFLICT (id) DO NOTHING
)
INSERT INTO customer_identities (kind, channel, value, customer_id, created_ms)
SELECT r.kind, r.channel, r.value, r.customer, p.now_ms
FROM p, ROWS FROM (json_to_recordset(p.identities) AS (kind text, channel text, value text, customer text)) WITH ORDINALITY AS r(kind, channel, value, customer, n)
ORDER BY r.n
ON CONFLICT (value, kind, channel) DO NOTHING`;

export async function getCustomer(ctx: StoreContext, ref: CustomerRef, orderLimit = 50): Promise<CustomerView | undefined> {
	return ctx.driver.read(async (tx) => {
		let id = typeof ref === 'string' ? ref : await customerOfBuyer(tx, ref.channel, ref.buyerId);
		if (!id) return undefined;
		let row = await tx.get<CustomerRow>('SELECT * FROM customers WHERE id = ?', [id]);
		// A merged customer answers as the one it was merged into.
		for (let hops = 0; row?.merged_into && hops < 10; hops++) {
			id = row.merged_into;
			row = await tx.get<CustomerRow>('SELECT * FROM customers WHERE id = ?', [id]);
		}
		if (!row) return undefined;
		const identities = await tx.all<CustomerIdentity>(
			'SELECT kind, channel, value FROM customer_identities WHERE customer_id = ? ORDER BY kind, channel, value',
			[row.id],
		);
		const count = await tx.get<{ n: number; first: number | null; last: number | null }>(
			'SELECT COUNT(*) AS n, MIN(created_ms) AS first, MAX(created_ms) AS last FROM orders WHERE customer_id = ?',
			[row.id],
		);
		const orders = await tx.all<Record<string, string | number>>(
			`SELECT id, channel, shop_id, channel_order_id, status, created_ms, paid_total, currency FROM orders
			 WHERE customer_id = ? ORDER BY created_ms DESC, id DESC LIMIT ?`,
			[row.id, Math.max(0, orderLimit)],
		);
		const merged = await tx.all<{ id: string }>('SELECT id FROM customers WHERE merged_into = ? ORDER BY id', [row.id]);
		return {
			id: row.id,
			...(row.display_name ? { displayName: row.display_name } : {}),
			firstSeenAt: isoAt(Number(count?.first ?? row.created_ms)),
			lastSeenAt: isoAt(Number(count?.last ?? row.created_ms)),
			identities: identities.map((i) => ({ kind: i.kind, channel: i.channel, value: i.value })),
			orderCount: Number(count?.n ?? 0),
			orders: orders.map((o) => ({
				id: String(o.id),
				channel: String(o.channel),
				shopId: String(o.shop_id),
				channelOrderId: String(o.channel_order_id),
				status: String(o.status),
				createdAt: isoAt(Number(o.created_ms)),
				paidTotal: Number(o.paid_total),
				currency: String(o.currency),
			})),
			mergedFrom: merged.map((m) => m.id),
		};
	});
}

/** Moves mergeId's identities and orders to keepId; mergeId remains as a pointer to keepId. */
export async function mergeCustomers(ctx: StoreContext, keepId: string, mergeId: string, _options?: WriteOptions): Promise<MergeResult> {
	if (keepId === mergeId) throw invalidInput(`cannot merge customer ${keepId} into itself`);
	return ctx.driver.write(async (tx) => {
		const rows = await tx.all<CustomerRow>(`SELECT * FROM customers WHERE id IN (?, ?)${ctx.driver.dialect.forUpdate}`, [keepId, mergeId]);
		const keep = rows.find((r) => r.id === keepId);
		const merge = rows.find((r) => r.id === mergeId);
		if (!keep || keep.merged_into) throw notFound('customer', keepId);
		if (!merge || merge.merged_into) throw notFound('customer', mergeId);
		const now = ctx.now();
		const movedIdentities = await tx.run('UPDATE customer_identities SET customer_id = ? WHERE customer_id = ?', [keepId, mergeId]);
		const movedOrders = await tx.run('UPDATE orders SET customer_id = ?, changed_ms = ? WHERE customer_id = ?', [keepId, now, mergeId]);
		await tx.run('UPDATE customers SET display_name = COALESCE(display_name, ?), updated_ms = ? WHERE id = ?', [merge.display_name, now, keepId]);
		await tx.run('UPDATE customers SET merged_into = ?, updated_ms = ? WHERE merged_into = ? OR id = ?', [keepId, now, mergeId, mergeId]);
		return { customerId: keepId, mergedId: mergeId, movedOrders, movedIdentities };
	});
}

/** Salted sha256 of a mainland-style phone number (digits only, +86 dropped). */
export function phoneHash(phone: string, salt: string): string | undefined {
	let digits = phone.replace(/\D/g, '');
	if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
	if (digits.length < MIN_PHONE_DIGITS || phone.includes('*')) return undefined;
	return hash('sha256', `${salt}\u0000${digits}`, 'hex');
}

interface CustomerRow {
	id: string;
	display_name: string | null;
	created_ms: number;
	merged_into: string | null;
}

async function customerOfBuyer(tx: Sql, channel: string, buyerId: string): Promise<string | undefined> {
	const row = await tx.get<{ customer_id: string }>(
		"SELECT customer_id FROM customer_identities WHERE value = ? AND kind = 'buyer' AND channel = ?",
		[buyerId, channel],
	);
	return row?.customer_id;
}

function identityKeys(ctx: StoreContext, order: UnifiedOrder): IdentityKey[] {
	const keys: IdentityKey[] = [];
	if (order.buyer.id) keys.push(identityKey('buyer', order.channel, order.buyer.id));
	const phone = order.receiver.phone;
	if (ctx.options.matchCustomersByPhone && phone && !order.receiver.masked) {
		const phoneKey = phoneHash(phone, ctx.options.phoneHashSalt);
		if (phoneKey) keys.push(identityKey('phone', '', phoneKey));
	}
	return keys;
}

function identityKey(kind: IdentityKey['kind'], channel: string, value: string): IdentityKey {
	return { kind, channel, value, text: keyText(kind, channel, value) };
}

function keyText(kind: string, channel: string, value: string): string {
	return `${kind}\u0000${channel}\u0000${value}`;
}

/** Stable id from the first identity, so concurrent writers creating the same customer agree. */
function customerIdFor(key: IdentityKey): string {
	return `cu_${hash('sha256', key.text, 'hex').slice(0, 32)}`;
}
