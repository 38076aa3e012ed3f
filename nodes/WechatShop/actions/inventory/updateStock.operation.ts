import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { WechatShopClient } from '../../../../lib/channels/wechatShop/client';
import { runItems } from '../../../shared/runItems';
import { stockUpdateFields } from '../../../shared/writeFields';

const properties: INodeProperties[] = [
	{
		displayName: 'Product ID (商品ID)',
		name: 'productId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 10000029995861',
		description: 'The product the SKU belongs to. Map it from each input item to update many SKUs in one run.',
	},
	{
		displayName: 'SKU ID',
		name: 'skuId',
		type: 'string',
		required: true,
		default: '',
		description: "WeChat's SKU id",
	},
	...stockUpdateFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['updateStock'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: WechatShopClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const productId = String(this.getNodeParameter('productId', i)).trim();
		const skuId = String(this.getNodeParameter('skuId', i)).trim();
		const quantity = this.getNodeParameter('quantity', i) as number;
		const mode = this.getNodeParameter('mode', i, 'full') as 'full' | 'delta';
		await client.updateStock({ productId, skuId, quantity, mode });
		return { main: [{ channel: 'wechat_shop', shopId: client.shopId, productId, skuId, quantity, mode, updated: true }] };
	});
}
