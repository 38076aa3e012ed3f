// The one way lib/ talks HTTP, the error classes every client throws, and the one retry policy.
// Clients always receive the raw body text so they can parse it losslessly (see lib/json.ts).
export * from './retry';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
export type QueryValue = string | number | boolean | undefined | null;

/** Names a call in error messages; set by the channel request core. */
export interface ErrorContext {
	provider: string;
	shopId?: string;
	method?: string;
	orderId?: string;
}

export interface HttpRequest {
	method: HttpMethod;
	url: string;
	headers?: Record<string, string>;
	qs?: Record<string, QueryValue>;
	/** A string or Buffer is sent as is; an object is sent as JSON. */
	body?: string | Buffer | object;
	timeoutMs?: number;
	/** Used only to name the call when a network error is thrown. */
	context?: ErrorContext;
}

export interface HttpResponse {
	status: number;
	/** Lower-case header names. */
	headers: Record<string, string>;
	body: string;
}

export type HttpClient = (req: HttpRequest) => Promise<HttpResponse>;

export type ErrorKind = 'throttled' | 'auth' | 'invalid' | 'transient' | 'permanent';

export interface ChannelErrorDetails extends ErrorContext {
	/** The platform's own error code. */
	code?: string | number;
	subCode?: string;
	/** The platform's own error text, quoted in the message. */
	platformMessage?: string;
	httpStatus?: number;
	retryAfterMs?: number;
	/** What the operator should do. */
	hint?: string;
	cause?: unknown;
}

const DEFAULT_HINTS: Record<ErrorKind, string> = {
	throttled: 'the platform is rate limiting this app or shop; calls back off and retry; pull less often',
	auth: 'the credential was rejected or has expired; re-authorize the shop and update the credential',
	invalid: 'the platform rejected the request parameters; check the node fields',
	transient: 'a temporary platform or network problem; it is retried automatically, try again later',
	permanent: "the platform refused the call; look the code up in the platform's error documentation",
};

export abstract class ChannelApiError extends Error {
	/** Lets callers switch on the failure without instanceof. */
	abstract get kind(): ErrorKind;
	readonly provider: string;
	readonly shopId?: string;
	readonly method?: string;
	readonly orderId?: string;
	readonly code?: string | number;
	readonly subCode?: string;
	readonly platformMessage?: string;
	readonly httpStatus?: number;
	readonly retryAfterMs?: number;
	readonly hint?: string;
	/** How many attempts were made before this error was given up on (set by withRetry). */
	attempts?: number;

	constructor(details: ChannelErrorDetails) {
		super('', details.cause === undefined ? undefined : { cause: details.cause });
		// kind is a prototype getter on each subclass, so it is already readable here.
		const kind = (this as { kind: ErrorKind }).kind;
		this.message = formatErrorMessage(details, kind);
		this.name = new.target.name;
		this.provider = details.provider;
		this.shopId = details.shopId;
		this.method = details.method;
		this.orderId = details.orderId;
		this.code = details.code;
		this.subCode = details.subCode;
		this.platformMessage = details.platformMessage;
		this.httpStatus = details.httpStatus;
		this.retryAfterMs = details.retryAfterMs;
		this.hint = details.hint ?? DEFAULT_HINTS[kind];
	}
}

export class ThrottledError extends ChannelApiError {
	get kind() {
		return 'throttled' as const;
	}
}

export class AuthExpiredError extends ChannelApiError {
	get kind() {
		return 'auth' as const;
	}
}

export class InvalidRequestError extends ChannelApiError {
	get kind() {
		return 'invalid' as const;
	}
}

export class TransientError extends ChannelApiError {
	get kind() {
		return 'transient' as const;
	}
}

export class PermanentError extends ChannelApiError {
	get kind() {
		return 'permanent' as const;
	}
}

/**
 * A body that is not the JSON the platform promised. Transient on purpose: in practice it is a proxy or
 * gateway error page or a truncated body, which goes away; retries are bounded, so a body that stays
 * broken still surfaces quickly, with its first 200 characters in `bodySnippet`.
 */
export class MalformedResponseError extends TransientError {
	readonly bodySnippet: string;
	constructor(details: ChannelErrorDetails & { body: string }) {
		const bodySnippet = details.body.slice(0, 200);
		const quoted = details.platformMessage ?? `body starts with ${JSON.stringify(bodySnippet)}`;
		super({ ...details, platformMessage: quoted });
		this.bodySnippet = bodySnippet;
	}
}

const ERROR_CLASSES: Record<ErrorKind, new (details: ChannelErrorDetails) => ChannelApiError> = {
	throttled: ThrottledError,
	auth: AuthExpiredError,
	invalid: InvalidRequestError,
	transient: TransientError,
	permanent: PermanentError,
};

export function errorOfKind(kind: ErrorKind, details: ChannelErrorDetails): ChannelApiError {
	return new ERROR_CLASSES[kind](details);
}

/** e.g. "taobao shop 12345: taobao.trades.sold.get failed with code 27 (Invalid session): re-authorize ..." */
export function formatErrorMessage(details: ChannelErrorDetails, kind: ErrorKind): string {
	const where = details.shopId ? `${details.provider} shop ${details.shopId}` : details.provider;
	const call = details.method ?? 'request';
	const order = details.orderId ? ` for order ${details.orderId}` : '';
	let failure = 'failed';
	if (details.code !== undefined && details.code !== '') {
		failure += ` with code ${details.code}${details.subCode ? `/${details.subCode}` : ''}`;
		if ((details.httpStatus ?? 0) >= 400) failure += ` (HTTP ${details.httpStatus})`;
	} else if (details.httpStatus !== undefined) {
		failure += ` with HTTP ${details.httpStatus}${details.subCode ? `/${details.subCode}` : ''}`;
	}
	const quoted = details.platformMessage ? ` (${details.platformMessage})` : '';
	return `${where}: ${call}${order} ${failure}${quoted}: ${details.hint ?? DEFAULT_HINTS[kind]}`;
}

export function isChannelApiError(err: unknown): err is ChannelApiError {
	return err instanceof ChannelApiError;
}

/** 429 -> throttled, 5xx -> transient, 401/403 -> auth, other 4xx -> invalid, anything else -> undefined. */
export function classifyHttpStatus(status: number): ErrorKind | undefined {
	if (status === 429) return 'throttled';
	if (status === 401 || status === 403) return 'auth';
	if (status >= 500) return 'transient';
	if (status >= 400) return 'invalid';
	return undefined;
}

/** The error for a non-success HTTP response, or undefined for < 400; honours Retry-After. */
export function httpStatusError(
	res: HttpResponse,
	context: ErrorContext,
	now = Date.now(),
): ChannelApiError | undefined {
	const kind = classifyHttpStatus(res.status);
	if (!kind) return undefined;
	const snippet = res.body.trim().slice(0, 200);
	return errorOfKind(kind, {
		...context,
		httpStatus: res.status,
		retryAfterMs: parseRetryAfter(res.headers['retry-after'], now),
		platformMessage: snippet || undefined,
	});
}

const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNREFUSED',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'UND_ERR_SOCKET',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
	'UND_ERR_CLOSED',
]);
const TRANSIENT_NETWORK_MESSAGE = /socket hang up|fetch failed|network|timed? ?out|ECONNRESET|ETIMEDOUT/i;

interface ErrorLike {
	name?: unknown;
	message?: unknown;
	code?: unknown;
	cause?: unknown;
}

// Duck-typed: fetch errors may come from another realm (test runners) and mocks throw plain objects.
function asErrorLike(err: unknown): ErrorLike | undefined {
	return typeof err === 'object' && err !== null ? (err as ErrorLike) : undefined;
}

function textOf(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A TransientError for errors that mean "the connection failed, try again" (resets, timeouts, refused,
 * fetch failed), undefined for anything else. A ChannelApiError passes through unchanged.
 */
export function classifyNetworkError(
	err: unknown,
	context: ErrorContext = { provider: 'http' },
): ChannelApiError | undefined {
	if (err instanceof ChannelApiError) return err;
	const top = asErrorLike(err);
	if (!top) return undefined;
	const chain = [top, asErrorLike(top.cause)].filter((e): e is ErrorLike => e !== undefined);
	const codes = chain.map((e) => textOf(e.code)).filter((c): c is string => c !== undefined);
	const messages = chain.map((e) => textOf(e.message)).filter((m): m is string => m !== undefined);
	const isTimeout = top.name === 'TimeoutError';
	const transient =
		isTimeout ||
		codes.some((c) => TRANSIENT_NETWORK_CODES.has(c)) ||
		messages.some((m) => TRANSIENT_NETWORK_MESSAGE.test(m));
	if (!transient) return undefined;
	const detail = isTimeout ? 'request timed out' : messages.at(-1);
	return new TransientError({ ...context, code: codes[0], platformMessage: detail, cause: err });
}

/** Any thrown value as a ChannelApiError: network failures transient, DNS misses and the rest permanent. */
export function toChannelApiError(err: unknown, context: ErrorContext): ChannelApiError {
	const network = classifyNetworkError(err, context);
	if (network) return network;
	const code = textOf(asErrorLike(err)?.code);
	const unknownHost = code === 'ENOTFOUND';
	const hint = unknownHost ? 'the host name does not resolve; check the credential base URL' : undefined;
	const message = textOf(asErrorLike(err)?.message) ?? String(err);
	return new PermanentError({ ...context, code, platformMessage: message, hint, cause: err });
}

/** Retry-After in ms from `now`: delta seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
	if (header === undefined) return undefined;
	const value = header.trim();
	if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
	const at = Date.parse(value);
	if (Number.isNaN(at)) return undefined;
	return Math.max(0, at - now);
}

export function buildUrl(url: string, qs?: Record<string, QueryValue>): string {
	if (!qs) return url;
	const target = new URL(url);
	for (const [key, value] of Object.entries(qs)) {
		if (value !== undefined && value !== null) target.searchParams.append(key, String(value));
	}
	return target.toString();
}

function encodeBody(req: HttpRequest): { body?: string | Buffer; contentType?: string } {
	if (req.body === undefined) return {};
	if (typeof req.body === 'string' || Buffer.isBuffer(req.body)) return { body: req.body };
	return { body: JSON.stringify(req.body), contentType: 'application/json' };
}

function withContentType(headers: Record<string, string>, contentType?: string): Record<string, string> {
	const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
	return contentType && !hasType ? { ...headers, 'content-type': contentType } : headers;
}

/** An HttpClient over the global fetch (Node >= 22): for the sandbox, benches, scripts and tests. */
export function fetchHttpClient(defaults: { timeoutMs?: number } = {}): HttpClient {
	return async (req) => {
		const { body, contentType } = encodeBody(req);
		const timeoutMs = req.timeoutMs ?? defaults.timeoutMs;
		const context = req.context ?? { provider: new URL(req.url).host };
		try {
			const res = await fetch(buildUrl(req.url, req.qs), {
				method: req.method,
				headers: withContentType(req.headers ?? {}, contentType),
				body: body === undefined ? undefined : typeof body === 'string' ? body : new Uint8Array(body),
				signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
			});
			const headers: Record<string, string> = {};
			res.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
			return { status: res.status, headers, body: await res.text() };
		} catch (err) {
			throw toChannelApiError(err, context);
		}
	};
}

/** The part of n8n's `this.helpers.httpRequest` this adapter needs, typed here so lib/ stays free of n8n. */
export type RequestHelper = (options: {
	method: HttpMethod;
	url: string;
	headers?: Record<string, string>;
	qs?: Record<string, QueryValue>;
	body?: string | Buffer;
	timeout?: number;
	json: false;
	encoding: 'arraybuffer';
	returnFullResponse: true;
	ignoreHttpStatusErrors: true;
}) => Promise<{ statusCode: number; headers: Record<string, unknown>; body: unknown }>;

/** Wraps n8n's request helper (bound to the node's `this`) into an HttpClient returning raw body text. */
export function httpClientFromRequestHelper(request: RequestHelper): HttpClient {
	return async (req) => {
		const { body, contentType } = encodeBody(req);
		const context = req.context ?? { provider: new URL(req.url).host };
		let res: Awaited<ReturnType<RequestHelper>>;
		try {
			res = await request({
				method: req.method,
				url: req.url,
				headers: withContentType(req.headers ?? {}, contentType),
				qs: req.qs,
				body,
				timeout: req.timeoutMs,
				// arraybuffer stops axios from JSON-parsing the body (which would round 19-digit ids).
				json: false,
				encoding: 'arraybuffer',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			});
		} catch (err) {
			throw toChannelApiError(err, context);
		}
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(res.headers ?? {})) {
			if (value === undefined || value === null) continue;
			headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
		}
		return { status: res.statusCode, headers, body: bodyText(res.body) };
	};
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	// Already parsed by someone upstream: big ids may be rounded, but the shape is kept.
	return JSON.stringify(body);
}
