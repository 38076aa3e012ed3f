// SF msgDigest = base64(md5_raw(JavaURLEncoder(msgData + timestamp + checkWord))). The Java encoder is
// reproduced exactly: JS encodeURIComponent differs on space, ~ ! ' ( ) and * and gives a wrong digest.
import { md5RawBase64, safeEqual } from '../digest';

// java.net.URLEncoder leaves only these as they are.
const JAVA_UNRESERVED = /^[A-Za-z0-9.\-*_]$/;

/** java.net.URLEncoder.encode(text, "UTF-8"): space -> '+', unreserved kept, the rest %XX (upper-case hex). */
export function javaUrlEncode(text: string): string {
	let out = '';
	for (const char of text) {
		if (char === ' ') out += '+';
		else if (JAVA_UNRESERVED.test(char)) out += char;
		else out += percentEncode(char);
	}
	return out;
}

function percentEncode(char: string): string {
	const codePoint = char.codePointAt(0) ?? 0;
	// Java's UTF-8 encoder replaces a lone surrogate with '?'.
	if (codePoint >= 0xd800 && codePoint <= 0xdfff) return '%3F';
	let out = '';
	for (const byte of Buffer.from(char, 'utf8')) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
	return out;
}

export function sfMsgDigest(msgData: string, timestamp: string | number, checkWord: string): string {
	return md5RawBase64(javaUrlEncode(msgData + String(timestamp) + checkWord));
}

/** For the form-signed route push variant (msgData + msgDigest); the JSON push carries no signature. */
export function verifySfMsgDigest(
	msgData: string,
	timestamp: string | number,
	checkWord: string,
	msgDigest: string,
): boolean {
	return safeEqual(msgDigest.trim(), sfMsgDigest(msgData, timestamp, checkWord));
}
