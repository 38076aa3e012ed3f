// JOS signature check, written apart from the pack's client so each cross-checks the other:
// sign = UPPER(hex(MD5(secret + sorted name+value pairs + secret))) over every parameter but `sign`,
// with `360buy_param_json` exactly as received (channels.md §2.2).
import { createHash, timingSafeEqual } from 'node:crypto';

/** [I] Empty values are left out of the signed text, as the JD SDKs do. */
export const JOS_SIGN_SKIPS_EMPTY_VALUES = true;

export function josSignText(params: Record<string, string>): string {
	return Object.keys(params)
		.filter((key) => key !== 'sign' && !(JOS_SIGN_SKIPS_EMPTY_VALUES && params[key] === ''))
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
		.map((key) => key + params[key])
		.join('');
}

export function josSign(params: Record<string, string>, secret: string): string {
	return createHash('md5').update(secret + josSignText(params) + secret, 'utf8').digest('hex').toUpperCase();
}

/** True when `params.sign` is right for `secret`; hex is compared case-insensitively. */
export function verifyJosSignature(params: Record<string, string>, secret: string): boolean {
	if (typeof params.sign !== 'string') return false;
	const expected = Buffer.from(josSign(params, secret));
	const given = Buffer.from(params.sign.toUpperCase());
	return given.length === expected.length && timingSafeEqual(given, expected);
}
