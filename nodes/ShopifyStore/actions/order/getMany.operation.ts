import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderListQuery, ShopifyClient } from '../../../../lib/channels/shopify/client';
import { CHANNEL } from '../../../../lib/channels/shopify/codes';
import { normalizeShopifyOrder } from '../../../../lib/channels/shopify/normalize';
import { findOrdersByField, fromField, limitField, optionsCollection, readListRange, returnAllField, toField } from '../../../shared/listFields';
import { collectOrderItems, orderItemJson, orderOutputProperty, unmaskedReceiverProperty, type OrderOutputMode } from '../../../shared/orderOutput';
import { runItems } from '../../../shared/runItems';
import { orderStatusField } from '../fields';

const properties: INodeProperties[] = [
	findOrdersByField('Creation Time', 'Last Change'),
	fromField('Start of the time range.'),
	toField,
	orderStatusField,
	returnAllField,
	limitField,
	orderOutputProperty,
	optionsCollection([unmaskedReceiverProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: ShopifyClient): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('output', 0) as OrderOutputMode;
	return await runItems(this, items, mode === 'raw' ? 1 : 2, async (i) => {
		const by = this.getNodeParameter('timeField', i) as 'created' | 'modified';
		const { from, to, limit } = readListRange(this, i);
		const status = this.getNodeParameter('status', i, 'any') as OrderListQuery['status'];
		const options = this.getNodeParameter('options', i, {}) as { unmaskedReceiver?: boolean };

		// A small limit asks for a small page, so the call reads no more than wanted.
		return await collectOrderItems(
			client.listOrders({ by, from, to, status, pageSize: Number.isFinite(limit) ? limit : undefined }),
			limit,
			(order) => orderItemJson(normalizeShopifyOrder(order, { shopId: client.shopId }), order, mode, { unmaskedReceiver: options.unmaskedReceiver, channel: CHANNEL }),
			{ stopAtLimit: true },
		);
	});
}
