// Own-site pushes are signed with a shared secret: HMAC over the exact body bytes the site sent, or over
// `<timestamp>.<body>` when a timestamp header is configured, so a captured push cannot be replayed later.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_ALGORITHMS = ['sha256', 'sha1', 'sha512'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];
export const SIGNATURE_ENCODINGS = ['hex', 'base64'] as const;
export type SignatureEncoding = (typeof SIGNATURE_ENCODINGS)[number];

export const DEFAULT_SIGNATURE_HEADER = 'X-Signature';
/** Pushes whose timestamp is further than this from now are refused as replays (when a timestamp header is set). */
export const DEFAULT_TIMESTAMP_TOLERANCE_SECONDS = 300;

export interface SignatureScheme {
	algorithm: SignatureAlgorithm;
	encoding: SignatureEncoding;
	/** Text before the digest in the header, e.g. 'sha256='; '' for none. */
	prefix?: string;
}

export interface VerifyInput {
	rawBody: Buffer | string;
	/** The signature header's value as received. */
	signature: unknown;
	/** The timestamp header's value; only looked at when `timestampHeader` is on. */
	timestamp?: unknown;
}

export interface VerifyOptions extends SignatureScheme {
	secret: string | undefined;
	/** True when the scheme signs `<timestamp>.<body>` and stale timestamps are refused. */
	timestampHeader?: boolean;
	toleranceSeconds?: number;
	nowMs: number;
}

export type VerifyVerdict = { ok: true } | { ok: false; reason: string };

const UNIX_SECONDS = /^\d{1,12}$/;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/** The bytes that are signed: the raw body, or `<timestamp>.<raw body>` (timestamp as sent, ASCII '.' between). */
export function signedMessage(rawBody: Buffer | string, timestamp?: string): Buffer {
	const body = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8');
	return timestamp === undefined ? body : Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), body]);
}

/** The header value a site sends: prefix + encoded HMAC(secret, signedMessage(body, timestamp)). */
export function ownSiteSignature(rawBody: Buffer | string, secret: string, scheme: SignatureScheme, timestamp?: string): string {
	const digest = createHmac(scheme.algorithm, secret).update(signedMessage(rawBody, timestamp)).digest(scheme.encoding);
	return `${scheme.prefix ?? ''}${digest}`;
}

/**
 * Checks a push: the signature in constant time over the raw bytes and, when a timestamp header is
 * configured, that the timestamp is Unix seconds within the tolerance of now. Never throws.
 */
export function verifyOwnSiteSignature(input: VerifyInput, options: VerifyOptions): VerifyVerdict {
	if (!options.secret) return { ok: false, reason: 'no signing secret on the credential' };
	const header = typeof input.signature === 'string' ? input.signature.trim() : '';
	if (header === '') return { ok: false, reason: 'signature header missing' };

	let timestamp: string | undefined;
	if (options.timestampHeader) {
		timestamp = typeof input.timestamp === 'string' ? input.timestamp.trim() : '';
		if (!UNIX_SECONDS.test(timestamp)) return { ok: false, reason: 'timestamp header missing or not Unix seconds' };
		const tolerance = options.toleranceSeconds ?? DEFAULT_TIMESTAMP_TOLERANCE_SECONDS;
		if (tolerance > 0 && Math.abs(options.nowMs - Number(timestamp) * 1000) > tolerance * 1000) {
			return { ok: false, reason: `timestamp ${timestamp} is more than ${tolerance} s from now` };
		}
	}

	const prefix = options.prefix ?? '';
	if (!header.startsWith(prefix)) return { ok: false, reason: `signature does not start with ${JSON.stringify(prefix)}` };
	const given = decodeDigest(header.slice(prefix.length), options.encoding);
	if (!given) return { ok: false, reason: `signature is not ${options.encoding}` };
	const expected = createHmac(options.algorithm, options.secret).update(signedMessage(input.rawBody, timestamp)).digest();
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature does not match' };
	return { ok: true };
}

/** The digest bytes of an encoded signature (hex in either case; base64 with or without padding). */
function decodeDigest(text: string, encoding: SignatureEncoding): Buffer | undefined {
	if (encoding === 'hex') return HEX.test(text) ? Buffer.from(text, 'hex') : undefined;
	return text !== '' && BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}
