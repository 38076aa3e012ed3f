// The hash and compare primitives the carrier signatures are built from.
import { createHash, timingSafeEqual } from 'node:crypto';

export function md5Hex(text: string): string {
	return createHash('md5').update(text, 'utf8').digest('hex');
}

/** base64 of the 16 raw MD5 bytes (SF, Cainiao, ZTO, YTO style). */
export function md5RawBase64(text: string): string {
	return createHash('md5').update(text, 'utf8').digest('base64');
}

/** Constant-time string comparison; strings of different length are simply unequal. */
export function safeEqual(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && timingSafeEqual(left, right);
}
