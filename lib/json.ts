// Lossless JSON for channel bodies: several channels send 18-19 digit order ids as bare JSON numbers,
// which plain JSON.parse silently rounds (1234567890123456789 -> 1234567890123456800).
import { MalformedResponseError, type ErrorContext } from './http';

type SourceReviver = (this: unknown, key: string, value: unknown, context?: { source?: string }) => unknown;
type RawJson = (text: string) => unknown;

// Every unsafe integer has at least 16 digits, so bodies without such a run skip the slower reviver.
const LONG_DIGIT_RUN = /\d{16}/;
const INTEGER_SOURCE = /^-?\d+$/;
const JSON_INTEGER = /^-?(0|[1-9]\d*)$/;

const keepBigIntegersAsText: SourceReviver = function (_key, value, context) {
	if (typeof value !== 'number' || Number.isSafeInteger(value)) return value;
	const source = context?.source;
	if (source === undefined) {
		if (Number.isInteger(value)) {
			throw new Error('this Node.js version hides the JSON source text from revivers; use Node.js >= 22');
		}
		return value;
	}
	return INTEGER_SOURCE.test(source) ? source : value;
};

/**
 * JSON.parse that turns integers outside the safe range into strings with their exact digits; safe
 * integers and all fractions stay numbers. Throws MalformedResponseError (transient) on invalid JSON.
 */
export function parseJsonLossless<T = unknown>(
	text: string,
	context: ErrorContext = { provider: 'response' },
): T {
	try {
		if (!LONG_DIGIT_RUN.test(text)) return JSON.parse(text) as T;
		return JSON.parse(text, keepBigIntegersAsText as Parameters<typeof JSON.parse>[1]) as T;
	} catch (err) {
		if (!(err instanceof SyntaxError)) throw err;
		const platformMessage = malformedDetail(err, text);
		throw new MalformedResponseError({ ...context, body: text, platformMessage, cause: err });
	}
}

function malformedDetail(err: SyntaxError, text: string): string {
	const start = text.slice(0, 200);
	return `response is not valid JSON: ${err.message}; body starts with ${JSON.stringify(start)}`;
}

export interface StringifyOptions {
	/** Keys whose digit-string values are written as bare JSON numbers (as the platform itself would). */
	numericKeys?: Iterable<string>;
	space?: number;
}

/**
 * JSON.stringify that can write big ids as bare numbers without rounding: bigint values always, and digit
 * strings under `numericKeys`. Used to emit platform-shaped bodies (the sandbox) and to round-trip tests.
 */
export function stringifyWithBigIds(value: unknown, options: StringifyOptions = {}): string {
	const rawJSON = (JSON as unknown as { rawJSON?: RawJson }).rawJSON;
	if (!rawJSON) throw new Error('this Node.js version lacks JSON.rawJSON; use Node.js >= 22');
	const numericKeys = new Set(options.numericKeys ?? []);
	return JSON.stringify(
		value,
		function (this: Record<string, unknown>, key, v: unknown) {
			// The holder's own value: n8n-workflow installs BigInt.prototype.toJSON, which turns v into a string first.
			const original = this[key];
			if (typeof original === 'bigint') return rawJSON(original.toString());
			if (typeof v === 'bigint') return rawJSON(v.toString());
			if (typeof v === 'string' && numericKeys.has(key) && JSON_INTEGER.test(v)) return rawJSON(v);
			return v;
		},
		options.space,
	);
}
