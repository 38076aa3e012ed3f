import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { DouyinClient } from '../../../../lib/channels/douyin/client';
import { CHANNEL } from '../../../../lib/channels/douyin/codes';
import { runItems } from '../../../shared/runItems';
import { stockUpdateFields } from '../../../shared/writeFields';

const properties: INodeProperties[] = [
	{
		displayName: 'Identify SKU By',
		name: 'skuKey',
		type: 'options',
		options: [
			{ name: 'SKU ID', value: 'skuId' },
			{ name: 'Merchant SKU Code (商家编码)', value: 'code' },
		],
		default: 'skuId',
	},
	{
		displayName: 'SKU ID',
		name: 'skuId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { skuKey: ['skuId'] } },
		description: "Douyin's SKU id. Map it from each input item to update many SKUs in one run.",
	},
	{
		displayName: 'Merchant SKU Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { skuKey: ['code'] } },
	},
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		default: '',
		description: 'Optional: the product the SKU belongs to',
	},
	...stockUpdateFields({
		full: 'The SKU will have exactly this stock (sku.syncStock, incremental false)',
		delta: 'Add to the stock; a negative quantity subtracts; needs an Idempotency ID',
	}),
	{
		displayName: 'Idempotency ID',
		name: 'idempotentId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { mode: ['delta'] } },
		description: 'A unique id for this change, so a repeated call is not counted twice (e.g. the stock movement id)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['updateStock'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: DouyinClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const key = this.getNodeParameter('skuKey', i, 'skuId') as 'skuId' | 'code';
		const value = String(this.getNodeParameter(key, i)).trim();
		const productId = String(this.getNodeParameter('productId', i, '') ?? '').trim() || undefined;
		const quantity = this.getNodeParameter('quantity', i) as number;
		const mode = this.getNodeParameter('mode', i, 'full') as 'full' | 'delta';
		const idempotentId = mode === 'delta' ? String(this.getNodeParameter('idempotentId', i, '')).trim() : undefined;
		await client.updateStock({ [key]: value, productId, quantity, mode, idempotentId });
		return { main: [{ channel: CHANNEL, shopId: client.shopId, [key]: value, quantity, mode, updated: true }] };
	});
}
