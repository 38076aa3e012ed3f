import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { DouyinClient } from '../../../../lib/channels/douyin/client';
import { normalizeDouyinOrder } from '../../../../lib/channels/douyin/normalize';
import { orderItemJson, orderOutputProperty, unmaskedReceiverProperty, type OrderOutputMode } from '../../../shared/orderOutput';
import { runItems } from '../../../shared/runItems';
import { orderIdField } from '../fields';

const properties: INodeProperties[] = [
	orderIdField,
	orderOutputProperty,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [unmaskedReceiverProperty] },
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: DouyinClient): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('output', 0) as OrderOutputMode;
	return await runItems(this, items, mode === 'raw' ? 1 : 2, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const { unmaskedReceiver } = this.getNodeParameter('options', i, {}) as { unmaskedReceiver?: boolean };
		const order = await client.getOrder(orderId);
		const json = orderItemJson(normalizeDouyinOrder(order, { shopId: client.shopId }), order, mode, { unmaskedReceiver, channel: 'douyin' });
		return { main: json.order ? [json.order] : [], unnormalized: json.unnormalized ? [json.unnormalized] : [] };
	});
}
