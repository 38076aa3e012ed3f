import type { IAuthenticate, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { DOUYIN_ENDPOINTS } from '../lib/channels/douyin/sign';
import { DOUYIN_ERROR_CODE } from '../lib/channels/douyin/codes';
import { signDouyinRequest } from './douyinSigning';
import { environmentProperties, trimmedCustomUrl } from './environment';

const douyinErrorRule = (code: number, message: string) =>
	({ type: 'responseSuccessBody', properties: { key: 'code', value: code, message } }) as const;

export class DouyinApi implements ICredentialType {
	name = 'douyinApi';

	displayName = 'Douyin Shop API 抖店';

	icon: Icon = { light: 'file:../icons/douyin.svg', dark: 'file:../icons/douyin.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/Douyin.md#credential';

	properties: INodeProperties[] = [
		...environmentProperties({
			hosted: [
				{ name: 'Production (openapi-fxg.jinritemai.com)', value: 'production' },
				{ name: 'Douyin Sandbox / Test Shop (openapi-sandbox.jinritemai.com)', value: 'sandbox' },
			],
			url: {
				kind: 'Base URL',
				name: 'customUrl',
				default: 'http://127.0.0.1:18080/douyin',
				description: 'The gateway root the method paths (/order/searchList, …) are added to; the local sandbox serves it at this default',
			},
		}),
		{
			displayName: 'App Key',
			name: 'appKey',
			type: 'string',
			required: true,
			default: '',
			description: 'The App Key of your app on the 抖店 open platform (op.jinritemai.com → 应用管理)',
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
			displayName: 'Shop ID',
			name: 'shopId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 4463798',
			description: 'The shop_id (returned with the token). It names the shop in messages and is part of every unified order id, so keep it stable.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The shop access token from token.create. It expires; see Refresh Token.',
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Optional: issued with the access token, valid 14 days. With it, an expired access token is renewed automatically during a run (paste the new pair from the "Refresh Access Token" operation to keep it).',
		},
		{
			displayName: 'Sign Method',
			name: 'signMethod',
			type: 'options',
			options: [
				{ name: 'HMAC-SHA256 (Recommended)', value: 'hmac-sha256' },
				{ name: 'MD5 (Legacy)', value: 'md5' },
			],
			default: 'hmac-sha256',
		},
	];

	authenticate: IAuthenticate = signDouyinRequest;

	// A one-row order list over the last hour checks the app, the signature, the token and the order permission.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: `={{ ($credentials.environment === "custom" ? ${trimmedCustomUrl} : $credentials.environment === "sandbox" ? "${DOUYIN_ENDPOINTS.sandbox}" : "${DOUYIN_ENDPOINTS.production}") + "/order/searchList" }}`,
			body: { secondsAgo: 3600, page: 0, size: 1, order_by: 'create_time' },
		},
		rules: [
			douyinErrorRule(DOUYIN_ERROR_CODE.throttled, 'Douyin is limiting calls for this app right now; try again later'),
			douyinErrorRule(DOUYIN_ERROR_CODE.signInvalid, 'Douyin refused the signature: check the App Secret and the Sign Method'),
			douyinErrorRule(DOUYIN_ERROR_CODE.appKeyInvalid, 'Douyin does not know this App Key'),
			douyinErrorRule(DOUYIN_ERROR_CODE.timestampInvalid, "Douyin refused the timestamp: this server's clock is off"),
			douyinErrorRule(DOUYIN_ERROR_CODE.accessTokenExpired, 'The access token has expired: refresh it with the Refresh Token or re-authorize the shop'),
			douyinErrorRule(DOUYIN_ERROR_CODE.accessTokenInvalid, 'The access token is not valid for this app: re-authorize the shop and paste the new one'),
			douyinErrorRule(DOUYIN_ERROR_CODE.permissionDenied, 'The app lacks the order permission for this shop: grant it in the 抖店 open platform console'),
		],
	};
}
