import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { InvalidRequestError } from '../../../../lib/http';
import { jdCarrierId, JD_METHODS, type JdClient } from '../../../../lib/channels/jd/client';
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
		placeholder: 'e.g. 467, sf or 顺丰速运',
		description: "JD's numeric carrier ID (logiCoprId, e.g. 467 SF, 1499 ZTO, 2087 JD, 1274 厂家自送), our carrier id (sf, zto, ...) or the carrier's name",
	},
	{
		displayName: 'Tracking Number (运单号)',
		name: 'trackingNumber',
		type: 'string',
		default: '',
		description: 'Several parcels of one carrier: separate the numbers with commas. May be empty only for 1274 (厂家自送).',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['ship'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: JdClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = (this.getNodeParameter('orderId', i) as string).trim();
		const carrier = (this.getNodeParameter('carrier', i) as string).trim();
		const trackingNo = (this.getNodeParameter('trackingNumber', i, '') as string)
			.split(/[\s,，]+/)
			.filter(Boolean)
			.join(',');
		const refuse = (message: string) =>
			new InvalidRequestError({ provider: 'jd', shopId: client.shopId, method: JD_METHODS.ship.apiMethod, orderId, platformMessage: message, hint: 'use a JD carrier ID or a known carrier' });
		const companyCode = jdCarrierId(carrier, refuse);
		await client.ship({ orderId, trackingNo, companyCode });
		return { main: [{ channel: 'jd', shopId: client.shopId, orderId, carrierCode: companyCode, trackingNumber: trackingNo, shipped: true }] };
	});
}
