import type { IAuthenticate, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { PDD_ENDPOINTS } from '../lib/channels/pinduoduo/sign';
import { signPddRequest } from './pddSigning';
import { environmentProperties, gatewayUrlExpression } from './environment';

const pddErrorRule = (code: number, message: string) =>
	({ type: 'responseSuccessBody', properties: { key: 'error_response.error_code', value: code, message } }) as const;

export class PinduoduoApi implements ICredentialType {
	name = 'pinduoduoApi';

	displayName = 'Pinduoduo API 拼多多';

	icon: Icon = { light: 'file:../icons/pinduoduo.svg', dark: 'file:../icons/pinduoduo.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/Pinduoduo.md#credential';

	properties: INodeProperties[] = [
		...environmentProperties({
			hosted: [{ name: 'Production (gw-api.pinduoduo.com)', value: 'production' }],
			description: 'Pinduoduo has no public test environment; use the local sandbox for trials',
			url: {
				kind: 'Gateway URL',
				name: 'customUrl',
				default: 'http://127.0.0.1:18080/pinduoduo/api/router',
				description: 'The full gateway address. The local sandbox serves it at this default.',
			},
		}),
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			description: 'The client_id of your application on the Pinduoduo open platform (open.pinduoduo.com)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
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
			description: 'The access token the shop granted your app. When Pinduoduo answers 10019, refresh it or re-authorize the shop and paste the new one.',
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
			displayName: 'Shop ID (店铺ID)',
			name: 'shopId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 880001',
			description: "The shop's mall id (owner_id of the token). It names the shop in messages and is part of every unified order id, so keep it stable.",
		},
	];

	authenticate: IAuthenticate = signPddRequest;

	// One goods row checks the client id, the signature, the access token and a permission of the shop.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: gatewayUrlExpression(PDD_ENDPOINTS.production),
			body: { type: 'pdd.goods.list.get', page: 1, page_size: 1 },
		},
		rules: [
			pddErrorRule(52101, 'Pinduoduo is limiting calls for this app right now; try again in a minute'),
			pddErrorRule(20004, 'Pinduoduo refused the signature: check the Client Secret'),
			pddErrorRule(20005, "Pinduoduo refused this server's IP address: add it to the app's IP whitelist"),
			pddErrorRule(20031, 'The app lacks the permission package for this API; apply for it on open.pinduoduo.com'),
			pddErrorRule(10019, 'The access token is invalid or has expired: refresh it or re-authorize the shop'),
			pddErrorRule(10001, 'Pinduoduo does not know this Client ID'),
		],
	};
}
