import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { DEFAULT_TOKEN_MODE, WECHAT_ENDPOINTS } from '../lib/channels/wechatShop/sign';
import { environmentProperties, trimmedCustomUrl } from './environment';

// A trailing slash on the custom URL is dropped, as the nodes do, so paths never start with "//".
const baseUrl = `{{ $credentials.environment !== "custom" ? "${WECHAT_ENDPOINTS.production}" : ${trimmedCustomUrl} }}`;

const wechatErrorRule = (code: number, message: string) =>
	({ type: 'responseSuccessBody', properties: { key: 'errcode', value: code, message } }) as const;

export class WechatShopApi implements ICredentialType {
	name = 'wechatShopApi';

	displayName = 'WeChat Shop API 微信小店';

	icon: Icon = { light: 'file:../icons/wechatShop.svg', dark: 'file:../icons/wechatShop.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/WechatShop.md#credential';

	properties: INodeProperties[] = [
		...environmentProperties({
			hosted: [
				{ name: 'Production (api.weixin.qq.com)', value: 'production' },
			],
			url: {
				kind: 'Base URL',
				name: 'customUrl',
				default: 'http://127.0.0.1:18080/wechat',
				description: 'Where the WeChat API paths (/cgi-bin/..., /channels/ec/...) are served; the local sandbox serves them at this default',
			},
		}),
		{
			displayName: 'AppID',
			name: 'appId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. wx1234567890abcdef',
			description: 'The AppID of the WeChat shop (微信小店后台 → 服务市场/开发 → 开发设置)',
		},
		{
			displayName: 'AppSecret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "The shop's AppSecret. Add this server's IP to the API IP allow-list (IP 白名单) in the same page.",
		},
		{
			displayName: 'Shop ID',
			name: 'shopId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 我的微信小店',
			description: 'Optional label naming the shop in messages and unified order ids; the AppID when empty. Keep it stable.',
		},
		{
			displayName: 'Token Endpoint',
			name: 'grantMode',
			type: 'options',
			options: [
				{ name: 'Stable Token (/cgi-bin/stable_token)', value: 'stable', description: 'Does not invalidate tokens other systems hold for this AppID' },
				{ name: 'Classic Token (/cgi-bin/token)', value: 'classic', description: 'Each fetch invalidates the previous token after 5 minutes' },
			],
			default: DEFAULT_TOKEN_MODE,
		},
		{
			displayName: 'Push Token',
			name: 'pushToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'For the Push Trigger: the Token set for message push (消息推送) in the console',
		},
		{
			displayName: 'EncodingAESKey',
			name: 'pushAesSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'For the Push Trigger in safe mode: the 43-character EncodingAESKey from the console',
		},
	];

	// A stable token fetch checks the AppID, the AppSecret and the IP allow-list, without spending the order quota.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: `=${baseUrl}/cgi-bin/stable_token`,
			body: { grant_type: 'client_credential', appid: '={{ $credentials.appId }}', secret: '={{ $credentials.appSecret }}', force_refresh: false },
			json: true,
		},
		rules: [
			wechatErrorRule(40013, 'WeChat does not know this AppID'),
			wechatErrorRule(40125, 'WeChat refused the AppSecret: copy it again from the console'),
			wechatErrorRule(40164, "This server's IP is not in the API IP allow-list (IP 白名单)"),
			wechatErrorRule(45009, 'The daily token quota is used up; try again tomorrow or reset it in the console'),
			wechatErrorRule(-1, 'WeChat is busy; try again in a minute'),
		],
	};
}
