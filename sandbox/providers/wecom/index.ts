// WeCom group robot emulator: /wecom/cgi-bin/webhook/send; admin: /_admin/wecom/robots, /_admin/wecom/messages.
import type { ProviderFactory } from '../../core/provider';
import { robotAdminRoutes } from '../../core/robots';
import { WECOM, wecomRobots } from './models';
import { wecomRoutes } from './urls';

export const wecomProvider: ProviderFactory = {
	name: WECOM,
	create(world) {
		const robots = wecomRobots(world);
		return {
			name: WECOM,
			prefix: '/wecom',
			routes: wecomRoutes(world, robots),
			adminRoutes: robotAdminRoutes(robots),
			describe: (baseUrl) => [
				`WeCom group robot  ${baseUrl}/wecom/cgi-bin/webhook/send?key=<key>  (20 messages/min)`,
				...robots.list().map((r) => `  key ${r.token}  (${r.label})`),
			],
		};
	},
};
