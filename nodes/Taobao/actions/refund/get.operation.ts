import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { TaobaoClient } from '../../../../lib/channels/taobao/client';
import { runItems } from '../../../shared/runItems';
import { refundJson } from './refundJson';

const properties: INodeProperties[] = [
	{
		displayName: 'Refund ID (退款单号)',
		name: 'refundId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 71234567890123456',
	},
];

const displayOptions = { show: { resource: ['refund'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: TaobaoClient,
): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const refund = await client.getRefund(String(this.getNodeParameter('refundId', i)).trim());
		return { main: [refundJson(refund, client.shopId)] };
	});
}
