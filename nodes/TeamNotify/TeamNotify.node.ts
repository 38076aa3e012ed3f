import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { teamNotifyProperties } from './description';
import { executeTeamNotify } from './execute';

export class TeamNotify implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Team Notify 团队通知',
		name: 'teamNotify',
		icon: { light: 'file:../../icons/teamNotify.svg', dark: 'file:../../icons/teamNotify.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["platform"] + ": " + $parameter["messageType"]}}',
		description: 'Tells a DingTalk, WeCom or Feishu group about orders through its robot, within the robot\'s rate limits',
		defaults: { name: 'Team Notify' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [
			// Literal names (equal to CREDENTIAL_TYPES) so n8n's lint and scanner can check them.
			{ name: 'dingTalkRobotApi', required: true, displayOptions: { show: { platform: ['dingtalk'] } } },
			{ name: 'weComRobotApi', required: true, displayOptions: { show: { platform: ['wecom'] } } },
			{ name: 'feishuBotApi', required: true, displayOptions: { show: { platform: ['feishu'] } } },
		],
		properties: teamNotifyProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return executeTeamNotify.call(this);
	}
}
