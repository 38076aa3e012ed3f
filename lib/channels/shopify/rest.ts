// The request core for Shopify's Admin REST API: the access token in a header, JSON bodies parsed
// losslessly (order, line and variant ids exceed 2^53), HTTP statuses classified through the channel's
// table, the shared retry policy (Retry-After honoured), paging cursors read from the Link header, and a
// short pause when the call-limit header says the leaky bucket is nearly full.
import {
	MalformedResponseError,
	errorOfKind,
	classifyHttpStatus,
	parseRetryAfter,
	toChannelApiError,
	type ErrorContext,
	type HttpClient,
	type HttpMethod,
	type HttpResponse,
	type QueryValue,
} from '../../http';
import { parseJsonLossless, stringifyWithBigIds } from '../../json';
import { withRetry, type RetryDeps, type RetryPolicy } from '../../retry';
import type { CallStats, JsonObject } from '../core/formGateway';
import { CHANNEL, SHOPIFY_BUCKET, SHOPIFY_ERROR_TABLE } from './codes';

export interface ShopifyRestConfig {
	shopId: string;
	baseUrl: string;
	accessToken: string;
	http: HttpClient;
	retry?: RetryPolicy;
	retryDeps?: RetryDeps;
	now?: () => number;
	timeoutMs?: number;
}

export interface RestRequest {
	method: HttpMethod;
	/** Relative to the versioned base, e.g. '/orders.json'. */
	path: string;
	/** Our method-table name of the call ('GET /orders.json'), counted in stats and named in errors. */
	apiMethod: string;
	qs?: Record<string, QueryValue>;
	body?: object;
	orderId?: string;
}

export interface RestResponse {
	body: JsonObject;
	/** The page_info of the Link header's rel="next", when there is a next page. */
	nextPageInfo?: string;
	/** From X-Shopify-Shop-Api-Call-Limit ("32/40"). */
	callLimit?: { used: number; size: number };
}

export interface ShopifyRest {
	request(req: RestRequest): Promise<RestResponse>;
	readonly stats: CallStats;
	resetStats(): void;
}

/** Body keys whose digit strings are sent as bare JSON numbers, as Shopify expects ids. */
export const ID_KEYS = ['id', 'fulfillment_order_id', 'location_id', 'inventory_item_id'];

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createShopifyRest(config: ShopifyRestConfig): ShopifyRest {
	const now = config.now ?? Date.now;
	const sleep = config.retryDeps?.sleep ?? defaultSleep;
	const stats: CallStats = { requests: 0, byMethod: {} };
	let pauseMs = 0;

	const exchange = async (req: RestRequest, context: ErrorContext): Promise<RestResponse> => {
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
				url: config.baseUrl.replace(/\/+$/, '') + req.path,
				qs: req.qs,
				headers: {
					accept: 'application/json',
					'x-shopify-access-token': config.accessToken,
					...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
				},
				body: req.body === undefined ? undefined : stringifyWithBigIds(req.body, { numericKeys: ID_KEYS }),
				timeoutMs: config.timeoutMs,
				context,
			});
		} catch (err) {
			throw toChannelApiError(err, context);
		}
		const callLimit = parseCallLimit(res.headers['x-shopify-shop-api-call-limit']);
		// Leave room in the bucket: once nearly full, wait for one call's worth to leak out.
		if (callLimit && callLimit.size - callLimit.used < SHOPIFY_BUCKET.headroom) pauseMs = 1000 / SHOPIFY_BUCKET.leakPerSecond;
		const kind = classifyHttpStatus(res.status);
		if (kind) {
			throw errorOfKind(kind, {
				...context,
				code: res.status,
				httpStatus: res.status,
				retryAfterMs: parseRetryAfter(res.headers['retry-after'], now()),
				platformMessage: errorsText(res.body) ?? (res.body.trim().slice(0, 200) || undefined),
				hint: SHOPIFY_ERROR_TABLE.hints?.[kind],
			});
		}
		const body = res.body.trim() === '' ? {} : parseJsonLossless<unknown>(res.body, context);
		if (typeof body !== 'object' || body === null || Array.isArray(body)) {
			throw new MalformedResponseError({ ...context, body: res.body, platformMessage: 'the response is not a JSON object' });
		}
		return { body: body as JsonObject, nextPageInfo: nextPageInfo(res.headers.link), callLimit };
	};

	return {
		stats,
		resetStats() {
			stats.requests = 0;
			stats.byMethod = {};
		},
		request(req) {
			const context: ErrorContext = { provider: CHANNEL, shopId: config.shopId, method: req.apiMethod, orderId: req.orderId };
			return withRetry(() => exchange(req, context), config.retry, config.retryDeps);
		},
	};
}

/** page_info of the rel="next" entry of a Link header; undefined on the last page. */
export function nextPageInfo(link: string | undefined): string | undefined {
	if (!link) return undefined;
	for (const part of link.split(',')) {
		const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
		if (!match) continue;
		const value = new URL(match[1], 'http://link.invalid').searchParams.get('page_info');
		if (value) return value;
	}
	return undefined;
}

/** "32/40" -> { used: 32, size: 40 }. */
export function parseCallLimit(header: string | undefined): { used: number; size: number } | undefined {
	const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(header ?? '');
	return match ? { used: Number(match[1]), size: Number(match[2]) } : undefined;
}

/** `{"errors": "..."}` or `{"errors": {"field": ["msg"]}}` as one line of text. */
export function errorsText(body: string): string | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		return undefined;
	}
	const errors = (parsed as { errors?: unknown } | null)?.errors;
	if (typeof errors === 'string') return errors;
	if (Array.isArray(errors)) return errors.map(String).join('; ');
	if (errors && typeof errors === 'object') {
		return Object.entries(errors)
			.map(([field, messages]) => `${field}: ${Array.isArray(messages) ? messages.join(', ') : String(messages)}`)
			.join('; ');
	}
	return undefined;
}
