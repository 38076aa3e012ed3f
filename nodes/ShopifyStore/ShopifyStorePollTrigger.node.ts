import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import type { ShopifyClient, ShopifyOrder } from '../../lib/channels/shopify/client';
import { CHANNEL } from '../../lib/channels/shopify/codes';
import { normalizeShopifyOrder } from '../../lib/channels/shopify/normalize';
import { pollChannel, pollTriggerShape, wholeRangeSource, type ChannelPoll } from '../shared/pollTrigger';
import { SHOPIFY_CREDENTIAL, shopifyClient } from './transport';

const shopifyPoll: ChannelPoll<ShopifyClient, ShopifyOrder> = {
	channel: CHANNEL,
	label: 'Shopify',
	sampleDays: 30,
	client: shopifyClient,
	sample: (client, query) => client.listOrders(query),
	source: (client) =>
		wholeRangeSource((from, to) => client.listOrders({ by: 'modified', from, to }), (order) => ({ id: String(order.id), createdMs: epochOf(order.created_at), updatedMs: epochOf(order.updated_at) })),
	normalize: normalizeShopifyOrder,
};

export class ShopifyStorePollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify (Unified Orders) Polling Trigger',
		name: 'shopifyStorePollTrigger',
		icon: { light: 'file:../../icons/shopifyStore.svg', dark: 'file:../../icons/shopifyStore.dark.svg' },
		description: 'Starts the workflow when Shopify orders are placed or change, by polling: a fallback where webhooks cannot reach n8n',
		subtitle: '={{$parameter["event"]}}',
		defaults: { name: 'Shopify Polling Trigger' },
		credentials: [{ name: SHOPIFY_CREDENTIAL, required: true }],
		...pollTriggerShape({ label: 'Shopify', allDescription: 'Every change: new orders, payments, fulfillments, refunds, cancellations' }),
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollChannel(this, shopifyPoll);
	}
}

function epochOf(value: unknown): number | undefined {
	const ms = typeof value === 'string' ? Date.parse(value) : NaN;
	return Number.isFinite(ms) ? ms : undefined;
}
