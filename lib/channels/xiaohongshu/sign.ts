// The Xiaohongshu Ark wire protocol (channels.md §4.1, §4.2, §4.9): one JSON gateway, four signed system
// parameters (MD5 of method + "?appId=…&timestamp=…&version=2.0" + secret, lower hex), the access token
// in the body but not in the sign, and the {success, error_code, error_msg, data} envelope, doubled for
// afterSale.* methods.
import { createHash } from 'node:crypto';
import type { GatewayError, JsonObject } from '../core/formGateway';

export const XHS_API_VERSION = '2.0';

export const XHS_ENDPOINTS = { production: 'https://ark.xiaohongshu.com/ark/open_api/v3/common_controller' } as const;
export type XhsEnvironment = keyof typeof XHS_ENDPOINTS | 'custom';

/** Methods called without the seller's access token (app-level). */
export const APP_LEVEL_METHODS = ['oauth.getAccessToken', 'oauth.refreshToken'] as const;

export interface XhsSignInput {
	method: string;
	appId: string;
	/** Unix seconds, as text or number. */
	timestamp: string | number;
	version?: string;
	appSecret: string;
}

/** The exact text that is digested. */
export function xhsStringToSign(input: XhsSignInput): string {
	const version = input.version ?? XHS_API_VERSION;
	return `${input.method}?appId=${input.appId}&timestamp=${input.timestamp}&version=${version}${input.appSecret}`;
}

/** lower hex MD5 of xhsStringToSign. */
export function signXhs(input: XhsSignInput): string {
	return createHash('md5').update(xhsStringToSign(input), 'utf8').digest('hex');
}

export interface XhsCredentials {
	appId: string;
	appSecret: string;
	accessToken: string;
	refreshToken?: string;
	/** Seller id: names the shop in errors and unified order ids. */
	shopId: string;
	/** The full common_controller URL. */
	url: string;
}

/** The XiaohongshuApi credential's fields as n8n hands them over (names shared by credential, node and test). */
export interface XhsCredentialFields {
	environment?: unknown;
	customUrl?: unknown;
	appId?: unknown;
	appSecret?: unknown;
	accessToken?: unknown;
	refreshToken?: unknown;
	sellerId?: unknown;
}

export function xhsCredentialsFrom(fields: XhsCredentialFields): XhsCredentials {
	const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
	const environment = text(fields.environment) || 'production';
	const url = environment === 'custom' ? text(fields.customUrl) : XHS_ENDPOINTS[environment as keyof typeof XHS_ENDPOINTS];
	if (!url) throw new Error(`Xiaohongshu credential: no gateway URL for environment ${JSON.stringify(environment)}`);
	return {
		appId: text(fields.appId),
		appSecret: text(fields.appSecret),
		accessToken: text(fields.accessToken),
		refreshToken: text(fields.refreshToken) || undefined,
		shopId: text(fields.sellerId),
		url,
	};
}

/** The system parameters of one call; the access token is sent unsigned, and not at all for app-level calls. */
export function xhsSystemParams(
	method: string,
	credentials: Pick<XhsCredentials, 'appId' | 'appSecret'> & { accessToken?: string },
	nowMs: number,
): JsonObject {
	const timestamp = String(Math.floor(nowMs / 1000));
	const sign = signXhs({ method, appId: credentials.appId, timestamp, appSecret: credentials.appSecret });
	const appLevel = (APP_LEVEL_METHODS as readonly string[]).includes(method);
	return {
		appId: credentials.appId,
		method,
		version: XHS_API_VERSION,
		timestamp,
		sign,
		accessToken: appLevel ? undefined : credentials.accessToken,
	};
}

/** Methods whose `data` is itself a {code, msg, success, data} envelope (channels.md §4.5). */
export const isDoubleEnvelope = (apiMethod: string) => apiMethod.startsWith('afterSale.');

/**
 * Success iff error_code is 0 and success is true; `success: true` with a non-zero code is a failure too.
 * For afterSale.* the inner envelope is checked the same way.
 */
export function xhsErrorOf(body: JsonObject, apiMethod = ''): GatewayError | undefined {
	const code = Number(body.error_code ?? 0);
	const message = typeof body.error_msg === 'string' ? body.error_msg : undefined;
	if (body.success !== true || (Number.isFinite(code) && code !== 0)) {
		return { code: Number.isFinite(code) && code !== 0 ? code : 'success=false', message };
	}
	if (!isDoubleEnvelope(apiMethod)) return undefined;
	const inner = body.data as JsonObject | undefined;
	if (!inner || typeof inner !== 'object') return { code: 'no_data', message: 'the after-sale reply has no data envelope' };
	const innerCode = Number(inner.code ?? 0);
	if (inner.success === false || (Number.isFinite(innerCode) && innerCode !== 0)) {
		return { code: Number.isFinite(innerCode) ? innerCode : String(inner.code), message: typeof inner.msg === 'string' ? inner.msg : undefined };
	}
	return undefined;
}

/** The result of a call: `data`, or the inner `data` of a double envelope. */
export function xhsDataOf(body: JsonObject, apiMethod: string): unknown {
	const data = body.data;
	if (isDoubleEnvelope(apiMethod) && data && typeof data === 'object') return (data as JsonObject).data;
	return data;
}
