// Kuaidi100 emulator: /kuaidi100/poll/query.do, /kuaidi100/poll, /kuaidi100/label/order; pushes via admin.
import type { ProviderFactory } from '../../core/provider';
import { KUAIDI100, KUAIDI100_DEFAULTS, Kuaidi100Backend } from './models';
import { Kuaidi100Responses } from './responses';
import { kuaidi100AdminRoutes, kuaidi100Routes } from './urls';

export const kuaidi100Provider: ProviderFactory = {
	name: KUAIDI100,
	create(world) {
		const backend = new Kuaidi100Backend(world);
		backend.seed();
		const responses = new Kuaidi100Responses(world, backend);
		return {
			name: KUAIDI100,
			prefix: '/kuaidi100',
			routes: kuaidi100Routes(responses),
			adminRoutes: kuaidi100AdminRoutes(backend),
			describe: (baseUrl) => {
				const a = KUAIDI100_DEFAULTS.account;
				return [
					`Kuaidi100  ${baseUrl}/kuaidi100  (poll/query.do, poll, label/order; pushes: POST ${baseUrl}/_admin/kuaidi100/push)`,
					`  customer ${a.customer}  key ${a.key}  secret ${a.secret}`,
				];
			},
		};
	},
};
