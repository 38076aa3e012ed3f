import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderListQuery, ShopifyClient } from '../../../../lib/channels/shopify/client';
import { CHANNEL } from '../../../../lib/channels/shopify/codes';
import { normalizeShopifyOrder } from '../../../../lib/channels/shopify/normalize';
import { fromField, limitField, returnAllField, toField } from '../../../shared/listFields';
import { orderItemJson, orderOutputProperty, unmaskedReceiverProperty, type OrderOutputMode } from '../../../shared/orderOutput';
import { runItems, type ItemResult } from '../../../shared/runItems';
import { toIsoWithOffset } from '../../../shared/time';
import { orderStatusField } from '../fields';

const DAY_MS = 24 * 60 * 60 * 1000;

const properties: INodeProperties[] = [
	{
		displayName: 'Find Orders By',
		name: 'timeField',
		type: 'options',
		options: [
			{ name: 'Creation Time', value: 'created', description: 'Orders placed in the time range' },
			{ name: 'Last Change', value: 'modified', description: 'Orders that changed in the time range: best for keeping a copy in sync' },
		],
		default: 'modified',
	},
	fromField('Start of the time range.'),
	toField,
	orderStatusField,
	returnAllField,
	limitField,
	orderOutputProperty,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [unmaskedReceiverProperty] },
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: ShopifyClient): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('output', 0) as OrderOutputMode;
	return await runItems(this, items, mode === 'raw' ? 1 : 2, async (i) => {
		const now = Date.now();
		const timezone = this.getTimezone();
		const by = this.getNodeParameter('timeField', i) as 'created' | 'modified';
		const from = toIsoWithOffset(this.getNodeParameter('from', i, ''), timezone, now - DAY_MS);
		const to = toIsoWithOffset(this.getNodeParameter('to', i, ''), timezone, now);
		const status = this.getNodeParameter('status', i, 'any') as OrderListQuery['status'];
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i) as number);
		const options = this.getNodeParameter('options', i, {}) as { unmaskedReceiver?: boolean };

		const result: Required<ItemResult> = { main: [], unnormalized: [] };
		let read = 0;
		// A small limit asks for a small page, so the call reads no more than wanted.
		for await (const order of client.listOrders({ by, from, to, status, pageSize: Number.isFinite(limit) ? limit : undefined })) {
			read += 1;
			const json = orderItemJson(normalizeShopifyOrder(order, { shopId: client.shopId }), order, mode, {
				unmaskedReceiver: options.unmaskedReceiver,
				channel: CHANNEL,
			});
			if (json.order) result.main.push(json.order);
			if (json.unnormalized) result.unnormalized.push(json.unnormalized);
			if (read >= limit) break;
		}
		return result;
	});
}
