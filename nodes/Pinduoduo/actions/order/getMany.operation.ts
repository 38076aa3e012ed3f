import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { PinduoduoClient } from '../../../../lib/channels/pinduoduo/client';
import { normalizePinduoduoOrder } from '../../../../lib/channels/pinduoduo/normalize';
import { orderItemJson, orderOutputProperty, unmaskedReceiverProperty, type OrderOutputMode } from '../../../shared/orderOutput';
import { findOrdersByField, fromField, limitField, optionsCollection, readListRange, returnAllField, toField } from '../../../shared/listFields';
import { runItems, type ItemResult } from '../../../shared/runItems';
import { orderStatusField } from '../fields';

const properties: INodeProperties[] = [
	findOrdersByField('Confirmation Time (成交时间)', 'Last Change (更新时间)', {
		created: 'Orders confirmed (paid and grouped) in the time range, read a day at a time',
		modified: 'Orders that changed in the time range, read 30 minutes at a time: best for keeping a copy in sync',
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

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: PinduoduoClient): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('output', 0) as OrderOutputMode;
	return await runItems(this, items, mode === 'raw' ? 1 : 2, async (i) => {
		const by = this.getNodeParameter('timeField', i) as 'created' | 'modified';
		const { from, to, limit } = readListRange(this, i);
		const statusText = this.getNodeParameter('status', i, '') as string;
		const options = this.getNodeParameter('options', i, {}) as { unmaskedReceiver?: boolean };
		const result: Required<ItemResult> = { main: [], unnormalized: [] };
		let read = 0;
		for await (const info of client.listOrders({ by, from, to, status: statusText ? Number(statusText) : undefined })) {
			if (read >= limit) break;
			read += 1;
			const json = orderItemJson(normalizePinduoduoOrder(info, { shopId: client.shopId }), info, mode, { unmaskedReceiver: options.unmaskedReceiver, channel: 'pinduoduo' });
			if (json.order) result.main.push(json.order);
			if (json.unnormalized) result.unnormalized.push(json.unnormalized);
		}
		return result;
	});
}
