import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { DouyinClient } from '../../../../lib/channels/douyin/client';
import { normalizeDouyinOrder } from '../../../../lib/channels/douyin/normalize';
import { findOrdersByField, fromField, limitField, optionsCollection, readListRange, returnAllField, toField } from '../../../shared/listFields';
import { orderItemJson, orderOutputProperty, unmaskedReceiverProperty, type OrderOutputMode } from '../../../shared/orderOutput';
import { runItems, type ItemResult } from '../../../shared/runItems';
import { orderStatusesField } from '../fields';

const properties: INodeProperties[] = [
	findOrdersByField('Creation Time (下单时间)', 'Last Change (更新时间)'),
	fromField('Start of the time range.'),
	toField,
	orderStatusesField,
	returnAllField,
	limitField,
	orderOutputProperty,
	optionsCollection([unmaskedReceiverProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: DouyinClient): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('output', 0) as OrderOutputMode;
	return await runItems(this, items, mode === 'raw' ? 1 : 2, async (i) => {
		const by = this.getNodeParameter('timeField', i) as 'created' | 'modified';
		const { from, to, limit } = readListRange(this, i);
		const statuses = (this.getNodeParameter('statuses', i, []) as Array<number | string>).map(Number).filter((n) => n > 0);
		const options = this.getNodeParameter('options', i, {}) as { unmaskedReceiver?: boolean };
		const result: Required<ItemResult> = { main: [], unnormalized: [] };
		let read = 0;
		// A small limit asks for small pages, so no more is read than wanted.
		const pageSize = Number.isFinite(limit) ? Math.min(100, Math.max(1, limit)) : undefined;
		for await (const order of client.listOrders({ by, from, to, statuses, pageSize })) {
			read += 1;
			const json = orderItemJson(normalizeDouyinOrder(order, { shopId: client.shopId }), order, mode, { unmaskedReceiver: options.unmaskedReceiver, channel: 'douyin' });
			if (json.order) result.main.push(json.order);
			if (json.unnormalized) result.unnormalized.push(json.unnormalized);
			if (read >= limit) break;
		}
		return result;
	});
}
