import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { runParcelItems } from '../../../TrackParcel/shared/errors';
import { carrierField, trackingNoField } from '../../../TrackParcel/shared/fields';
import { kdniaoClientFor } from '../../../TrackParcel/shared/transport';

const properties: INodeProperties[] = [
	trackingNoField,
	carrierField('kdniao'),
	{
		displayName: 'Order Reference',
		name: 'orderCode',
		type: 'string',
		required: true,
		default: '',
		description: 'The order reference (OrderCode) the waybill was created with',
	},
	{ displayName: 'Customer Name', name: 'customerName', type: 'string', default: '', description: 'The carrier account, when the waybill was created with one' },
	{ displayName: 'Customer Password', name: 'customerPwd', type: 'string', typeOptions: { password: true }, default: '' },
];

export const description = updateDisplayOptions({ show: { resource: ['waybill'], operation: ['cancel'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { client } = await kdniaoClientFor(this);
	return await runParcelItems(this, 'kdniao', async (i, _input, item) => {
		const trackingNo = (this.getNodeParameter('trackingNo', i) as string).trim();
		item.about({ label: 'tracking number', value: trackingNo });
		const carrier = this.getNodeParameter('carrier', i) as string;
		const orderCode = (this.getNodeParameter('orderCode', i) as string).trim();
		const customerName = (this.getNodeParameter('customerName', i, '') as string).trim() || undefined;
		const customerPwd = (this.getNodeParameter('customerPwd', i, '') as string) || undefined;
		await client.cancelWaybill({ carrier, orderCode, trackingNo, customerName, customerPwd });
		return [{ provider: 'kdniao', carrier, trackingNo, orderId: orderCode, cancelled: true }];
	});
}
