import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { DouyinClient } from '../../../../lib/channels/douyin/client';
import { CHANNEL } from '../../../../lib/channels/douyin/codes';
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
		placeholder: 'e.g. sf, zto or shunfeng',
		description: "Our carrier id (sf, zto, yto, sto, yunda, jd, ems, …) or Douyin's company_code (see order.logisticsCompanyList). An unknown carrier stops the item with a clear error.",
	},
	{
		displayName: 'Tracking Number (运单号)',
		name: 'trackingNumber',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Ship Despite a Refund Request',
		name: 'ignoreRefundRequest',
		type: 'boolean',
		default: false,
		description: 'Whether to ship although the buyer has asked for a refund (is_refund_reject)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['ship'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: DouyinClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const carrier = String(this.getNodeParameter('carrier', i)).trim().toLowerCase();
		const trackingNo = String(this.getNodeParameter('trackingNumber', i)).trim();
		const ignoreRefundRequest = this.getNodeParameter('ignoreRefundRequest', i, false) as boolean;
		const shipped = await client.ship({ orderId, trackingNo, carrier, ignoreRefundRequest });
		return { main: [{ channel: CHANNEL, shopId: client.shopId, orderId, carrierCode: shipped.companyCode as string, trackingNumber: trackingNo, shipped: true }] };
	});
}
