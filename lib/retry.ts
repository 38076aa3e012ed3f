// The one retry policy for every channel, carrier and notifier call: exponential backoff with full jitter,
// Retry-After honoured, bounded attempts and total time, and only throttled or transient failures retried.
import type { ChannelApiError } from './http';

export interface RetryInfo {
	/** The attempt that just failed, from 1. */
	attempt: number;
	delayMs: number;
	error: ChannelApiError;
}

export interface RetryPolicy {
	/** Total attempts including the first; default 5. */
	maxAttempts?: number;
	/** No retry starts if its wait would end later than this after the first attempt; default 60 s. */
	maxTotalMs?: number;
	/** The first backoff ceiling, doubled each attempt; default 500 ms. */
	baseDelayMs?: number;
	/** Upper bound of one backoff wait (a longer Retry-After still wins); default 20 s. */
	maxDelayMs?: number;
	onRetry?: (info: RetryInfo) => void;
}

export interface RetryDeps {
	sleep?: (ms: number) => Promise<void>;
	now?: () => number;
	random?: () => number;
}

export const DEFAULT_RETRY_POLICY = {
	maxAttempts: 5,
	maxTotalMs: 60_000,
	baseDelayMs: 500,
	maxDelayMs: 20_000,
} as const;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Only throttling and transient failures are worth repeating; duck-typed so any error with a kind works. */
export function isRetryable(err: unknown): err is ChannelApiError {
	const kind = (err as { kind?: unknown } | null)?.kind;
	return kind === 'throttled' || kind === 'transient';
}

/** Full-jitter exponential backoff: uniform in [0, min(maxDelay, base * 2^(attempt-1))). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
	const base = policy.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs;
	const cap = policy.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs;
	return Math.floor(random() * Math.min(cap, base * 2 ** (attempt - 1)));
}

/**
 * Runs fn until it succeeds, retrying throttled and transient errors with backoff (never shorter than the
 * error's retryAfterMs) within the attempt and total-time bounds; other errors are rethrown at once.
 * The error finally thrown carries `attempts`, and its message says so when more than one attempt was made.
 */
export async function withRetry<T>(
	fn: (attempt: number) => Promise<T>,
	policy: RetryPolicy = {},
	deps: RetryDeps = {},
): Promise<T> {
	const sleep = deps.sleep ?? defaultSleep;
	const now = deps.now ?? Date.now;
	const random = deps.random ?? Math.random;
	const maxAttempts = Math.max(1, policy.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts);
	const maxTotalMs = policy.maxTotalMs ?? DEFAULT_RETRY_POLICY.maxTotalMs;
	const startedAt = now();
	for (let attempt = 1; ; attempt++) {
		try {
			return await fn(attempt);
		} catch (err) {
			const tries = `${attempt} attempt${attempt > 1 ? 's' : ''}`;
			if (!isRetryable(err)) throw giveUp(err, attempt, attempt > 1 ? `after ${tries}` : '');
			if (attempt >= maxAttempts) throw giveUp(err, attempt, `gave up after ${tries}`);
			const delayMs = Math.max(err.retryAfterMs ?? 0, backoffDelay(attempt, policy, random));
			const elapsed = now() - startedAt;
			if (elapsed + delayMs > maxTotalMs) {
				const why = `waiting ${delayMs} ms more would exceed the ${maxTotalMs} ms retry budget`;
				throw giveUp(err, attempt, `gave up after ${tries}: ${why}`);
			}
			policy.onRetry?.({ attempt, delayMs, error: err });
			await sleep(delayMs);
		}
	}
}

function giveUp(err: unknown, attempts: number, reason: string): unknown {
	if (typeof err !== 'object' || err === null) return err;
	const failed = err as { attempts?: number; message?: unknown };
	failed.attempts = attempts;
	if (reason && typeof failed.message === 'string') failed.message += ` (${reason})`;
	return err;
}
