import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { TaobaoClient } from '../../../../lib/channels/taobao/client';
import { normalizeTaobaoTrade } from '../../../../lib/channels/taobao/normalize';
import {
	collectOrderItems,
	orderItemJson,
	orderOutputProperty,
	unmaskedReceiverProperty,
	type OrderOutputMode,
} from '../../../shared/orderOutput';
import { runItems } from '../../../shared/runItems';
import {
	findOrdersByField,
	fromField,
	limitField,
	optionsCollection,
	readListRange,
	returnAllField,
	toField,
} from '../../../shared/listFields';
import { tradeStatusField, tradeTypesOption } from '../fields';

const properties: INodeProperties[] = [
	findOrdersByField('Creation Time (下单时间)', 'Last Change (修改时间)'),
	fromField('Start of the time range.'),
	toField,
	tradeStatusField,
	returnAllField,
	limitField,
	orderOutputProperty,
	optionsCollection([unmaskedReceiverProperty, tradeTypesOption]),
];

const displayOptions = { show: { resource: ['order'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: TaobaoClient,
): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('output', 0) as OrderOutputMode;
	return await runItems(this, items, mode === 'raw' ? 1 : 2, async (i) => {
		const by = this.getNodeParameter('timeField', i) as 'created' | 'modified';
		const { from, to, limit } = readListRange(this, i);
		const status = (this.getNodeParameter('status', i, '') as string) || undefined;
		const options = this.getNodeParameter('options', i, {}) as { unmaskedReceiver?: boolean; tradeTypes?: string };

		const trades = client.listOrders({ by, from, to, status, types: options.tradeTypes || undefined });
		return await collectOrderItems(trades, limit, (trade) =>
			orderItemJson(normalizeTaobaoTrade(trade, { shopId: client.shopId }), trade, mode, { unmaskedReceiver: options.unmaskedReceiver, channel: 'taobao' }),
		);
	});
}
