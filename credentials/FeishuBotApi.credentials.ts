import type { IAuthenticate, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { SANDBOX_BASE_URLS } from '../lib/notify';
import { signRobotRequest } from './robotSigning';
import { environmentProperties } from './environment';

export class FeishuBotApi implements ICredentialType {
	name = 'feishuBotApi';

	displayName = 'Feishu / Lark Bot API 飞书机器人';

	icon: Icon = { light: 'file:../icons/feishuBot.svg', dark: 'file:../icons/feishuBot.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/TeamNotify.md#feishu--lark';

	properties: INodeProperties[] = [
		...environmentProperties({
			hosted: [
				{ name: 'Feishu (open.feishu.cn)', value: 'production' },
				{ name: 'Lark (open.larksuite.com)', value: 'lark' },
			],
			url: {
				kind: 'Base URL',
				name: 'customBaseUrl',
				default: SANDBOX_BASE_URLS.feishu,
				description: 'Where the bot API is served; the local sandbox serves it at this default',
			},
		}),
		{
			displayName: 'Webhook Hook ID',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The last part of the bot\'s webhook URL. Pasting the whole webhook URL (https://open.feishu.cn/open-apis/bot/v2/hook/...) works too: the id is taken from it.',
		},
		{
			displayName: 'Signing Secret (签名校验)',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for bots with the signature verification security setting. Leave empty otherwise.',
		},
		{
			displayName: 'Keyword (自定义关键词)',
			name: 'keyword',
			type: 'string',
			default: '',
			placeholder: 'e.g. 订单',
			description:
				'Only for bots with the custom keywords security setting: one or more of its keywords, comma separated. A message that contains none of them gets the first one added at the start.',
		},
	];

	authenticate: IAuthenticate = signRobotRequest('feishu');

	// Signed but without a message type, so nothing reaches the group; an unknown hook or a refused signature fails.
	test: ICredentialTestRequest = {
		request: { method: 'POST', url: '/open-apis/bot/v2/hook/', body: {} },
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 19001,
					message: 'Feishu does not know this hook id: paste the hook id or the whole webhook URL of the bot',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 19021,
					message: "Feishu refused the signature: check the Signing Secret (clear it if the bot does not sign) and this server's clock",
				},
			},
		],
	};
}
