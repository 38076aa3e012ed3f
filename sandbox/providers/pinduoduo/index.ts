// Pinduoduo gateway emulator: /pinduoduo/api/router.
import type { ProviderFactory } from '../../core/provider';
import { PddGateway } from './gateway';
import { PDD_DEFAULTS, PINDUODUO, PddBackend } from './models';
import { pinduoduoApis } from './responses';
import { pinduoduoRoutes } from './urls';

export const pinduoduoProvider: ProviderFactory = {
	name: PINDUODUO,
	create(world) {
		const backend = new PddBackend(world);
		backend.seed();
		const gateway = new PddGateway(world, pinduoduoApis(backend));
		return {
			name: PINDUODUO,
			prefix: '/pinduoduo',
			routes: pinduoduoRoutes(gateway),
			describe: (baseUrl) => {
				const d = PDD_DEFAULTS;
				return [
					`Pinduoduo  ${baseUrl}/pinduoduo/api/router  (form or JSON POST, MD5 sign, data_type JSON)`,
					`  client_id ${d.app.appKey}  secret ${d.app.secret}`,
					...d.shops.map((s) => `  shop ${s.shopId} (${s.name})  access_token ${s.token}`),
					`  expired access_token ${d.expiredToken} (answers 10019)`,
				];
			},
		};
	},
};
