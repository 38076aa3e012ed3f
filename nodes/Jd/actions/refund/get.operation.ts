import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { JdClient } from '../../../../lib/channels/jd/client';
import { runItems } from '../../../shared/runItems';
import { refundJson } from './refundJson';

const properties: INodeProperties[] = [
	{
		displayName: 'Refund ID (退款单号)',
		name: 'refundId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 21004455667',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['refund'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: JdClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const refund = await client.getRefund(String(this.getNodeParameter('refundId', i)).trim());
		return { main: [refundJson(refund, client.shopId)] };
	});
}
