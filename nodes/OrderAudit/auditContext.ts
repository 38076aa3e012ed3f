// The store facts a batch of orders is judged against, read in bulk before the first order is judged (the
// rules' lookups are synchronous): blacklist, orders near in time, availability, customer refund stats.
import { isoFromMillis, toEpochMillis, type UnifiedOrder } from '../../lib/model';
import { recentOrdersFromList, type AuditContext, type CompiledAudit, type CustomerStats } from '../../lib/rules';
import type { OrderStore, StoredOrder } from '../../lib/store';

const HOUR_MS = 3_600_000;

function needs(audit: CompiledAudit, lookup: keyof Omit<AuditContext, 'now'>): boolean {
	return audit.rules.some((rule) => rule.definition.needs === lookup);
}

/** The widest duplicate / merge window of the rule set, in milliseconds. */
function recentWindowMs(audit: CompiledAudit): number {
	let hours = 0;
	for (const rule of audit.rules) {
		const windowHours = (rule.settings as { windowHours?: number }).windowHours;
		if (rule.definition.needs === 'recentOrders' && typeof windowHours === 'number') hours = Math.max(hours, windowHours);
	}
	return hours * HOUR_MS;
}

export async function buildAuditContext(
	store: OrderStore,
	audit: CompiledAudit,
	orders: readonly UnifiedOrder[],
	nowMs: number,
): Promise<AuditContext> {
	const context: AuditContext = { now: nowMs };
	if (orders.length === 0) return context;
	if (needs(audit, 'blacklist')) context.blacklist = await store.blacklistLookup();
	if (needs(audit, 'recentOrders')) {
		const created = orders.map((order) => toEpochMillis(order.createdAt));
		const windowMs = recentWindowMs(audit);
		const stored = await store.ordersCreatedBetween({
			createdFrom: isoFromMillis(Math.min(...created) - windowMs),
			createdTo: isoFromMillis(Math.max(...created) + windowMs),
		});
		// The batch's own copies are newer than what the store holds.
		const byId = new Map<string, UnifiedOrder>(stored.map((order) => [order.id, order]));
		for (const order of orders) byId.set(order.id, order);
		context.recentOrders = recentOrdersFromList([...byId.values()]);
	}
	if (needs(audit, 'availableStock')) {
		const skus = [...new Set(orders.flatMap((order) => order.lines.map((line) => line.masterSku).filter((sku): sku is string => Boolean(sku))))];
		const channels = [...new Set(orders.map((order) => order.channel))];
		const available = new Map<string, number>();
		for (const channel of channels) {
			for (const entry of skus.length ? await store.availability({ masterSkus: skus, channel }) : []) {
				available.set(`${channel}|${entry.masterSku}`, entry.available);
			}
		}
		context.availableStock = (sku, order) => available.get(`${order.channel}|${sku}`) ?? 0;
	}
	if (needs(audit, 'customerStats')) {
		const customerOf = new Map<string, string>();
		for (const order of orders) {
			const known = (order as StoredOrder).customerId;
			const id = known ?? (order.buyer.id ? (await store.getCustomer({ channel: order.channel, buyerId: order.buyer.id }, { orderLimit: 0 }))?.id : undefined);
			if (id) customerOf.set(order.id, id);
		}
		const stats = await store.customerOrderStats([...customerOf.values()]);
		context.customerStats = (order): CustomerStats | undefined => {
			const id = customerOf.get(order.id);
			return id ? stats[id] : undefined;
		};
	}
	return context;
}
