// One row per channel that can receive stock: which credential it needs and how one listing's quantity is
// sent. A new channel slots in with a row here and its credential in the node's list.
import type { IExecuteFunctions } from 'n8n-workflow';
import { jdClient } from '../Jd/transport';
import { taobaoClient } from '../Taobao/transport';
import { wechatShopClient } from '../WechatShop/transport';

export interface PushTarget {
	channelSkuId: string;
	/** Item / product id, for channels that set stock per item + SKU. */
	itemId?: string;
	quantity: number;
}

export type SendStock = (target: PushTarget) => Promise<void>;

export interface StockPusher {
	credential: string;
	connect(ctx: IExecuteFunctions): Promise<SendStock>;
}

function needItem(channel: string, target: PushTarget): string {
	if (!target.itemId) {
		throw new Error(
			`${channel} sets stock per item and SKU, but listing ${target.channelSkuId} has no item id: map it as "itemId:skuId" or feed listings with channelItemId`,
		);
	}
	return target.itemId;
}

export const STOCK_PUSHERS: Record<string, StockPusher> = {
	taobao: {
		credential: 'taobaoApi',
		async connect(ctx) {
			const client = await taobaoClient(ctx);
			return async (target) => {
				await client.updateStock({ itemId: needItem('Taobao', target), skuId: target.channelSkuId, quantity: target.quantity, mode: 'full' });
			};
		},
	},
	jd: {
		credential: 'jdApi',
		async connect(ctx) {
			const client = await jdClient(ctx);
			return async (target) => {
				await client.updateStock({ skuId: target.channelSkuId, quantity: target.quantity, mode: 'full' });
			};
		},
	},
	wechat_shop: {
		credential: 'wechatShopApi',
		async connect(ctx) {
			const client = await wechatShopClient(ctx);
			return async (target) => {
				await client.updateStock({ productId: needItem('WeChat shop', target), skuId: target.channelSkuId, quantity: target.quantity, mode: 'full' });
			};
		},
	},
};

/** "itemId:skuId" (how Taobao and WeChat shop listings can be mapped) -> its parts. */
export function splitListingId(channelSkuId: string): { itemId?: string; skuId: string } {
	const at = channelSkuId.indexOf(':');
	return at > 0 ? { itemId: channelSkuId.slice(0, at), skuId: channelSkuId.slice(at + 1) } : { skuId: channelSkuId };
}
