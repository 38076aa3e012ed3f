// Hold orders paid moments ago: buyers often change the address or add items right after paying.
import { toEpochMillis } from '../../../model';
import { readNumber } from '../../configFields';
import type { RuleDefinition } from '../types';

export interface PaidRecentlySettings {
	/** Orders paid less than this many minutes before `now` are hit; exactly this many pass. */
	minutes: number;
}

const MINUTE_MS = 60_000;

export const paidRecently: RuleDefinition<PaidRecentlySettings> = {
	defaultSeverity: 'hold',
	defaultPriority: 100,
	read: (raw, path) => ({ minutes: readNumber(raw, 'minutes', path, 10, { min: 0 }) }),
	evaluate(order, settings, runtime) {
		// Channels that omit the payment time are judged by the creation time.
		const paidMs = toEpochMillis(order.paidAt ?? order.createdAt);
		const elapsedMs = runtime.nowMs - paidMs;
		if (elapsedMs >= settings.minutes * MINUTE_MS) return undefined;
		const ago = Math.max(0, Math.floor(elapsedMs / MINUTE_MS));
		return {
			zh: `付款仅 ${ago} 分钟，等满 ${settings.minutes} 分钟以便买家修改订单`,
			en: `paid ${ago} min ago; waiting ${settings.minutes} min for buyer changes`,
		};
	},
};
