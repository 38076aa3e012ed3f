import type { IAuthenticate, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { WOO_API_PATH } from '../lib/channels/woocommerce/codes';
import { authenticateWooRequest } from './wooAuth';

// Production: the site URL (https:// added when missing, trailing slashes dropped); custom: the given URL.
const root =
	'($credentials.environment === "custom" ? $credentials.customUrl.replace(/\\/+$/, "") : (/^https?:\\/\\//i.test($credentials.siteUrl) ? "" : "https://") + $credentials.siteUrl.trim().replace(/\\/+$/, ""))';

export class WooCommerceUnifiedApi implements ICredentialType {
	name = 'wooCommerceUnifiedApi';

	displayName = 'WooCommerce (Unified Orders) API';

	icon: Icon = { light: 'file:../icons/woocommerce.svg', dark: 'file:../icons/woocommerce.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/WooCommerce.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production (Your Site over HTTPS)', value: 'production' },
				{ name: 'Custom Base URL (e.g. the Local Sandbox)', value: 'custom' },
			],
			default: 'production',
		},
		{
			displayName: 'Site URL',
			name: 'siteUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://shop.example.com',
			description: 'The address of your WordPress site. It also names the shop in unified order IDs, so keep it stable.',
		},
		{
			displayName: 'Base URL',
			name: 'customUrl',
			type: 'string',
			default: 'http://127.0.0.1:18080/woocommerce',
			description: `Where ${WOO_API_PATH}/... is served instead of the site; the local sandbox serves it at this default`,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Consumer Key',
			name: 'consumerKey',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'ck_...',
			description: 'From WooCommerce → Settings → Advanced → REST API → Add key, with Read/Write permission',
		},
		{
			displayName: 'Consumer Secret',
			name: 'consumerSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'cs_...',
		},
		{
			displayName: 'Authentication',
			name: 'authMode',
			type: 'options',
			options: [
				{ name: 'HTTP Basic Auth (Recommended)', value: 'basic' },
				{ name: 'Query String', value: 'query', description: 'For servers that drop the Authorization header' },
			],
			default: 'basic',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'For the trigger: the secret that signs webhook deliveries (X-WC-Webhook-Signature). Leave empty and the trigger creates its webhooks with a secret of its own.',
		},
	];

	authenticate: IAuthenticate = authenticateWooRequest;

	// One order row checks the URL, the key pair and the permission to read orders.
	test: ICredentialTestRequest = {
		request: { method: 'GET', url: `={{ ${root} }}${WOO_API_PATH}/orders`, qs: { per_page: 1 }, json: true },
	};
}
