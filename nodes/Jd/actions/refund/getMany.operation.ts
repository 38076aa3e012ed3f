import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { JdClient } from '../../../../lib/channels/jd/client';
import { runItems } from '../../../shared/runItems';
import { toIsoWithOffset } from '../../../shared/time';
import { fromField, limitField, returnAllField, toField } from '../fields';
import { refundJson } from './refundJson';

const DAY_MS = 24 * 60 * 60 * 1000;

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
	{
		displayName: 'Status',
		name: 'refundStatus',
		type: 'options',
		options: [
			{ name: 'Any Status', value: '' },
			{ name: 'Approved (审核通过)', value: '1' },
			{ name: 'Cancelled by Buyer (用户撤销)', value: '11' },
			{ name: 'Refunded by JD Finance (京东财务审核通过)', value: '3' },
			{ name: 'Rejected (审核不通过)', value: '2' },
			{ name: 'Waiting for Review (未审核)', value: '0' },
		],
		default: '',
	},
	returnAllField,
	limitField,
];

export const description = updateDisplayOptions({ show: { resource: ['refund'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: JdClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const now = Date.now();
		const timezone = this.getTimezone();
		const by = this.getNodeParameter('timeField', i, 'applied') as 'applied' | 'checked';
		const from = toIsoWithOffset(this.getNodeParameter('from', i, ''), timezone, now - DAY_MS);
		const to = toIsoWithOffset(this.getNodeParameter('to', i, ''), timezone, now);
		const status = (this.getNodeParameter('refundStatus', i, '') as string) || undefined;
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i) as number);
		const main = [];
		for await (const refund of client.listRefunds({ from, to, status, by })) {
			if (main.length >= limit) break;
			main.push(refundJson(refund, client.shopId));
		}
		return { main };
	});
}
