import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { DouyinClient } from '../../../../lib/channels/douyin/client';
import { CHANNEL } from '../../../../lib/channels/douyin/codes';
import { runItems } from '../../../shared/runItems';
import { appendedMemo, memoFields } from '../../../shared/writeFields';
import { orderIdField } from '../fields';

/** Douyin's remark flags (旗帜, `star` 0-5) [I]; -1 keeps the current flag. */
const flagField: INodeProperties = {
	displayName: 'Flag Color (旗帜)',
	name: 'flag',
	type: 'options',
	options: [
		{ name: 'Blue (2)', value: 2 },
		{ name: 'Green (3)', value: 3 },
		{ name: 'Grey (0)', value: 0 },
		{ name: 'Keep Current Flag', value: -1 },
		{ name: 'Orange (4)', value: 4 },
		{ name: 'Purple (1)', value: 1 },
		{ name: 'Red (5)', value: 5 },
	],
	default: -1,
};

const properties: INodeProperties[] = [
	orderIdField,
	...memoFields('The seller remark (商家备注) only the shop sees', 'Whether to keep the current remark and add this text on a new line. Off: the remark is replaced.'),
	flagField,
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['addMemo'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: DouyinClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const text = this.getNodeParameter('memo', i) as string;
		const append = this.getNodeParameter('append', i, true) as boolean;
		const flag = Number(this.getNodeParameter('flag', i, -1));
		// The remark call replaces the remark, so adding means reading the current one first.
		const current = append ? String((await client.getOrder(orderId)).seller_words ?? '') : '';
		const memo = appendedMemo(current, text);
		await client.addMemo({ orderId, memo, star: flag >= 0 ? flag : undefined });
		return { main: [{ channel: CHANNEL, shopId: client.shopId, orderId, sellerMemo: memo, ...(flag >= 0 ? { flag } : {}) }] };
	});
}
