// The one request core of the carrier clients: a form-encoded POST, HTTP status and network failures
// classified, the body parsed losslessly, the provider's envelope read by the caller, retries per lib/retry.
import { httpStatusError, isRetryable, toChannelApiError, withRetry, type ErrorContext, type QueryValue } from '../http';
import { parseJsonLossless } from '../json';
import type { CarrierDeps } from './types';

export interface CarrierCall<T> {
	url: string;
	/** Form fields; undefined ones are left out. */
	form?: Record<string, string | undefined>;
	qs?: Record<string, QueryValue>;
	context: ErrorContext;
	/**
	 * False for calls that create something (orders, waybills): those are retried only after the provider
	 * said "too fast", never after a timeout or 5xx, which may have created it already.
	 */
	idempotent: boolean;
	/** Reads the parsed body: the result, or a thrown classified error. */
	read: (body: unknown) => T;
}

/** Carries an error withRetry must not repeat; not an Error and without a kind, so it passes straight through. */
class FinalFailure {
	constructor(readonly error: unknown) {}
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';

export function encodeForm(fields: Record<string, string | undefined>): string {
	const form = new URLSearchParams();
	for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
	return form.toString();
}

export async function callCarrier<T>(deps: CarrierDeps, call: CarrierCall<T>): Promise<T> {
	const once = async (): Promise<T> => {
		const res = await deps
			.http({
				method: 'POST',
				url: call.url,
				qs: call.qs,
				headers: { 'content-type': FORM_CONTENT_TYPE },
				body: call.form ? encodeForm(call.form) : '',
				context: call.context,
			})
			.catch((err: unknown) => {
				throw toChannelApiError(err, call.context);
			});
		const statusError = httpStatusError(res, call.context, deps.now?.());
		if (statusError) throw statusError;
		return call.read(parseJsonLossless(res.body, call.context));
	};
	try {
		return await withRetry(
			async () => {
				try {
					return await once();
				} catch (err) {
					if (!call.idempotent && isRetryable(err) && err.kind !== 'throttled') throw new FinalFailure(err);
					throw err;
				}
			},
			deps.retry,
			{ sleep: deps.sleep, now: deps.now, random: deps.random },
		);
	} catch (err) {
		throw err instanceof FinalFailure ? err.error : err;
	}
}

/** A base URL (with or without a trailing slash) and a path starting with '/'. */
export function joinUrl(base: string, path: string): string {
	return base.replace(/\/+$/, '') + path;
}
