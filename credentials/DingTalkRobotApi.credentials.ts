import type { IAuthenticate, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { SANDBOX_BASE_URLS } from '../lib/notify';
import { signRobotRequest } from './robotSigning';
import { environmentProperties } from './environment';

export class DingTalkRobotApi implements ICredentialType {
	name = 'dingTalkRobotApi';

	displayName = 'DingTalk Robot API 钉钉机器人';

	icon: Icon = { light: 'file:../icons/dingTalkRobot.svg', dark: 'file:../icons/dingTalkRobot.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/TeamNotify.md#dingtalk';

	properties: INodeProperties[] = [
		...environmentProperties({
			hosted: [
				{ name: 'Production (oapi.dingtalk.com)', value: 'production' },
			],
			url: {
				kind: 'Base URL',
				name: 'customBaseUrl',
				default: SANDBOX_BASE_URLS.dingtalk,
				description: 'Where the robot API is served; the local sandbox serves it at this default',
			},
		}),
		{
			displayName: 'Access Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The access_token of the robot\'s webhook. Pasting the whole webhook URL (https://oapi.dingtalk.com/robot/send?access_token=...) works too: the token is taken from it.',
		},
		{
			displayName: 'Secret (加签)',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for robots with the 加签 security setting: the secret that starts with SEC. Leave empty for keyword or IP-only robots.',
		},
		{
			displayName: 'Keyword (自定义关键词)',
			name: 'keyword',
			type: 'string',
			default: '',
			placeholder: 'e.g. 订单',
			description:
				'Only for robots with the custom keywords security setting: one or more of its keywords, comma separated. A message that contains none of them gets the first one added at the start, so DingTalk does not drop it.',
		},
	];

	authenticate: IAuthenticate = signRobotRequest('dingtalk');

	// Posts no message type, so nothing reaches the group: only an unknown token (300001) fails the test.
	test: ICredentialTestRequest = {
		request: { method: 'POST', url: '/robot/send', body: {} },
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errcode',
					value: 300001,
					message: 'DingTalk does not know this access token: paste the access_token value or the whole webhook URL of the robot',
				},
			},
		],
	};
}
