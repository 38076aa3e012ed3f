// Paid total above or below a limit typed in yuan (major units); the limit itself passes.
import { readMoney } from '../../configFields';
import type { RuleDefinition } from '../types';
import { money } from '../../text';

export interface AmountSettings {
	/** Major units of the order's currency (yuan for CNY). */
	limit: number;
}

export const amountAbove: RuleDefinition<AmountSettings> = {
	defaultSeverity: 'hold',
	defaultPriority: 50,
	read: (raw, path) => ({ limit: readMoney(raw, 'limit', path, 5000) }),
	evaluate(order, settings, runtime) {
		const limit = runtime.minor(settings.limit, order.currency);
		if (order.totals.paid <= limit) return undefined;
		const paid = money(order.totals.paid, order.currency);
		const max = money(limit, order.currency);
		return { zh: `实付金额 ${paid} 高于上限 ${max}`, en: `paid total ${paid} is above the limit ${max}` };
	},
};

export const amountBelow: RuleDefinition<AmountSettings> = {
	defaultSeverity: 'hold',
	defaultPriority: 51,
	read: (raw, path) => ({ limit: readMoney(raw, 'limit', path, 1) }),
	evaluate(order, settings, runtime) {
		const limit = runtime.minor(settings.limit, order.currency);
		if (order.totals.paid >= limit) return undefined;
		const paid = money(order.totals.paid, order.currency);
		const min = money(limit, order.currency);
		return { zh: `实付金额 ${paid} 低于下限 ${min}`, en: `paid total ${paid} is below the minimum ${min}` };
	},
};
