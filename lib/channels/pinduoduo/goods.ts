// Goods as pdd.goods.list.get lists them -> one sellable unit per SKU, prices read in the goods APIs'
// unit (PDD_AMOUNT_UNITS.goods), for SKU mapping and stock sync.
import { formatMoney, parseMoney } from '../../model';
import type { JsonObject } from '../core/formGateway';
import { PDD_AMOUNT_UNITS, PDD_CURRENCY } from './codes';

/** One sellable unit: a goods' SKU. */
export interface PddSku {
	itemId: string;
	skuId?: string;
	merchantCode?: string;
	title: string;
	skuName?: string;
	quantity?: number;
	/** Yuan as a decimal string, read from fen with PDD_AMOUNT_UNITS.goods, where the listing carries a price. */
	price?: string;
	raw: JsonObject;
}

/** A list member, or empty when absent. */
export function listOf(value: unknown): JsonObject[] {
	return Array.isArray(value) ? (value as JsonObject[]) : [];
}

function text(value: unknown): string | undefined {
	return value === undefined || value === null || value === '' ? undefined : String(value);
}

function count(value: unknown): number | undefined {
	const n = Number(value);
	return value === undefined || value === null || value === '' || !Number.isFinite(n) ? undefined : n;
}

/** A SKU price in the goods APIs' unit as a yuan string; undefined when absent or unreadable. */
export function goodsPriceText(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	try {
		return formatMoney(parseMoney(value, { currency: PDD_CURRENCY, unit: PDD_AMOUNT_UNITS.goods }), PDD_CURRENCY);
	} catch {
		return undefined;
	}
}

export function skusOf(goods: JsonObject): PddSku[] {
	const base = { itemId: String(goods.goods_id), title: String(goods.goods_name ?? '') };
	const skus = listOf(goods.sku_list);
	if (skus.length === 0) {
		return [{ ...base, merchantCode: text(goods.outer_goods_id), quantity: count(goods.goods_quantity), raw: goods }];
	}
	return skus.map((sku) => ({
		...base,
		skuId: text(sku.sku_id),
		merchantCode: text(sku.outer_id) ?? text(goods.outer_goods_id),
		skuName: text(sku.spec),
		quantity: count(sku.sku_quantity),
		price: goodsPriceText(sku.price),
		raw: sku,
	}));
}
