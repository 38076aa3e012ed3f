import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import type { DouyinClient, DouyinOrder } from '../../lib/channels/douyin/client';
import { CHANNEL } from '../../lib/channels/douyin/codes';
import { normalizeDouyinOrder } from '../../lib/channels/douyin/normalize';
import { pollChannel, pollTriggerShape, type ChannelPoll } from '../shared/pollTrigger';
import { douyinPollSource } from './pollSource';
import { douyinClient } from './transport';

const douyinPoll: ChannelPoll<DouyinClient, DouyinOrder> = {
	channel: CHANNEL,
	label: 'Douyin',
	// One creation-time window.
	sampleDays: 7,
	client: douyinClient,
	sample: (client, query) => client.listOrders({ ...query, by: 'created' }),
	// The list carries whole orders: a poll costs its list pages, and a quiet poll one call.
	source: douyinPollSource,
	normalize: normalizeDouyinOrder,
};

export class DouyinTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Douyin Shop Trigger 抖店',
		name: 'douyinTrigger',
		icon: { light: 'file:../../icons/douyin.svg', dark: 'file:../../icons/douyin.dark.svg' },
		description: 'Starts the workflow when Douyin Shop orders are placed or change (polls order.searchList by update time)',
		subtitle: '={{$parameter["event"]}}',
		defaults: { name: 'Douyin Shop Trigger' },
		credentials: [{ name: 'douyinApi', required: true }],
		...pollTriggerShape({
			label: 'Douyin',
			allDescription: 'Every change: new orders, payments, shipments, cancellations',
		}),
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollChannel(this, douyinPoll);
	}
}
