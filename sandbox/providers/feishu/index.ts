// Feishu / Lark bot emulator: /feishu/open-apis/bot/v2/hook/<id>; admin: /_admin/feishu/robots, /_admin/feishu/messages.
import type { ProviderFactory } from '../../core/provider';
import { robotAdminRoutes } from '../../core/robots';
import { FEISHU, feishuBots } from './models';
import { feishuRoutes } from './urls';

export const feishuProvider: ProviderFactory = {
	name: FEISHU,
	create(world) {
		const bots = feishuBots(world);
		return {
			name: FEISHU,
			prefix: '/feishu',
			routes: feishuRoutes(world, bots),
			adminRoutes: robotAdminRoutes(bots),
			describe: (baseUrl) => [
				`Feishu / Lark bot  ${baseUrl}/feishu/open-apis/bot/v2/hook/<id>  (5 messages/s and 100/min)`,
				...bots.list().map((b) => `  hook ${b.token}  (${b.label})${b.secret ? `  signing secret ${b.secret}` : ''}`),
			],
		};
	},
};
