// One request core for gateways that take a signed form POST on a single URL and answer HTTP 200 with
// either a result envelope or an error envelope (TOP-style: Taobao, JD, Pinduoduo). The channel supplies
// signing, the error and result readers and its code table; this file does transport, lossless parsing,
// classification, retries and call counting, once.
import { MalformedResponseError, type ErrorContext, type HttpClient } from '../../http';
import { withRetry, type RetryDeps, type RetryPolicy } from '../../retry';
import type { ErrorCodeTable, PlatformCode } from './errors';
import { exchangeJsonObject, type ExchangeRules } from './exchange';
import { compactParams, type WireParams } from './sortedParams';

/** What a channel reads out of its error envelope. */
export interface GatewayError {
	code?: PlatformCode;
	subCode?: string;
	/** The platform's own words, quoted in the error message. */
	message?: string;
	/** How long the platform asked us to wait, when it says so. */
	retryAfterMs?: number;
}

export type JsonObject = Record<string, unknown>;

export interface FormGatewayConfig {
	/** Names the channel in errors, e.g. 'taobao'. */
	provider: string;
	shopId?: string;
	url: string;
	http: HttpClient;
	/** The signed wire parameters of one attempt; called per attempt because timestamps move. */
	sign(apiMethod: string, params: Record<string, string>, nowMs: number): Record<string, string>;
	/** The error in a parsed body, or undefined when the body is not an error. */
	errorOf(body: JsonObject): GatewayError | undefined;
	/** The member holding the result, or undefined when the body is not the envelope this method answers with. */
	resultOf(body: JsonObject, apiMethod: string): JsonObject | undefined;
	errorTable: ErrorCodeTable;
	retry?: RetryPolicy;
	retryDeps?: RetryDeps;
	/** Clock for timestamps; default Date.now. */
	now?: () => number;
	timeoutMs?: number;
}

/** Every HTTP request made, retries included: what the platform counts against the quota. */
export interface CallStats {
	requests: number;
	byMethod: Record<string, number>;
}

export interface CallContext {
	/** Named in error messages. */
	orderId?: string;
}

export interface FormGateway {
	call(apiMethod: string, params: WireParams, context?: CallContext): Promise<JsonObject>;
	readonly stats: CallStats;
	resetStats(): void;
}

export function createFormGateway(config: FormGatewayConfig): FormGateway {
	const now = config.now ?? Date.now;
	const stats: CallStats = { requests: 0, byMethod: {} };
	const rules: ExchangeRules = { http: config.http, errorTable: config.errorTable, errorOf: (body) => config.errorOf(body), now };

	async function attempt(apiMethod: string, params: Record<string, string>, context: ErrorContext): Promise<JsonObject> {
		stats.requests += 1;
		stats.byMethod[apiMethod] = (stats.byMethod[apiMethod] ?? 0) + 1;
		const signed = config.sign(apiMethod, params, now());
		const { body, text } = await exchangeJsonObject(
			rules,
			{
				method: 'POST',
				url: config.url,
				headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', accept: 'application/json' },
				body: new URLSearchParams(signed).toString(),
				timeoutMs: config.timeoutMs,
				context,
			},
			context,
		);
		const result = config.resultOf(body, apiMethod);
		if (!result) {
			throw new MalformedResponseError({ ...context, body: text, platformMessage: `no result for ${apiMethod} in the response` });
		}
		return result;
	}

	return {
		stats,
		resetStats() {
			stats.requests = 0;
			stats.byMethod = {};
		},
		call(apiMethod, params, callContext = {}) {
			const context: ErrorContext = { provider: config.provider, shopId: config.shopId, method: apiMethod, orderId: callContext.orderId };
			const wire = compactParams(params);
			return withRetry(() => attempt(apiMethod, wire, context), config.retry, config.retryDeps);
		},
	};
}
