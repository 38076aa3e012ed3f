import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { JdClient } from '../../../../lib/channels/jd/client';
import { normalizeJdOrder } from '../../../../lib/channels/jd/normalize';
import { orderItemJson, orderOutputProperty, unmaskedReceiverProperty, type OrderOutputMode } from '../../../shared/orderOutput';
import { runItems } from '../../../shared/runItems';
import { orderIdField } from '../fields';

const properties: INodeProperties[] = [
	orderIdField,
	orderOutputProperty,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [unmaskedReceiverProperty] },
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: JdClient): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('output', 0) as OrderOutputMode;
	return await runItems(this, items, mode === 'raw' ? 1 : 2, async (i) => {
		const orderId = this.getNodeParameter('orderId', i) as string;
		const { unmaskedReceiver } = this.getNodeParameter('options', i, {}) as { unmaskedReceiver?: boolean };
		const info = await client.getOrder(orderId);
		const json = orderItemJson(normalizeJdOrder(info, { shopId: client.shopId }), info, mode, { unmaskedReceiver, channel: 'jd' });
		return { main: json.order ? [json.order] : [], unnormalized: json.unnormalized ? [json.unnormalized] : [] };
	});
}
