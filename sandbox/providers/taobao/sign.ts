// TOP signature check, written apart from the pack's client so each cross-checks the other.
// sign = UPPER(hex(digest(sorted k+v pairs))), digest per sign_method (channels.md §1.2).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const TOP_SIGN_METHODS = ['md5', 'hmac', 'hmac-sha256'] as const;
export type TopSignMethod = (typeof TOP_SIGN_METHODS)[number];

/** [I] The gateway leaves empty values out of the signed text, as the SDKs do when signing. */
export const TOP_SIGN_SKIPS_EMPTY_VALUES = true;

/** The text that gets digested: every parameter but `sign`, sorted by name, as name+value. */
export function topSignText(params: Record<string, string>): string {
	return Object.keys(params)
		.filter((key) => key !== 'sign' && !(TOP_SIGN_SKIPS_EMPTY_VALUES && params[key] === ''))
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
		.map((key) => key + params[key])
		.join('');
}

export function topSign(params: Record<string, string>, secret: string, method: TopSignMethod): string {
	return topDigest(topSignText(params), secret, method);
}

/** The digest step alone, upper-case hex. */
export function topDigest(text: string, secret: string, method: TopSignMethod): string {
	switch (method) {
		case 'md5':
			return createHash('md5').update(secret + text + secret, 'utf8').digest('hex').toUpperCase();
		case 'hmac':
			return createHmac('md5', secret).update(text, 'utf8').digest('hex').toUpperCase();
		case 'hmac-sha256':
			return createHmac('sha256', secret).update(text, 'utf8').digest('hex').toUpperCase();
	}
}

export function isTopSignMethod(value: string): value is TopSignMethod {
	return (TOP_SIGN_METHODS as readonly string[]).includes(value);
}

/** True when `params.sign` is the right signature for `secret`; md5 is the default sign_method. */
export function verifyTopSignature(params: Record<string, string>, secret: string): boolean {
	const method = params.sign_method ?? 'md5';
	if (!isTopSignMethod(method) || typeof params.sign !== 'string') return false;
	const expected = Buffer.from(topSign(params, secret, method));
	// The gateway compares hex case-insensitively: SDKs differ in the case they send.
	const given = Buffer.from(params.sign.toUpperCase());
	return given.length === expected.length && timingSafeEqual(given, expected);
}
