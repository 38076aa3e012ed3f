// JD JOS emulator: /jd/routerjson (+ /jd/oauth2/refresh_token).
import type { ProviderFactory } from '../../core/provider';
import { JosGateway } from './gateway';
import { JD, JD_DEFAULTS, JdBackend } from './models';
import { JdOAuth } from './oauth';
import { jdMethods } from './responses';
import { jdRoutes } from './urls';

export const jdProvider: ProviderFactory = {
	name: JD,
	create(world) {
		const backend = new JdBackend(world);
		backend.seed();
		const gateway = new JosGateway(world, jdMethods(backend));
		return {
			name: JD,
			prefix: '/jd',
			routes: jdRoutes(gateway, new JdOAuth(world)),
			describe: (baseUrl) => {
				const d = JD_DEFAULTS;
				return [
					`JD JOS  ${baseUrl}/jd/routerjson  (360buy_param_json, md5 sign; OAuth refresh ${baseUrl}/jd/oauth2/refresh_token)`,
					`  app_key ${d.app.appKey}  secret ${d.app.secret}`,
					...d.shops.map((s) => `  shop ${s.shopId} (${s.name})  access_token ${s.token}  refresh_token ${s.refreshToken}`),
					`  expired access_token ${d.expiredToken} (answers code 19)`,
					`  signing example: app_key ${d.exampleApp.appKey} secret ${d.exampleApp.secret} access_token ${d.exampleToken}`,
				];
			},
		};
	},
};
