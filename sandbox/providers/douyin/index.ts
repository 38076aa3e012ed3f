// Douyin Shop (抖店) emulator: /douyin/<group>/<name>, e.g. /douyin/order/searchList; push-fire at /_admin/douyin/push.
import { jsonReply } from '../../core/json';
import type { ProviderFactory } from '../../core/provider';
import { DOUYIN, DOUYIN_DEFAULTS, DouyinBackend } from './models';
import { PUSH_FLAWS, firePush, type PushRequest } from './push';
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
			adminRoutes: [
				{
					methods: ['POST'],
					path: '/push',
					parser: 'json',
					handle: async (req) => {
						const body = (req.json ?? {}) as PushRequest;
						if (typeof body.url !== 'string') return jsonReply({ error: 'url is required' }, 400);
						if (body.flaw && !PUSH_FLAWS.includes(body.flaw)) return jsonReply({ error: `flaw must be one of ${PUSH_FLAWS.join(', ')}` }, 400);
						return jsonReply(await firePush(world, backend, body));
					},
				},
			],
			describe: (baseUrl) => {
				const d = DOUYIN_DEFAULTS;
				return [
					`Douyin 抖店  ${baseUrl}/douyin  (method as path, system params in the query, param_json body)`,
					`  App Key ${d.app.appKey}  App Secret ${d.app.secret}  shop ${d.shop.shopId} (${d.shop.name})`,
					`  Access Token ${d.token.accessToken}  Refresh Token ${d.token.refreshToken}`,
					`  fire a push: POST ${baseUrl}/_admin/douyin/push {"url": "...", "tag"?, "orderId"?, "flaw"?: ${PUSH_FLAWS.join('|')}}`,
				];
			},
		};
	},
};
