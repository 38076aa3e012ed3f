import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { ShopifyClient } from '../../../../lib/channels/shopify/client';
import { runItems } from '../../../shared/runItems';
import { orderIdField } from '../fields';

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['getRefunds'] } }, [orderIdField]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: ShopifyClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const refunds = await client.listRefunds(orderId);
		return { main: refunds.map((refund) => ({ ...refund, order_id: orderId }) as IDataObject) };
	});
}
