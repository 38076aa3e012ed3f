// Wording shared by the rules: money as operators read it, and keyword search that ignores case and width.
import { formatMoney, type OrderLine } from '../model';

export function money(minor: number, currency: string): string {
	return currency === 'CNY' ? `¥${formatMoney(minor)}` : `${formatMoney(minor, currency)} ${currency}`;
}

/** Case- and width-insensitive text for keyword search (全角 "ＴＥＳＴ" reads as "test"). */
export function searchable(text: string | undefined): string {
	return (text ?? '').normalize('NFKC').toLowerCase();
}

const ASCII_WORD = /^[a-z0-9 .'-]+$/;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The keywords found in `text`. With `wholeWords`, a Latin keyword must stand alone ("test" does not hit
 * "Contest Rd"); Chinese keywords always match inside text.
 */
export function findKeywords(text: string | undefined, keywords: readonly string[], wholeWords = false): string[] {
	const haystack = searchable(text);
	if (!haystack) return [];
	return keywords.filter((keyword) => {
		const needle = searchable(keyword);
		if (!needle) return false;
		if (!wholeWords || !ASCII_WORD.test(needle)) return haystack.includes(needle);
		return new RegExp(`(?<![a-z0-9])${escapeRegExp(needle)}(?![a-z0-9])`).test(haystack);
	});
}

export function lineLabel(line: OrderLine, index: number): { zh: string; en: string } {
	return { zh: `第${index + 1}行「${line.title}」`, en: `line ${index + 1} "${line.title}"` };
}
