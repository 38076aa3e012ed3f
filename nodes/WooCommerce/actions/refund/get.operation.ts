import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { WooClient } from '../../../../lib/channels/woocommerce/client';
import { CHANNEL } from '../../../../lib/channels/woocommerce/codes';
import { runItems } from '../../../shared/runItems';
import { orderIdField } from '../fields';

const properties: INodeProperties[] = [
	orderIdField,
	{ displayName: 'Refund ID', name: 'refundId', type: 'string', required: true, default: '', description: 'The refund ID (see Get Many)' },
];

export const description = updateDisplayOptions({ show: { resource: ['refund'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: WooClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const refundId = String(this.getNodeParameter('refundId', i)).trim();
		const refund = await client.getRefund(orderId, refundId);
		return { main: [{ channel: CHANNEL, shopId: client.shopId, order_id: orderId, ...refund } as IDataObject] };
	});
}
