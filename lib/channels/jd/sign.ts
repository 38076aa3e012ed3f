// The JOS routerjson wire protocol (channels.md §2.1, §2.2, §2.9): where the gateway is and which
// credentials a call carries, the shared sorted-parameter MD5 over every sent parameter (`360buy_param_json`
// and `access_token` included; there is no sign_method), and the readers of JD's `_responce` and error envelopes.
import { isoFromMillis, toShanghaiLocal } from '../../model';
import { stringifyWithBigIds } from '../../json';
import type { GatewayError, JsonObject } from '../core/formGateway';
import { compactParams, signSortedParams, type WireParams } from '../core/sortedParams';
import { JD_BUSINESS_SUB_CODE } from './codes';

export const JD_API_VERSION = '2.0';

/**
 * `format=json` is sent and therefore signed (vector jd-jos-md5-format-json-derived). JD's own example
 * leaves it out (jd-jos-md5-official); both sign correctly, the switch only decides what goes on the wire.
 */
export const JD_SEND_FORMAT = true;

/** JD has no public sandbox (channels.md §2.1): production, or a custom URL such as the local emulator. */
export const JD_ENDPOINTS = {
	production: { gateway: 'https://api.jd.com/routerjson', oauth: 'https://open-oauth.jd.com/oauth2' },
} as const;
export type JdEnvironment = keyof typeof JD_ENDPOINTS | 'custom';

export interface JdCredentials {
	appKey: string;
	appSecret: string;
	accessToken: string;
	refreshToken?: string;
	/** The shop's venderId: names the shop in errors and unified order ids. */
	shopId: string;
	/** The full routerjson URL. */
	url: string;
	/** Base of the OAuth token endpoints (`/access_token`, `/refresh_token`). */
	oauthUrl: string;
}

/** The JdApi credential's fields, as n8n hands them over (names shared by credential, node and test). */
export interface JdCredentialFields {
	environment?: unknown;
	customUrl?: unknown;
	appKey?: unknown;
	appSecret?: unknown;
	accessToken?: unknown;
	refreshToken?: unknown;
	shopId?: unknown;
}

/** A custom routerjson URL serves OAuth beside it: `.../routerjson` -> `.../oauth2`. */
export function oauthUrlFor(gatewayUrl: string): string {
	return gatewayUrl.replace(/\/routerjson\/?$/, '') + '/oauth2';
}

export function jdCredentialsFrom(fields: JdCredentialFields): JdCredentials {
	const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
	const environment = text(fields.environment) || 'production';
	let url: string;
	let oauthUrl: string;
	if (environment === 'custom') {
		url = text(fields.customUrl);
		oauthUrl = oauthUrlFor(url);
	} else {
		const endpoint = JD_ENDPOINTS[environment as keyof typeof JD_ENDPOINTS];
		url = endpoint?.gateway ?? '';
		oauthUrl = endpoint?.oauth ?? '';
	}
	if (!url) throw new Error(`JD credential: no routerjson URL for environment ${JSON.stringify(environment)}`);
	return {
		appKey: text(fields.appKey),
		appSecret: text(fields.appSecret),
		accessToken: text(fields.accessToken),
		refreshToken: text(fields.refreshToken) || undefined,
		shopId: text(fields.shopId),
		url,
		oauthUrl,
	};
}

/** The `sign` of these parameters: MD5(secret + sorted key+value pairs + secret), upper-case hex. */
export function signJdParams(params: WireParams, secret: string): string {
	return signSortedParams(params, secret, 'md5');
}

/**
 * The `360buy_param_json` string. Its exact bytes are signed, so it is built once and sent as is; bigint
 * values are written as bare numbers without rounding, everything else as JSON.stringify writes it.
 */
export function jdParamJson(business: Record<string, unknown>): string {
	return stringifyWithBigIds(business);
}

/** JOS timestamp: `yyyy-MM-dd HH:mm:ss` in Beijing time; the gateway allows 6 minutes of skew. */
export function jdTimestamp(nowMs: number): string {
	return toShanghaiLocal(isoFromMillis(nowMs));
}

export interface JdSigner {
	appKey: string;
	appSecret: string;
	/** The shop's access token; omitted only for app-level calls. */
	accessToken?: string;
}

/**
 * The complete, signed parameters of one routerjson call: business parameters packed into
 * `360buy_param_json` (or that string, already built), system parameters (method, app_key, access_token,
 * timestamp, v, format), then `sign`.
 */
export function signedJdParams(
	apiMethod: string,
	business: Record<string, unknown> | string,
	signer: JdSigner,
	timestamp: string,
): Record<string, string> {
	const params = compactParams({
		'360buy_param_json': typeof business === 'string' ? business : jdParamJson(business),
		method: apiMethod,
		app_key: signer.appKey,
		access_token: signer.accessToken,
		timestamp,
		v: JD_API_VERSION,
		format: JD_SEND_FORMAT ? 'json' : undefined,
	});
	return { ...params, sign: signJdParams(params, signer.appSecret) };
}

/** jingdong.pop.order.get -> jingdong_pop_order_get_responce (JD's own spelling). */
export function jdResponseKey(apiMethod: string): string {
	return `${apiMethod.replace(/\./g, '_')}_responce`;
}

/**
 * JD's errors: the gateway's `error_response` {code, zh_desc, en_desc}; or, inside an answered
 * `_responce`, a `code` other than "0", or success false on it, on a result object or on its `apiResult`.
 */
export function jdErrorOf(body: JsonObject): GatewayError | undefined {
	const gateway = body.error_response;
	if (isJson(gateway)) return { code: codeOf(gateway.code), message: describe(gateway) };
	const key = Object.keys(body).find((name) => name.endsWith('_responce'));
	const answer = key ? body[key] : undefined;
	if (!isJson(answer)) return undefined;
	if (answer.code !== undefined && answer.code !== null && String(answer.code) !== '0') {
		return { code: codeOf(answer.code), subCode: `${JD_BUSINESS_SUB_CODE}${String(answer.code)}`, message: describe(answer) };
	}
	for (const member of [answer, ...Object.values(answer)]) {
		if (!isJson(member)) continue;
		const result = isJson(member.apiResult) ? member.apiResult : member;
		if (result.success !== false && result.success !== 'false') continue;
		const reason = text(result.englishErrCode) ?? text(result.errorCode) ?? 'failed';
		return {
			code: codeOf(result.numberCode ?? result.code ?? answer.code),
			subCode: `${JD_BUSINESS_SUB_CODE}${reason}`,
			message: describe(result) ?? 'JD answered success=false',
		};
	}
	return undefined;
}

function describe(object: JsonObject): string | undefined {
	const parts = [object.zh_desc, object.chineseErrCode, object.errorMessage, object.msg, object.message, object.en_desc];
	const texts = parts.map(text).filter((part): part is string => part !== undefined);
	return texts.length > 0 ? [...new Set(texts)].join(' / ') : undefined;
}

function codeOf(value: unknown): string | number | undefined {
	return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function isJson(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
