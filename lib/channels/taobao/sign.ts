// The TOP wire protocol (channels.md §1.1, §1.2, §1.9): the shared sorted-parameter digest named the TOP
// way (`sign_method` = md5 | hmac | hmac-sha256), the system parameters every call carries, and the
// readers of TOP's response and error envelopes.
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
