// TOP request signing (channels.md §1.2): every sent parameter except `sign`, empty values left out,
// sorted by name, joined as key+value, digested with the app secret, upper-case hex.
import { createHash, createHmac } from 'node:crypto';

export const TOP_SIGN_METHODS = ['md5', 'hmac', 'hmac-sha256'] as const;
export type TopSignMethod = (typeof TOP_SIGN_METHODS)[number];

export type TopParams = Record<string, string | number | boolean | undefined | null>;

/** The parameters as they go on the wire: strings only, empty and missing values dropped (SDKs do the same). */
export function compactTopParams(params: TopParams): Record<string, string> {
	const sent: Record<string, string> = {};
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined || value === null) continue;
		const text = String(value);
		if (text !== '') sent[key] = text;
	}
	return sent;
}

/** The string TOP digests: keys in byte order (ASCII for every TOP name), `sign` excluded, no separators. */
export function topSignBase(params: TopParams): string {
	const sent = compactTopParams(params);
	return Object.keys(sent)
		.filter((key) => key !== 'sign')
		.sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')))
		.map((key) => key + sent[key])
		.join('');
}

/** The `sign` value for these parameters; the digest follows `method`, which must match the sent `sign_method`. */
export function signTopParams(params: TopParams, secret: string, method: TopSignMethod): string {
	const base = topSignBase(params);
	switch (method) {
		case 'md5':
			return createHash('md5').update(secret + base + secret, 'utf8').digest('hex').toUpperCase();
		case 'hmac':
			return createHmac('md5', Buffer.from(secret, 'utf8')).update(base, 'utf8').digest('hex').toUpperCase();
		case 'hmac-sha256':
			return createHmac('sha256', Buffer.from(secret, 'utf8')).update(base, 'utf8').digest('hex').toUpperCase();
		default:
			throw new Error(`Unknown TOP sign method ${JSON.stringify(method)}; use md5, hmac or hmac-sha256`);
	}
}

export function isTopSignMethod(value: unknown): value is TopSignMethod {
	return (TOP_SIGN_METHODS as readonly unknown[]).includes(value);
}
