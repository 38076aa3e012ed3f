// The request core for token/key REST APIs (Shopify, WooCommerce): auth headers or query parameters from
// the channel, JSON bodies parsed losslessly (ids beyond 2^53), HTTP statuses classified through the
// channel's error table, the shared retry policy (Retry-After honoured), a channel hook that may ask for a
// pause before the next call, and Link-header paging helpers. Channel wrappers add only what is theirs.
import {
	MalformedResponseError,
	classifyHttpStatus,
	errorOfKind,
	parseRetryAfter,
	toChannelApiError,
	type ErrorContext,
	type ErrorKind,
	type HttpClient,
	type HttpMethod,
	type HttpResponse,
	type QueryValue,
} from '../../http';
import { parseJsonLossless, stringifyWithBigIds } from '../../json';
import { withRetry, type RetryDeps, type RetryPolicy } from '../../retry';
import type { ErrorCodeTable, PlatformCode } from './errors';
import type { CallStats } from './formGateway';

/** What a channel's error body says: its own code (the HTTP status when absent) and message. */
export interface RestErrorBody {
	code?: PlatformCode;
	message?: string;
}

export interface JsonRestConfig {
	provider: string;
	shopId: string;
	/** Everything before the request paths, e.g. https://shop.example/wp-json/wc/v3. */
	baseUrl: string;
	http: HttpClient;
	/** Auth headers sent with every call. */
	headers?: Record<string, string>;
	/** Auth query parameters sent with every call (e.g. WooCommerce's consumer_key/consumer_secret). */
	qs?: Record<string, QueryValue>;
	/** Error hints per kind (and codes that override the HTTP status class, e.g. an invalid-signature 401). */
	errorTable?: ErrorCodeTable;
	/** The channel's error envelope read from a non-2xx body; undefined when it is not one. */
	readError?: (body: string) => RestErrorBody | undefined;
	/** Body keys whose digit strings are sent as bare JSON numbers. */
	numericKeys?: readonly string[];
	/** Called after each response; a number asks the core to wait that long before the next call. */
	pauseAfter?: (res: HttpResponse) => number | undefined;
	retry?: RetryPolicy;
	retryDeps?: RetryDeps;
	now?: () => number;
	timeoutMs?: number;
}

export interface JsonRestRequest {
	method: HttpMethod;
	/** Relative to the base URL, e.g. '/orders'. */
	path: string;
	/** Our method-table name of the call ('GET /orders'), counted in stats and named in errors. */
	apiMethod: string;
	qs?: Record<string, QueryValue>;
	body?: object;
	orderId?: string;
	/** The body's JSON shape; anything else is a MalformedResponseError (transient, so retried). Default 'object'. */
	expect?: 'object' | 'array' | 'any';
}

export interface JsonRestResponse {
	status: number;
	/** Parsed losslessly; {} for an empty body; of the shape the request expected. */
	body: unknown;
	/** Lower-case header names. */
	headers: Record<string, string>;
}

export interface JsonRest {
	request(req: JsonRestRequest): Promise<JsonRestResponse>;
	readonly stats: CallStats;
	resetStats(): void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createJsonRest(config: JsonRestConfig): JsonRest {
	const now = config.now ?? Date.now;
	const sleep = config.retryDeps?.sleep ?? defaultSleep;
	const stats: CallStats = { requests: 0, byMethod: {} };
	const base = config.baseUrl.replace(/\/+$/, '');
	let pauseMs = 0;

	const exchange = async (req: JsonRestRequest, context: ErrorContext): Promise<JsonRestResponse> => {
		if (pauseMs > 0) {
			const wait = pauseMs;
			pauseMs = 0;
			await sleep(wait);
		}
		stats.requests += 1;
		stats.byMethod[req.apiMethod] = (stats.byMethod[req.apiMethod] ?? 0) + 1;
		let res: HttpResponse;
		try {
			res = await config.http({
				method: req.method,
				url: base + req.path,
				qs: config.qs || req.qs ? { ...req.qs, ...config.qs } : undefined,
				headers: {
					accept: 'application/json',
					...config.headers,
					...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
				},
				body: req.body === undefined ? undefined : stringifyWithBigIds(req.body, { numericKeys: [...(config.numericKeys ?? [])] }),
				timeoutMs: config.timeoutMs,
				context,
			});
		} catch (err) {
			throw toChannelApiError(err, context);
		}
		pauseMs = config.pauseAfter?.(res) ?? 0;
		const statusKind = classifyHttpStatus(res.status);
		if (statusKind) {
			const platform = config.readError?.(res.body);
			const kind: ErrorKind = (platform?.code !== undefined && config.errorTable?.codes?.[String(platform.code)]) || statusKind;
			throw errorOfKind(kind, {
				...context,
				code: platform?.code ?? res.status,
				httpStatus: res.status,
				retryAfterMs: parseRetryAfter(res.headers['retry-after'], now()),
				platformMessage: platform?.message ?? (res.body.trim().slice(0, 200) || undefined),
				hint: config.errorTable?.hints?.[kind],
			});
		}
		const body = res.body.trim() === '' ? {} : parseJsonLossless<unknown>(res.body, context);
		const expect = req.expect ?? 'object';
		const isArray = Array.isArray(body);
		if (typeof body !== 'object' || body === null || (expect === 'object' && isArray) || (expect === 'array' && !isArray)) {
			throw new MalformedResponseError({ ...context, body: res.body, platformMessage: `the response is not a JSON ${expect === 'any' ? 'object or array' : expect}` });
		}
		return { status: res.status, body, headers: res.headers };
	};

	return {
		stats,
		resetStats() {
			stats.requests = 0;
			stats.byMethod = {};
		},
		request(req) {
			const context: ErrorContext = { provider: config.provider, shopId: config.shopId, method: req.apiMethod, orderId: req.orderId };
			return withRetry(() => exchange(req, context), config.retry, config.retryDeps);
		},
	};
}

/** The URL of the rel="next" entry of a Link header; undefined on the last page. */
export function nextLinkUrl(link: string | undefined): URL | undefined {
	if (!link) return undefined;
	for (const part of link.split(',')) {
		const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
		if (match) return new URL(match[1], 'http://link.invalid');
	}
	return undefined;
}

/** One query parameter of the Link header's rel="next" URL (page_info, page, ...). */
export function nextLinkParam(link: string | undefined, name: string): string | undefined {
	return nextLinkUrl(link)?.searchParams.get(name) || undefined;
}
