import type { IAuthenticate, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { XHS_ENDPOINTS } from '../lib/channels/xiaohongshu/sign';
import { XHS_ERROR_CODE } from '../lib/channels/xiaohongshu/codes';
import { signXhsRequest } from './xhsSigning';
import { environmentProperties, gatewayUrlExpression } from './environment';

const xhsErrorRule = (code: number, message: string) =>
	({ type: 'responseSuccessBody', properties: { key: 'error_code', value: code, message } }) as const;

export class XiaohongshuApi implements ICredentialType {
	name = 'xiaohongshuApi';

	displayName = 'Xiaohongshu API 小红书';

	icon: Icon = { light: 'file:../icons/xiaohongshu.svg', dark: 'file:../icons/xiaohongshu.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/Xiaohongshu.md#credential';

	properties: INodeProperties[] = [
		...environmentProperties({
			hosted: [
				{ name: 'Production (ark.xiaohongshu.com)', value: 'production' },
			],
			url: {
				kind: 'Gateway URL',
				name: 'customUrl',
				default: 'http://127.0.0.1:18080/xhs/ark/open_api/v3/common_controller',
				description: 'The full common_controller URL; the local sandbox serves it at this default',
			},
		}),
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			required: true,
			default: '',
			description: 'The App ID of your app on the Xiaohongshu open platform (小红书电商开放平台 → 应用管理)',
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
			description: 'The seller access token your app received when the shop authorized it. It expires; see Refresh Token.',
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Optional: issued with the access token. With it, an expired access token is renewed automatically during a run (paste the new pair from the "Refresh Access Token" operation to keep it).',
		},
		{
			displayName: 'Seller ID',
			name: 'sellerId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 5f8a1c2b3d4e5f6a7b8c9d01',
			description: 'The shop\'s sellerId (returned with the token). It names the shop in messages and is part of every unified order id, so keep it stable.',
		},
	];

	authenticate: IAuthenticate = signXhsRequest;

	// A one-row order list over the last hour checks the app, the signature, the token and the order permission.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: gatewayUrlExpression(XHS_ENDPOINTS.production),
			body: { method: 'order.getOrderList', timeType: 1, secondsAgo: 3600, pageNo: 1, pageSize: 1 },
		},
		rules: [
			xhsErrorRule(XHS_ERROR_CODE.throttled, 'Xiaohongshu is limiting calls for this app right now (-9013); try again later'),
			xhsErrorRule(XHS_ERROR_CODE.signInvalid, 'Xiaohongshu refused the signature: check the App Secret'),
			xhsErrorRule(XHS_ERROR_CODE.appIdInvalid, 'Xiaohongshu does not know this App ID'),
			xhsErrorRule(XHS_ERROR_CODE.timestampInvalid, "Xiaohongshu refused the timestamp: this server's clock is off"),
			xhsErrorRule(XHS_ERROR_CODE.accessTokenExpired, 'The access token has expired: refresh it with the Refresh Token or re-authorize the shop'),
			xhsErrorRule(XHS_ERROR_CODE.accessTokenInvalid, 'The access token is not valid for this app: re-authorize the shop and paste the new one'),
		],
	};
}
