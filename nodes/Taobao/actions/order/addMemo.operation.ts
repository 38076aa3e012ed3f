import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { TaobaoClient } from '../../../../lib/channels/taobao/client';
import { runItems } from '../../../shared/runItems';
import { appendedMemo, memoFields, memoFlagField } from '../../../shared/writeFields';
import { orderIdField } from '../fields';

const properties: INodeProperties[] = [
	orderIdField,
	...memoFields('The seller memo (卖家备注) only the shop sees', 'Whether to keep the current memo and add this text on a new line. Off: the memo is replaced.'),
	memoFlagField,
];

const displayOptions = { show: { resource: ['order'], operation: ['addMemo'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: TaobaoClient,
): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = (this.getNodeParameter('orderId', i) as string).trim();
		const text = this.getNodeParameter('memo', i) as string;
		const append = this.getNodeParameter('append', i, true) as boolean;
		const flag = this.getNodeParameter('flag', i, -1) as number;
		// TOP's memo call replaces the memo, so adding means reading the current one first.
		const current = append ? String((await client.getOrder(orderId)).seller_memo ?? '') : '';
		const memo = appendedMemo(current, text);
		await client.updateMemo(orderId, memo, flag >= 0 ? flag : undefined);
		return { main: [{ channel: 'taobao', shopId: client.shopId, orderId, sellerMemo: memo, ...(flag >= 0 ? { flag } : {}) }] };
	});
}
