import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

// Nothing to authenticate outward: the site signs each push with this shared secret and the trigger checks it.
export class OwnSiteWebhookApi implements ICredentialType {
	name = 'ownSiteWebhookApi';

	displayName = 'Own Site Webhook 自建站';

	icon: Icon = { light: 'file:../icons/ownSite.svg', dark: 'file:../icons/ownSite.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/OwnSiteWebhookTrigger.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The shared secret your site uses to sign each order push (HMAC). Use a long random value, e.g. the output of `openssl rand -hex 32`, and keep it on the server side of your site only.',
		},
	];
}
