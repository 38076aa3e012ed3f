import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { WechatShopClient } from '../../../../lib/channels/wechatShop/client';
import { runItems } from '../../../shared/runItems';
import { appendedMemo, memoFields } from '../../../shared/writeFields';
import { orderIdField } from '../fields';

const properties: INodeProperties[] = [
	orderIdField,
	...memoFields('The merchant notes (商家备注) only the shop sees', 'Whether to keep the current notes and add this text on a new line. Off: the notes are replaced.'),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['addMemo'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: WechatShopClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const text = this.getNodeParameter('memo', i) as string;
		const append = this.getNodeParameter('append', i, true) as boolean;
		// The notes call replaces the notes, so adding means reading the current ones first.
		const ext = append ? ((await client.getOrder(orderId)).order_detail as { ext_info?: { merchant_notes?: unknown } } | undefined)?.ext_info : undefined;
		const current = typeof ext?.merchant_notes === 'string' ? ext.merchant_notes : '';
		const memo = appendedMemo(current, text);
		await client.updateMemo(orderId, memo);
		return { main: [{ channel: 'wechat_shop', shopId: client.shopId, orderId, sellerMemo: memo }] };
	});
}
