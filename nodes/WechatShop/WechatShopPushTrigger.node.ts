import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { PUSH_EVENTS } from '../../lib/channels/wechatShop/codes';
import { normalizeWechatOrder } from '../../lib/channels/wechatShop/normalize';
import { DEFAULT_PUSH_MAX_AGE_SECONDS, PUSH_ACK_BODY, pushEventOf, verifyHandshake, verifyPush, type PushSecrets } from '../../lib/channels/wechatShop/push';
import { orderItemJson } from '../shared/orderOutput';
import { wechatShopClient, wechatShopCredentials } from './transport';

interface PushOptions {
	maxAgeSeconds?: number;
	fetchOrder?: boolean;
	unmaskedReceiver?: boolean;
}

export class WechatShopPushTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeChat Shop Push Trigger 微信小店消息推送',
		name: 'wechatShopPushTrigger',
		icon: { light: 'file:../../icons/wechatShop.svg', dark: 'file:../../icons/wechatShop.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].length ? $parameter["events"].join(", ") : "all events"}}',
		description:
			'Starts the workflow on WeChat shop message pushes (orders, after-sales, stock). Paste this node\'s URL into the WeChat shop console (消息推送); the console holds the registration, so activating only starts listening.',
		defaults: { name: 'WeChat Shop Push Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wechatShopApi', required: true }],
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					'Set the URL below as the message push URL in the WeChat shop console, with the same Token and EncodingAESKey as the credential, in safe mode (安全模式)',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: PUSH_EVENTS.map((event) => ({ name: event, value: event })),
				default: [],
				description: 'Which pushes start the workflow. Empty: every push. Other pushes are still answered "success".',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Fetch and Normalize the Order',
						name: 'fetchOrder',
						type: 'boolean',
						default: false,
						description: 'Whether to read the order a push names (one API call) and add it as a unified order under "order"',
					},
					{
						displayName: 'Max Push Age (Seconds)',
						name: 'maxAgeSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: DEFAULT_PUSH_MAX_AGE_SECONDS,
						description: 'Pushes whose timestamp is further than this from now are refused as replays. 0 turns the check off.',
					},
					{
						displayName: 'Show Full Receiver Details',
						name: 'unmaskedReceiver',
						type: 'boolean',
						default: false,
						description: "Whether a fetched order shows the receiver's phone, name and address as WeChat sent them. Off: masked.",
					},
				],
			},
		],
	};

	// WeChat has no API to register push URLs: the console holds the one URL, so these only record state.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node');
				return state.pushUrl === this.getNodeWebhookUrl('default');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node');
				state.pushUrl = this.getNodeWebhookUrl('default');
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node');
				delete state.pushUrl;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		const query = this.getQueryData() as IDataObject;
		const credentials = await wechatShopCredentials(this);
		if (!credentials.pushToken) {
			res.status(401).send('push token not configured');
			return { noWebhookResponse: true };
		}
		const secrets: PushSecrets = { token: credentials.pushToken, encodingAesKey: credentials.encodingAesKey, appId: credentials.appId || undefined };
		if (this.getWebhookName() === 'setup') {
			const echo = verifyHandshake(query, secrets);
			if (echo === undefined) res.status(401).send('invalid signature');
			else res.status(200).type('text/plain').send(echo);
			return { noWebhookResponse: true };
		}

		const options = this.getNodeParameter('options', {}) as PushOptions;
		const req = this.getRequestObject();
		const rawBody = Buffer.isBuffer(req.rawBody) ? req.rawBody.toString('utf8') : JSON.stringify(this.getBodyData());
		const verdict = verifyPush(query, rawBody, secrets, { nowMs: Date.now(), maxAgeSeconds: options.maxAgeSeconds });
		if (!verdict.ok) {
			this.logger.warn(`WeChat Shop Push Trigger: push refused (${verdict.reason})`);
			res.status(401).send('invalid push');
			return { noWebhookResponse: true };
		}
		// WeChat retries a push until it reads "success"; answer before any slow work.
		res.status(200).type('text/plain').send(PUSH_ACK_BODY);
		const event = pushEventOf(verdict.message);
		const wanted = this.getNodeParameter('events', []) as string[];
		if (wanted.length > 0 && !wanted.includes(event.event)) return { noWebhookResponse: true };

		const json: IDataObject = { event: event.event, orderId: event.orderId ?? null, createTime: event.createTime ?? null, message: event.message };
		if (event.afterSaleOrderId) json.afterSaleOrderId = event.afterSaleOrderId;
		if (options.fetchOrder && event.orderId) Object.assign(json, await fetchedOrder(this, event.orderId, options));
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([json])] };
	}
}

/** The pushed order read and normalized; a failed read is reported on the item so the event is not lost. */
async function fetchedOrder(ctx: IWebhookFunctions, orderId: string, options: PushOptions): Promise<IDataObject> {
	try {
		const client = await wechatShopClient(ctx);
		const order = await client.getOrder(orderId);
		const out = orderItemJson(normalizeWechatOrder(order, { shopId: client.shopId }), order, 'normalized', {
			unmaskedReceiver: options.unmaskedReceiver,
			channel: 'wechat_shop',
		});
		return out.order ? { order: out.order } : { unnormalized: out.unnormalized ?? null };
	} catch (error) {
		return { fetchError: error instanceof Error ? error.message : String(error) };
	}
}
