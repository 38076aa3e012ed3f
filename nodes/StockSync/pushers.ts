// One row per channel that can receive stock: which credential it needs and how a run's listings are sent.
// A pusher gets all of a run's pushes for its channel at once, so a channel with a batch stock API sends N
// listings in a few calls; the others send one call per listing. A new channel slots in with a row here and
// its credential in the node's list.
import type { IExecuteFunctions } from 'n8n-workflow';
import type { WooStockUpdate } from '../../lib/channels/woocommerce/client';
import { douyinClient } from '../Douyin/transport';
import { jdClient } from '../Jd/transport';
import { pinduoduoClient } from '../Pinduoduo/transport';
import { shopifyClient } from '../ShopifyStore/transport';
import { taobaoClient } from '../Taobao/transport';
import { wechatShopClient } from '../WechatShop/transport';
import { wooClient } from '../WooCommerce/transport';
import { xhsClient } from '../Xiaohongshu/transport';

export interface PushTarget {
	/** The listing's SKU part: what follows "itemId:" in a mapped listing id, or the whole id. */
	channelSkuId: string;
	/** Item / product id, for channels that set stock per item + SKU. */
	itemId?: string;
	quantity: number;
}

/** Sends a batch of listings; the answer has one entry per target, in order: undefined = done, or its error. */
export type SendStock = (targets: PushTarget[]) => Promise<Array<Error | undefined>>;

export interface PusherOptions {
	/** Shopify location used for listings mapped as a bare inventory item id. */
	shopifyLocationId?: string;
}

export interface StockPusher {
	credential: string;
	/** How the channel's stock API is called: 'batch' = many listings per call, 'single' = one call per listing. */
	calls: 'batch' | 'single';
	connect(ctx: IExecuteFunctions, options: PusherOptions): Promise<SendStock>;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** A channel without a batch stock API: one call per listing, each failure kept to its own listing. */
function oneByOne(send: (target: PushTarget) => Promise<unknown>): SendStock {
	return async (targets) => {
		const out: Array<Error | undefined> = [];
		for (const target of targets) {
			try {
				await send(target);
				out.push(undefined);
			} catch (error) {
				out.push(asError(error));
			}
		}
		return out;
	};
}

/** The row of a channel that sets stock one call per listing: its credential, its client and that call. */
function perListing<C>(
	credential: string,
	connectClient: (ctx: IExecuteFunctions) => Promise<C>,
	send: (client: C, target: PushTarget, options: PusherOptions) => Promise<unknown>,
): StockPusher {
	return {
		credential,
		calls: 'single',
		async connect(ctx, options) {
			const client = await connectClient(ctx);
			return oneByOne((target) => send(client, target, options));
		},
	};
}

function needItem(channel: string, what: string, target: PushTarget): string {
	if (!target.itemId) {
		throw new Error(
			`${channel} sets stock per ${what} and SKU, but listing ${target.channelSkuId} has no ${what} id: map it as "${what}Id:skuId" or feed listings with channelItemId`,
		);
	}
	return target.itemId;
}

const DIGITS = /^\d+$/;

/** "inventoryItemId@locationId", or a bare inventory item id with the node's default location. */
export function shopifyTarget(target: PushTarget, defaultLocationId: string | undefined): { inventoryItemId: string; locationId: string } {
	const id = target.itemId ? `${target.itemId}:${target.channelSkuId}` : target.channelSkuId;
	const at = target.channelSkuId.lastIndexOf('@');
	const inventoryItemId = (at >= 0 ? target.channelSkuId.slice(0, at) : target.channelSkuId).trim();
	const locationId = (at >= 0 ? target.channelSkuId.slice(at + 1) : (defaultLocationId ?? '')).trim();
	if (!DIGITS.test(inventoryItemId)) {
		throw new Error(`Shopify sets stock per inventory item and location, but listing ${id} has no numeric inventory item id: map it as "inventoryItemId@locationId" (the variant's inventory_item_id, not its variant id)`);
	}
	if (!DIGITS.test(locationId)) {
		throw new Error(`Shopify sets stock per inventory item and location, but listing ${id} names no location: map it as "inventoryItemId@locationId" or set the node's "Shopify Location ID"`);
	}
	return { inventoryItemId, locationId };
}

/** "productId" (simple product) or "productId:variationId" (a variation; channelItemId = product id). */
export function wooTarget(target: PushTarget): WooStockUpdate {
	const update: WooStockUpdate = target.itemId
		? { productId: target.itemId.trim(), variationId: target.channelSkuId.trim(), quantity: target.quantity }
		: { productId: target.channelSkuId.trim(), quantity: target.quantity };
	if (!DIGITS.test(update.productId) || (update.variationId !== undefined && !DIGITS.test(update.variationId))) {
		const id = target.itemId ? `${target.itemId}:${target.channelSkuId}` : target.channelSkuId;
		throw new Error(`WooCommerce sets stock per product or variation, but listing ${id} is not "productId" or "productId:variationId" (numeric ids)`);
	}
	return update;
}

const wooKey = (u: { productId: string; variationId?: string }) => `${u.productId}\u0000${u.variationId ?? ''}`;

export const STOCK_PUSHERS: Record<string, StockPusher> = {
	taobao: perListing('taobaoApi', taobaoClient, (client, target) =>
		client.updateStock({ itemId: needItem('Taobao', 'item', target), skuId: target.channelSkuId, quantity: target.quantity, mode: 'full' }),
	),
	jd: perListing('jdApi', jdClient, (client, target) => client.updateStock({ skuId: target.channelSkuId, quantity: target.quantity, mode: 'full' })),
	wechat_shop: perListing('wechatShopApi', wechatShopClient, (client, target) =>
		client.updateStock({ productId: needItem('WeChat shop', 'product', target), skuId: target.channelSkuId, quantity: target.quantity, mode: 'full' }),
	),
	xiaohongshu: perListing('xiaohongshuApi', xhsClient, (client, target) => client.updateStock({ skuId: target.channelSkuId, quantity: target.quantity, mode: 'full' })),
	douyin: {
		credential: 'douyinApi',
		calls: 'batch',
		async connect(ctx) {
			const client = await douyinClient(ctx);
			const single = oneByOne(async (target) => {
				await client.updateStock({ skuId: target.channelSkuId, quantity: target.quantity, mode: 'full' });
			});
			return async (targets) => {
				// Listings with their product id go through sku.syncStockBatch, one call per product (and per
				// DOUYIN_STOCK_BATCH_MAX SKUs); a bare SKU id costs one sku.syncStock call.
				const out: Array<Error | undefined> = targets.map(() => undefined);
				const byProduct = new Map<string, number[]>();
				const bare: number[] = [];
				targets.forEach((target, i) => {
					const product = target.itemId?.trim();
					if (product) byProduct.set(product, [...(byProduct.get(product) ?? []), i]);
					else bare.push(i);
				});
				for (const [productId, indexes] of byProduct) {
					try {
						await client.updateStockBatch({ productId, skus: indexes.map((i) => ({ skuId: targets[i].channelSkuId, quantity: targets[i].quantity })) });
					} catch (error) {
						for (const i of indexes) out[i] = asError(error);
					}
				}
				(await single(bare.map((i) => targets[i]))).forEach((error, k) => (out[bare[k]] = error));
				return out;
			};
		},
	},
	pinduoduo: perListing('pinduoduoApi', pinduoduoClient, (client, target) =>
		client.updateStock({ itemId: needItem('Pinduoduo', 'goods', target), skuId: target.channelSkuId, quantity: target.quantity, mode: 'full' }),
	),
	shopify: perListing('shopifyUnifiedApi', shopifyClient, (client, target, options) =>
		client.setInventory({ ...shopifyTarget(target, options.shopifyLocationId), available: target.quantity }),
	),
	woocommerce: {
		credential: 'wooCommerceUnifiedApi',
		calls: 'batch',
		async connect(ctx) {
			const client = await wooClient(ctx);
			return async (targets) => {
				// Listings that do not read as Woo ids fail alone; the rest go through the batch endpoints
				// (one call per 100 simple products, one per 100 variations of a product).
				const out: Array<Error | undefined> = [];
				const updates: Array<{ index: number; update: WooStockUpdate }> = [];
				targets.forEach((target, index) => {
					try {
						updates.push({ index, update: wooTarget(target) });
						out.push(undefined);
					} catch (error) {
						out.push(asError(error));
					}
				});
				if (updates.length === 0) return out;
				try {
					const results = new Map((await client.setStock(updates.map((u) => u.update))).map((r) => [wooKey(r), r]));
					for (const { index, update } of updates) {
						const result = results.get(wooKey(update));
						if (!result) out[index] = new Error(`WooCommerce did not answer for product ${update.productId}${update.variationId ? ` variation ${update.variationId}` : ''}`);
						else if (!result.ok) out[index] = new Error(`WooCommerce refused the stock of product ${update.productId}${update.variationId ? ` variation ${update.variationId}` : ''}: ${result.error ?? 'no reason given'}`);
					}
				} catch (error) {
					for (const { index } of updates) out[index] = asError(error);
				}
				return out;
			};
		},
	},
};

/** Channels Stock Sync can push to, in the order the node lists them. */
export const PUSH_CHANNELS = Object.keys(STOCK_PUSHERS);

/** "itemId:skuId" (how Taobao, WeChat shop, Pinduoduo and WooCommerce variations can be mapped) -> its parts. */
export function splitListingId(channelSkuId: string): { itemId?: string; skuId: string } {
	const at = channelSkuId.indexOf(':');
	return at > 0 ? { itemId: channelSkuId.slice(0, at), skuId: channelSkuId.slice(at + 1) } : { skuId: channelSkuId };
}
