// The Douyin Shop (抖店) open-platform wire protocol (channels.md §5.1, §5.2, §5.9): the gateway path is the
// method with dots turned into slashes, the system parameters ride in the query, the body is `param_json`
// (keys sorted at every depth, compact, unescaped UTF-8, numbers as written), and the sign is
// HMAC-SHA256(secret, secret + "app_key"… + "v"… + secret) in lower hex (legacy: MD5 of the same text).
// Replies use the {code, msg, sub_code, sub_msg, log_id, data} envelope, code 10000 meaning success.
import { createHash, createHmac } from 'node:crypto';
import type { GatewayError, JsonObject } from '../core/formGateway';
import type { JsonWireRequest } from '../core/jsonGateway';

export const DOUYIN_API_VERSION = '2';
export const DOUYIN_SUCCESS_CODE = 10000;

export const DOUYIN_ENDPOINTS = {
	production: 'https://openapi-fxg.jinritemai.com',
	sandbox: 'https://openapi-sandbox.jinritemai.com',
} as const;
export type DouyinEnvironment = keyof typeof DOUYIN_ENDPOINTS | 'custom';

export type DouyinSignMethod = 'hmac-sha256' | 'md5';

/** Methods called without the shop's access token (they issue it). */
export const APP_LEVEL_METHODS = ['token.create', 'token.refresh'] as const;

/** Headers the official SDKs send; `x-open-no-old-err-code` asks for the current error codes. */
export const DOUYIN_SDK_HEADERS = { 'x-open-no-old-err-code': '1' } as const;

/** order.searchList -> /order/searchList. */
export const douyinPath = (method: string) => '/' + method.split('.').join('/');

/** A value written into param_json exactly as given (a number kept as its source digits). */
export class RawJsonNumber {
	constructor(readonly source: string) {
		if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(source)) throw new TypeError(`${JSON.stringify(source)} is not a JSON number`);
	}
}

/**
 * param_json: keys sorted (by UTF-16 code unit, like the SDKs' map sort for ASCII keys) at every depth,
 * no spaces, non-ASCII and <>& left as they are, undefined members dropped. bigint and RawJsonNumber keep
 * their digits (ids above 2^53 stay exact); other numbers print as JavaScript prints them (1.0 -> 1).
 */
export function douyinParamJson(value: unknown): string {
	return write(value);
}

function write(value: unknown): string {
	if (value === null) return 'null';
	if (value instanceof RawJsonNumber) return value.source;
	switch (typeof value) {
		case 'bigint':
			return value.toString();
		case 'number':
			if (!Number.isFinite(value)) throw new TypeError(`param_json cannot hold ${value}`);
			return JSON.stringify(value);
		case 'string':
		case 'boolean':
			return JSON.stringify(value);
		case 'object': {
			if (Array.isArray(value)) return '[' + value.map((v) => (v === undefined ? 'null' : write(v))).join(',') + ']';
			const entries = Object.entries(value as Record<string, unknown>)
				.filter(([, v]) => v !== undefined && typeof v !== 'function')
				.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
			return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + write(v)).join(',') + '}';
		}
		default:
			throw new TypeError(`param_json cannot hold a ${typeof value}`);
	}
}

export interface DouyinSignInput {
	appKey: string;
	appSecret: string;
	method: string;
	paramJson: string;
	/** Unix seconds, as text or number. */
	timestamp: string | number;
	v?: string;
	signMethod?: DouyinSignMethod;
}

/** secret + "app_key"k + "method"m + "param_json"pj + "timestamp"t + "v"v + secret. */
export function douyinStringToSign(input: DouyinSignInput): string {
	const v = input.v ?? DOUYIN_API_VERSION;
	const pattern = `app_key${input.appKey}method${input.method}param_json${input.paramJson}timestamp${input.timestamp}v${v}`;
	return input.appSecret + pattern + input.appSecret;
}

/** Lower hex HMAC-SHA256 (key = secret) of the sign string, or MD5 of it for the legacy method. */
export function signDouyin(input: DouyinSignInput): string {
	const text = douyinStringToSign(input);
	if ((input.signMethod ?? 'hmac-sha256') === 'md5') return createHash('md5').update(text, 'utf8').digest('hex');
	return createHmac('sha256', Buffer.from(input.appSecret, 'utf8')).update(text, 'utf8').digest('hex');
}

export interface DouyinCredentials {
	appKey: string;
	appSecret: string;
	accessToken: string;
	refreshToken?: string;
	/** The shop id: names the shop in errors and unified order ids. */
	shopId: string;
	/** Gateway base URL; method paths are appended. */
	baseUrl: string;
	signMethod: DouyinSignMethod;
}

/** The DouyinApi credential's fields as n8n hands them over (names shared by credential, node and test). */
export interface DouyinCredentialFields {
	environment?: unknown;
	customUrl?: unknown;
	appKey?: unknown;
	appSecret?: unknown;
	shopId?: unknown;
	accessToken?: unknown;
	refreshToken?: unknown;
	signMethod?: unknown;
}

export function douyinCredentialsFrom(fields: DouyinCredentialFields): DouyinCredentials {
	const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
	const environment = text(fields.environment) || 'production';
	const baseUrl = environment === 'custom' ? text(fields.customUrl) : DOUYIN_ENDPOINTS[environment as keyof typeof DOUYIN_ENDPOINTS];
	if (!baseUrl) throw new Error(`Douyin credential: no gateway URL for environment ${JSON.stringify(environment)}`);
	return {
		appKey: text(fields.appKey),
		appSecret: text(fields.appSecret),
		accessToken: text(fields.accessToken),
		refreshToken: text(fields.refreshToken) || undefined,
		shopId: text(fields.shopId),
		baseUrl: baseUrl.replace(/\/+$/, ''),
		signMethod: text(fields.signMethod) === 'md5' ? 'md5' : 'hmac-sha256',
	};
}

/** The wire request of one call: path from the method, signed system parameters in the query, param_json as body. */
export function douyinRequest(
	method: string,
	params: JsonObject,
	credentials: Pick<DouyinCredentials, 'appKey' | 'appSecret' | 'baseUrl' | 'signMethod'> & { accessToken?: string },
	nowMs: number,
): JsonWireRequest {
	const paramJson = douyinParamJson(params);
	const timestamp = String(Math.floor(nowMs / 1000));
	const signMethod = credentials.signMethod;
	const sign = signDouyin({ appKey: credentials.appKey, appSecret: credentials.appSecret, method, paramJson, timestamp, signMethod });
	const appLevel = (APP_LEVEL_METHODS as readonly string[]).includes(method);
	const qs: Record<string, string> = { app_key: credentials.appKey, method, timestamp, v: DOUYIN_API_VERSION, sign, sign_method: signMethod };
	if (!appLevel && credentials.accessToken) qs.access_token = credentials.accessToken;
	return { url: credentials.baseUrl + douyinPath(method), qs, headers: { ...DOUYIN_SDK_HEADERS }, body: paramJson };
}

/** The error in a reply: any code other than 10000 (a missing code too). */
export function douyinErrorOf(body: JsonObject): GatewayError | undefined {
	const code = body.code;
	if (code !== undefined && Number(code) === DOUYIN_SUCCESS_CODE) return undefined;
	const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
	const subCode = text(body.sub_code);
	const message = [text(body.msg), text(body.sub_msg)].filter(Boolean).join(': ') || undefined;
	const logId = text(body.log_id);
	return {
		code: code === undefined || code === null ? 'no_code' : typeof code === 'number' ? code : String(code),
		subCode,
		message: logId ? `${message ?? ''} (log_id ${logId})`.trim() : message,
	};
}
