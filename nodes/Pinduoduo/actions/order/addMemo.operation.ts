import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { PinduoduoClient } from '../../../../lib/channels/pinduoduo/client';
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
		description: 'The seller note (商家备注, remark) only the shop sees',
	},
	{
		displayName: 'Add To Existing Memo',
		name: 'append',
		type: 'boolean',
		default: true,
		description: 'Whether to keep the current note and add this text on a new line. Off: the note is replaced.',
	},
	{
		displayName: 'Flag Color (旗帜)',
		name: 'flag',
		type: 'options',
		options: [
			{ name: 'Blue', value: 4 },
			{ name: 'Green', value: 3 },
			{ name: 'No Flag', value: 0 },
			{ name: 'Purple', value: 5 },
			{ name: 'Red', value: 1 },
			{ name: 'Yellow', value: 2 },
		],
		default: 0,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['addMemo'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: PinduoduoClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const text = this.getNodeParameter('memo', i) as string;
		const append = this.getNodeParameter('append', i, true) as boolean;
		const flag = this.getNodeParameter('flag', i, 0) as number;
		// The note call replaces the note, so adding means reading the current one first.
		const current = append ? String((await client.getOrder(orderId)).remark ?? '') : '';
		const memo = current ? `${current}\n${text}` : text;
		await client.updateMemo(orderId, memo, flag > 0 ? flag : undefined);
		return { main: [{ channel: 'pinduoduo', shopId: client.shopId, orderId, sellerMemo: memo, ...(flag > 0 ? { flag } : {}) }] };
	});
}
