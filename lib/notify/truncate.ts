// Size limits: every platform refuses (or silently cuts) an oversized message, so we cut it first, on a
// character boundary, and say so at the end of the text.
import type { BuiltBody } from './types';

/** Appended to a cut text; names how much is missing so nobody mistakes it for the whole message. */
export function truncationMarker(omittedChars: number): string {
	return `\n…(truncated: ${omittedChars} more characters did not fit the platform's size limit)`;
}

export function utf8Length(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

/** The text, cut to at most `maxBytes` UTF-8 bytes including the marker; never splits a character. */
export function truncateToBytes(text: string, maxBytes: number): { text: string; truncated: boolean } {
	if (utf8Length(text) <= maxBytes) return { text, truncated: false };
	const chars = Array.from(text);
	// The marker for "every character omitted" is the longest one this text can need.
	const budget = maxBytes - utf8Length(truncationMarker(chars.length));
	if (budget < 0) return { text: cutChars(chars, maxBytes).join(''), truncated: true };
	const kept = cutChars(chars, budget);
	return { text: kept.join('') + truncationMarker(chars.length - kept.length), truncated: true };
}

function cutChars(chars: string[], maxBytes: number): string[] {
	let used = 0;
	let count = 0;
	for (const char of chars) {
		const size = utf8Length(char);
		if (used + size > maxBytes) break;
		used += size;
		count++;
	}
	return chars.slice(0, count);
}

/**
 * Builds a body from `text`, shortening the text as little as possible so the whole JSON body fits
 * `maxBodyBytes` (Feishu limits the request, not a field; JSON escapes make the body grow faster than the text).
 */
export function fitBody(build: (text: string) => Record<string, unknown>, text: string, maxBodyBytes: number): BuiltBody {
	const sizeWith = (candidate: string) => utf8Length(JSON.stringify(build(candidate)));
	if (sizeWith(text) <= maxBodyBytes) return { body: build(text), truncated: false };
	// Binary search for the largest text budget whose body fits.
	let low = 0;
	let high = utf8Length(text) - 1;
	let best: string | undefined;
	while (low <= high) {
		const middle = Math.floor((low + high) / 2);
		const candidate = truncateToBytes(text, middle).text;
		if (sizeWith(candidate) <= maxBodyBytes) {
			best = candidate;
			low = middle + 1;
		} else {
			high = middle - 1;
		}
	}
	if (best === undefined) throw new RangeError(`the message leaves no room for text within ${maxBodyBytes} bytes`);
	return { body: build(best), truncated: true };
}

/** prefix + text + suffix within `maxBytes`, cutting only the text: keywords and mentions must survive. */
export function fitText(prefix: string, text: string, suffix: string, maxBytes: number): { text: string; truncated: boolean } {
	const cut = truncateToBytes(text, Math.max(0, maxBytes - utf8Length(prefix) - utf8Length(suffix)));
	return { text: prefix + cut.text + suffix, truncated: cut.truncated };
}

/** A markdown title from the first line of the text when the operator gave none (DingTalk requires one). */
export function titleFromText(text: string, maxChars = 64): string {
	const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
	const plain = firstLine.replace(/^[#>\-*\s]+/, '').replace(/[*_`]/g, '').trim();
	return Array.from(plain || 'Notification').slice(0, maxChars).join('');
}
