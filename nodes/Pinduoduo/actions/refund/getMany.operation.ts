import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { PinduoduoClient } from '../../../../lib/channels/pinduoduo/client';
import { fromField, limitField, readListRange, returnAllField, statusField, toField } from '../../../shared/listFields';
import { runItems } from '../../../shared/runItems';
import { refundJson } from './refundJson';

const properties: INodeProperties[] = [
	fromField('Start of the time range the after-sales changed in.'),
	toField,
	statusField(
		[
			{ name: 'Any Status', value: '' },
			{ name: 'Refund Requested, Waiting for Seller (买家申请退款，待商家处理)', value: '2' },
			{ name: 'Refund Rejected (驳回退款)', value: '6' },
			{ name: 'Refund Succeeded (退款成功)', value: '10' },
			{ name: 'Refunding (商家同意退款，退款中)', value: '4' },
			{ name: 'Return Requested, Waiting for Seller (退货退款，待商家处理)', value: '3' },
			{ name: 'Withdrawn by Buyer (买家撤销)', value: '11' },
		],
		{ name: 'refundStatus' },
	),
	returnAllField,
	limitField,
];

export const description = updateDisplayOptions({ show: { resource: ['refund'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: PinduoduoClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const { from, to, limit } = readListRange(this, i);
		const statusText = this.getNodeParameter('refundStatus', i, '') as string;
		const main = [];
		for await (const refund of client.listRefunds({ from, to, status: statusText ? Number(statusText) : undefined })) {
			if (main.length >= limit) break;
			main.push(refundJson(refund, client.shopId));
		}
		return { main };
	});
}
