// Duplicate orders (same receiver, same SKUs, placed again within a window) and merge candidates (合单:
// same buyer and address, not shipped yet), both judged against the orders the store returns.
import { isoFromMillis, toEpochMillis, type OrderStatus, type UnifiedOrder } from '../../../model';
import { readBoolean, readNumber } from '../../configFields';
import { receiverKey, shopBuyerKey, skuQuantities } from '../../orderKeys';
import type { RecentOrdersLookup, RuleDefinition, RuleRuntime } from '../types';

const HOUR_MS = 3_600_000;

/** Creation instants are compared many times per batch; parse each order's once. */
const createdMsCache = new WeakMap<UnifiedOrder, number>();
function createdMsOf(order: UnifiedOrder): number {
	let ms = createdMsCache.get(order);
	if (ms === undefined) {
		ms = toEpochMillis(order.createdAt);
		createdMsCache.set(order, ms);
	}
	return ms;
}

/** Statuses where an order has not left the warehouse and can still be merged. */
export const MERGEABLE_STATUSES: readonly OrderStatus[] = ['paid', 'on_hold', 'approved', 'allocated'];

function nearbyOrders(order: UnifiedOrder, runtime: RuleRuntime, beforeMs: number, afterMs: number) {
	const createdMs = createdMsOf(order);
	const lookup = runtime.context.recentOrders as RecentOrdersLookup;
	const sinceMs = createdMs - beforeMs;
	const untilMs = createdMs + afterMs;
	const query = { order, since: isoFromMillis(sinceMs), until: isoFromMillis(untilMs), sinceMs, untilMs };
	return { createdMs, candidates: lookup(query).filter((other) => other.id !== order.id) };
}

function sameSkus(a: Map<string, number>, b: Map<string, number>, compareQuantities: boolean): boolean {
	if (a.size === 0 || a.size !== b.size) return false;
	for (const [sku, quantity] of a) {
		const other = b.get(sku);
		if (other === undefined || (compareQuantities && other !== quantity)) return false;
	}
	return true;
}

export interface DuplicateSettings {
	/** An earlier order this many hours before or less counts. */
	windowHours: number;
	sameQuantities: boolean;
}

export const duplicate: RuleDefinition<DuplicateSettings> = {
	defaultSeverity: 'hold',
	defaultPriority: 60,
	needs: 'recentOrders',
	read: (raw, path) => ({
		windowHours: readNumber(raw, 'windowHours', path, 24, { min: 0 }),
		sameQuantities: readBoolean(raw, 'sameQuantities', path, false),
	}),
	evaluate(order, settings, runtime) {
		const receiver = receiverKey(order);
		const skus = skuQuantities(order);
		if (!receiver || skus.size === 0) return undefined;
		const windowMs = settings.windowHours * HOUR_MS;
		const { createdMs, candidates } = nearbyOrders(order, runtime, windowMs, 0);
		// Only the later order of a pair is a duplicate, so the first one still ships.
		const earlier = candidates.filter((other) => {
			if (other.status === 'cancelled') return false;
			const otherMs = createdMsOf(other);
			const before = otherMs < createdMs || (otherMs === createdMs && other.id < order.id);
			return before && createdMs - otherMs <= windowMs && receiverKey(other) === receiver;
		});
		const orderIds = earlier
			.filter((other) => sameSkus(skus, skuQuantities(other), settings.sameQuantities))
			.map((other) => other.id)
			.sort();
		if (orderIds.length === 0) return undefined;
		const list = orderIds.join(', ');
		return {
			zh: `疑似重复下单：${settings.windowHours} 小时内同一收件人已下过相同商品的订单 ${list}`,
			en: `possible duplicate: same receiver ordered the same SKUs within ${settings.windowHours} h (${list})`,
			orderIds,
		};
	},
};

export interface MergeableSettings {
	/** Orders created within this many hours of each other (either way). */
	windowHours: number;
	includePresale: boolean;
}

function canMerge(order: UnifiedOrder, includePresale: boolean): boolean {
	return (
		MERGEABLE_STATUSES.includes(order.status) &&
		(order.refundState === 'none' || order.refundState === 'rejected') &&
		(includePresale || !order.presale)
	);
}

export const mergeable: RuleDefinition<MergeableSettings> = {
	defaultSeverity: 'flag',
	defaultPriority: 110,
	needs: 'recentOrders',
	read: (raw, path) => ({
		windowHours: readNumber(raw, 'windowHours', path, 72, { min: 0 }),
		includePresale: readBoolean(raw, 'includePresale', path, false),
	}),
	evaluate(order, settings, runtime) {
		const buyer = shopBuyerKey(order);
		const receiver = receiverKey(order);
		if (!buyer || !receiver || !canMerge(order, settings.includePresale)) return undefined;
		const windowMs = settings.windowHours * HOUR_MS;
		const { createdMs, candidates } = nearbyOrders(order, runtime, windowMs, windowMs);
		const orderIds = candidates
			.filter(
				(other) =>
					Math.abs(createdMsOf(other) - createdMs) <= windowMs &&
					shopBuyerKey(other) === buyer &&
					receiverKey(other) === receiver &&
					canMerge(other, settings.includePresale),
			)
			.map((other) => other.id)
			.sort();
		if (orderIds.length === 0) return undefined;
		return {
			zh: `可合单：同一买家同一地址还有未发货订单 ${orderIds.join(', ')}`,
			en: `merge candidate: same buyer and address have unshipped orders ${orderIds.join(', ')}`,
			orderIds,
		};
	},
};

/** A RecentOrdersLookup over orders in memory (dry runs, tests, one batch of pulled orders). */
export function recentOrdersFromList(orders: readonly UnifiedOrder[]): RecentOrdersLookup {
	const byKey = new Map<string, Array<{ order: UnifiedOrder; createdMs: number }>>();
	const keysOf = (order: UnifiedOrder) => {
		const buyer = shopBuyerKey(order);
		const receiver = receiverKey(order);
		return [buyer && `b:${buyer}`, receiver && `r:${receiver}`].filter((key): key is string => Boolean(key));
	};
	const add = (key: string, entry: { order: UnifiedOrder; createdMs: number }) => {
		const list = byKey.get(key);
		if (list) list.push(entry);
		else byKey.set(key, [entry]);
	};
	for (const order of orders) {
		const entry = { order, createdMs: createdMsOf(order) };
		for (const key of keysOf(order)) add(key, entry);
	}
	return ({ order, sinceMs, untilMs }) => {
		const found = new Set<UnifiedOrder>();
		for (const key of keysOf(order)) {
			for (const entry of byKey.get(key) ?? []) {
				if (entry.createdMs >= sinceMs && entry.createdMs <= untilMs) found.add(entry.order);
			}
		}
		return [...found];
	};
}
