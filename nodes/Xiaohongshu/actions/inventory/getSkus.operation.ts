import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { XhsClient } from '../../../../lib/channels/xiaohongshu/client';
import { CHANNEL } from '../../../../lib/channels/xiaohongshu/codes';
import { limitField, readLimit, returnAllField, takeUpTo } from '../../../shared/listFields';
import { runItems } from '../../../shared/runItems';

const properties: INodeProperties[] = [returnAllField, limitField];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['getSkus'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: XhsClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const limit = readLimit(this, i);
		return {
			main: await takeUpTo(client.listSkus(), limit, (sku) => ({
			channel: CHANNEL,
			shopId: client.shopId,
			channelItemId: sku.itemId ?? null,
			channelSkuId: sku.skuId,
			merchantCode: sku.merchantCode ?? null,
			barcode: sku.barcode ?? null,
			title: sku.title,
			skuName: sku.skuName ?? null,
			quantity: sku.quantity ?? null,
			price: sku.price ?? null,
			currency: 'CNY',
			})),
		};
	});
}
