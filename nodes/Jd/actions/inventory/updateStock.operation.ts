import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { JdClient } from '../../../../lib/channels/jd/client';
import { runItems } from '../../../shared/runItems';

const properties: INodeProperties[] = [
	{
		displayName: 'SKU ID',
		name: 'skuId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100012043978',
		description: "JD's SKU id; JD keeps stock per SKU. Map it from each input item to update many SKUs in one run.",
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 0 },
		required: true,
		default: 0,
		description: 'The SKU will have exactly this stock (JD sets stock; it does not add to it)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['updateStock'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: JdClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const skuId = String(this.getNodeParameter('skuId', i)).trim();
		const quantity = this.getNodeParameter('quantity', i) as number;
		const result = await client.updateStock({ skuId, quantity, mode: 'full' });
		return { main: [{ channel: 'jd', shopId: client.shopId, skuId, quantity, mode: 'full', result }] };
	});
}
