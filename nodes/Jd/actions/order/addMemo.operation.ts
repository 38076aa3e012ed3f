import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { JdClient } from '../../../../lib/channels/jd/client';
import { runItems } from '../../../shared/runItems';
import { appendedMemo, memoFields, memoFlagField } from '../../../shared/writeFields';
import { orderIdField } from '../fields';

const properties: INodeProperties[] = [
	orderIdField,
	...memoFields('The seller memo (商家备注, venderRemark) only the shop sees', 'Whether to keep the current memo and add this text on a new line. Off: the memo is replaced.'),
	memoFlagField,
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['addMemo'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: JdClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = (this.getNodeParameter('orderId', i) as string).trim();
		const text = this.getNodeParameter('memo', i) as string;
		const append = this.getNodeParameter('append', i, true) as boolean;
		const flag = this.getNodeParameter('flag', i, -1) as number;
		// JD's remark call replaces the remark, so adding means reading the current one first.
		const current = append ? String((await client.getOrder(orderId)).venderRemark ?? '') : '';
		const memo = appendedMemo(current, text);
		await client.updateMemo(orderId, memo, flag >= 0 ? flag : undefined);
		return { main: [{ channel: 'jd', shopId: client.shopId, orderId, sellerMemo: memo, ...(flag >= 0 ? { flag } : {}) }] };
	});
}
