// WeChat shop's wire protocol (channels.md §3.1, §3.6): no request signing, an access token from AppID +
// AppSecret; message push is verified with SHA-1 signatures and decrypted with AES-256-CBC (safe mode).
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { GatewayError, JsonObject } from '../core/formGateway';

export const WECHAT_ENDPOINTS = { production: 'https://api.weixin.qq.com' } as const;
export type WechatEnvironment = keyof typeof WECHAT_ENDPOINTS | 'custom';

/** [I] Which token endpoint to use: stable_token does not invalidate tokens other systems hold. */
export const WECHAT_TOKEN_MODES = ['stable', 'classic'] as const;
export type WechatTokenMode = (typeof WECHAT_TOKEN_MODES)[number];
export const DEFAULT_TOKEN_MODE: WechatTokenMode = 'stable';

export interface WechatShopCredentials {
	appId: string;
	appSecret: string;
	/** Names the shop in errors and unified order ids; the AppID when not given. */
	shopId: string;
	/** Base URL without a trailing slash, e.g. WECHAT_ENDPOINTS.production or the local sandbox's /wechat. */
	baseUrl: string;
	tokenMode: WechatTokenMode;
	/** Message push: the Token and EncodingAESKey set in the console. */
	pushToken?: string;
	encodingAesKey?: string;
}

/** The WechatShopApi credential's fields as n8n hands them over (names shared by credential, node and test). */
export interface WechatShopCredentialFields {
	environment?: unknown;
	customUrl?: unknown;
	appId?: unknown;
	appSecret?: unknown;
	shopId?: unknown;
	grantMode?: unknown;
	pushToken?: unknown;
	pushAesSecret?: unknown;
}

export function wechatShopCredentialsFrom(fields: WechatShopCredentialFields): WechatShopCredentials {
	const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
	const environment = text(fields.environment) || 'production';
	const url = environment === 'custom' ? text(fields.customUrl) : WECHAT_ENDPOINTS[environment as keyof typeof WECHAT_ENDPOINTS];
	if (!url) throw new Error(`WeChat shop credential: no base URL for environment ${JSON.stringify(environment)}`);
	const appId = text(fields.appId);
	const tokenMode = text(fields.grantMode) || DEFAULT_TOKEN_MODE;
	if (!(WECHAT_TOKEN_MODES as readonly string[]).includes(tokenMode)) {
		throw new Error(`WeChat shop credential: unknown token mode ${JSON.stringify(tokenMode)}`);
	}
	return {
		appId,
		appSecret: text(fields.appSecret),
		shopId: text(fields.shopId) || appId,
		baseUrl: url.replace(/\/+$/, ''),
		tokenMode: tokenMode as WechatTokenMode,
		pushToken: text(fields.pushToken) || undefined,
		encodingAesKey: text(fields.pushAesSecret) || undefined,
	};
}

/** `{errcode, errmsg}` with a non-zero errcode is an error; a body without errcode is a result. */
export function wechatErrorOf(body: JsonObject): GatewayError | undefined {
	const code = body.errcode;
	if (code === undefined || code === null || Number(code) === 0) return undefined;
	return { code: Number.isFinite(Number(code)) ? Number(code) : String(code), message: typeof body.errmsg === 'string' ? body.errmsg : undefined };
}

const sha1Hex = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');

/** The GET verification and plain-mode `signature`: sha1 of token, timestamp, nonce sorted and joined. */
export function urlSignature(token: string, timestamp: string, nonce: string): string {
	return sha1Hex([token, timestamp, nonce].sort().join(''));
}

/** Safe mode `msg_signature`: the same over token, timestamp, nonce and the Encrypt text. */
export function msgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
	return sha1Hex([token, timestamp, nonce, encrypt].sort().join(''));
}

/** Constant-time compare of two hex signatures (case-insensitive). */
export function signaturesEqual(expected: string, given: unknown): boolean {
	if (typeof given !== 'string') return false;
	const a = Buffer.from(expected.toLowerCase());
	const b = Buffer.from(given.trim().toLowerCase());
	return a.length === b.length && timingSafeEqual(a, b);
}

export class PushCryptoError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PushCryptoError';
	}
}

const BLOCK = 32;

function aesKeyOf(encodingAesKey: string): Buffer {
	if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey)) {
		throw new PushCryptoError('the EncodingAESKey must be 43 letters and digits, as shown in the WeChat console');
	}
	return Buffer.from(`${encodingAesKey}=`, 'base64');
}

/** Encrypt a push message as WeChat does (random(16) + length(4, big-endian) + message + appid, PKCS#7/32). */
export function encryptPushMessage(message: string, encodingAesKey: string, appId: string, random = randomBytes(16)): string {
	const key = aesKeyOf(encodingAesKey);
	const body = Buffer.from(message, 'utf8');
	const length = Buffer.alloc(4);
	length.writeUInt32BE(body.length);
	const plain = Buffer.concat([Buffer.from(random), length, body, Buffer.from(appId, 'utf8')]);
	const pad = BLOCK - (plain.length % BLOCK);
	const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
	cipher.setAutoPadding(false);
	return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** Decrypt an `Encrypt` value; checks the padding and that the trailing AppID is ours (when given). */
export function decryptPushMessage(encrypt: string, encodingAesKey: string, appId?: string): { message: string; appId: string } {
	const key = aesKeyOf(encodingAesKey);
	const data = Buffer.from(encrypt, 'base64');
	if (data.length === 0 || data.length % 16 !== 0) throw new PushCryptoError('Encrypt is not a whole number of AES blocks');
	const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
	decipher.setAutoPadding(false);
	const plain = Buffer.concat([decipher.update(data), decipher.final()]);
	const pad = plain[plain.length - 1];
	if (pad < 1 || pad > BLOCK || pad > plain.length) throw new PushCryptoError('bad padding after decryption');
	const unpadded = plain.subarray(0, plain.length - pad);
	if (unpadded.length < 20) throw new PushCryptoError('decrypted message is too short');
	const length = unpadded.readUInt32BE(16);
	if (20 + length > unpadded.length) throw new PushCryptoError('decrypted length field is out of range');
	const message = unpadded.subarray(20, 20 + length).toString('utf8');
	const from = unpadded.subarray(20 + length).toString('utf8');
	if (appId !== undefined && from !== appId) throw new PushCryptoError(`message is for AppID ${JSON.stringify(from)}, not ${appId}`);
	return { message, appId: from };
}
