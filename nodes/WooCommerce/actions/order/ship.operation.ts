import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { WooClient, WooShipRequest } from '../../../../lib/channels/woocommerce/client';
import { CHANNEL } from '../../../../lib/channels/woocommerce/codes';
import { isCarrierId, toChannelCarrierCode } from '../../../../lib/carriers/carrierCodes';
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
		placeholder: 'e.g. 顺丰速运 or sf',
		description: 'The carrier name as the buyer should read it, or our carrier ID (sf, zto, ...), which becomes its Chinese name',
	},
	{ displayName: 'Tracking Number', name: 'trackingNumber', type: 'string', required: true, default: '' },
	{ displayName: 'Tracking URL', name: 'trackingUrl', type: 'string', default: '', description: 'Optional link the buyer can follow' },
	{
		displayName: 'Record Tracking As',
		name: 'tracking',
		type: 'options',
		options: [
			{ name: 'Order Note (Any Site)', value: 'note', description: 'A note on the order with carrier and tracking number' },
			{ name: 'Shipment Tracking Extension', value: 'shipmentTracking', description: "WooCommerce's Shipment Tracking extension must be installed" },
		],
		default: 'note',
	},
	{
		displayName: 'Note to Customer',
		name: 'notifyCustomer',
		type: 'boolean',
		default: true,
		description: 'Whether the note is a customer note (WooCommerce emails it to the buyer) rather than a private one',
		displayOptions: { show: { tracking: ['note'] } },
	},
	{
		displayName: 'Mark Order Completed',
		name: 'complete',
		type: 'boolean',
		default: true,
		description: 'Whether to set the order status to Completed (WooCommerce has no Shipped status of its own)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['ship'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: WooClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const carrier = wooCarrierName(this.getNodeParameter('carrier', i) as string);
		const trackingNo = String(this.getNodeParameter('trackingNumber', i)).trim();
		const trackingUrl = String(this.getNodeParameter('trackingUrl', i, '') ?? '');
		const tracking = this.getNodeParameter('tracking', i, 'note') as WooShipRequest['tracking'];
		const notifyCustomer = this.getNodeParameter('notifyCustomer', i, true) as boolean;
		const complete = this.getNodeParameter('complete', i, true) as boolean;
		const result = await client.ship({ orderId, carrier, trackingNo, trackingUrl, tracking, notifyCustomer, complete });
		const json: IDataObject = { channel: CHANNEL, shopId: client.shopId, orderId, carrier, trackingNumber: trackingNo, shipped: true, status: result.order?.status ?? null };
		if (result.note) json.note = result.note;
		if (result.tracking) json.tracking = result.tracking;
		return { main: [json] };
	});
}

/** Our carrier id (sf) becomes the name buyers know (顺丰速运); anything else is sent as typed. */
export function wooCarrierName(value: string): string {
	const text = value.trim();
	if (!isCarrierId(text.toLowerCase())) return text;
	try {
		return toChannelCarrierCode(text.toLowerCase(), CHANNEL);
	} catch {
		return text;
	}
}
