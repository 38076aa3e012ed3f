import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { SHOPIFY_API_VERSION } from '../lib/channels/shopify/codes';
import { environmentProperties, trimmedCustomUrl } from './environment';

// Production: https://<shop domain>/admin/api/<version>; custom: the given URL (trailing slash dropped) + the same path.
const root = `($credentials.environment === "custom" ? ${trimmedCustomUrl} : "https://" + $credentials.shopDomain.replace(/^https?:\\/\\//, "").replace(/\\/.*$/, ""))`;

export class ShopifyUnifiedApi implements ICredentialType {
	name = 'shopifyUnifiedApi';

	displayName = 'Shopify (Unified Orders) API';

	icon: Icon = { light: 'file:../icons/shopifyStore.svg', dark: 'file:../icons/shopifyStore.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/ShopifyStore.md#credential';

	properties: INodeProperties[] = [
		...environmentProperties({
			hosted: [
				{ name: 'Production (Your Myshopify.com Shop)', value: 'production' },
			],
			url: {
				kind: 'Base URL',
				name: 'customUrl',
				default: 'http://127.0.0.1:18080/shopify',
				description: `Where /admin/api/${SHOPIFY_API_VERSION}/... is served; the local sandbox serves it at this default`,
			},
		}),
		{
			displayName: 'Shop Domain',
			name: 'shopDomain',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. my-store.myshopify.com',
			description: 'The myshopify.com domain of the shop (not a custom domain). It also names the shop in unified order ids, so keep it stable.',
		},
		{
			displayName: 'Admin API Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'shpat_...',
			description: 'From the custom app (Settings → Apps → Develop apps) with read_orders, write_fulfillments (or write_merchant_managed_fulfillment_orders), read_products and write_inventory scopes',
		},
		{
			displayName: 'API Secret Key',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: "For the trigger: the app's API secret key, which signs webhooks (X-Shopify-Hmac-Sha256)",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-Shopify-Access-Token': '={{$credentials.accessToken}}' } },
	};

	// shop.json checks the domain and the token without touching orders.
	test: ICredentialTestRequest = {
		request: { method: 'GET', url: `={{ ${root} }}/admin/api/${SHOPIFY_API_VERSION}/shop.json`, json: true },
	};
}
