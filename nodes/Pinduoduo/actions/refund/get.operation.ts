import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { PinduoduoClient } from '../../../../lib/channels/pinduoduo/client';
import { runItems } from '../../../shared/runItems';
import { orderIdField } from '../fields';
import { refundJson } from './refundJson';

const properties: INodeProperties[] = [
	{
		displayName: 'After-Sale ID (售后单号)',
		name: 'refundId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 12345678901',
	},
	{ ...orderIdField, description: 'The order the after-sale belongs to; Pinduoduo asks for both' },
];

export const description = updateDisplayOptions({ show: { resource: ['refund'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: PinduoduoClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const refundId = String(this.getNodeParameter('refundId', i)).trim();
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		return { main: [refundJson(await client.getRefund(refundId, orderId), client.shopId)] };
	});
}
