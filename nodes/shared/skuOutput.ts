// What a channel node puts out for each SKU it lists, for channels that send prices as yuan strings (TOP, JOS).
import type { IDataObject } from 'n8n-workflow';
import { parseMoney } from '../../lib/model';

export interface YuanPricedSku {
	itemId: string;
	skuId?: string;
	merchantCode?: string;
	title: string;
	skuName?: string;
	quantity?: number;
	/** Yuan, e.g. "12.50". */
	price?: string;
}

/** One SKU row: price in fen, null where the channel sent none (or one that does not read as money). */
export function yuanPricedSkuJson(channel: string, shopId: string, sku: YuanPricedSku): IDataObject {
	return {
		channel,
		shopId,
		channelItemId: sku.itemId,
		channelSkuId: sku.skuId ?? null,
		merchantCode: sku.merchantCode ?? null,
		title: sku.title,
		skuName: sku.skuName ?? null,
		quantity: sku.quantity ?? null,
		price: priceInFen(sku.price),
		currency: 'CNY',
	};
}

function priceInFen(price: string | undefined): number | null {
	try {
		return price === undefined ? null : parseMoney(price, { currency: 'CNY' });
	} catch {
		return null;
	}
}
