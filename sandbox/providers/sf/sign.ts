// SF msgDigest as the gateway computes it: base64(md5_raw(java.net.URLEncoder(msgData + timestamp + checkWord))).
// Written apart from the pack's client on purpose, so a wrong reading on one side shows up as A1006.
import { createHash, timingSafeEqual } from 'node:crypto';

const UNRESERVED = /[A-Za-z0-9.\-*_]/;

export function javaUrlEncoded(text: string): string {
	let out = '';
	for (const char of text) {
		if (char === ' ') out += '+';
		else if (UNRESERVED.test(char)) out += char;
		else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

export function msgDigest(msgData: string, timestamp: string, checkWord: string): string {
	return createHash('md5').update(javaUrlEncoded(msgData + timestamp + checkWord), 'utf8').digest('base64');
}

export function digestMatches(received: string, expected: string): boolean {
	const a = Buffer.from(received);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}
