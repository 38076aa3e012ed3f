import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { XhsClient } from '../../../../lib/channels/xiaohongshu/client';
import { CHANNEL } from '../../../../lib/channels/xiaohongshu/codes';
import { runItems } from '../../../shared/runItems';
import { stockUpdateFields } from '../../../shared/writeFields';

const properties: INodeProperties[] = [
	{
		displayName: 'SKU ID',
		name: 'skuId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 65f0a1b2c3d4e5f601234567',
		description: "Xiaohongshu's SKU id. Map it from each input item to update many SKUs in one run.",
	},
	...stockUpdateFields({
		full: 'The SKU will have exactly this stock (inventory.syncSkuStock)',
		delta: 'Add to the stock; a negative quantity subtracts (inventory.incSkuStock)',
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['updateStock'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: XhsClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const skuId = String(this.getNodeParameter('skuId', i)).trim();
		const quantity = this.getNodeParameter('quantity', i) as number;
		const mode = this.getNodeParameter('mode', i, 'full') as 'full' | 'delta';
		await client.updateStock({ skuId, quantity, mode });
		return { main: [{ channel: CHANNEL, shopId: client.shopId, skuId, quantity, mode, updated: true }] };
	});
}
