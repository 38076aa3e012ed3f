import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { PinduoduoClient } from '../../../../lib/channels/pinduoduo/client';
import { runItems } from '../../../shared/runItems';

const properties: INodeProperties[] = [
	{
		displayName: 'Goods ID (商品ID)',
		name: 'itemId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 791242474137',
	},
	{
		displayName: 'SKU ID',
		name: 'skuId',
		type: 'string',
		default: '',
		description: 'The SKU to update. Empty: the SKU with the merchant code below.',
	},
	{
		displayName: 'Merchant Code (商家编码)',
		name: 'merchantCode',
		type: 'string',
		default: '',
		description: "The SKU's outer_id, used when the SKU ID is empty",
	},
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		options: [
			{ name: 'Set Stock To', value: 'full', description: 'The SKU will have exactly this stock' },
			{ name: 'Add to Stock', value: 'delta', description: 'Add this amount (negative to remove); stock never goes below zero' },
		],
		default: 'full',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		required: true,
		default: 0,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['updateStock'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: PinduoduoClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const itemId = String(this.getNodeParameter('itemId', i)).trim();
		const skuId = String(this.getNodeParameter('skuId', i, '')).trim() || undefined;
		const merchantCode = String(this.getNodeParameter('merchantCode', i, '')).trim() || undefined;
		const mode = this.getNodeParameter('mode', i, 'full') as 'full' | 'delta';
		const quantity = this.getNodeParameter('quantity', i) as number;
		await client.updateStock({ itemId, skuId, merchantCode, quantity, mode });
		return { main: [{ channel: 'pinduoduo', shopId: client.shopId, itemId, skuId: skuId ?? null, merchantCode: merchantCode ?? null, quantity, mode, updated: true }] };
	});
}
