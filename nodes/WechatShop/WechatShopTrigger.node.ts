import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import type { WechatOrder, WechatShopClient } from '../../lib/channels/wechatShop/client';
import { normalizeWechatOrder } from '../../lib/channels/wechatShop/normalize';
import { pollChannel, pollTriggerShape, type ChannelPoll } from '../shared/pollTrigger';
import { wechatPollSource } from './pollSource';
import { wechatShopClient } from './transport';

const wechatPoll: ChannelPoll<WechatShopClient, WechatOrder> = {
	channel: 'wechat_shop',
	label: 'WeChat shop',
	// One order-list window.
	sampleDays: 7,
	client: wechatShopClient,
	sample: (client, query) => client.listOrders(query),
	source: wechatPollSource,
	normalize: normalizeWechatOrder,
};

export class WechatShopTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeChat Shop Trigger 微信小店',
		name: 'wechatShopTrigger',
		icon: { light: 'file:../../icons/wechatShop.svg', dark: 'file:../../icons/wechatShop.dark.svg' },
		description: 'Starts the workflow when WeChat shop orders are placed or change (polls the order list)',
		subtitle: '={{$parameter["event"]}}',
		defaults: { name: 'WeChat Shop Trigger' },
		credentials: [{ name: 'wechatShopApi', required: true }],
		...pollTriggerShape({
			label: 'WeChat',
			allDescription: 'Every change: new orders, payments, shipments, cancellations',
		}),
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollChannel(this, wechatPoll);
	}
}
