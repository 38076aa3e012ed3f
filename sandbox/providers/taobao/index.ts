// Taobao/Tmall TOP emulator: /taobao/router/rest.
import type { ProviderFactory } from '../../core/provider';
import { TopGateway } from './gateway';
import { TAOBAO, TAOBAO_DEFAULTS, TaobaoBackend } from './models';
import { taobaoMethods } from './responses';
import { taobaoRoutes } from './urls';

export const taobaoProvider: ProviderFactory = {
	name: TAOBAO,
	create(world) {
		const backend = new TaobaoBackend(world);
		backend.seed();
		const gateway = new TopGateway(world, taobaoMethods(backend));
		return {
			name: TAOBAO,
			prefix: '/taobao',
			routes: taobaoRoutes(gateway),
			describe: (baseUrl) => {
				const d = TAOBAO_DEFAULTS;
				return [
					`Taobao/Tmall TOP  ${baseUrl}/taobao/router/rest  (format=json, sign_method md5|hmac|hmac-sha256)`,
					`  app_key ${d.app.appKey}  secret ${d.app.secret}`,
					...d.shops.map((s) => `  shop ${s.shopId} (${s.name})  session ${s.session}`),
					`  expired session ${d.expiredSession} (answers code 27)`,
					`  signing example: app_key ${d.exampleApp.appKey} secret ${d.exampleApp.secret} session ${d.exampleSession}`,
				];
			},
		};
	},
};
