import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { XhsClient } from '../../../../lib/channels/xiaohongshu/client';
import { runItems } from '../../../shared/runItems';
import { refundJson } from './refundJson';

const properties: INodeProperties[] = [
	{
		displayName: 'Returns ID (售后单号)',
		name: 'refundId',
		type: 'string',
		required: true,
		default: '',
		description: 'The Xiaohongshu after-sale id (returnsId)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['refund'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: XhsClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const id = String(this.getNodeParameter('refundId', i)).trim();
		return { main: [refundJson(await client.getRefund(id), client.shopId)] };
	});
}
