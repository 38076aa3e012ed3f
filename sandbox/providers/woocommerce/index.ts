// WooCommerce REST v3 emulator: /woocommerce/wp-json/wc/v3/...; fire webhooks at /_admin/woocommerce/webhooks.
import { jsonReply } from '../../core/json';
import type { ProviderFactory } from '../../core/provider';
import { WOO_DEFAULTS, WOO_SITES, WOOCOMMERCE, WooBackend } from './models';
import { WEBHOOK_FLAWS, fireWebhooks, pingWebhook, type FireRequest } from './push';
import { wooRoutes } from './urls';

export const woocommerceProvider: ProviderFactory = {
	name: WOOCOMMERCE,
	create(world) {
		const backend = new WooBackend(world);
		backend.seed();
		return {
			name: WOOCOMMERCE,
			prefix: '/woocommerce',
			routes: wooRoutes(world, backend),
			adminRoutes: [
				{
					methods: ['POST'],
					path: '/webhooks',
					parser: 'json',
					handle: async (req) => {
						const body = (req.json ?? {}) as FireRequest & { ping?: number };
						if (body.ping !== undefined) {
							const hook = backend.webhooks.find((w) => w.id === Number(body.ping));
							return hook ? jsonReply({ delivered: [await pingWebhook(world, hook)] }) : jsonReply({ error: `no webhook ${body.ping}` }, 404);
						}
						if (typeof body.topic !== 'string' || typeof body.orderId !== 'string') return jsonReply({ error: 'topic and orderId are required (or ping: webhook id)' }, 400);
						if (body.flaw && !WEBHOOK_FLAWS.includes(body.flaw)) return jsonReply({ error: `flaw must be one of ${WEBHOOK_FLAWS.join(', ')}` }, 400);
						const result = await fireWebhooks(world, backend, body);
						return jsonReply(result, 'error' in result ? 404 : 200);
					},
				},
			],
			describe: (baseUrl) => [
				`WooCommerce  ${baseUrl}/woocommerce  (REST v3: ${WOO_DEFAULTS.apiPath}/..., Basic auth or consumer_key/consumer_secret query)`,
				...WOO_SITES.map((s) => `  site ${s.host} (${s.currency})  key ${s.consumerKey}  secret ${s.consumerSecret}`),
				`  fire webhooks: POST ${baseUrl}/_admin/woocommerce/webhooks {"topic": "order.updated", "orderId": "...", "site"?, "flaw"?: ${WEBHOOK_FLAWS.join('|')}} or {"ping": <webhook id>}`,
			],
		};
	},
};
