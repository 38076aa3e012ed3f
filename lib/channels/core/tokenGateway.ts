// One request core for token REST gateways: a JSON POST per path with the access token in the query and an
// `{errcode, errmsg}` envelope (WeChat shop; the same shape serves any channel that swaps an app secret for
// a short-lived token). The channel supplies the token fetch, the error reader and its code table; this
// file caches the token until shortly before it expires, fetches a fresh one once when the platform says
// the token is stale, and does transport, lossless parsing, classification, retries and call counting.
import type { ErrorContext, HttpClient } from '../../http';
import { withRetry, type RetryDeps, type RetryPolicy } from '../../retry';
import type { ErrorCodeTable, PlatformCode } from './errors';
import { exchangeJsonObject, type ExchangeRules } from './exchange';
import type { CallContext, CallStats, GatewayError, JsonObject } from './formGateway';

export interface AccessToken {
	token: string;
	/** Epoch ms after which the token must not be used. */
	expiresAtMs: number;
}

/** Where a token lives between calls (memory by default; a node may keep it in workflow static data). */
export interface TokenCache {
	get(): AccessToken | undefined;
	set(token: AccessToken | undefined): void;
}

export interface TokenGatewayConfig {
	provider: string;
	shopId?: string;
	/** e.g. 'https://api.weixin.qq.com'; paths are appended. */
	baseUrl: string;
	http: HttpClient;
	/** The query parameter carrying the token, e.g. 'access_token'. */
	tokenParam: string;
	/** Fetches a fresh token through `request` (counted like any call); `force` asks the platform for a new one. */
	fetchToken(request: RawRequest, force: boolean): Promise<AccessToken>;
	errorOf(body: JsonObject): GatewayError | undefined;
	errorTable: ErrorCodeTable;
	/** Codes meaning "this token is stale": the token is fetched again once and the call repeated. */
	staleTokenCodes: readonly PlatformCode[];
	tokenCache?: TokenCache;
	/** Tokens are renewed this long before they expire; default 5 minutes. */
	renewBeforeMs?: number;
	retry?: RetryPolicy;
	retryDeps?: RetryDeps;
	now?: () => number;
	timeoutMs?: number;
}

/** One HTTP exchange parsed and checked against the error envelope; used for token calls too. */
export type RawRequest = (req: {
	method: 'GET' | 'POST';
	path: string;
	qs?: Record<string, string>;
	body?: object;
	apiMethod: string;
}) => Promise<JsonObject>;

export interface TokenGateway {
	call(path: string, body: object, context?: CallContext): Promise<JsonObject>;
	/** A valid token, fetched when none is cached or it is about to expire. */
	token(): Promise<string>;
	readonly stats: CallStats;
	resetStats(): void;
}

export const DEFAULT_RENEW_BEFORE_MS = 5 * 60 * 1000;

export function memoryTokenCache(): TokenCache {
	let held: AccessToken | undefined;
	return { get: () => held, set: (token) => (held = token) };
}

export function createTokenGateway(config: TokenGatewayConfig): TokenGateway {
	const now = config.now ?? Date.now;
	const cache = config.tokenCache ?? memoryTokenCache();
	const renewBeforeMs = config.renewBeforeMs ?? DEFAULT_RENEW_BEFORE_MS;
	const stats: CallStats = { requests: 0, byMethod: {} };
	const rules: ExchangeRules = { http: config.http, errorTable: config.errorTable, errorOf: (body) => config.errorOf(body), now };
	const stale = new Set(config.staleTokenCodes.map(String));
	let pending: Promise<AccessToken> | undefined;

	const exchange = async (req: Parameters<RawRequest>[0], context: ErrorContext): Promise<JsonObject> => {
		stats.requests += 1;
		stats.byMethod[req.apiMethod] = (stats.byMethod[req.apiMethod] ?? 0) + 1;
		const { body } = await exchangeJsonObject(
			rules,
			{
				method: req.method,
				url: config.baseUrl.replace(/\/+$/, '') + req.path,
				qs: req.qs,
				headers: { accept: 'application/json' },
				body: req.body,
				timeoutMs: config.timeoutMs,
				context,
			},
			context,
		);
		return body;
	};

	const contextOf = (apiMethod: string, orderId?: string): ErrorContext => ({
		provider: config.provider,
		shopId: config.shopId,
		method: apiMethod,
		orderId,
	});
	const rawRequest: RawRequest = (req) =>
		withRetry(() => exchange(req, contextOf(req.apiMethod)), config.retry, config.retryDeps);

	async function freshToken(force: boolean): Promise<AccessToken> {
		// Concurrent callers share one token fetch.
		pending ??= config.fetchToken(rawRequest, force).finally(() => (pending = undefined));
		const token = await pending;
		cache.set(token);
		return token;
	}

	async function validToken(): Promise<string> {
		const held = cache.get();
		if (held && held.expiresAtMs - renewBeforeMs > now()) return held.token;
		return (await freshToken(false)).token;
	}

	const isStale = (err: unknown) => {
		const code = (err as { code?: unknown } | null)?.code;
		return code !== undefined && stale.has(String(code));
	};

	return {
		stats,
		resetStats() {
			stats.requests = 0;
			stats.byMethod = {};
		},
		token: validToken,
		async call(path, body, callContext = {}) {
			const context = contextOf(path, callContext.orderId);
			const send = (token: string) =>
				withRetry(
					() => exchange({ method: 'POST', path, qs: { [config.tokenParam]: token }, body, apiMethod: path }, context),
					config.retry,
					config.retryDeps,
				);
			const token = await validToken();
			try {
				return await send(token);
			} catch (err) {
				if (!isStale(err)) throw err;
				// The platform revoked or expired the token early: fetch a new one once, then give up.
				cache.set(undefined);
				return await send((await freshToken(true)).token);
			}
		},
	};
}
