// WeChat shop (微信小店) emulator: /wechat/cgi-bin/... and /wechat/channels/ec/...; push-fire at /_admin/wechat/push.
import { jsonReply } from '../../core/json';
import type { ProviderFactory } from '../../core/provider';
import { WECHAT, WECHAT_DEFAULTS, WechatBackend } from './models';
import { PUSH_FLAWS, firePush, type PushRequest } from './push';
import { wechatRoutes } from './urls';

export const wechatProvider: ProviderFactory = {
	name: WECHAT,
	create(world) {
		const backend = new WechatBackend(world);
		backend.seed();
		return {
			name: WECHAT,
			prefix: '/wechat',
			routes: wechatRoutes(world, backend),
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
				const d = WECHAT_DEFAULTS;
				return [
					`WeChat shop 微信小店  ${baseUrl}/wechat  (token: /cgi-bin/token, /cgi-bin/stable_token; APIs: /channels/ec/...)`,
					`  AppID ${d.app.appKey}  AppSecret ${d.app.secret}  shop ${d.shop.shopId} (${d.shop.name})`,
					`  push Token ${d.push.token}  EncodingAESKey ${d.push.encodingAesKey}`,
					`  fire a push: POST ${baseUrl}/_admin/wechat/push {"url": "...", "event"?, "orderId"?, "flaw"?: ${PUSH_FLAWS.join('|')}}`,
				];
			},
		};
	},
};
