import type { IAuthenticate, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { TAOBAO_ENDPOINTS } from '../lib/channels/taobao/sign';
import { signTopRequest } from './topSigning';
import { environmentProperties, gatewayUrlExpression } from './environment';

const topErrorRule = (code: number, message: string) =>
	({ type: 'responseSuccessBody', properties: { key: 'error_response.code', value: code, message } }) as const;

export class TaobaoApi implements ICredentialType {
	name = 'taobaoApi';

	displayName = 'Taobao / Tmall API 淘宝/天猫';

	icon: Icon = { light: 'file:../icons/taobao.svg', dark: 'file:../icons/taobao.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/Taobao.md#credential';

	properties: INodeProperties[] = [
		...environmentProperties({
			hosted: [
				{ name: 'Production (eco.taobao.com)', value: 'production' },
				{ name: 'Taobao Sandbox (gw.api.tbsandbox.com)', value: 'sandbox' },
			],
			url: {
				kind: 'Gateway URL',
				name: 'customUrl',
				default: 'http://127.0.0.1:18080/taobao/router/rest',
				description: 'The full TOP gateway address, ending in /router/rest; the local sandbox serves it at this default',
			},
		}),
		{
			displayName: 'App Key',
			name: 'appKey',
			type: 'string',
			required: true,
			default: '',
			description: 'The App Key of your application on the Taobao Open Platform (open.taobao.com)',
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
			displayName: 'Session Key (Access Token)',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The access token the shop granted your app (TOP calls it "session"). When it expires, re-authorize the shop and paste the new one.',
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Optional: the refresh token issued with the session key, for renewing it',
		},
		{
			displayName: 'Shop ID',
			name: 'shopId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 我的旗舰店',
			description: 'The seller nick (or your own id for this shop). It names the shop in messages and is part of every unified order id, so keep it stable.',
		},
		{
			displayName: 'Sign Method',
			name: 'signMethod',
			type: 'options',
			options: [
				{ name: 'MD5', value: 'md5' },
				{ name: 'HMAC (HMAC-MD5)', value: 'hmac' },
				{ name: 'HMAC-SHA256', value: 'hmac-sha256' },
			],
			default: 'md5',
			description: 'How requests are signed; every method works with the same App Secret',
		},
	];

	authenticate: IAuthenticate = signTopRequest;

	// One order row (fields=tid) checks the app key, the signature, the session and the order permission.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: gatewayUrlExpression(TAOBAO_ENDPOINTS.production, TAOBAO_ENDPOINTS.sandbox),
			body: { method: 'taobao.trades.sold.get', fields: 'tid', page_no: 1, page_size: 1, use_has_next: true },
		},
		rules: [
			topErrorRule(7, 'Taobao is limiting calls for this app right now; try again in a minute'),
			topErrorRule(11, 'The app lacks the permission package for orders (交易); apply for it on open.taobao.com'),
			topErrorRule(12, 'The shop has not granted this app access to its orders; re-authorize the shop'),
			topErrorRule(25, 'Taobao refused the signature: check the App Secret and the Sign Method'),
			topErrorRule(26, 'No session key: paste the access token the shop granted your app'),
			topErrorRule(27, 'The session key is invalid or has expired: re-authorize the shop and paste the new one'),
			topErrorRule(29, 'Taobao does not know this App Key'),
			topErrorRule(31, "Taobao refused the timestamp: this server's clock is more than 10 minutes off"),
		],
	};
}
