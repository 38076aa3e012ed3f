// Robots with the "custom keywords" security mode drop any message without one of their keywords
// (DingTalk 310000, Feishu 19024); when the credential names them we make sure one is present.
import type { MessageFormat } from './types';

/** Keywords as the operator typed them, separated by ASCII or full-width commas. */
export function parseKeywords(setting: string | undefined): string[] {
	return (setting ?? '')
		.split(/[,，]/)
		.map((keyword) => keyword.trim())
		.filter((keyword) => keyword !== '');
}

/** What to put before the text so it contains a keyword: '' when it already has one or none are set. */
export function keywordPrefix(text: string, setting: string | undefined, format: MessageFormat, title = ''): string {
	const keywords = parseKeywords(setting);
	if (keywords.length === 0 || keywords.some((keyword) => text.includes(keyword) || title.includes(keyword))) return '';
	return format === 'markdown' ? `${keywords[0]}\n\n` : `${keywords[0]} `;
}
