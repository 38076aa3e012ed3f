import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { JdClient } from '../../../../lib/channels/jd/client';
import { normalizeJdOrder } from '../../../../lib/channels/jd/normalize';
import { collectOrderItems, orderItemJson, orderOutputProperty, unmaskedReceiverProperty, type OrderOutputMode } from '../../../shared/orderOutput';
import { runItems } from '../../../shared/runItems';
import { findOrdersByField, fromField, limitField, optionsCollection, readListRange, returnAllField, toField } from '../../../shared/listFields';
import { orderStateField } from '../fields';

const properties: INodeProperties[] = [
	findOrdersByField('Creation Time (下单时间)', 'Last Change (修改时间)'),
	fromField('Start of the time range.'),
	toField,
	orderStateField,
	returnAllField,
	limitField,
	orderOutputProperty,
	optionsCollection([unmaskedReceiverProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: JdClient): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('output', 0) as OrderOutputMode;
	return await runItems(this, items, mode === 'raw' ? 1 : 2, async (i) => {
		const by = this.getNodeParameter('timeField', i) as 'created' | 'modified';
		const { from, to, limit } = readListRange(this, i);
		const status = (this.getNodeParameter('status', i, '') as string) || undefined;
		const options = this.getNodeParameter('options', i, {}) as { unmaskedReceiver?: boolean };

		return await collectOrderItems(client.listOrders({ by, from, to, status }), limit, (info) =>
			orderItemJson(normalizeJdOrder(info, { shopId: client.shopId }), info, mode, { unmaskedReceiver: options.unmaskedReceiver, channel: 'jd' }),
		);
	});
}
