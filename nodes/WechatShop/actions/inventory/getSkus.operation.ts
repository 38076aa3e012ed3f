import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { WechatShopClient } from '../../../../lib/channels/wechatShop/client';
import { runItems } from '../../../shared/runItems';
import { limitField, readLimit, returnAllField, takeUpTo } from '../../../shared/listFields';

const properties: INodeProperties[] = [returnAllField, limitField];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['getSkus'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: WechatShopClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const limit = readLimit(this, i);
		return {
			main: await takeUpTo(client.listSkus(), limit, (sku) => ({
			channel: 'wechat_shop',
			shopId: client.shopId,
			channelItemId: sku.productId,
			channelSkuId: sku.skuId,
			merchantCode: sku.merchantCode ?? null,
			title: sku.title,
			skuName: sku.skuName ?? null,
			quantity: sku.quantity ?? null,
			price: sku.price ?? null,
			currency: 'CNY',
			})),
		};
	});
}
