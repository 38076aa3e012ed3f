import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { PinduoduoClient } from '../../../../lib/channels/pinduoduo/client';
import { runItems } from '../../../shared/runItems';
import { orderIdField } from '../fields';

const properties: INodeProperties[] = [
	orderIdField,
	{
		displayName: 'Carrier',
		name: 'carrier',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 44, sf or 顺丰速运',
		description: "Pinduoduo's numeric logistics ID (e.g. 44 SF, 115 ZTO, 85 YTO), our carrier id (sf, zto, ...) or the carrier's name",
	},
	{
		displayName: 'Tracking Number (运单号)',
		name: 'trackingNumber',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Change Waybill of a Shipped Order',
		name: 'modify',
		type: 'boolean',
		default: false,
		description: 'Whether this replaces the waybill of an order already shipped (redelivery_type 2) instead of shipping it',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['ship'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: PinduoduoClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const carrier = String(this.getNodeParameter('carrier', i)).trim();
		const trackingNumber = String(this.getNodeParameter('trackingNumber', i)).trim();
		const modify = this.getNodeParameter('modify', i, false) as boolean;
		const result = await client.ship({ orderId, trackingNo: trackingNumber, carrier, modify });
		return { main: [{ channel: 'pinduoduo', shopId: client.shopId, orderId, logisticsId: String(result.logistics_id), trackingNumber, shipped: true }] };
	});
}
