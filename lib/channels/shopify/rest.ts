// Shopify's use of the shared REST core: the access token in a header, the `{"errors": ...}` envelope,
// paging cursors (page_info) read from the Link header, and a short pause when the call-limit header says
// the leaky bucket is nearly full.
import type { HttpClient, HttpMethod, QueryValue } from '../../http';
import type { RetryDeps, RetryPolicy } from '../../retry';
import type { CallStats, JsonObject } from '../core/formGateway';
import { createJsonRest, nextLinkParam } from '../core/rest';
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

export function createShopifyRest(config: ShopifyRestConfig): ShopifyRest {
	const rest = createJsonRest({
		provider: CHANNEL,
		shopId: config.shopId,
		baseUrl: config.baseUrl,
		http: config.http,
		headers: { 'x-shopify-access-token': config.accessToken },
		errorTable: SHOPIFY_ERROR_TABLE,
		readError: (body) => {
			const message = errorsText(body);
			return message === undefined ? undefined : { message };
		},
		numericKeys: ID_KEYS,
		// Leave room in the bucket: once nearly full, wait for one call's worth to leak out.
		pauseAfter: (res) => {
			const limit = parseCallLimit(res.headers['x-shopify-shop-api-call-limit']);
			return limit && limit.size - limit.used < SHOPIFY_BUCKET.headroom ? 1000 / SHOPIFY_BUCKET.leakPerSecond : undefined;
		},
		retry: config.retry,
		retryDeps: config.retryDeps,
		now: config.now,
		timeoutMs: config.timeoutMs,
	});
	return {
		get stats() {
			return rest.stats;
		},
		resetStats: () => rest.resetStats(),
		async request(req) {
			const res = await rest.request({ ...req, expect: 'object' });
			return {
				body: res.body as JsonObject,
				nextPageInfo: nextPageInfo(res.headers.link),
				callLimit: parseCallLimit(res.headers['x-shopify-shop-api-call-limit']),
			};
		},
	};
}

/** page_info of the rel="next" entry of a Link header; undefined on the last page. */
export function nextPageInfo(link: string | undefined): string | undefined {
	return nextLinkParam(link, 'page_info');
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
