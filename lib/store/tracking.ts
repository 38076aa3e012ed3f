// Finding orders by tracking number: what a carrier push (Kuaidi100, SF Express, Kdniao) names. Uses the
// expression index of migration 3 on the order's main tracking number (logistics.trackingNo).
import type { StoreContext } from './context';
import { invalidInput } from './errors';
import { TRACKING_INDEX } from './migrations/003_tracking_index';
import { STORED_ORDER_COLUMNS, type StoredOrderRow, toStoredOrder } from './orderRows';
import type { StoredOrder, TrackingLookup } from './types';

/** One parcel rarely carries more than a few orders (merged shipping); more matches than this are cut. */
export const MAX_ORDERS_PER_TRACKING_NO = 100;

/** Orders whose tracking number equals `trackingNo` (trimmed, exact), newest first; optionally one carrier only. */
export async function findByTrackingNo(ctx: StoreContext, lookup: TrackingLookup): Promise<StoredOrder[]> {
	const trackingNo = String(lookup.trackingNo ?? '').trim();
	if (!trackingNo) throw invalidInput('a tracking number is needed to find its orders');
	const { expression, condition } = TRACKING_INDEX[ctx.driver.dialect.name];
	const rows = await ctx.driver.all<StoredOrderRow>(
		`SELECT ${STORED_ORDER_COLUMNS} FROM orders WHERE ${condition} AND ${expression} = ? ORDER BY created_ms DESC, seq DESC LIMIT ?`,
		[trackingNo, MAX_ORDERS_PER_TRACKING_NO],
	);
	const orders = rows.map(toStoredOrder);
	const carrier = lookup.carrier?.trim().toLowerCase();
	// An order stored without a carrier still matches: the tracking number alone is what the push names.
	return carrier ? orders.filter((o) => !o.logistics?.carrier || o.logistics.carrier.toLowerCase() === carrier) : orders;
}
