import type { IAuthenticate, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { JD_ENDPOINTS } from '../lib/channels/jd/sign';
import { signJosRequest } from './josSigning';
import { environmentProperties, gatewayUrlExpression } from './environment';

const josErrorRule = (code: string, message: string) =>
	({ type: 'responseSuccessBody', properties: { key: 'error_response.code', value: code, message } }) as const;

export class JdApi implements ICredentialType {
	name = 'jdApi';

	displayName = 'JD API 京东';

	icon: Icon = { light: 'file:../icons/jd.svg', dark: 'file:../icons/jd.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/Jd.md#credential';

	properties: INodeProperties[] = [
		...environmentProperties({
			hosted: [
				{ name: 'Production (api.jd.com)', value: 'production' },
			],
			description: 'JD has no public test environment; use the local sandbox for trials',
			url: {
				kind: 'Gateway URL',
				name: 'customUrl',
				default: 'http://127.0.0.1:18080/jd/routerjson',
				description: 'The full routerjson address; token renewal is called beside it (…/oauth2/refresh_token). The local sandbox serves both at this default.',
			},
		}),
		{
			displayName: 'App Key',
			name: 'appKey',
			type: 'string',
			required: true,
			default: '',
			description: 'The App Key of your application on the JD open platform (jos.jd.com)',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The access token the shop granted your app. When JD answers code 19, re-authorize the shop and paste the new one.',
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Optional: the refresh token issued with the access token, for renewing it',
		},
		{
			displayName: 'Shop ID (venderId)',
			name: 'shopId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 10139288',
			description: "The shop's venderId (商家ID). It names the shop in messages and is part of every unified order id, so keep it stable.",
		},
	];

	authenticate: IAuthenticate = signJosRequest;

	// One waiting-to-ship order row checks the app key, the signature, the token and the order permission.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: gatewayUrlExpression(JD_ENDPOINTS.production.gateway),
			body: { method: 'jingdong.pop.order.search', order_state: 'WAIT_SELLER_STOCK_OUT', optional_fields: 'orderId', page: '1', page_size: '1' },
		},
		rules: [
			josErrorRule('2', 'JD is limiting calls for this app right now (App Call Limited); try again later'),
			josErrorRule('8', "JD refused the timestamp: this server's clock is more than 6 minutes off"),
			josErrorRule('12', 'JD refused the signature: check the App Secret'),
			josErrorRule('19', 'The access token is invalid or has expired: re-authorize the shop and paste the new one'),
			josErrorRule('21', 'JD does not know this App Key'),
		],
	};
}
