import type { IDataObject, IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { DOUYIN_PUSH_PING_TAG, DOUYIN_PUSH_SUCCESS, DOUYIN_PUSH_TAGS } from '../../lib/channels/douyin/push';
import { pushTagOptions, receiveDouyinPush } from './push';

export class DouyinPushTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Douyin Shop Push Trigger 抖店消息推送',
		name: 'douyinPushTrigger',
		icon: { light: 'file:../../icons/douyin.svg', dark: 'file:../../icons/douyin.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["tags"].length ? $parameter["tags"].join(", ") : "all messages"}}',
		description:
			"Starts the workflow on Douyin Shop message pushes (orders, after-sales, products). Paste this node's URL into the 抖店 open platform console (消息推送); the console holds the registration, so activating only starts listening.",
		defaults: { name: 'Douyin Shop Push Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'douyinApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Set the URL below as the message push URL of your app in the 抖店 open platform console; pushes are checked with the App Key and App Secret of the credential',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Messages',
				name: 'tags',
				type: 'multiOptions',
				options: pushTagOptions(DOUYIN_PUSH_TAGS, DOUYIN_PUSH_PING_TAG),
				default: [],
				description: 'Which messages start the workflow. Empty: every message. Others are still answered with success.',
			},
		],
	};

	// Douyin has no API to register push URLs: the console holds the one URL, so these only record state.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return this.getWorkflowStaticData('node').pushUrl === this.getNodeWebhookUrl('default');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				this.getWorkflowStaticData('node').pushUrl = this.getNodeWebhookUrl('default');
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				delete this.getWorkflowStaticData('node').pushUrl;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		const outcome = await receiveDouyinPush(this);
		if (!outcome.ok) {
			this.logger.warn(`Douyin Shop Push Trigger: push refused (${outcome.reason})`);
			res.status(outcome.status).json(outcome.reply);
			return { noWebhookResponse: true };
		}
		// Douyin expects the success reply within about 5 s: answer before anything else.
		res.status(200).json(DOUYIN_PUSH_SUCCESS);
		const wanted = this.getNodeParameter('tags', []) as string[];
		const items: IDataObject[] = outcome.messages
			.filter((m) => m.tag !== DOUYIN_PUSH_PING_TAG && (wanted.length === 0 || wanted.includes(m.tag)))
			.map((m) => ({ channel: 'douyin', tag: m.tag, event: m.event, msgId: m.msgId, orderId: m.orderId ?? null, shopId: m.shopId ?? null, data: m.data as IDataObject }));
		if (items.length === 0) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(items)] };
	}
}
