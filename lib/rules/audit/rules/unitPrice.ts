// A line sold below a price floor: usually a mistyped listing price or a stacked discount (价格录错).
import type { OrderLine } from '../../../model';
import { readBoolean, readList, readMoney, readOption, RuleConfigError, type RawSettings } from '../../configFields';
import type { RuleDefinition } from '../types';
import { lineLabel, money } from '../../text';

export const PRICE_BASES = ['paid', 'list'] as const;
export type PriceBasis = (typeof PRICE_BASES)[number];

export interface UnitPriceSettings {
	/** Floor for every line, major units; 0 = only the per-SKU floors apply. */
	minUnitPrice: number;
	/** Per-SKU floors (matched on master SKU, merchant code or channel SKU id), major units. */
	skuFloors: Array<{ sku: string; minUnitPrice: number }>;
	/** 'paid': what the buyer paid per unit after discounts; 'list': the listed unit price. */
	basis: PriceBasis;
	skipGifts: boolean;
}

/** Per-SKU floors as a list of {sku, minUnitPrice} or as text lines "SKU-A=12.5". */
function readSkuFloors(raw: RawSettings, path: string): UnitPriceSettings['skuFloors'] {
	const where = `${path}.skuFloors`;
	const value = raw.skuFloors;
	const entries: RawSettings[] = Array.isArray(value)
		? (value as RawSettings[])
		: readList(raw, 'skuFloors', path).map((item) => {
				const [sku, price, extra] = item.split(/[=:：]/).map((part) => part.trim());
				if (!sku || price === undefined || extra !== undefined) {
					throw new RuleConfigError(where, `"${item}" should look like SKU=12.5`);
				}
				return { sku, minUnitPrice: price };
			});
	return entries.map((entry, index) => {
		const sku = typeof entry.sku === 'string' ? entry.sku.trim() : '';
		if (!sku) throw new RuleConfigError(`${where}[${index}].sku`, 'a SKU is required');
		return { sku, minUnitPrice: readMoney(entry, 'minUnitPrice', `${where}[${index}]`, 0) };
	});
}

function floorFor(line: OrderLine, settings: UnitPriceSettings): number {
	const ids = [line.masterSku, line.merchantCode, line.channelSkuId];
	const specific = settings.skuFloors.find((floor) => ids.includes(floor.sku));
	return specific ? specific.minUnitPrice : settings.minUnitPrice;
}

export const unitPriceFloor: RuleDefinition<UnitPriceSettings> = {
	defaultSeverity: 'hold',
	defaultPriority: 40,
	read: (raw, path) => ({
		minUnitPrice: readMoney(raw, 'minUnitPrice', path, 0),
		skuFloors: readSkuFloors(raw, path),
		basis: readOption(raw, 'basis', path, PRICE_BASES, 'paid'),
		skipGifts: readBoolean(raw, 'skipGifts', path, true),
	}),
	evaluate(order, settings, runtime) {
		const zh: string[] = [];
		const en: string[] = [];
		const lineIds: string[] = [];
		order.lines.forEach((line, index) => {
			if (line.quantity <= 0 || (settings.skipGifts && line.isGift)) return;
			const floorMajor = floorFor(line, settings);
			if (floorMajor <= 0) return;
			const floor = runtime.minor(floorMajor, order.currency);
			// Paid basis compares totals (paid < floor x qty) so no per-unit rounding decides a boundary case.
			const below =
				settings.basis === 'paid' ? line.paidAmount < floor * line.quantity : line.unitPrice < floor;
			if (!below) return;
			const label = lineLabel(line, index);
			const price =
				settings.basis === 'paid'
					? money(Math.floor(line.paidAmount / line.quantity), order.currency)
					: money(line.unitPrice, order.currency);
			const what = settings.basis === 'paid' ? { zh: '实付单价', en: 'paid unit price' } : { zh: '单价', en: 'unit price' };
			zh.push(`${label.zh}${what.zh} ${price} 低于 ${money(floor, order.currency)}`);
			en.push(`${label.en} ${what.en} ${price} is below ${money(floor, order.currency)}`);
			lineIds.push(line.lineId);
		});
		if (lineIds.length === 0) return undefined;
		return { zh: `单价过低：${zh.join('；')}`, en: `price below floor: ${en.join('; ')}`, lineIds };
	},
};
