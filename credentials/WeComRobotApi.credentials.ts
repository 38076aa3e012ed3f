import type { IAuthenticate, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { SANDBOX_BASE_URLS } from '../lib/notify';
import { signRobotRequest } from './robotSigning';
import { environmentProperties } from './environment';

export class WeComRobotApi implements ICredentialType {
	name = 'weComRobotApi';

	displayName = 'WeCom Robot API 企业微信群机器人';

	icon: Icon = { light: 'file:../icons/weComRobot.svg', dark: 'file:../icons/weComRobot.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/TeamNotify.md#wecom';

	properties: INodeProperties[] = [
		...environmentProperties({
			hosted: [
				{ name: 'Production (qyapi.weixin.qq.com)', value: 'production' },
			],
			url: {
				kind: 'Base URL',
				name: 'customBaseUrl',
				default: SANDBOX_BASE_URLS.wecom,
				description: 'Where the robot API is served; the local sandbox serves it at this default',
			},
		}),
		{
			displayName: 'Webhook Key',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The key of the group robot\'s webhook. Pasting the whole webhook URL (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...) works too: the key is taken from it.',
		},
	];

	authenticate: IAuthenticate = signRobotRequest('wecom');

	// Posts no message type, so nothing reaches the group: only an unknown key (93000) fails the test.
	test: ICredentialTestRequest = {
		request: { method: 'POST', url: '/cgi-bin/webhook/send', body: {} },
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errcode',
					value: 93000,
					message: 'WeCom does not know this webhook key: paste the key value or the whole webhook URL of the group robot',
				},
			},
		],
	};
}
