// Message push (channels.md §3.6) as pure functions: the GET echostr handshake, and a POST verified
// (timestamp window, msg_signature over the Encrypt text, AES decrypt, AppID check) into its event.
import { parseJsonLossless } from '../../json';
import { isObject, nonEmpty } from '../core/payload';
import type { JsonObject } from '../core/formGateway';
import { PushCryptoError, decryptPushMessage, msgSignature, signaturesEqual, urlSignature } from './sign';

/** [I] Default accepted age of a push's timestamp; older pushes are refused as replays. */
export const DEFAULT_PUSH_MAX_AGE_SECONDS = 300;

/** What WeChat expects as the body of a 200 answer to an accepted push. */
export const PUSH_ACK_BODY = 'success';

export interface PushSecrets {
	token: string;
	/** Set for safe mode; when set, unencrypted pushes are refused (their signature does not cover the body). */
	encodingAesKey?: string;
	/** The AppID the decrypted message must end with. */
	appId?: string;
}

export type PushQuery = Record<string, unknown>;

/** The echostr to answer a GET verification with, or undefined when the signature does not match. */
export function verifyHandshake(query: PushQuery, secrets: PushSecrets): string | undefined {
	const timestamp = nonEmpty(query.timestamp);
	const nonce = nonEmpty(query.nonce);
	const echostr = typeof query.echostr === 'string' ? query.echostr : undefined;
	if (!timestamp || !nonce || echostr === undefined) return undefined;
	return signaturesEqual(urlSignature(secrets.token, timestamp, nonce), query.signature) ? echostr : undefined;
}

export interface PushCheck {
	nowMs: number;
	/** Pushes whose timestamp is further than this from now (either way) are refused; 0 turns the check off. */
	maxAgeSeconds?: number;
}

export type PushVerdict =
	| { ok: true; message: JsonObject; encrypted: boolean }
	| { ok: false; reason: string };

export function verifyPush(query: PushQuery, rawBody: string, secrets: PushSecrets, check: PushCheck): PushVerdict {
	const timestamp = nonEmpty(query.timestamp);
	const nonce = nonEmpty(query.nonce);
	if (!timestamp || !/^\d+$/.test(timestamp) || !nonce) return refuse('timestamp or nonce missing from the query');
	const maxAge = check.maxAgeSeconds ?? DEFAULT_PUSH_MAX_AGE_SECONDS;
	if (maxAge > 0 && Math.abs(check.nowMs / 1000 - Number(timestamp)) > maxAge) {
		return refuse(`timestamp ${timestamp} is outside the ${maxAge} s window (stale or replayed push)`);
	}
	let envelope: JsonObject;
	try {
		envelope = parseMessage(rawBody);
	} catch {
		return refuse('the body is neither JSON nor XML');
	}
	const encrypt = nonEmpty(envelope.Encrypt);
	if (query.encrypt_type === 'aes' || encrypt !== undefined) {
		if (!secrets.encodingAesKey) return refuse('an encrypted push arrived but no EncodingAESKey is configured');
		if (!encrypt) return refuse('safe-mode push without an Encrypt field');
		if (!signaturesEqual(msgSignature(secrets.token, timestamp, nonce, encrypt), query.msg_signature)) {
			return refuse('msg_signature does not match');
		}
		try {
			const { message } = decryptPushMessage(encrypt, secrets.encodingAesKey, secrets.appId);
			return { ok: true, message: parseMessage(message), encrypted: true };
		} catch (err) {
			return refuse(err instanceof PushCryptoError ? err.message : 'the decrypted message is not JSON or XML');
		}
	}
	if (secrets.encodingAesKey) return refuse('plain-text push refused: safe mode is configured');
	if (!signaturesEqual(urlSignature(secrets.token, timestamp, nonce), query.signature)) return refuse('signature does not match');
	return { ok: true, message: envelope, encrypted: false };
}

function refuse(reason: string): PushVerdict {
	return { ok: false, reason };
}

/** A push body or decrypted message: JSON (losslessly) or WeChat's flat XML. */
export function parseMessage(text: string): JsonObject {
	const trimmed = text.trim();
	if (trimmed.startsWith('{')) {
		const parsed = parseJsonLossless<unknown>(trimmed, { provider: 'wechat_shop push' });
		if (isObject(parsed)) return parsed;
		throw new Error('not an object');
	}
	if (trimmed.startsWith('<')) return parseXmlElement(trimmed.replace(/^<\?xml[^>]*\?>/, '').trim());
	throw new Error('not JSON or XML');
}

const ELEMENT = /<([A-Za-z_][\w.-]*)>([\s\S]*?)<\/\1>/g;

/** `<xml><A><![CDATA[x]]></A><B><C>1</C></B></xml>` -> { A: 'x', B: { C: '1' } }; repeated tags are kept last. */
function parseXmlElement(xml: string): JsonObject {
	const root = /^<([A-Za-z_][\w.-]*)>([\s\S]*)<\/\1>$/.exec(xml);
	if (!root) throw new Error('not XML');
	return childrenOf(root[2]);
}

function childrenOf(inner: string): JsonObject {
	const out: JsonObject = {};
	for (const [, name, content] of inner.matchAll(ELEMENT)) {
		const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(content.trim());
		if (cdata) out[name] = cdata[1];
		else if (/<[A-Za-z_]/.test(content)) out[name] = childrenOf(content);
		else out[name] = content.trim();
	}
	return out;
}

export interface PushEvent {
	event: string;
	/** The order the event is about, when it names one. */
	orderId?: string;
	afterSaleOrderId?: string;
	createTime?: number;
	message: JsonObject;
}

/** The event name and the ids a push names (order_info.order_id, or the after-sale payload's). */
export function pushEventOf(message: JsonObject): PushEvent {
	const orderInfo = isObject(message.order_info) ? message.order_info : undefined;
	const afterSale = isObject(message.finder_shop_aftersale_status_update) ? message.finder_shop_aftersale_status_update : undefined;
	const createTime = Number(message.CreateTime);
	return {
		event: nonEmpty(message.Event) ?? nonEmpty(message.MsgType) ?? 'unknown',
		orderId: nonEmpty(orderInfo?.order_id) ?? nonEmpty(afterSale?.order_id),
		afterSaleOrderId: nonEmpty(afterSale?.after_sale_order_id),
		createTime: Number.isFinite(createTime) ? createTime : undefined,
		message,
	};
}
