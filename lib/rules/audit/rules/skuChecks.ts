// Lines the warehouse cannot act on: no master SKU mapped, or not enough available stock.
import { readBoolean } from '../../configFields';
import { shippableLines } from '../../orderKeys';
import type { AvailableStockLookup, RuleDefinition } from '../types';
import { lineLabel } from '../../text';

export interface UnmappedSettings {
	skipGifts: boolean;
}

export const unmappedSku: RuleDefinition<UnmappedSettings> = {
	defaultSeverity: 'hold',
	defaultPriority: 30,
	read: (raw, path) => ({ skipGifts: readBoolean(raw, 'skipGifts', path, false) }),
	evaluate(order, settings) {
		const lines = shippableLines(order).filter((line) => !line.masterSku && !(settings.skipGifts && line.isGift));
		if (lines.length === 0) return undefined;
		const labels = lines.map((line) => {
			const label = lineLabel(line, order.lines.indexOf(line));
			const code = line.merchantCode ?? line.channelSkuId ?? '';
			return { zh: `${label.zh}${code ? `（${code}）` : ''}`, en: `${label.en}${code ? ` (${code})` : ''}` };
		});
		return {
			zh: `未匹配到商品编码：${labels.map((label) => label.zh).join('、')}`,
			en: `no master SKU mapped for ${labels.map((label) => label.en).join(', ')}`,
			lineIds: lines.map((line) => line.lineId),
		};
	},
};

export const stockShortage: RuleDefinition<Record<string, never>> = {
	defaultSeverity: 'hold',
	defaultPriority: 90,
	needs: 'availableStock',
	read: () => ({}),
	evaluate(order, _settings, runtime) {
		const lookup = runtime.context.availableStock as AvailableStockLookup;
		const needed = new Map<string, number>();
		for (const line of shippableLines(order)) {
			// Unmapped lines are the unmappedSku rule's business.
			if (line.masterSku) needed.set(line.masterSku, (needed.get(line.masterSku) ?? 0) + line.quantity);
		}
		const short: Array<{ sku: string; need: number; available: number }> = [];
		for (const [sku, need] of needed) {
			const available = Math.max(0, lookup(sku, order) ?? 0);
			if (need > available) short.push({ sku, need, available });
		}
		if (short.length === 0) return undefined;
		return {
			zh: `库存不足：${short.map((item) => `${item.sku} 需 ${item.need} 可用 ${item.available}`).join('；')}`,
			en: `not enough stock: ${short.map((item) => `${item.sku} needs ${item.need}, ${item.available} available`).join('; ')}`,
			skus: short.map((item) => item.sku),
		};
	},
};
