// Shopify Admin REST emulator: /shopify/admin/api/<version>/...; fire webhooks at /_admin/shopify/webhooks.
import { jsonReply } from '../../core/json';
import type { ProviderFactory } from '../../core/provider';
import { SHOPIFY, SHOPIFY_DEFAULTS, SHOPIFY_SHOPS, ShopifyBackend } from './models';
import { WEBHOOK_FLAWS, fireWebhooks, type FireRequest } from './push';
import { shopifyRoutes } from './urls';

export const shopifyProvider: ProviderFactory = {
	name: SHOPIFY,
	create(world) {
		const backend = new ShopifyBackend(world);
		backend.seed();
		return {
			name: SHOPIFY,
			prefix: '/shopify',
			routes: shopifyRoutes(world, backend),
			adminRoutes: [
				{
					methods: ['POST'],
					path: '/webhooks',
					parser: 'json',
					handle: async (req) => {
						const body = (req.json ?? {}) as FireRequest;
						if (typeof body.topic !== 'string' || typeof body.orderId !== 'string') return jsonReply({ error: 'topic and orderId are required' }, 400);
						if (body.flaw && !WEBHOOK_FLAWS.includes(body.flaw)) return jsonReply({ error: `flaw must be one of ${WEBHOOK_FLAWS.join(', ')}` }, 400);
						const result = await fireWebhooks(world, backend, body);
						return jsonReply(result, 'error' in result ? 404 : 200);
					},
				},
			],
			describe: (baseUrl) => [
				`Shopify  ${baseUrl}/shopify  (Admin REST: /admin/api/${SHOPIFY_DEFAULTS.apiVersion}/...json, header X-Shopify-Access-Token)`,
				...SHOPIFY_SHOPS.map((s) => `  shop ${s.domain} (${s.currency})  token ${s.token}  API secret ${s.apiSecret}  location ${s.locationId}`),
				`  fire webhooks: POST ${baseUrl}/_admin/shopify/webhooks {"topic": "orders/updated", "orderId": "...", "shop"?, "flaw"?: ${WEBHOOK_FLAWS.join('|')}}`,
			],
		};
	},
};
