// Douyin Shop (抖店) emulator: /douyin/<group>/<name>, e.g. /douyin/order/searchList.
import type { ProviderFactory } from '../../core/provider';
import { DOUYIN, DOUYIN_DEFAULTS, DouyinBackend } from './models';
import { douyinRoutes } from './urls';

export const douyinProvider: ProviderFactory = {
	name: DOUYIN,
	create(world) {
		const backend = new DouyinBackend(world);
		backend.seed();
		return {
			name: DOUYIN,
			prefix: '/douyin',
			routes: douyinRoutes(world, backend),
			describe: (baseUrl) => {
				const d = DOUYIN_DEFAULTS;
				return [
					`Douyin 抖店  ${baseUrl}/douyin  (method as path, system params in the query, param_json body)`,
					`  App Key ${d.app.appKey}  App Secret ${d.app.secret}  shop ${d.shop.shopId} (${d.shop.name})`,
					`  Access Token ${d.token.accessToken}  Refresh Token ${d.token.refreshToken}`,
				];
			},
		};
	},
};
