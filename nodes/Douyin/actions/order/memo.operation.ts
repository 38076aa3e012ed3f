import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { DouyinClient } from '../../../../lib/channels/douyin/client';
import { CHANNEL } from '../../../../lib/channels/douyin/codes';
import { runItems } from '../../../shared/runItems';
import { orderIdField } from '../fields';

const properties: INodeProperties[] = [
	orderIdField,
	{
		displayName: 'Remark (商家备注)',
		name: 'memo',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		description: 'Replaces the seller remark of the order',
	},
	{
		displayName: 'Flag (旗帜)',
		name: 'star',
		type: 'options',
		options: [
			{ name: 'Keep', value: -1 },
			{ name: 'Grey (0)', value: 0 },
			{ name: 'Purple (1)', value: 1 },
			{ name: 'Blue (2)', value: 2 },
			{ name: 'Green (3)', value: 3 },
			{ name: 'Orange (4)', value: 4 },
			{ name: 'Red (5)', value: 5 },
		],
		default: -1,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['memo'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: DouyinClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const memo = String(this.getNodeParameter('memo', i));
		const starValue = Number(this.getNodeParameter('star', i, -1));
		await client.addMemo({ orderId, memo, star: starValue >= 0 ? starValue : undefined });
		return { main: [{ channel: CHANNEL, shopId: client.shopId, orderId, sellerMemo: memo, updated: true }] };
	});
}
