import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { TaobaoClient } from '../../../../lib/channels/taobao/client';
import { runItems } from '../../../shared/runItems';
import { fromField, limitField, readListRange, returnAllField, statusField, takeUpTo, toField } from '../../../shared/listFields';
import { refundJson } from './refundJson';

const properties: INodeProperties[] = [
	fromField('Start of the range in which refunds changed.'),
	toField,
	statusField(
		[
			{ name: 'Any Status', value: '' },
			{ name: 'Closed (退款关闭)', value: 'CLOSED' },
			{ name: 'Refunded (退款成功)', value: 'SUCCESS' },
			{ name: 'Refused by Seller (卖家拒绝)', value: 'SELLER_REFUSE_BUYER' },
			{ name: 'Waiting for Buyer Return (待买家退货)', value: 'WAIT_BUYER_RETURN_GOODS' },
			{ name: 'Waiting for Seller Approval (待卖家同意)', value: 'WAIT_SELLER_AGREE' },
			{ name: 'Waiting for Seller To Confirm Goods (待卖家收货)', value: 'WAIT_SELLER_CONFIRM_GOODS' },
		],
		{ name: 'refundStatus' },
	),
	returnAllField,
	limitField,
];

const displayOptions = { show: { resource: ['refund'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: TaobaoClient,
): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const { from, to, limit } = readListRange(this, i);
		const status = (this.getNodeParameter('refundStatus', i, '') as string) || undefined;
		return { main: await takeUpTo(client.listRefunds({ from, to, status }), limit, (refund) => refundJson(refund, client.shopId)) };
	});
}
