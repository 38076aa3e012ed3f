import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { TaobaoClient } from '../../../../lib/channels/taobao/client';
import { taobaoCompanyCode } from '../../../../lib/channels/taobao/codes';
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
		placeholder: 'e.g. SF, ZTO, YUNDA or 顺丰速运',
		description: "Taobao's carrier code (SF, ZTO, YTO, STO, YUNDA, EMS, POSTB, JD, ...), our carrier id (sf, zto, ...) or the carrier's name",
	},
	{
		displayName: 'Tracking Number (运单号)',
		name: 'trackingNumber',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Line IDs (Split Shipment)',
		name: 'lineIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 4011234567890123458,4011234567890123459',
		description: 'Only for a parcel with part of the order: the line ids (子订单号 oid) in it, comma-separated. Empty: the whole order.',
	},
];

const displayOptions = { show: { resource: ['order'], operation: ['ship'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: TaobaoClient,
): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = (this.getNodeParameter('orderId', i) as string).trim();
		const companyCode = taobaoCompanyCode(this.getNodeParameter('carrier', i) as string);
		const trackingNo = (this.getNodeParameter('trackingNumber', i) as string).trim();
		const lineIds = (this.getNodeParameter('lineIds', i, '') as string)
			.split(/[\s,，]+/)
			.filter(Boolean);
		await client.ship({ orderId, trackingNo, companyCode, lineIds });
		const json = { channel: 'taobao', shopId: client.shopId, orderId, carrierCode: companyCode, trackingNumber: trackingNo, shipped: true };
		return { main: [lineIds.length ? { ...json, lineIds } : json] };
	});
}
