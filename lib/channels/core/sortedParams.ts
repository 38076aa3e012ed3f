// Sorted-parameter signing shared by TOP-style gateways (Taobao TOP, JD JOS, Pinduoduo): every sent
// parameter except `sign`, empty values left out, sorted by name, joined as key+value, digested with the
// app secret, upper-case hex. The channels differ only in which digest they name and how.
import { createHash, createHmac } from 'node:crypto';

export type SortedParamDigest = 'md5' | 'hmac-md5' | 'hmac-sha256';

export type WireParams = Record<string, string | number | boolean | undefined | null>;

/** The parameters as they go on the wire: strings only, empty and missing values dropped (SDKs do the same). */
export function compactParams(params: WireParams): Record<string, string> {
	const sent: Record<string, string> = {};
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined || value === null) continue;
		const text = String(value);
		if (text !== '') sent[key] = text;
	}
	return sent;
}

/** The string that is digested: keys in byte order, `sign` excluded, key+value with no separators. */
export function sortedParamBase(params: WireParams): string {
	const sent = compactParams(params);
	return Object.keys(sent)
		.filter((key) => key !== 'sign')
		.sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')))
		.map((key) => key + sent[key])
		.join('');
}

/** md5 wraps the base in the secret (secret + base + secret); the HMACs key on the secret. UTF-8 throughout. */
export function signSortedParams(params: WireParams, secret: string, digest: SortedParamDigest): string {
	const base = sortedParamBase(params);
	switch (digest) {
		case 'md5':
			return createHash('md5').update(secret + base + secret, 'utf8').digest('hex').toUpperCase();
		case 'hmac-md5':
			return createHmac('md5', Buffer.from(secret, 'utf8')).update(base, 'utf8').digest('hex').toUpperCase();
		case 'hmac-sha256':
			return createHmac('sha256', Buffer.from(secret, 'utf8')).update(base, 'utf8').digest('hex').toUpperCase();
		default:
			throw new Error(`Unknown digest ${JSON.stringify(digest)}; use md5, hmac-md5 or hmac-sha256`);
	}
}
