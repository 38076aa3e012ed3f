import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { DouyinClient } from '../../../../lib/channels/douyin/client';
import { fromField, limitField, readListRange, returnAllField, toField } from '../../../shared/listFields';
import { runItems } from '../../../shared/runItems';
import { afterSaleJson } from './afterSaleJson';

const properties: INodeProperties[] = [
	{
		displayName: 'Find After-Sales By',
		name: 'timeField',
		type: 'options',
		options: [
			{ name: 'Application Time (申请时间)', value: 'applied' },
			{ name: 'Last Change (更新时间)', value: 'modified' },
		],
		default: 'applied',
	},
	fromField('Start of the time range.'),
	toField,
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		description: 'Only the after-sales of this order. Empty: all.',
	},
	returnAllField,
	limitField,
];

export const description = updateDisplayOptions({ show: { resource: ['afterSale'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: DouyinClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const { from, to, limit } = readListRange(this, i);
		const by = this.getNodeParameter('timeField', i, 'applied') as 'applied' | 'modified';
		const orderId = String(this.getNodeParameter('orderId', i, '') ?? '').trim() || undefined;
		const main = [];
		for await (const afterSale of client.listAfterSales({ from, to, by, orderId })) {
			if (main.length >= limit) break;
			main.push(afterSaleJson(afterSale, client.shopId));
		}
		return { main };
	});
}
