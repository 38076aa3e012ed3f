import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { PinduoduoClient } from '../../../../lib/channels/pinduoduo/client';
import { normalizePinduoduoOrder } from '../../../../lib/channels/pinduoduo/normalize';
import { orderItemJson, orderOutputProperty, unmaskedReceiverProperty, type OrderOutputMode } from '../../../shared/orderOutput';
import { optionsCollection } from '../../../shared/listFields';
import { runItems } from '../../../shared/runItems';
import { orderIdField } from '../fields';

const properties: INodeProperties[] = [orderIdField, orderOutputProperty, optionsCollection([unmaskedReceiverProperty])];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: PinduoduoClient): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('output', 0) as OrderOutputMode;
	return await runItems(this, items, mode === 'raw' ? 1 : 2, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const { unmaskedReceiver } = this.getNodeParameter('options', i, {}) as { unmaskedReceiver?: boolean };
		const info = await client.getOrder(orderId);
		const json = orderItemJson(normalizePinduoduoOrder(info, { shopId: client.shopId }), info, mode, { unmaskedReceiver, channel: 'pinduoduo' });
		return { main: json.order ? [json.order] : [], unnormalized: json.unnormalized ? [json.unnormalized] : [] };
	});
}
