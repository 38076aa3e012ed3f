// SF Express emulator: /sf/std/service, /sf/oauth2/accessToken; route pushes via /_admin/sf/push.
import type { ProviderFactory } from '../../core/provider';
import { SF, SF_DEFAULTS, SfBackend } from './models';
import { SfResponses } from './responses';
import { sfAdminRoutes, sfRoutes } from './urls';

export const sfProvider: ProviderFactory = {
	name: SF,
	create(world) {
		const backend = new SfBackend(world);
		backend.seed();
		return {
			name: SF,
			prefix: '/sf',
			routes: sfRoutes(new SfResponses(world, backend)),
			adminRoutes: sfAdminRoutes(backend),
			describe: (baseUrl) => [
				`SF Express  ${baseUrl}/sf  (std/service, oauth2/accessToken; route pushes: POST ${baseUrl}/_admin/sf/push-url, /_admin/sf/push)`,
				`  partnerID ${SF_DEFAULTS.partner.partnerId}  checkWord ${SF_DEFAULTS.partner.checkWord}`,
			],
		};
	},
};
