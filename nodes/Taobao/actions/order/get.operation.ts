import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { TaobaoClient } from '../../../../lib/channels/taobao/client';
import { normalizeTaobaoTrade } from '../../../../lib/channels/taobao/normalize';
import {
	orderItemJson,
	orderOutputProperty,
	unmaskedReceiverProperty,
	type OrderOutputMode,
} from '../../../shared/orderOutput';
import { runItems } from '../../../shared/runItems';
import { orderIdField } from '../fields';

const properties: INodeProperties[] = [
	orderIdField,
	orderOutputProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [unmaskedReceiverProperty],
	},
];

const displayOptions = { show: { resource: ['order'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: TaobaoClient,
): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('output', 0) as OrderOutputMode;
	return await runItems(this, items, mode === 'raw' ? 1 : 2, async (i) => {
		const orderId = this.getNodeParameter('orderId', i) as string;
		const { unmaskedReceiver } = this.getNodeParameter('options', i, {}) as { unmaskedReceiver?: boolean };
		const trade = await client.getOrder(orderId);
		const normalized = normalizeTaobaoTrade(trade, { shopId: client.shopId });
		const json = orderItemJson(normalized, trade, mode, { unmaskedReceiver, channel: 'taobao' });
		return { main: json.order ? [json.order] : [], unnormalized: json.unnormalized ? [json.unnormalized] : [] };
	});
}
