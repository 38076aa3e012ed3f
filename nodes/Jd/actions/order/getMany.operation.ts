import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { JdClient } from '../../../../lib/channels/jd/client';
import { normalizeJdOrder } from '../../../../lib/channels/jd/normalize';
import { orderItemJson, orderOutputProperty, unmaskedReceiverProperty, type OrderOutputMode } from '../../../shared/orderOutput';
import { runItems, type ItemResult } from '../../../shared/runItems';
import { toIsoWithOffset } from '../../../shared/time';
import { fromField, limitField, orderStateField, returnAllField, toField } from '../fields';

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
	orderStateField,
	returnAllField,
	limitField,
	orderOutputProperty,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [unmaskedReceiverProperty] },
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: JdClient): Promise<INodeExecutionData[][]> {
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
		const options = this.getNodeParameter('options', i, {}) as { unmaskedReceiver?: boolean };

		const result: Required<ItemResult> = { main: [], unnormalized: [] };
		let read = 0;
		for await (const info of client.listOrders({ by, from, to, status })) {
			if (read >= limit) break;
			read += 1;
			const json = orderItemJson(normalizeJdOrder(info, { shopId: client.shopId }), info, mode, { unmaskedReceiver: options.unmaskedReceiver, channel: 'jd' });
			if (json.order) result.main.push(json.order);
			if (json.unnormalized) result.unnormalized.push(json.unnormalized);
		}
		return result;
	});
}
