import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { XhsClient } from '../../../../lib/channels/xiaohongshu/client';
import { normalizeXhsOrder } from '../../../../lib/channels/xiaohongshu/normalize';
import { findOrdersByField, fromField, limitField, optionsCollection, readListRange, returnAllField, toField } from '../../../shared/listFields';
import { collectOrderItems, orderItemJson, orderOutputProperty, unmaskedReceiverProperty, type OrderOutputMode } from '../../../shared/orderOutput';
import { runItems } from '../../../shared/runItems';
import { orderStatusField } from '../fields';

const properties: INodeProperties[] = [
	findOrdersByField('Creation Time (下单时间)', 'Last Change (更新时间)', {
		created: 'Orders placed in the time range; read 24 hours at a time',
		modified: 'Orders that changed in the time range; read 30 minutes at a time, best for keeping a copy in sync',
	}),
	fromField('Start of the time range.'),
	toField,
	orderStatusField,
	returnAllField,
	limitField,
	orderOutputProperty,
	optionsCollection([unmaskedReceiverProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: XhsClient): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('output', 0) as OrderOutputMode;
	return await runItems(this, items, mode === 'raw' ? 1 : 2, async (i) => {
		const by = this.getNodeParameter('timeField', i) as 'created' | 'modified';
		const { from, to, limit } = readListRange(this, i);
		const statusText = String(this.getNodeParameter('status', i, '') ?? '');
		const status = statusText === '' ? undefined : Number(statusText);
		const options = this.getNodeParameter('options', i, {}) as { unmaskedReceiver?: boolean };

		// Each further order costs a detail call, so stop before reading one that is not wanted.
		return await collectOrderItems(
			client.listOrders({ by, from, to, status }),
			limit,
			(order) => orderItemJson(normalizeXhsOrder(order, { shopId: client.shopId }), order, mode, { unmaskedReceiver: options.unmaskedReceiver, channel: 'xiaohongshu' }),
			{ stopAtLimit: true },
		);
	});
}
