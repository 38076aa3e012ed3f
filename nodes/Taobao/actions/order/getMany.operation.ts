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
import { runItems, type ItemResult } from '../../../shared/runItems';
import { toIsoWithOffset } from '../../../shared/time';
import { fromField, limitField, returnAllField, toField, tradeStatusField, tradeTypesOption } from '../fields';

const DAY_MS = 24 * 60 * 60 * 1000;

const properties: INodeProperties[] = [
	{
		displayName: 'Find Orders By',
		name: 'timeField',
		type: 'options',
		options: [
			{ name: 'Creation Time (下单时间)', value: 'created', description: 'Orders placed in the time range' },
			{ name: 'Last Change (修改时间)', value: 'modified', description: 'Orders that changed in the time range: best for keeping a copy in sync' },
		],
		default: 'modified',
	},
	fromField('Start of the time range.'),
	toField,
	tradeStatusField,
	returnAllField,
	limitField,
	orderOutputProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [unmaskedReceiverProperty, tradeTypesOption],
	},
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
		const now = Date.now();
		const timezone = this.getTimezone();
		const by = this.getNodeParameter('timeField', i) as 'created' | 'modified';
		const from = toIsoWithOffset(this.getNodeParameter('from', i, ''), timezone, now - DAY_MS);
		const to = toIsoWithOffset(this.getNodeParameter('to', i, ''), timezone, now);
		const status = (this.getNodeParameter('status', i, '') as string) || undefined;
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i) as number);
		const options = this.getNodeParameter('options', i, {}) as { unmaskedReceiver?: boolean; tradeTypes?: string };

		const result: Required<ItemResult> = { main: [], unnormalized: [] };
		let read = 0;
		for await (const trade of client.listOrders({ by, from, to, status, types: options.tradeTypes || undefined })) {
			if (read >= limit) break;
			read += 1;
			const normalized = normalizeTaobaoTrade(trade, { shopId: client.shopId });
			const json = orderItemJson(normalized, trade, mode, { unmaskedReceiver: options.unmaskedReceiver, channel: 'taobao' });
			if (json.order) result.main.push(json.order);
			if (json.unnormalized) result.unnormalized.push(json.unnormalized);
		}
		return result;
	});
}
