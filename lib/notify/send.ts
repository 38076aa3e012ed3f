// The one send loop every robot uses: queue within the rate limit, sign per attempt, post, read the
// platform's answer, and retry only when the platform said "too fast".
import {
	errorOfKind,
	httpStatusError,
	isChannelApiError,
	toChannelApiError,
	withRetry,
	type ErrorContext,
	type ErrorKind,
	type HttpResponse,
	type RetryPolicy,
} from '../http';
import { parseJsonLossless } from '../json';
import { sharedSendRateLimiter } from './rate-limit';
import { PLATFORM_NAMES, parseRobotUrl } from './robot-url';
import type { BuiltBody, NotifyMessage, NotifyPlatform, RateRule, RobotCredentials, SendDeps, SendResult } from './types';

/**
 * Attempts are the only bound: time spent queueing behind the rate limit is not retry time. Anything but a
 * rate-limit answer is final, because a 5xx or a dropped connection may still have posted the message.
 */
export const NOTIFY_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 4,
	maxTotalMs: Number.MAX_SAFE_INTEGER,
	baseDelayMs: 1_000,
	maxDelayMs: 60_000,
};

/** How the platform's own error codes map to our error classes, with what the operator should do. */
export interface CodeRule {
	kind: ErrorKind;
	hint?: string | ((platformMessage: string) => string | undefined);
}

/** What makes one robot platform different; everything else is shared. */
export interface RobotDriver {
	platform: NotifyPlatform;
	/** Names the call in error messages, e.g. "robot/send". */
	method: string;
	rateRules: RateRule[];
	/** How long to wait after a rate-limit answer (the platform sends no Retry-After). */
	throttleRetryAfterMs: number;
	codes: Record<number, CodeRule>;
	build(message: NotifyMessage, credentials: RobotCredentials): BuiltBody;
	/** URL and body of one attempt, signed at `nowMs`. */
	request(body: Record<string, unknown>, token: string, credentials: RobotCredentials, nowMs: number): { url: string; body: object };
	/** The platform's code, text and message id in an answer body. */
	readAnswer(answer: Record<string, unknown>): { code: number; message: string; messageId?: string };
}

/** Wraps an error withRetry must not repeat; not an Error, so withRetry passes it straight through. */
class FinalFailure {
	constructor(readonly error: unknown) {}
}

export function errorContext(driver: RobotDriver): ErrorContext {
	return { provider: PLATFORM_NAMES[driver.platform], method: driver.method };
}

/** The platform's answer as a result, or the classified error; unknown codes are permanent. */
export function readRobotResponse(driver: RobotDriver, res: HttpResponse): { messageId?: string } {
	const context = errorContext(driver);
	const statusError = httpStatusError(res, context);
	if (statusError?.kind === 'throttled' && statusError.retryAfterMs === undefined) {
		const { platformMessage, httpStatus } = statusError;
		throw errorOfKind('throttled', { ...context, httpStatus, platformMessage, retryAfterMs: driver.throttleRetryAfterMs });
	}
	if (statusError) throw statusError;
	const answer = parseJsonLossless<Record<string, unknown>>(res.body, context);
	const { code, message, messageId } = driver.readAnswer(answer ?? {});
	if (code === 0) return { messageId };
	const rule = driver.codes[code] ?? { kind: 'permanent' };
	const hint = typeof rule.hint === 'function' ? rule.hint(message) : rule.hint;
	const retryAfterMs = rule.kind === 'throttled' ? driver.throttleRetryAfterMs : undefined;
	throw errorOfKind(rule.kind, { ...context, code, platformMessage: message || undefined, hint, retryAfterMs, httpStatus: res.status });
}

/** Sends one message through `driver`; resolves once the platform accepted it. */
export async function sendWithDriver(driver: RobotDriver, message: NotifyMessage, deps: SendDeps): Promise<SendResult> {
	const { credentials, http, now, sleep } = deps;
	const { token } = parseRobotUrl(driver.platform, credentials.token);
	const built = driver.build(message, credentials);
	const limiter = deps.limiter ?? sharedSendRateLimiter;
	const queueKey = `${driver.platform}|${credentials.baseUrl}|${token}`;
	const context = errorContext(driver);
	let attempts = 0;
	try {
		const { messageId } = await withRetry(
			async (attempt) => {
				attempts = attempt;
				await limiter.acquire(queueKey, driver.rateRules, { now, sleep });
				const { url, body } = driver.request(built.body, token, credentials, now());
				try {
					const res = await http({ method: 'POST', url, body, headers: { 'content-type': 'application/json; charset=utf-8' }, context });
					return readRobotResponse(driver, res);
				} catch (err) {
					const error = toChannelApiError(err, context);
					if (error.kind !== 'throttled') throw new FinalFailure(error);
					limiter.pause(queueKey, now() + (error.retryAfterMs ?? driver.throttleRetryAfterMs));
					throw error;
				}
			},
			NOTIFY_RETRY_POLICY,
			{ sleep, now, random: deps.random },
		);
		return { platform: driver.platform, messageId, attempts, truncated: built.truncated };
	} catch (err) {
		const error = err instanceof FinalFailure ? err.error : err;
		if (isChannelApiError(error)) error.attempts = attempts;
		throw error;
	}
}
