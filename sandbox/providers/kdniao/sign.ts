// Kdniao DataSign as the gateway checks it: base64 of the lower-case MD5 hex text of RequestData + AppKey.
import { createHash, timingSafeEqual } from 'node:crypto';

export function dataSign(requestData: string, appKey: string): string {
	return Buffer.from(createHash('md5').update(requestData + appKey, 'utf8').digest('hex'), 'utf8').toString('base64');
}

export function signMatches(received: string, expected: string): boolean {
	const a = Buffer.from(received);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}
