// Admin push-fire: sends a signed, encrypted push to a callback URL, correct or deliberately wrong, so
// receivers can be tested against forged, tampered, stale and foreign-app pushes.
import { postWebhook, type WebhookResult } from '../../core/webhooks';
import type { SandboxWorld } from '../../core/world';
import { encryptForPush, sha1Sorted } from './crypto';
import { WECHAT, WECHAT_DEFAULTS, type WechatBackend } from './models';

export const PUSH_FLAWS = ['none', 'signature', 'body', 'stale', 'appid', 'plain'] as const;
export type PushFlaw = (typeof PUSH_FLAWS)[number];

export interface PushRequest {
	url: string;
	event?: string;
	orderId?: string;
	/** A whole message to send instead of the generated one. */
	message?: Record<string, unknown>;
	flaw?: PushFlaw;
	format?: 'json' | 'xml';
}

/** The message WeChat pushes for an order event; the order id goes out as a bare number, as WeChat sends it. */
export function orderEventMessage(world: SandboxWorld, event: string, orderId: string): string {
	const created = Math.floor(world.clock.now() / 1000);
	return `{"ToUserName":"gh_sandbox","FromUserName":"${WECHAT_DEFAULTS.app.appKey}","CreateTime":${created},"MsgType":"event","Event":"${event}","order_info":{"order_id":${orderId},"pay_time":${created}}}`;
}

export async function firePush(world: SandboxWorld, backend: WechatBackend, request: PushRequest): Promise<WebhookResult & { sent: Record<string, string> }> {
	const d = WECHAT_DEFAULTS;
	const flaw = request.flaw ?? 'none';
	const orderId = request.orderId ?? backend.orderKeys({ by: 'create', start: 0, end: Number.MAX_SAFE_INTEGER }).at(-1)?.id ?? '0';
	const message = request.message ? JSON.stringify(request.message) : orderEventMessage(world, request.event ?? 'channels_ec_order_pay', orderId);
	// Pushes carry the real time: receivers check it against their own clock.
	const now = Math.floor(Date.now() / 1000);
	const timestamp = String(flaw === 'stale' ? now - 3600 : now);
	const nonce = `n${world.recorder.list({ provider: WECHAT, kind: 'push' }).length}`;
	const appId = flaw === 'appid' ? 'wx0000000000000000' : d.app.appKey;
	const encrypt = encryptForPush(message, d.push.encodingAesKey, appId);
	const signedEncrypt = flaw === 'body' ? encryptForPush(message.replace(/"Event":"[^"]*"/, '"Event":"channels_ec_order_cancel"'), d.push.encodingAesKey, appId) : encrypt;
	const query: Record<string, string> = { timestamp, nonce, signature: sha1Sorted(d.push.token, timestamp, nonce) };
	let body: string;
	if (flaw === 'plain') {
		body = message;
	} else {
		query.encrypt_type = 'aes';
		query.msg_signature = flaw === 'signature' ? sha1Sorted('wrong-token', timestamp, nonce, encrypt) : sha1Sorted(d.push.token, timestamp, nonce, signedEncrypt);
		// 'body' flaw: the signature covers one Encrypt, the body carries another.
		const sent = flaw === 'body' ? encrypt : signedEncrypt;
		body = request.format === 'xml' ? `<xml><ToUserName><![CDATA[gh_sandbox]]></ToUserName><Encrypt><![CDATA[${sent}]]></Encrypt></xml>` : JSON.stringify({ ToUserName: 'gh_sandbox', Encrypt: sent });
	}
	const url = `${request.url}${request.url.includes('?') ? '&' : '?'}${new URLSearchParams(query)}`;
	const contentType = request.format === 'xml' ? 'text/xml' : 'application/json';
	const result = await postWebhook(url, body, { 'content-type': contentType });
	world.recorder.record({ provider: WECHAT, kind: 'push', at: world.clock.now(), shopId: backend.shopId, data: { url: request.url, flaw, status: result.status, answer: result.body } });
	return { ...result, sent: { ...query, body } };
}
