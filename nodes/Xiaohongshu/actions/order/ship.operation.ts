import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { isCarrierId, toChannelCarrierCode } from '../../../../lib/carriers/carrierCodes';
import type { XhsClient } from '../../../../lib/channels/xiaohongshu/client';
import { CHANNEL } from '../../../../lib/channels/xiaohongshu/codes';
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
		placeholder: 'e.g. shunfeng, zhongtong or sf',
		description: "Xiaohongshu's express company code (expressCompanyCode, see common.getExpressCompanyList) or our carrier id (sf, zto, ...)",
	},
	{
		displayName: 'Tracking Number (运单号)',
		name: 'trackingNumber',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'SKUs in This Parcel (Split Shipment)',
		name: 'skuIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 65f0a1b2c3d4e5f601234567, 65f0a1b2c3d4e5f601234999',
		description: 'Only for a parcel with part of the order (拆包): the SKU IDs in it, comma-separated. Empty: the whole order.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['ship'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: XhsClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const companyCode = xhsCarrierCode(this.getNodeParameter('carrier', i) as string);
		const trackingNo = String(this.getNodeParameter('trackingNumber', i)).trim();
		const skuIds = String(this.getNodeParameter('skuIds', i, '') ?? '').split(/[\s,，]+/).filter(Boolean);
		await client.ship({ orderId, trackingNo, companyCode, skuIds });
		const json = { channel: CHANNEL, shopId: client.shopId, orderId, carrierCode: companyCode, trackingNumber: trackingNo, shipped: true };
		return { main: [skuIds.length ? { ...json, skuIds } : json] };
	});
}

/** Our carrier id (sf) becomes XHS's code (shunfeng); anything else is sent as typed. */
export function xhsCarrierCode(value: string): string {
	const text = value.trim();
	if (!isCarrierId(text.toLowerCase())) return text;
	try {
		return toChannelCarrierCode(text.toLowerCase(), CHANNEL);
	} catch {
		return text;
	}
}
