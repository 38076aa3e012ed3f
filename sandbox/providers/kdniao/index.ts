// Kdniao emulator: /kdniao/Ebusiness/EbusinessOrderHandle.aspx, /kdniao/api/dist, /kdniao/api/EOrderService; pushes via admin.
import type { ProviderFactory } from '../../core/provider';
import { KDNIAO, KDNIAO_DEFAULTS, KdniaoBackend } from './models';
import { KdniaoResponses } from './responses';
import { kdniaoAdminRoutes, kdniaoRoutes } from './urls';

export const kdniaoProvider: ProviderFactory = {
	name: KDNIAO,
	create(world) {
		const backend = new KdniaoBackend(world);
		backend.seed();
		return {
			name: KDNIAO,
			prefix: '/kdniao',
			routes: kdniaoRoutes(new KdniaoResponses(world, backend)),
			adminRoutes: kdniaoAdminRoutes(backend),
			describe: (baseUrl) => [
				`Kdniao  ${baseUrl}/kdniao  (query 1002/8001, subscribe 1008/8008, e-waybill 1007/1147; pushes: POST ${baseUrl}/_admin/kdniao/push-url, /_admin/kdniao/push)`,
				`  EBusinessID ${KDNIAO_DEFAULTS.account.eBusinessId}  AppKey ${KDNIAO_DEFAULTS.account.appKey}`,
			],
		};
	},
};
