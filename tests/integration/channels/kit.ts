// What every channel's sandbox kit shares: time helpers, a client on the sandbox clock whose retries do not
// really wait, call counting per platform method, the truth orders a channel shows, and the admin caller.
// Each channel's kit (taobao/taobaoSandbox.ts, jd/jdSandbox.ts, ...) adds its credentials and its truth view.
import { isDeepStrictEqual } from 'node:util';
import type { HttpClient, HttpRequest } from '../../../lib/http';
import { isoFromMillis } from '../../../lib/model';
import type { RetryPolicy } from '../../../lib/retry';
import type { Sandbox } from '../../../sandbox/server';
import type { TruthOrder } from '../../../sandbox/truth/types';

export const DAY_MS = 86_400_000;
export const iso = (ms: number) => isoFromMillis(ms);

export interface SandboxClientOptions {
	http?: HttpClient;
	retry?: RetryPolicy;
	/** Told of each retry wait, as it is recorded. */
	onWait?: (ms: number) => void;
}

/** What a channel client needs to run on the sandbox clock, with retry waits recorded instead of slept. */
export interface SandboxClock {
	retry?: RetryPolicy;
	retryDeps: { sleep: (ms: number) => Promise<void>; now: () => number };
	now: () => number;
	timeoutMs: number;
}

/** A client on the sandbox clock whose retries do not really wait (`waits` records them). */
export function clientOnSandboxClock<C>(sandbox: Sandbox, options: SandboxClientOptions, create: (clock: SandboxClock) => C) {
	const waits: number[] = [];
	const now = () => sandbox.world.clock.now();
	const client = create({
		retry: options.retry,
		retryDeps: {
			sleep: async (ms) => {
				waits.push(ms);
				options.onWait?.(ms);
			},
			now,
		},
		now,
		timeoutMs: 15_000,
	});
	return { client, waits };
}

/** An HttpClient over `base` that counts the calls the platform answered, per method as `methodOf` names it. */
export function countAnsweredCalls(base: HttpClient, methodOf: (req: HttpRequest) => string) {
	const byMethod: Record<string, number> = {};
	const http: HttpClient = async (req) => {
		const res = await base(req);
		const method = methodOf(req);
		byMethod[method] = (byMethod[method] ?? 0) + 1;
		return res;
	};
	return { http, byMethod, total: () => Object.values(byMethod).reduce((sum, n) => sum + n, 0) };
}

/** The `method` of a form-encoded gateway call (TOP, JOS), if it has one. */
export const formMethodOf = (req: HttpRequest): string | null =>
	new URLSearchParams(typeof req.body === 'string' ? req.body : '').get('method');

/** The truth orders of a channel (of one shop, if given) that exist as of the sandbox clock. */
export function visibleTruthOf(sandbox: Sandbox, channel: string, shopId?: string): TruthOrder[] {
	const now = sandbox.world.clock.now();
	return sandbox.world.truth
		.allOrders()
		.filter((o) => o.channel === channel && (shopId === undefined || o.shopId === shopId) && o.createdAt <= now);
}

/** Where a pulled order differs from the expected one: the differing fields with both values; undefined when equal. */
export function orderMismatch<T extends object>(id: string, actual: T, expected: Partial<T>) {
	const keys = Object.keys({ ...actual, ...expected }) as Array<keyof T>;
	const differing = keys.filter((k) => !isDeepStrictEqual(actual[k], expected[k]));
	if (!differing.length) return undefined;
	return { id, differing, actual: pick(actual, differing), expected: pick(expected, differing) };
}

function pick<T extends object>(value: Partial<T>, keys: Array<keyof T>): Partial<T> {
	return Object.fromEntries(keys.map((k) => [k, value[k]])) as Partial<T>;
}

/** Drops undefined members deeply, so expected and actual compare on what is present. */
export function defined<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const item of iterable) out.push(item);
	return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export async function admin(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<Json> {
	// A kept-alive socket the sandbox has just closed fails once with ECONNRESET; a fresh one works.
	const res = await adminFetch(sandbox, method, path, body).catch(() => adminFetch(sandbox, method, path, body));
	const text = await res.text();
	if (res.status >= 400) throw new Error(`admin ${method} ${path} -> ${res.status} ${text}`);
	return JSON.parse(text);
}

function adminFetch(sandbox: Sandbox, method: string, path: string, body?: unknown) {
	return fetch(`${sandbox.url}/_admin${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
}
