import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { DouyinClient } from '../../../../lib/channels/douyin/client';
import { CHANNEL } from '../../../../lib/channels/douyin/codes';
import { limitField, readLimit, returnAllField } from '../../../shared/listFields';
import { runItems } from '../../../shared/runItems';

const properties: INodeProperties[] = [
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		default: '',
		description: 'Only the SKUs of this product. Empty: every product of the shop.',
	},
	returnAllField,
	limitField,
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['getSkus'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: DouyinClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const limit = readLimit(this, i);
		const productId = String(this.getNodeParameter('productId', i, '') ?? '').trim() || undefined;
		const main = [];
		for await (const sku of client.listSkus(productId)) {
			if (main.length >= limit) break;
			main.push({
				channel: CHANNEL,
				shopId: client.shopId,
				channelItemId: sku.productId ?? null,
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
