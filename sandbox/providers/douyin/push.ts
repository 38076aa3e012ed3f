// Admin push-fire: sends a Douyin message push (a JSON array of {tag, msg_id, data}) with app-id and
// event-sign headers to a callback URL, correct or deliberately wrong, so receivers can be tested against
// forged, tampered and foreign-app pushes.
import { createHash } from 'node:crypto';
import { postWebhook, type WebhookResult } from '../../core/webhooks';
import type { SandboxWorld } from '../../core/world';
import { DOUYIN, DOUYIN_DEFAULTS, type DouyinBackend } from './models';
import { orderStatus, s } from './render';

export const PUSH_FLAWS = ['none', 'signature', 'body', 'appid'] as const;
export type PushFlaw = (typeof PUSH_FLAWS)[number];

export interface PushRequest {
	url: string;
	/** Push tag, default 101 (支付确认). */
	tag?: string;
	orderId?: string;
	flaw?: PushFlaw;
}

export const pushSign = (appKey: string, body: string, secret: string) => createHash('md5').update(appKey + body + secret, 'utf8').digest('hex');

/** The push body for an order: ids go out as bare 19-digit numbers inside the data string, as Douyin sends them. */
export function orderPushBody(world: SandboxWorld, backend: DouyinBackend, tag: string, orderId: string, msgId: string): string {
	const snap = backend.order(orderId);
	const status = snap ? orderStatus(snap) : 2;
	const paid = snap ? s(snap.paidAt) : 0;
	const amount = snap ? snap.order.totals.paid : 0;
	const data = `{"p_id":${orderId},"s_ids":[${(snap?.order.lines ?? []).map((l) => l.lineId).join(',')}],"shop_id":${backend.shopId},"order_status":${status},"order_type":0,"pay_type":1,"pay_time":${paid},"pay_amount":${amount},"biz":2}`;
	return JSON.stringify([{ tag, msg_id: msgId, data }]);
}

export async function firePush(world: SandboxWorld, backend: DouyinBackend, request: PushRequest): Promise<WebhookResult & { sent: { headers: Record<string, string>; body: string } }> {
	const d = DOUYIN_DEFAULTS;
	const flaw = request.flaw ?? 'none';
	const orderId = request.orderId ?? backend.orders({ by: 'created', start: 0, end: Number.MAX_SAFE_INTEGER }, () => 0).at(-1)?.order.channelOrderId ?? '0';
	const serial = world.recorder.list({ provider: DOUYIN, kind: 'push' }).length + 1;
	const msgId = `70${String(serial).padStart(17, '0')}`;
	const body = orderPushBody(world, backend, request.tag ?? '101', orderId, msgId);
	// 'body' flaw: the sign covers another order id than the body carries.
	const signedBody = flaw === 'body' ? body.replace(`p_id\\":${orderId}`, 'p_id\\":1') : body;
	const appKey = flaw === 'appid' ? '7000000000000000999' : d.app.appKey;
	const secret = flaw === 'signature' ? 'wrong-secret' : d.app.secret;
	const headers = { 'content-type': 'application/json', 'app-id': appKey, 'event-sign': pushSign(appKey, signedBody, secret) };
	const result = await postWebhook(request.url, body, headers);
	world.recorder.record({ provider: DOUYIN, kind: 'push', at: world.clock.now(), shopId: backend.shopId, data: { url: request.url, flaw, tag: request.tag ?? '101', orderId, status: result.status, answer: result.body } });
	return { ...result, sent: { headers, body } };
}
