import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { ShipLine, WechatShopClient } from '../../../../lib/channels/wechatShop/client';
import { CHANNEL } from '../../../../lib/channels/wechatShop/codes';
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
		placeholder: 'e.g. SF, ZTO, YD or sf',
		description: "WeChat's carrier code (delivery_id: SF, ZTO, YTO, STO, YD, JD, EMS, OTHER, ...) or our carrier id (sf, zto, ...)",
	},
	{
		displayName: 'Tracking Number (运单号)',
		name: 'trackingNumber',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Products in This Parcel (Split Shipment)',
		name: 'products',
		type: 'string',
		default: '',
		placeholder: 'e.g. 10000029995861:1751260221:2, 10000029995862:1751260222:1',
		description: 'Only for a parcel with part of the order: product_id:sku_id:quantity per product, comma-separated. Empty: every product of the order.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['ship'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: WechatShopClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const companyCode = wechatCarrierCode(this.getNodeParameter('carrier', i) as string);
		const trackingNo = String(this.getNodeParameter('trackingNumber', i)).trim();
		const lines = parseProducts(this.getNodeParameter('products', i, '') as string);
		await client.ship({ orderId, trackingNo, companyCode, lines });
		const json = { channel: CHANNEL, shopId: client.shopId, orderId, carrierCode: companyCode, trackingNumber: trackingNo, shipped: true };
		return { main: [lines.length ? { ...json, products: lines as unknown as string[] } : json] };
	});
}

/** Our carrier id (sf) becomes WeChat's code (SF); anything else is sent upper-cased as WeChat's own code. */
export function wechatCarrierCode(value: string): string {
	const text = value.trim();
	if (isCarrierId(text.toLowerCase())) {
		try {
			return toChannelCarrierCode(text.toLowerCase(), CHANNEL);
		} catch {
			return text.toUpperCase();
		}
	}
	return text.toUpperCase();
}

export function parseProducts(text: string): ShipLine[] {
	return text
		.split(/[\s,，]+/)
		.filter(Boolean)
		.map((entry) => {
			const [productId, skuId, quantity] = entry.split(':');
			if (!/^\d+$/.test(productId ?? '') || !/^\d+$/.test(skuId ?? '')) {
				throw new Error(`"${entry}" is not product_id:sku_id[:quantity] with digits`);
			}
			return { productId, skuId, quantity: quantity ? Number(quantity) : 1 };
		});
}
