import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { XhsClient } from '../../../../lib/channels/xiaohongshu/client';
import { fromField, limitField, readListRange, returnAllField, takeUpTo, toField } from '../../../shared/listFields';
import { runItems } from '../../../shared/runItems';
import { refundJson } from './refundJson';

const properties: INodeProperties[] = [
	fromField('Start of the range in which after-sales were applied for. Read 24 hours at a time.'),
	toField,
	returnAllField,
	limitField,
];

export const description = updateDisplayOptions({ show: { resource: ['refund'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: XhsClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const { from, to, limit } = readListRange(this, i);
		return { main: await takeUpTo(client.listRefunds({ from, to }), limit, (afterSale) => refundJson(afterSale, client.shopId)) };
	});
}
