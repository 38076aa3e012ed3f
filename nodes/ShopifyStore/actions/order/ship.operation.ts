import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { ShipLine, ShopifyClient } from '../../../../lib/channels/shopify/client';
import { CHANNEL } from '../../../../lib/channels/shopify/codes';
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
		placeholder: 'e.g. SF Express or sf',
		description: 'The carrier name as Shopify lists it (SF Express, China Post, ...) or our carrier id (sf, zto, ...)',
	},
	{ displayName: 'Tracking Number', name: 'trackingNumber', type: 'string', required: true, default: '' },
	{ displayName: 'Tracking URL', name: 'trackingUrl', type: 'string', default: '', description: 'Optional link the buyer can follow' },
	{ displayName: 'Notify Customer', name: 'notifyCustomer', type: 'boolean', default: false, description: 'Whether Shopify emails the buyer about the shipment' },
	{
		displayName: 'Lines in This Parcel (Split Shipment)',
		name: 'lines',
		type: 'string',
		default: '',
		placeholder: 'e.g. 13012345678901234567:2, 13012345678901234568:1',
		description: 'Only for a parcel with part of the order: line_item_id:quantity per line, comma-separated. Empty: everything still to ship.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['ship'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: ShopifyClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const company = shopifyCarrierName(this.getNodeParameter('carrier', i) as string);
		const trackingNo = String(this.getNodeParameter('trackingNumber', i)).trim();
		const trackingUrl = String(this.getNodeParameter('trackingUrl', i, '') ?? '');
		const notifyCustomer = this.getNodeParameter('notifyCustomer', i, false) as boolean;
		const lines = parseLines(this.getNodeParameter('lines', i, '') as string);
		const fulfillment = await client.ship({ orderId, trackingNo, company, trackingUrl, notifyCustomer, lines });
		const json: IDataObject = { channel: CHANNEL, shopId: client.shopId, orderId, carrier: company, trackingNumber: trackingNo, shipped: true, fulfillment };
		if (lines.length > 0) json.lines = lines as unknown as IDataObject[];
		return { main: [json] };
	});
}

/** Our carrier id (sf) becomes Shopify's carrier name (SF Express); anything else is sent as typed. */
export function shopifyCarrierName(value: string): string {
	const text = value.trim();
	if (!isCarrierId(text.toLowerCase())) return text;
	try {
		return toChannelCarrierCode(text.toLowerCase(), CHANNEL);
	} catch {
		return text;
	}
}

export function parseLines(text: string): ShipLine[] {
	return text
		.split(/[\s,，]+/)
		.filter(Boolean)
		.map((entry) => {
			const [lineItemId, quantity] = entry.split(':');
			if (!/^\d+$/.test(lineItemId ?? '') || (quantity !== undefined && !/^\d+$/.test(quantity))) {
				throw new Error(`"${entry}" is not line_item_id[:quantity] with digits`);
			}
			return { lineItemId, quantity: quantity ? Number(quantity) : 1 };
		});
}
