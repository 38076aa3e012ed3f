import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { JdClient } from '../../../../lib/channels/jd/client';
import { runItems } from '../../../shared/runItems';
import { fromField, limitField, readListRange, returnAllField, statusField, takeUpTo, toField } from '../../../shared/listFields';
import { refundJson } from './refundJson';

const properties: INodeProperties[] = [
	{
		displayName: 'Find Refunds By',
		name: 'timeField',
		type: 'options',
		options: [
			{ name: 'Application Time (申请时间)', value: 'applied', description: 'Refunds the buyer asked for in the time range' },
			{ name: 'Review Time (审核时间)', value: 'checked', description: 'Refunds reviewed in the time range' },
		],
		default: 'applied',
	},
	fromField('Start of the time range.'),
	toField,
	statusField(
		[
			{ name: 'Any Status', value: '' },
			{ name: 'Approved (审核通过)', value: '1' },
			{ name: 'Cancelled by Buyer (用户撤销)', value: '11' },
			{ name: 'Refunded by JD Finance (京东财务审核通过)', value: '3' },
			{ name: 'Rejected (审核不通过)', value: '2' },
			{ name: 'Waiting for Review (未审核)', value: '0' },
		],
		{ name: 'refundStatus' },
	),
	returnAllField,
	limitField,
];

export const description = updateDisplayOptions({ show: { resource: ['refund'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: JdClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const by = this.getNodeParameter('timeField', i, 'applied') as 'applied' | 'checked';
		const { from, to, limit } = readListRange(this, i);
		const status = (this.getNodeParameter('refundStatus', i, '') as string) || undefined;
		return { main: await takeUpTo(client.listRefunds({ from, to, status, by }), limit, (refund) => refundJson(refund, client.shopId)) };
	});
}
