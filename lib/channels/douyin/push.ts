// Douyin message push (channels.md §5.8): a POST of a JSON array of {tag, msg_id, data (a JSON string)}, with
// headers `app-id` (the app key) and `event-sign` = lower hex MD5(app_key + raw body + app_secret). Tag "0"
// is the platform's URL check and is answered like any message. Verification works on the raw bytes.
import { createHash, timingSafeEqual } from 'node:crypto';
import { parseJsonLossless } from '../../json';
import { CHANNEL } from './codes';

export const DOUYIN_PUSH_SIGN_HEADER = 'event-sign';
export const DOUYIN_PUSH_APP_HEADER = 'app-id';
/** [I] Newer docs may name the digest in this header; only md5 is known (absent = md5). */
export const DOUYIN_PUSH_SIGN_METHOD_HEADER = 'event-sign-method';
export const DOUYIN_PUSH_PING_TAG = '0';
/** The reply Douyin expects within about 5 s. */
export const DOUYIN_PUSH_SUCCESS = { code: 0, msg: 'success' } as const;
/** The failure reply seen in one SDK. */
export const DOUYIN_PUSH_FAILURE = { code: 40041, message: '解析推送数据失败' } as const;

/** Push tags the pack names (channels.md §5.8). */
export const DOUYIN_PUSH_TAGS: Readonly<Record<string, string>> = {
	'0': 'url_check',
	'100': 'order_created',
	'101': 'order_paid',
	'102': 'order_shipped',
	'103': 'order_completed',
	'104': 'logistics_changed',
	'105': 'receiver_changed',
	'106': 'order_cancelled',
	'108': 'order_partially_shipped',
	'109': 'amount_changed',
	'110': 'paid_pending',
	'111': 'receiver_change_requested',
	'113': 'seller_memo',
	'126': 'ship_deadline_changed',
	'200': 'aftersale_requested',
	'201': 'refund_agreed',
	'202': 'return_agreed',
	'203': 'buyer_returned',
	'204': 'refund_refused',
	'205': 'return_refused',
	'206': 'refund_succeeded',
	'207': 'aftersale_closed',
	'208': 'aftersale_modified',
	'400': 'product_changed',
};

export function douyinPushSign(appKey: string, rawBody: string | Buffer, appSecret: string): string {
	return createHash('md5')
		.update(Buffer.concat([Buffer.from(appKey, 'utf8'), Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8'), Buffer.from(appSecret, 'utf8')]))
		.digest('hex');
}

export type PushVerdict = { ok: true } | { ok: false; reason: string };

/** Checks app-id and event-sign (constant time) against the raw body; headers are looked up case-insensitively. */
export function verifyDouyinPush(
	headers: Record<string, string | string[] | undefined>,
	rawBody: string | Buffer,
	app: { appKey: string; appSecret: string },
): PushVerdict {
	const header = (name: string) => {
		const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
		return Array.isArray(found) ? found[0] : found;
	};
	const sign = header(DOUYIN_PUSH_SIGN_HEADER)?.trim().toLowerCase();
	if (!sign) return { ok: false, reason: `no ${DOUYIN_PUSH_SIGN_HEADER} header` };
	const method = header(DOUYIN_PUSH_SIGN_METHOD_HEADER)?.trim().toLowerCase();
	if (method && method !== 'md5') return { ok: false, reason: `unsupported ${DOUYIN_PUSH_SIGN_METHOD_HEADER} ${method}` };
	const appId = header(DOUYIN_PUSH_APP_HEADER)?.trim();
	if (appId && appId !== app.appKey) return { ok: false, reason: `${DOUYIN_PUSH_APP_HEADER} ${appId} is not this app` };
	const expected = Buffer.from(douyinPushSign(app.appKey, rawBody, app.appSecret), 'utf8');
	const given = Buffer.from(sign, 'utf8');
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'event-sign does not match the body' };
	return { ok: true };
}

export interface DouyinPushMessage {
	tag: string;
	/** Our name for the tag, or 'tag_<n>' for one the pack does not name. */
	event: string;
	msgId: string;
	/** `data` parsed losslessly (ids above 2^53 as exact strings). */
	data: Record<string, unknown>;
	/** The order the message is about (p_id), as an exact string. */
	orderId?: string;
	shopId?: string;
}

/** The messages of a verified body: an array (or, tolerated, one object); throws on a body that is not one. */
export function parseDouyinPush(rawBody: string | Buffer): DouyinPushMessage[] {
	const text = Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : rawBody;
	const parsed = parseJsonLossless<unknown>(text, { provider: CHANNEL, method: 'push' });
	const list = Array.isArray(parsed) ? parsed : [parsed];
	return list.map((entry, i) => {
		if (!entry || typeof entry !== 'object') throw new Error(`push message ${i} is not an object`);
		const m = entry as Record<string, unknown>;
		const tag = String(m.tag ?? '');
		const rawData = m.data;
		const data =
			typeof rawData === 'string' && rawData.trim() !== ''
				? parseJsonLossless<Record<string, unknown>>(rawData, { provider: CHANNEL, method: 'push' })
				: rawData && typeof rawData === 'object'
					? (rawData as Record<string, unknown>)
					: {};
		const text = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
		return {
			tag,
			event: DOUYIN_PUSH_TAGS[tag] ?? `tag_${tag}`,
			msgId: String(m.msg_id ?? ''),
			data,
			orderId: text(data.p_id ?? data.order_id),
			shopId: text(data.shop_id),
		};
	});
}
