// Kdniao DataSign: base64 of the lower-case MD5 *hex text* (not of the raw bytes), over RequestData
// before URL encoding.
import { md5Hex, safeEqual } from '../digest';

/** base64(md5_hex_lower(RequestData + AppKey)); give this to a form encoder, which URL-encodes it once. */
export function kdniaoDataSign(requestData: string, appKey: string): string {
	return Buffer.from(md5Hex(requestData + appKey), 'utf8').toString('base64');
}

/** The DataSign as it appears in a hand-built form body (the official demo's manual URL encoding). */
export function kdniaoDataSignFormValue(requestData: string, appKey: string): string {
	return encodeURIComponent(kdniaoDataSign(requestData, appKey));
}

/**
 * Checks a push's DataSign over the form-decoded RequestData. Accepts the sign once URL-encoded as well,
 * since the official demo encodes it by hand before the form encoder runs.
 */
export function verifyKdniaoDataSign(requestData: string, dataSign: string, appKey: string): boolean {
	const expected = kdniaoDataSign(requestData, appKey);
	const received = dataSign.trim();
	return safeEqual(received, expected) || safeEqual(received, encodeURIComponent(expected));
}
