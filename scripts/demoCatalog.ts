// The demo's small catalog and its printouts: a few sandbox listings per channel mapped to master SKUs with stock
// (listing ids in the formats docs/nodes/StockSync.md documents), the stock writes the sandbox recorded per channel,
// and a plain text table.
import type { RecordedWrite } from '../sandbox/core/recorder';
import { inventoryItemIdOf } from '../sandbox/providers/shopify/render';
import type { CatalogItem } from '../sandbox/truth/catalog';
import { SANDBOX_SHOPS } from './templates';

export type DemoChannel = keyof typeof SANDBOX_SHOPS;
export const DEMO_CHANNELS = Object.keys(SANDBOX_SHOPS) as DemoChannel[];

/** The sandbox emulator that records each channel's stock writes (`/_admin/pushed?provider=…&kind=stock`). */
export const STOCK_PROVIDERS: Record<DemoChannel, string> = {
	taobao: 'taobao',
	jd: 'jd',
	wechat_shop: 'wechat',
	xiaohongshu: 'xhs',
	douyin: 'douyin',
	pinduoduo: 'pinduoduo',
	shopify: 'shopify',
	woocommerce: 'woocommerce',
};

export interface DemoListing {
	channel: DemoChannel;
	shopId: string;
	/** The listing id the store maps (Stock Sync's format for the channel). */
	channelSkuId: string;
	/** The SKU id the channel's emulator records the write under. */
	stocked: string;
	/** The listing's merchant code, used as the master SKU. */
	masterSku: string;
	title: string;
	onHand: number;
}

/** Stock Sync's listing id for one SKU of a catalog item on the channel. */
export function listingId(channel: DemoChannel, itemId: string, skuId: string, shopifyLocationId: string): string {
	switch (channel) {
		case 'jd':
		case 'xiaohongshu':
			return skuId;
		case 'shopify':
			return `${inventoryItemIdOf(skuId)}@${shopifyLocationId}`;
		default:
			return `${itemId}:${skuId}`;
	}
}

/**
 * The first SKU of the first `perChannel` SKU-bearing items of each sandbox shop's catalog, each mapped to its
 * merchant code as master SKU with `onHand(index)` units on hand (index counts across all listings).
 */
export function demoListings(
	catalogOf: (channel: DemoChannel, shopId: string) => CatalogItem[],
	shopifyLocationId: string,
	perChannel = 2,
	onHand = (index: number) => 30 + 5 * index,
): DemoListing[] {
	const listings: DemoListing[] = [];
	for (const channel of DEMO_CHANNELS) {
		const shopId = SANDBOX_SHOPS[channel];
		const items = catalogOf(channel, shopId).filter((item) => item.skus.length > 0);
		if (items.length < perChannel) throw new Error(`the sandbox ${channel} shop ${shopId} lists only ${items.length} items with SKUs`);
		for (const item of items.slice(0, perChannel)) {
			const sku = item.skus[0];
			listings.push({
				channel,
				shopId,
				channelSkuId: listingId(channel, item.itemId, sku.skuId, shopifyLocationId),
				stocked: sku.skuId,
				masterSku: `${channel.toUpperCase()}-${sku.outerId}`,
				title: `${item.title} ${sku.properties}`.trim(),
				onHand: onHand(listings.length),
			});
		}
	}
	return listings;
}

/** The recorded stock writes of the sandbox shops, per channel, as `skuId=quantity` in arrival order. */
export function stockWritesByChannel(writes: RecordedWrite[]): Record<DemoChannel, string[]> {
	const out = Object.fromEntries(DEMO_CHANNELS.map((channel) => [channel, [] as string[]])) as Record<DemoChannel, string[]>;
	for (const write of [...writes].sort((a, b) => a.seq - b.seq)) {
		if (write.kind !== 'stock') continue;
		const channel = DEMO_CHANNELS.find((c) => STOCK_PROVIDERS[c] === write.provider && SANDBOX_SHOPS[c] === write.shopId);
		if (!channel) continue;
		out[channel].push(`${String(write.data.skuId ?? write.data.itemId)}=${String(write.data.after)}`);
	}
	return out;
}

/** Rows as left-aligned columns two spaces apart (the first row is the header); trailing spaces trimmed. */
export function formatTable(rows: string[][]): string[] {
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
	return rows.map((row) => row.map((cell, column) => (cell ?? '').padEnd(widths[column])).join('  ').trimEnd());
}
