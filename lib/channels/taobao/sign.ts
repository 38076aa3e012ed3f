// The TOP wire protocol (channels.md §1.1, §1.2, §1.9): where the gateway is and which credentials a call
// carries, the shared sorted-parameter digest named the TOP way (`sign_method` = md5 | hmac | hmac-sha256),
// the system parameters every call carries, and the readers of TOP's response and error envelopes.
import type { GatewayError, JsonObject } from '../core/formGateway';
import { compactParams, signSortedParams, type SortedParamDigest, type WireParams } from '../core/sortedParams';
import { banMillisFromSubMessage } from './codes';

export const TOP_SIGN_METHODS = ['md5', 'hmac', 'hmac-sha256'] as const;
export type TopSignMethod = (typeof TOP_SIGN_METHODS)[number];

const DIGEST_OF: Record<TopSignMethod, SortedParamDigest> = { md5: 'md5', hmac: 'hmac-md5', 'hmac-sha256': 'hmac-sha256' };

export function isTopSignMethod(value: unknown): value is TopSignMethod {
	return (TOP_SIGN_METHODS as readonly unknown[]).includes(value);
}

/** The `sign` value for these parameters; `method` must match the `sign_method` they carry. */
export function signTopParams(params: WireParams, secret: string, method: TopSignMethod): string {
	if (!isTopSignMethod(method)) throw new Error(`Unknown TOP sign method ${JSON.stringify(method)}; use md5, hmac or hmac-sha256`);
	return signSortedParams(params, secret, DIGEST_OF[method]);
}

export const TAOBAO_ENDPOINTS = {
	production: 'https://eco.taobao.com/router/rest',
	sandbox: 'https://gw.api.tbsandbox.com/router/rest',
} as const;
export type TaobaoEnvironment = keyof typeof TAOBAO_ENDPOINTS | 'custom';

export interface TaobaoCredentials {
	appKey: string;
	appSecret: string;
	/** The seller's access token (TOP's `session`). */
	session: string;
	refreshToken?: string;
	/** Seller nick or id: names the shop in errors and unified order ids. */
	shopId: string;
	signMethod: TopSignMethod;
	/** The full gateway URL, e.g. TAOBAO_ENDPOINTS.production or a local sandbox's /router/rest. */
	url: string;
}

/** The TaobaoApi credential's fields, as n8n hands them over (names shared by credential, node and test). */
export interface TaobaoCredentialFields {
	environment?: unknown;
	customUrl?: unknown;
	appKey?: unknown;
	appSecret?: unknown;
	accessToken?: unknown;
	refreshToken?: unknown;
	shopId?: unknown;
	signMethod?: unknown;
}

export function taobaoCredentialsFrom(fields: TaobaoCredentialFields): TaobaoCredentials {
	const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
	const environment = text(fields.environment) || 'production';
	const url = environment === 'custom' ? text(fields.customUrl) : TAOBAO_ENDPOINTS[environment as keyof typeof TAOBAO_ENDPOINTS];
	if (!url) throw new Error(`Taobao credential: no gateway URL for environment ${JSON.stringify(environment)}`);
	const signMethod = text(fields.signMethod) || 'md5';
	if (!isTopSignMethod(signMethod)) throw new Error(`Taobao credential: unknown sign method ${JSON.stringify(signMethod)}`);
	return {
		appKey: text(fields.appKey),
		appSecret: text(fields.appSecret),
		session: text(fields.accessToken),
		refreshToken: text(fields.refreshToken) || undefined,
		shopId: text(fields.shopId),
		signMethod,
		url,
	};
}

export interface TopSigner {
	appKey: string;
	appSecret: string;
	signMethod: TopSignMethod;
	/** The seller's access token; TOP calls it `session`. Omitted for app-level calls. */
	session?: string;
}

/**
 * The complete, signed parameters of one TOP call: system parameters (method, app_key, session,
 * timestamp in Beijing time, format json, v 2.0, sign_method) plus the business parameters, then `sign`.
 */
export function signedTopParams(
	apiMethod: string,
	business: WireParams,
	signer: TopSigner,
	timestamp: string,
): Record<string, string> {
	const params = compactParams({
		...business,
		method: apiMethod,
		app_key: signer.appKey,
		session: signer.session,
		timestamp,
		format: 'json',
		v: '2.0',
		sign_method: signer.signMethod,
	});
	return { ...params, sign: signTopParams(params, signer.appSecret, signer.signMethod) };
}

/** taobao.trades.sold.get -> trades_sold_get_response (TOP's naming rule). */
export function topResponseKey(apiMethod: string): string {
	return `${apiMethod.replace(/^(taobao|tmall|alibaba)\./, '').replace(/\./g, '_')}_response`;
}

/** TOP's `error_response`; HTTP status is 200 either way. */
export function topErrorOf(body: JsonObject): GatewayError | undefined {
	const error = body.error_response as JsonObject | undefined;
	if (!error || typeof error !== 'object') return undefined;
	const subMessage = typeof error.sub_msg === 'string' ? error.sub_msg : undefined;
	const message = [error.msg, subMessage].filter((part) => typeof part === 'string' && part !== '').join(': ');
	return {
		code: error.code as string | number | undefined,
		subCode: typeof error.sub_code === 'string' ? error.sub_code : undefined,
		message: message || undefined,
		retryAfterMs: banMillisFromSubMessage(subMessage),
	};
}

/** A list under TOP's wrapper object (`{trades: {trade: [...]}}`) or bare (simplify=true); absent = empty. */
export function topList(container: unknown, member: string): JsonObject[] {
	if (Array.isArray(container)) return container as JsonObject[];
	if (container && typeof container === 'object') {
		const inner = (container as JsonObject)[member];
		if (Array.isArray(inner)) return inner as JsonObject[];
	}
	return [];
}

/** `has_next` of a use_has_next=true list page. */
export function hasNext(res: JsonObject): boolean {
	return res.has_next === true || res.has_next === 'true';
}
