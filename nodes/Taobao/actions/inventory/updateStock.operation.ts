import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { TaobaoClient } from '../../../../lib/channels/taobao/client';
import { runItems } from '../../../shared/runItems';
import { stockUpdateFields } from '../../../shared/writeFields';

const properties: INodeProperties[] = [
	{
		displayName: 'Item ID (商品ID)',
		name: 'itemId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 680012345678',
		description: 'The listing (num_iid) the SKU belongs to. Map it from each input item to update many SKUs in one run.',
	},
	{
		displayName: 'SKU ID',
		name: 'skuId',
		type: 'string',
		default: '',
		description: "Taobao's SKU id. Leave empty to pick the SKU by merchant code, or for an item without SKUs.",
	},
	{
		displayName: 'SKU Merchant Code (商家编码)',
		name: 'merchantCode',
		type: 'string',
		default: '',
		description: 'Used when SKU ID is empty: the outer_id you gave the SKU on Taobao',
	},
	...stockUpdateFields(),
];

const displayOptions = { show: { resource: ['inventory'], operation: ['updateStock'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: TaobaoClient,
): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const itemId = String(this.getNodeParameter('itemId', i)).trim();
		const skuId = String(this.getNodeParameter('skuId', i, '')).trim() || undefined;
		const merchantCode = String(this.getNodeParameter('merchantCode', i, '')).trim() || undefined;
		const quantity = this.getNodeParameter('quantity', i) as number;
		const mode = this.getNodeParameter('mode', i, 'full') as 'full' | 'delta';
		const item = await client.updateStock({ itemId, skuId, merchantCode, quantity, mode });
		return { main: [{ channel: 'taobao', shopId: client.shopId, itemId, skuId, merchantCode, quantity, mode, result: item }] };
	});
}
