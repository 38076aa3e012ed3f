import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { WooClient } from '../../../../lib/channels/woocommerce/client';
import { CHANNEL } from '../../../../lib/channels/woocommerce/codes';
import { runItems } from '../../../shared/runItems';
import { orderIdField } from '../fields';

export const description = updateDisplayOptions({ show: { resource: ['refund'], operation: ['getMany'] } }, [orderIdField]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: WooClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const refunds = await client.listRefunds(orderId);
		return { main: refunds.map((refund) => ({ channel: CHANNEL, shopId: client.shopId, order_id: orderId, ...refund }) as IDataObject) };
	});
}
