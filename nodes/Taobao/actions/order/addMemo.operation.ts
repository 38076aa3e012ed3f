import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { TaobaoClient } from '../../../../lib/channels/taobao/client';
import { runItems } from '../../../shared/runItems';
import { orderIdField } from '../fields';

const properties: INodeProperties[] = [
	orderIdField,
	{
		displayName: 'Memo',
		name: 'memo',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		description: 'The seller memo (卖家备注) only the shop sees',
	},
	{
		displayName: 'Add To Existing Memo',
		name: 'append',
		type: 'boolean',
		default: true,
		description: 'Whether to keep the current memo and add this text on a new line. Off: the memo is replaced.',
	},
	{
		displayName: 'Flag Color (旗帜)',
		name: 'flag',
		type: 'options',
		options: [
			{ name: 'Blue', value: 4 },
			{ name: 'Green', value: 3 },
			{ name: 'Grey (No Flag)', value: 0 },
			{ name: 'Keep Current Flag', value: -1 },
			{ name: 'Purple', value: 5 },
			{ name: 'Red', value: 1 },
			{ name: 'Yellow', value: 2 },
		],
		default: -1,
	},
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
		const memo = current ? `${current}\n${text}` : text;
		await client.updateMemo(orderId, memo, flag >= 0 ? flag : undefined);
		return { main: [{ channel: 'taobao', shopId: client.shopId, orderId, sellerMemo: memo, ...(flag >= 0 ? { flag } : {}) }] };
	});
}
