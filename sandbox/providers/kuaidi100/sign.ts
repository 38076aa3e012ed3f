// Kuaidi100 signatures (logistics.md §1.1, §1.3, §1.4): MD5, upper-case hex, plain concatenation.
// Written apart from the pack's client so the two cross-check each other.
import { createHash, timingSafeEqual } from 'node:crypto';

const md5Upper = (text: string) => createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();

/** Real-time query: UPPER(md5(param + key + customer)). */
export const querySign = (param: string, key: string, customer: string) => md5Upper(param + key + customer);

/** Push to the callback URL: UPPER(md5(param + salt)). */
export const pushSign = (param: string, salt: string) => md5Upper(param + salt);

/** Label (e-waybill) API: UPPER(md5(param + t + key + secret)). */
export const labelSign = (param: string, t: string, key: string, secret: string) => md5Upper(param + t + key + secret);

/** Constant-time compare; Kuaidi100 sends upper case, lower case from a client is accepted too [I]. */
export function signMatches(given: string | undefined, expected: string): boolean {
	if (typeof given !== 'string') return false;
	const a = Buffer.from(given.toUpperCase());
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}
