import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { toAggregatorCode } from '../../../../lib/carriers/carrierCodes';
import { runParcelItems } from '../../../TrackParcel/shared/errors';
import { carrierField, trackingNoField } from '../../../TrackParcel/shared/fields';
import { kuaidi100ClientFor } from '../../../TrackParcel/shared/transport';

const properties: INodeProperties[] = [
	trackingNoField,
	carrierField('kuaidi100'),
	{ displayName: 'Order Reference', name: 'orderCode', type: 'string', default: '', description: 'The reference the waybill was created with, if any' },
	{ displayName: 'Reason', name: 'reason', type: 'string', default: '', placeholder: 'e.g. 订单取消' },
];

export const description = updateDisplayOptions({ show: { resource: ['waybill'], operation: ['cancel'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { client } = await kuaidi100ClientFor(this);
	return await runParcelItems(this, 'kuaidi100', async (i, _input, item) => {
		const trackingNo = (this.getNodeParameter('trackingNo', i) as string).trim();
		item.about({ label: 'tracking number', value: trackingNo });
		const carrier = this.getNodeParameter('carrier', i) as string;
		const orderId = (this.getNodeParameter('orderCode', i, '') as string).trim() || undefined;
		const reason = (this.getNodeParameter('reason', i, '') as string).trim() || undefined;
		await client.cancelLabel({ kuaidicom: toAggregatorCode(carrier, 'kuaidi100'), kuaidinum: trackingNo, orderId, reason });
		return [{ provider: 'kuaidi100', carrier, trackingNo, orderId: orderId ?? null, cancelled: true }];
	});
}
