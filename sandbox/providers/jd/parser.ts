// The JOS request parser: system parameters from the form body over the query string, and the business
// parameters unpacked from 360buy_param_json into `json` (numbers beyond 2^53 keep their digits).
import { getParser, registerParser } from '../../core/parsers';

export const JOS_PARSER = 'jos';

/** What `json` holds when 360buy_param_json is present but not a JSON object; the gateway refuses it. */
export const UNREADABLE_PARAM_JSON = Symbol('unreadable 360buy_param_json');

function businessOf(text: string | undefined): unknown {
	if (text === undefined || text === '') return {};
	try {
		const parsed: unknown = JSON.parse(text, (_key, value, context?: { source?: string }) =>
			typeof value === 'number' && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source) ? context.source : value,
		);
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : UNREADABLE_PARAM_JSON;
	} catch {
		return UNREADABLE_PARAM_JSON;
	}
}

registerParser(JOS_PARSER, (raw, query, contentType) => {
	const { params } = getParser('form+query')(raw, query, contentType);
	return { params, json: businessOf(params['360buy_param_json']) };
});
