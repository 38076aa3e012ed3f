import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { CHANNEL, SHOPIFY_ORDER_TOPICS } from '../../lib/channels/shopify/codes';
import { normalizeShopifyOrder } from '../../lib/channels/shopify/normalize';
import { verifyShopifyWebhook } from '../../lib/channels/shopify/sign';
import { parseJsonLossless } from '../../lib/json';
import { orderItemJson, unmaskedReceiverProperty, type OrderOutputMode } from '../shared/orderOutput';
import { shopifyClient, shopifyCredentials } from './transport';
import { deleteTopicWebhooks } from '../shared/topicWebhooks';

/** Static data: the webhook id Shopify gave each subscribed topic. */
type WebhookState = { webhookIds?: Record<string, string> };

export class ShopifyStoreTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify (Unified Orders) Trigger',
		name: 'shopifyStoreTrigger',
		icon: { light: 'file:../../icons/shopifyStore.svg', dark: 'file:../../icons/shopifyStore.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["topics"].join(", ")}}',
		description: 'Starts the workflow on Shopify order webhooks (created, updated, cancelled, refunded...), verified with the API secret; registers the webhooks itself',
		defaults: { name: 'Shopify (Unified Orders) Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shopifyUnifiedApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Topics',
				name: 'topics',
				type: 'multiOptions',
				required: true,
				options: SHOPIFY_ORDER_TOPICS.map((topic) => ({ name: topic, value: topic })),
				default: ['orders/create', 'orders/updated'],
				description: 'Which Shopify events start the workflow; one webhook is registered per topic',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{ name: 'Normalized', value: 'normalized', description: 'Unified orders (refunds/create bodies stay raw)' },
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
				const client = await shopifyClient(this);
				const ours = (await client.listWebhooks()).filter((w) => w.address === url && topics.includes(w.topic));
				if (ours.length !== topics.length) return false;
				(this.getWorkflowStaticData('node') as WebhookState).webhookIds = Object.fromEntries(ours.map((w) => [w.topic, w.id]));
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const topics = this.getNodeParameter('topics', []) as string[];
				const client = await shopifyClient(this);
				const existing = (await client.listWebhooks()).filter((w) => w.address === url);
				const ids: Record<string, string> = {};
				for (const topic of topics) {
					const found = existing.find((w) => w.topic === topic);
					ids[topic] = found ? found.id : (await client.createWebhook(topic, url)).id;
				}
				(this.getWorkflowStaticData('node') as WebhookState).webhookIds = ids;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as WebhookState;
				const client = await shopifyClient(this);
				if (!(await deleteTopicWebhooks(this, state.webhookIds, (id) => client.deleteWebhook(id), 'Shopify (Unified Orders) Trigger'))) return false;
				delete state.webhookIds;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		const req = this.getRequestObject();
		const headers = this.getHeaderData() as IDataObject;
		const credentials = await shopifyCredentials(this);
		// The signature covers the exact bytes Shopify sent; a re-serialized body would not match.
		const rawBody = Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined;
		if (!rawBody || !verifyShopifyWebhook(rawBody, headers['x-shopify-hmac-sha256'], credentials.apiSecret)) {
			this.logger.warn('Shopify (Unified Orders) Trigger: webhook refused (missing or wrong X-Shopify-Hmac-Sha256)');
			res.status(401).send('invalid signature');
			return { noWebhookResponse: true };
		}
		const topic = String(headers['x-shopify-topic'] ?? '');
		const topics = this.getNodeParameter('topics', []) as string[];
		if (!topics.includes(topic)) return { webhookResponse: 'ignored' };

		// Parsed again from the raw bytes so order, line and customer ids beyond 2^53 stay exact.
		const body = parseJsonLossless<IDataObject>(rawBody.toString('utf8'), { provider: CHANNEL, shopId: credentials.shopDomain, method: topic });
		const mode = this.getNodeParameter('output', 'normalized') as OrderOutputMode;
		const { unmaskedReceiver } = this.getNodeParameter('options', {}) as { unmaskedReceiver?: boolean };
		const meta: IDataObject = { topic, shopDomain: String(headers['x-shopify-shop-domain'] ?? ''), webhookId: String(headers['x-shopify-webhook-id'] ?? '') };
		if (mode === 'raw' || topic.startsWith('refunds/')) {
			return { workflowData: [this.helpers.returnJsonArray([{ ...body, _webhook: meta }])] };
		}
		const out = orderItemJson(normalizeShopifyOrder(body, { shopId: credentials.shopDomain }), body, 'normalized', {
			unmaskedReceiver,
			channel: CHANNEL,
			extra: { _webhook: meta },
		});
		return { workflowData: [this.helpers.returnJsonArray([out.order ?? { unnormalized: out.unnormalized ?? null }])] };
	}
}
