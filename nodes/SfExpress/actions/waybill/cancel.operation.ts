import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { runParcelItems } from '../../../TrackParcel/shared/errors';
import { sfClientFor } from '../../../TrackParcel/shared/transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Order Reference',
		name: 'orderCode',
		type: 'string',
		required: true,
		default: '',
		description: 'The order ID the SF order was created with (SF cancels orders, not waybill numbers)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['waybill'], operation: ['cancel'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { client } = await sfClientFor(this);
	return await runParcelItems(this, 'sf', async (i, _input, item) => {
		const orderId = (this.getNodeParameter('orderCode', i) as string).trim();
		item.about({ label: 'order', value: orderId });
		const result = await client.cancelOrder(orderId);
		return [{ provider: 'sf', carrier: 'sf', orderId, cancelled: true, alreadyCancelled: result.alreadyCancelled }];
	});
}
