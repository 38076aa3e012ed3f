// Buyer message or seller memo mentioning something a person must read (发票, 改地址, 加急, ...).
import { readBoolean, readList, readOption, RuleConfigError } from '../../configFields';
import type { RuleDefinition } from '../types';
import { findKeywords } from '../../text';

export const KEYWORD_FIELDS = ['both', 'buyerMessage', 'sellerMemo'] as const;
export type KeywordField = (typeof KEYWORD_FIELDS)[number];

export interface KeywordSettings {
	keywords: string[];
	field: KeywordField;
	/** Hit on any non-empty text, keywords or not (有留言即转人工). */
	anyText: boolean;
}

const FIELD_NAMES = {
	buyerMessage: { zh: '买家留言', en: 'buyer message' },
	sellerMemo: { zh: '卖家备注', en: 'seller memo' },
} as const;

export const keywords: RuleDefinition<KeywordSettings> = {
	defaultSeverity: 'hold',
	defaultPriority: 70,
	read(raw, path) {
		const settings = {
			keywords: readList(raw, 'keywords', path),
			field: readOption(raw, 'field', path, KEYWORD_FIELDS, 'both'),
			anyText: readBoolean(raw, 'anyText', path, false),
		};
		if (settings.keywords.length === 0 && !settings.anyText) {
			throw new RuleConfigError(`${path}.keywords`, 'list at least one keyword, or turn on anyText');
		}
		return settings;
	},
	evaluate(order, settings) {
		const fields = settings.field === 'both' ? (['buyerMessage', 'sellerMemo'] as const) : [settings.field];
		const zh: string[] = [];
		const en: string[] = [];
		for (const field of fields) {
			const text = order[field]?.trim();
			if (!text) continue;
			const found = findKeywords(text, settings.keywords);
			if (found.length > 0) {
				zh.push(`${FIELD_NAMES[field].zh}含关键词「${found.join('、')}」`);
				en.push(`${FIELD_NAMES[field].en} mentions "${found.join('", "')}"`);
			} else if (settings.anyText) {
				zh.push(`有${FIELD_NAMES[field].zh}：${text}`);
				en.push(`has a ${FIELD_NAMES[field].en}: ${text}`);
			}
		}
		if (zh.length === 0) return undefined;
		return { zh: zh.join('；'), en: en.join('; ') };
	},
};
