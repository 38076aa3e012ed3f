// A small TOP client written for these tests only: signs requests on its own (md5 / hmac / hmac-sha256),
// so the sandbox's verifier is checked against a second implementation.
import { createHash, createHmac } from 'node:crypto';

/** Response bodies in these tests are read field by field; this lets them be indexed freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface TopClientOptions {
	baseUrl: string;
	appKey: string;
	secret: string;
	session?: string;
	signMethod?: 'md5' | 'hmac' | 'hmac-sha256';
	/** Epoch ms used for the timestamp parameter (the sandbox clock). */
	now: () => number;
}

export function shanghaiText(ms: number): string {
	return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export function signTop(params: Record<string, string>, secret: string): string {
	const text = Object.keys(params)
		.filter((k) => k !== 'sign' && params[k] !== '')
		.sort()
		.map((k) => `${k}${params[k]}`)
		.join('');
	const method = params.sign_method ?? 'md5';
	if (method === 'hmac') return createHmac('md5', secret).update(text).digest('hex').toUpperCase();
	if (method === 'hmac-sha256') return createHmac('sha256', secret).update(text).digest('hex').toUpperCase();
	return createHash('md5').update(secret + text + secret).digest('hex').toUpperCase();
}

export function signedParams(options: TopClientOptions, method: string, business: Record<string, string>) {
	const params: Record<string, string> = {
		method,
		app_key: options.appKey,
		timestamp: shanghaiText(options.now()),
		format: 'json',
		v: '2.0',
		sign_method: options.signMethod ?? 'md5',
		...(options.session ? { session: options.session } : {}),
		...business,
	};
	params.sign = signTop(params, options.secret);
	return params;
}

export async function postForm(baseUrl: string, params: Record<string, string>): Promise<{ status: number; text: string }> {
	const res = await fetch(baseUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
		body: new URLSearchParams(params).toString(),
	});
	return { status: res.status, text: await res.text() };
}

/** Parses a body keeping integers beyond 2^53 as exact strings. */
export function parseLossless(text: string): Json {
	return JSON.parse(text, (_key, value, context?: { source?: string }) =>
		typeof value === 'number' && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source)
			? context.source
			: value,
	);
}

export async function callTop(options: TopClientOptions, method: string, business: Record<string, string> = {}) {
	const res = await postForm(options.baseUrl, signedParams(options, method, business));
	return { ...res, body: parseLossless(res.text) };
}

/** Client options for one of the sandbox's default Taobao shops. */
export function sandboxShop(
	sandbox: { url: string; world: { clock: { now(): number } } },
	session = 'tbsess-flagship-0001',
	overrides: Partial<TopClientOptions> = {},
): TopClientOptions {
	return {
		baseUrl: `${sandbox.url}/taobao/router/rest`,
		appKey: '21000001',
		secret: 'sandbox-taobao-secret-0001',
		session,
		now: () => sandbox.world.clock.now(),
		...overrides,
	};
}

export async function admin(sandbox: { url: string }, method: string, path: string, body?: unknown): Promise<Json> {
	const res = await fetch(`${sandbox.url}/_admin${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (res.status >= 400) throw new Error(`admin ${method} ${path} -> ${res.status} ${text}`);
	return JSON.parse(text);
}
