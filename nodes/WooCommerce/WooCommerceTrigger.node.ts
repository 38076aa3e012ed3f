import { randomBytes } from 'node:crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { CHANNEL, WOO_ORDER_TOPICS } from '../../lib/channels/woocommerce/codes';
import { normalizeWooOrder } from '../../lib/channels/woocommerce/normalize';
import { isWooPing, verifyWooWebhook } from '../../lib/channels/woocommerce/sign';
import { parseJsonLossless } from '../../lib/json';
import { orderItemJson, unmaskedReceiverProperty, type OrderOutputMode } from '../shared/orderOutput';
import { wooClient, wooCredentials } from './transport';
import { deleteTopicWebhooks } from '../shared/topicWebhooks';

/** Static data: the webhook id per subscribed topic, and the secret the trigger created them with. */
type WebhookState = { webhookIds?: Record<string, string>; secret?: string };

export class WooCommerceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WooCommerce Trigger',
		name: 'wooCommerceTrigger',
		icon: { light: 'file:../../icons/woocommerce.svg', dark: 'file:../../icons/woocommerce.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["topics"].join(", ")}}',
		description: 'Starts the workflow on WooCommerce order webhooks (created, updated...), verified with the webhook secret; registers the webhooks itself',
		defaults: { name: 'WooCommerce Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wooCommerceUnifiedApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Topics',
				name: 'topics',
				type: 'multiOptions',
				required: true,
				options: WOO_ORDER_TOPICS.map((topic) => ({ name: topic, value: topic })),
				default: ['order.created', 'order.updated'],
				description: 'Which WooCommerce events start the workflow; one webhook is registered per topic',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{ name: 'Normalized', value: 'normalized', description: 'Unified orders (order.deleted bodies stay raw)' },
					{ name: 'Raw', value: 'raw', description: 'The webhook body, unchanged' },
				],
				default: 'normalized',
			},
			{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [unmaskedReceiverProperty] },
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const topics = this.getNodeParameter('topics', []) as string[];
				const state = this.getWorkflowStaticData('node') as WebhookState;
				const { webhookSecret } = await wooCredentials(this);
				// Without a secret to check signatures with, existing webhooks are of no use: create() replaces them.
				if (!webhookSecret && !state.secret) return false;
				const client = await wooClient(this);
				const ours = (await client.listWebhooks()).filter((w) => w.deliveryUrl === url && topics.includes(w.topic) && w.status === 'active');
				if (new Set(ours.map((w) => w.topic)).size !== topics.length) return false;
				state.webhookIds = Object.fromEntries(ours.map((w) => [w.topic, w.id]));
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const topics = this.getNodeParameter('topics', []) as string[];
				const state = this.getWorkflowStaticData('node') as WebhookState;
				const { webhookSecret } = await wooCredentials(this);
				const secret = webhookSecret ?? state.secret ?? randomBytes(24).toString('base64url');
				const client = await wooClient(this);
				const existing = (await client.listWebhooks()).filter((w) => w.deliveryUrl === url);
				const ids: Record<string, string> = {};
				for (const topic of topics) {
					const found = existing.find((w) => w.topic === topic && w.status === 'active');
					// Reused only when its secret is known to be ours (same static secret or the credential's).
					if (found && (webhookSecret || state.secret)) ids[topic] = found.id;
					else ids[topic] = (await client.createWebhook(topic, url, secret, `n8n Unified Orders: ${topic}`)).id;
				}
				state.webhookIds = ids;
				if (!webhookSecret) state.secret = secret;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as WebhookState;
				const client = await wooClient(this);
				if (!(await deleteTopicWebhooks(this, state.webhookIds, (id) => client.deleteWebhook(id), 'WooCommerce Trigger'))) return false;
				delete state.webhookIds;
				delete state.secret;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		const req = this.getRequestObject();
		const headers = this.getHeaderData() as IDataObject;
		const rawBody = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0);
		const signature = headers['x-wc-webhook-signature'];
		// The creation ping is unsigned; WooCommerce disables a webhook whose ping gets no 2xx.
		if (signature === undefined && (isWooPing(headers['content-type'], rawBody) || isParsedPing(headers['content-type'], this.getBodyData()))) {
			return { webhookResponse: 'ok' };
		}

		const credentials = await wooCredentials(this);
		const state = this.getWorkflowStaticData('node') as WebhookState;
		const secret = credentials.webhookSecret ?? state.secret;
		// The signature covers the exact bytes WooCommerce sent; a re-serialized body would not match.
		if (rawBody.length === 0 || !verifyWooWebhook(rawBody, signature, secret)) {
			this.logger.warn('WooCommerce Trigger: webhook refused (missing or wrong X-WC-Webhook-Signature)');
			res.status(401).send('invalid signature');
			return { noWebhookResponse: true };
		}
		const topic = String(headers['x-wc-webhook-topic'] ?? '');
		const topics = this.getNodeParameter('topics', []) as string[];
		if (!topics.includes(topic)) return { webhookResponse: 'ignored' };

		// Parsed again from the raw bytes so ids beyond 2^53 stay exact.
		const body = parseJsonLossless<IDataObject>(rawBody.toString('utf8'), { provider: CHANNEL, shopId: credentials.siteId, method: topic });
		const mode = this.getNodeParameter('output', 'normalized') as OrderOutputMode;
		const { unmaskedReceiver } = this.getNodeParameter('options', {}) as { unmaskedReceiver?: boolean };
		const meta: IDataObject = {
			topic,
			source: String(headers['x-wc-webhook-source'] ?? ''),
			webhookId: String(headers['x-wc-webhook-id'] ?? ''),
			deliveryId: String(headers['x-wc-webhook-delivery-id'] ?? ''),
		};
		if (mode === 'raw' || topic === 'order.deleted') {
			return { workflowData: [this.helpers.returnJsonArray([{ ...body, _webhook: meta }])] };
		}
		const out = orderItemJson(normalizeWooOrder(body, { shopId: credentials.siteId }), body, 'normalized', { unmaskedReceiver, channel: CHANNEL, extra: { _webhook: meta } });
		return { workflowData: [this.helpers.returnJsonArray([out.order ?? { unnormalized: out.unnormalized ?? null }])] };
	}
}

/** The ping as n8n's form parser hands it over, for servers that keep no raw body of form posts. */
function isParsedPing(contentType: unknown, body: IDataObject): boolean {
	const keys = Object.keys(body ?? {});
	return typeof contentType === 'string' && contentType.includes('x-www-form-urlencoded') && keys.length === 1 && /^\d+$/.test(String(body.webhook_id ?? ''));
}
