// Kuaidi100 signatures: plain concatenation, MD5, upper-case hex; the auth key itself is never sent.
import { md5Hex, safeEqual } from '../digest';

/** Real-time query (poll/query.do): UPPER(md5(param + key + customer)). */
export function kuaidi100QuerySign(param: string, key: string, customer: string): string {
	return md5Hex(param + key + customer).toUpperCase();
}

/** Subscription push: UPPER(md5(param + salt)), over the param text exactly as received. */
export function kuaidi100PushSign(param: string, salt: string): string {
	return md5Hex(param + salt).toUpperCase();
}

/**
 * E-waybill / label and the other `t`-stamped APIs (label/order, printapi, borderapi, borderbestapi):
 * UPPER(md5(param + t + key + secret)).
 */
export function kuaidi100TimedSign(param: string, t: string, key: string, secret: string): string {
	return md5Hex(param + t + key + secret).toUpperCase();
}

/** Checks a push's `sign` field against the salt given when subscribing (case-insensitive hex). */
export function verifyKuaidi100PushSign(param: string, sign: string, salt: string): boolean {
	return safeEqual(sign.trim().toUpperCase(), kuaidi100PushSign(param, salt));
}
