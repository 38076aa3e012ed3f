import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { WechatShopClient } from '../../../../lib/channels/wechatShop/client';
import { runItems } from '../../../shared/runItems';
import { limitField, readLimit, returnAllField } from '../../../shared/listFields';

const properties: INodeProperties[] = [returnAllField, limitField];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['getSkus'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: WechatShopClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const limit = readLimit(this, i);
		const main = [];
		for await (const sku of client.listSkus()) {
			if (main.length >= limit) break;
			main.push({
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
			});
		}
		return { main };
	});
}
