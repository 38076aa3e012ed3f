import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { DouyinClient } from '../../../../lib/channels/douyin/client';
import { runItems } from '../../../shared/runItems';
import { afterSaleJson } from './afterSaleJson';

const properties: INodeProperties[] = [
	{
		displayName: 'After-Sale ID (售后单号)',
		name: 'afterSaleId',
		type: 'string',
		required: true,
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['afterSale'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: DouyinClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const id = String(this.getNodeParameter('afterSaleId', i)).trim();
		return { main: [afterSaleJson(await client.getAfterSale(id), client.shopId)] };
	});
}
