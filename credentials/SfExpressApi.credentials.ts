import type { IAuthenticate, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { CARRIER_SANDBOX_URLS } from './carrierSettings';
import { signSfRequest } from './carrierSigning';
import { environmentProperties } from './environment';

const failWhen = (code: string, message: string) =>
	({ type: 'responseSuccessBody', properties: { key: 'apiResultCode', value: code, message } }) as const;

export class SfExpressApi implements ICredentialType {
	name = 'sfExpressApi';

	displayName = 'SF Express API 顺丰丰桥';

	icon: Icon = { light: 'file:../icons/sfExpress.svg', dark: 'file:../icons/sfExpress.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/SfExpress.md#credential';

	properties: INodeProperties[] = [
		...environmentProperties({
			hosted: [
				{ name: 'Production (bspgw.sf-express.com)', value: 'production' },
				{ name: 'SF Sandbox (sfapi-sbox.sf-express.com)', value: 'sandbox' },
			],
			url: {
				kind: 'Base URL',
				name: 'customBaseUrl',
				default: CARRIER_SANDBOX_URLS.sf,
				description: 'std/service and oauth2/accessToken are added to it; the local sandbox serves them at this default',
			},
		}),
		{
			displayName: 'Partner ID (顾客编码)',
			name: 'partnerId',
			type: 'string',
			required: true,
			default: '',
			description: 'The partnerID / clientCode of your app on the SF open platform (丰桥)',
		},
		{
			displayName: 'Check Word (校验码)',
			name: 'checkWordSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Use the sandbox check word with the SF Sandbox and the production one with Production',
		},
		{
			displayName: 'Authentication',
			name: 'auth',
			type: 'options',
			options: [
				{ name: 'Signature (msgDigest)', value: 'digest' },
				{ name: 'OAuth2 Access Token', value: 'oauth' },
			],
			default: 'digest',
			description: 'Signature signs every call with the check word; OAuth2 fetches a 2-hour access token with it and renews it',
		},
		{
			displayName: 'Route Push Token',
			name: 'pushToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'SF route pushes (JSON) carry no signature. Add ?token=<this value> to the push URL you give SF; the SF Express Trigger rejects pushes without it. Form pushes signed with msgDigest are checked with the check word instead.',
		},
	];

	authenticate: IAuthenticate = signSfRequest;

	// Looks up a made-up order: a bad partner or check word fails at the gateway, "order not found" passes.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '/std/service',
			body: { serviceCode: 'EXP_RECE_SEARCH_ORDER_RESP', msgData: { language: 'zh-CN', orderId: 'CREDENTIAL-TEST' } },
		},
		rules: [
			failWhen('A1001', 'SF says required parameters are missing: check the Partner ID'),
			failWhen('A1003', "SF does not allow this server's IP address for the partner"),
			failWhen('A1004', 'The partner has no permission for the service, or sandbox and production credentials are mixed up'),
			failWhen('A1006', 'SF refused the msgDigest: check the check word (校验码) and the environment'),
		],
	};
}
