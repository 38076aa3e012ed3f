// Facts the audit reads in bulk before it judges a batch: orders created in a time window (duplicates,
// merge candidates) and per-customer order and refund counts (refund-rate rule).
import { instantOf, type StoreContext } from './context';
import { invalidInput } from './errors';
import { STORED_ORDER_COLUMNS, toStoredOrder, type StoredOrderRow } from './orderRows';
import { Conditions, selectIn } from './sql';
import type { CustomerOrderStats, RecentOrdersWindow } from './blacklistTypes';
import type { StoredOrder } from './types';

const DEFAULT_WINDOW_LIMIT = 50_000;

export async function ordersCreatedBetween(ctx: StoreContext, window: RecentOrdersWindow): Promise<StoredOrder[]> {
	let fromMs: number;
	let toMs: number;
	try {
		fromMs = instantOf(window.createdFrom);
		toMs = instantOf(window.createdTo);
	} catch {
		throw invalidInput(`ordersCreatedBetween needs ISO-8601 times with offset, got ${window.createdFrom} .. ${window.createdTo}`);
	}
	const c = new Conditions().add('created_ms >= ?', fromMs).add('created_ms <= ?', toMs);
	const channels = window.channel === undefined ? [] : ([] as string[]).concat(window.channel);
	if (channels.length) c.add(`channel IN (${channels.map(() => '?').join(', ')})`, ...channels);
	const limit = Math.max(1, Math.trunc(window.limit ?? DEFAULT_WINDOW_LIMIT));
	const rows = await ctx.driver.all<StoredOrderRow>(
		`SELECT ${STORED_ORDER_COLUMNS} FROM orders ${c.where} ORDER BY created_ms, id LIMIT ?`,
		[...c.params, limit],
	);
	return rows.map(toStoredOrder);
}

/** Counts per customer id; customers without orders are absent. */
export async function customerOrderStats(ctx: StoreContext, customerIds: readonly string[]): Promise<Record<string, CustomerOrderStats>> {
	const ids = [...new Set(customerIds.filter(Boolean))];
	const rows = await selectIn<{ customer_id: string; orders: number; refunded: number }>(
		ctx.driver,
		`SELECT customer_id, COUNT(*) AS orders, SUM(CASE WHEN refund_state = 'refunded' THEN 1 ELSE 0 END) AS refunded
		 FROM orders WHERE customer_id IN ({in}) GROUP BY customer_id`,
		ids,
	);
	return Object.fromEntries(rows.map((row) => [row.customer_id, { orders: Number(row.orders), refunded: Number(row.refunded ?? 0) }]));
}
