// Customers who refund a large share of their orders (职业退款/羊毛党): flag or hold for a person to check.
import { readNumber } from '../../configFields';
import type { CustomerStatsLookup, RuleDefinition } from '../types';

export interface RefundRateSettings {
	/** Hit when refunded / orders is above this percentage (the percentage itself passes). */
	maxRefundRatePercent: number;
	/** Customers with fewer orders than this are never judged. */
	minOrders: number;
}

export const refundRate: RuleDefinition<RefundRateSettings> = {
	defaultSeverity: 'flag',
	defaultPriority: 80,
	needs: 'customerStats',
	read: (raw, path) => ({
		maxRefundRatePercent: readNumber(raw, 'maxRefundRatePercent', path, 30, { min: 0, max: 100 }),
		minOrders: readNumber(raw, 'minOrders', path, 5, { min: 1, integer: true }),
	}),
	evaluate(order, settings, runtime) {
		const stats = (runtime.context.customerStats as CustomerStatsLookup)(order);
		if (!stats || stats.orders < settings.minOrders) return undefined;
		// Integer cross-multiplication: 3 of 10 at 30% is exactly the limit, not a float just above it.
		if (stats.refunded * 100 <= settings.maxRefundRatePercent * stats.orders) return undefined;
		const rate = Math.round((stats.refunded / stats.orders) * 1000) / 10;
		return {
			zh: `顾客退款率 ${rate}%（${stats.refunded}/${stats.orders} 单）高于 ${settings.maxRefundRatePercent}%`,
			en: `customer refund rate ${rate}% (${stats.refunded} of ${stats.orders} orders) is above ${settings.maxRefundRatePercent}%`,
		};
	},
};
