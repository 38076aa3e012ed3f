// Pinduoduo signature check, written apart from the pack's client so each cross-checks the other.
// sign = UPPER(hex(MD5(client_secret + sorted k+v pairs + client_secret))) (channels.md §6.2).
import { createHash, timingSafeEqual } from 'node:crypto';

export function pddSignText(params: Record<string, string>): string {
	return Object.keys(params)
		.filter((key) => key !== 'sign' && params[key] !== '')
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
		.map((key) => key + params[key])
		.join('');
}

export function pddSign(params: Record<string, string>, secret: string): string {
	return createHash('md5').update(secret + pddSignText(params) + secret, 'utf8').digest('hex').toUpperCase();
}

export function verifyPddSignature(params: Record<string, string>, secret: string): boolean {
	if (typeof params.sign !== 'string') return false;
	const expected = Buffer.from(pddSign(params, secret));
	const given = Buffer.from(params.sign.toUpperCase());
	return given.length === expected.length && timingSafeEqual(given, expected);
}
