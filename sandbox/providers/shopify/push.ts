// Webhook deliveries to the addresses registered through webhooks.json, signed like Shopify
// (X-Shopify-Hmac-Sha256 = base64 HMAC-SHA256 of the raw body with the app's API secret), or deliberately not.
import { createHmac } from 'node:crypto';
import { postWebhook, type WebhookResult } from '../../core/webhooks';
import type { SandboxWorld } from '../../core/world';
import { SHOPIFY_DEFAULTS, SHOPIFY_SHOPS, type ShopifyBackend } from './models';
import { renderOrder } from './render';

export const WEBHOOK_FLAWS = ['wrong_secret', 'tampered_body', 'no_signature'] as const;
export type WebhookFlaw = (typeof WEBHOOK_FLAWS)[number];

export interface FireRequest {
	shop?: string;
	topic: string;
	orderId: string;
	flaw?: WebhookFlaw;
}

export async function fireWebhooks(world: SandboxWorld, backend: ShopifyBackend, request: FireRequest): Promise<{ delivered: WebhookResult[] } | { error: string }> {
	const target = backend.shop(request.shop ?? '') ?? SHOPIFY_SHOPS[0];
	const snap = backend.order(target, request.orderId);
	if (!snap) return { error: `no order ${request.orderId} in ${target.domain}` };
	const body = JSON.stringify(renderOrder(snap));
	const signed = request.flaw === 'tampered_body' ? body.replace('"total_price":"', '"total_price":"1') : body;
	const secret = request.flaw === 'wrong_secret' ? `${target.apiSecret}-wrong` : target.apiSecret;
	const hmac = createHmac('sha256', secret).update(body).digest('base64');
	const hooks = backend.webhooks.filter((w) => w.shop === target.domain && w.topic === request.topic);
	const delivered: WebhookResult[] = [];
	for (const hook of hooks) {
		const headers: Record<string, string> = {
			'content-type': 'application/json',
			'x-shopify-topic': request.topic,
			'x-shopify-shop-domain': target.domain,
			'x-shopify-api-version': SHOPIFY_DEFAULTS.apiVersion,
			'x-shopify-webhook-id': `${hook.id}-${world.clock.now()}`,
		};
		if (request.flaw !== 'no_signature') headers['x-shopify-hmac-sha256'] = hmac;
		delivered.push(await postWebhook(hook.address, signed, headers));
	}
	return { delivered };
}
