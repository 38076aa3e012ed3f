// One request core for gateways that take a JSON POST on a single URL with the API method named inside the
// body (Xiaohongshu's common_controller), or, through `request`, with the method in the path and the signed
// system parameters in the query (Douyin). The channel supplies the signed system parameters of each
// attempt, its error reader and its code table; this file does transport, lossless parsing, classification,
// retries and call counting, once. Bodies come back whole: where the result sits is the channel's business.
import type { ErrorContext, HttpClient } from '../../http';
import { withRetry, type RetryDeps, type RetryPolicy } from '../../retry';
import type { ErrorCodeTable } from './errors';
import { exchangeJsonObject, type ExchangeRules } from './exchange';
import type { CallContext, CallStats, GatewayError, JsonObject } from './formGateway';

export interface JsonGatewayConfig {
	/** Names the channel in errors, e.g. 'xiaohongshu'. */
	provider: string;
	shopId?: string;
	/** The single gateway URL; unused when `request` builds each request. */
	url?: string;
	http: HttpClient;
	/** The system parameters of one attempt (method, app, timestamp, sign, token); called per attempt. */
	systemParams?(apiMethod: string, nowMs: number): JsonObject;
	/** The whole wire request of one attempt, for gateways that sign a serialized body; called per attempt. */
	request?(apiMethod: string, params: JsonObject, nowMs: number): JsonWireRequest;
	/** The error in a parsed body (including errors nested in the result), or undefined. */
	errorOf(body: JsonObject, apiMethod: string): GatewayError | undefined;
	errorTable: ErrorCodeTable;
	retry?: RetryPolicy;
	retryDeps?: RetryDeps;
	now?: () => number;
	timeoutMs?: number;
}

export interface JsonWireRequest {
	url: string;
	qs?: Record<string, string>;
	headers?: Record<string, string>;
	body: string;
}

export interface JsonGateway {
	/** Business parameters go into the body beside the system parameters; undefined members are left out. */
	call(apiMethod: string, params: JsonObject, context?: CallContext): Promise<JsonObject>;
	readonly stats: CallStats;
	resetStats(): void;
}

export function createJsonGateway(config: JsonGatewayConfig): JsonGateway {
	const now = config.now ?? Date.now;
	const stats: CallStats = { requests: 0, byMethod: {} };

	async function attempt(apiMethod: string, params: JsonObject, context: ErrorContext): Promise<JsonObject> {
		stats.requests += 1;
		stats.byMethod[apiMethod] = (stats.byMethod[apiMethod] ?? 0) + 1;
		const wire: JsonWireRequest = config.request
			? config.request(apiMethod, params, now())
			: { url: config.url ?? '', body: JSON.stringify({ ...params, ...config.systemParams?.(apiMethod, now()) }) };
		const rules: ExchangeRules = { http: config.http, errorTable: config.errorTable, errorOf: (body) => config.errorOf(body, apiMethod), now };
		const { body } = await exchangeJsonObject(
			rules,
			{
				method: 'POST',
				url: wire.url,
				qs: wire.qs,
				headers: { 'content-type': 'application/json;charset=utf-8', accept: 'application/json', ...wire.headers },
				body: wire.body,
				timeoutMs: config.timeoutMs,
				context,
			},
			context,
		);
		return body;
	}

	return {
		stats,
		resetStats() {
			stats.requests = 0;
			stats.byMethod = {};
		},
		call(apiMethod, params, callContext = {}) {
			const context: ErrorContext = { provider: config.provider, shopId: config.shopId, method: apiMethod, orderId: callContext.orderId };
			return withRetry(() => attempt(apiMethod, params, context), config.retry, config.retryDeps);
		},
	};
}
