// DingTalk custom robot emulator: /dingtalk/robot/send; admin: /_admin/dingtalk/robots, /_admin/dingtalk/messages.
import type { ProviderFactory } from '../../core/provider';
import { robotAdminRoutes } from '../../core/robots';
import { DINGTALK, dingtalkRobots } from './models';
import { dingtalkRoutes } from './urls';

export const dingtalkProvider: ProviderFactory = {
	name: DINGTALK,
	create(world) {
		const robots = dingtalkRobots(world);
		return {
			name: DINGTALK,
			prefix: '/dingtalk',
			routes: dingtalkRoutes(world, robots),
			adminRoutes: robotAdminRoutes(robots),
			describe: (baseUrl) => [
				`DingTalk robot  ${baseUrl}/dingtalk/robot/send?access_token=<token>  (20 messages/min, then a 10-minute ban)`,
				...robots.list().map((r) => `  access_token ${r.token}  (${r.label})${r.secret ? `  secret ${r.secret}` : ''}`),
			],
		};
	},
};
