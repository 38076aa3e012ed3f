import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import type { JsonObject } from '../../lib/channels/core/formGateway';
import type { XhsClient, XhsOrder } from '../../lib/channels/xiaohongshu/client';
import { CHANNEL } from '../../lib/channels/xiaohongshu/codes';
import { normalizeXhsOrder } from '../../lib/channels/xiaohongshu/normalize';
import { pollChannel, pollTriggerShape, type ChannelPoll } from '../shared/pollTrigger';
import { xhsPollSource } from './pollSource';
import { xhsClient } from './transport';

const xhsPoll: ChannelPoll<XhsClient, JsonObject, XhsOrder> = {
	channel: CHANNEL,
	label: 'Xiaohongshu',
	// One creation-time window.
	sampleDays: 1,
	client: xhsClient,
	sample: (client, query) => client.listOrders(query),
	source: xhsPollSource,
	// The list carries summaries; details only for what is emitted, so orders seen again in the overlap cost nothing.
	async complete(client, listed) {
		const orders: XhsOrder[] = [];
		for (const summary of listed) orders.push(await client.getOrder(String(summary.orderId)));
		return orders;
	},
	normalize: normalizeXhsOrder,
};

export class XiaohongshuTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xiaohongshu Trigger 小红书',
		name: 'xiaohongshuTrigger',
		icon: { light: 'file:../../icons/xiaohongshu.svg', dark: 'file:../../icons/xiaohongshu.dark.svg' },
		description: 'Starts the workflow when Xiaohongshu orders are placed or change (polls the order list by update time)',
		subtitle: '={{$parameter["event"]}}',
		defaults: { name: 'Xiaohongshu Trigger' },
		credentials: [{ name: 'xiaohongshuApi', required: true }],
		...pollTriggerShape({
			label: 'Xiaohongshu',
			allDescription: 'Every change: new orders, payments, shipments, cancellations',
		}),
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollChannel(this, xhsPoll);
	}
}
