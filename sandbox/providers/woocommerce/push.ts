// Webhook deliveries to the URLs registered through /webhooks, signed like WooCommerce
// (X-WC-Webhook-Signature = base64 HMAC-SHA256 of the raw body with the webhook's secret), or deliberately
// not; and the unsigned creation ping (form POST webhook_id=N).
import { createHmac } from 'node:crypto';
import { postWebhook, type WebhookResult } from '../../core/webhooks';
import type { SandboxWorld } from '../../core/world';
import { WOO_SITES, WOOCOMMERCE, type WooBackend, type WooWebhookRecord } from './models';
import { renderOrder } from './render';

export const WEBHOOK_FLAWS = ['wrong_secret', 'tampered_body', 'no_signature'] as const;
export type WebhookFlaw = (typeof WEBHOOK_FLAWS)[number];

export interface FireRequest {
	site?: string;
	topic: string;
	orderId: string;
	flaw?: WebhookFlaw;
}

const USER_AGENT = 'WooCommerce/9.4.2 Hookshot (WordPress/6.7.1)';

export async function fireWebhooks(world: SandboxWorld, backend: WooBackend, request: FireRequest): Promise<{ delivered: WebhookResult[] } | { error: string }> {
	const site = backend.site(request.site ?? '') ?? WOO_SITES[0];
	const snap = backend.order(site, request.orderId);
	if (!snap) return { error: `no order ${request.orderId} on ${site.host}` };
	const body = JSON.stringify(renderOrder(snap, backend.trackings.get(snap.order.channelOrderId)));
	const sent = request.flaw === 'tampered_body' ? body.replace('"total":"', '"total":"1') : body;
	const hooks = backend.webhooks.filter((w) => w.site === site.host && w.topic === request.topic && w.status === 'active');
	const delivered: WebhookResult[] = [];
	for (const hook of hooks) {
		const secret = request.flaw === 'wrong_secret' ? `${hook.secret}-wrong` : hook.secret;
		const [resource, event] = hook.topic.split('.');
		const headers: Record<string, string> = {
			'content-type': 'application/json',
			'user-agent': USER_AGENT,
			'x-wc-webhook-source': `https://${site.host}/`,
			'x-wc-webhook-topic': hook.topic,
			'x-wc-webhook-resource': resource,
			'x-wc-webhook-event': event,
			'x-wc-webhook-id': String(hook.id),
			'x-wc-webhook-delivery-id': String(world.recorder.list().length + 1),
		};
		if (request.flaw !== 'no_signature') headers['x-wc-webhook-signature'] = createHmac('sha256', secret).update(body).digest('base64');
		const result = await postWebhook(hook.deliveryUrl, sent, headers);
		world.recorder.record({ provider: WOOCOMMERCE, kind: 'webhook', at: world.clock.now(), shopId: site.host, data: { hookId: hook.id, topic: hook.topic, status: result.status, flaw: request.flaw } });
		delivered.push(result);
	}
	return { delivered };
}

/** The ping WooCommerce sends when a webhook is saved: form-encoded webhook_id=N, no signature headers. */
export async function pingWebhook(world: SandboxWorld, hook: WooWebhookRecord): Promise<WebhookResult> {
	const result = await postWebhook(hook.deliveryUrl, `webhook_id=${hook.id}`, { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': USER_AGENT });
	world.recorder.record({ provider: WOOCOMMERCE, kind: 'ping', at: world.clock.now(), shopId: hook.site, data: { hookId: hook.id, status: result.status } });
	return result;
}
