// Request parsers by platform style. A provider names one per route; new styles register here once.
import { HttpProblem } from './http';

export interface ParsedBody {
	params: Record<string, string>;
	json?: unknown;
}

export type BodyParser = (rawBody: Buffer, query: Record<string, string>, contentType: string) => ParsedBody;

function formParams(text: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of new URLSearchParams(text)) out[key] = value;
	return out;
}

function parseJsonBody(rawBody: Buffer): unknown {
	if (rawBody.length === 0) return undefined;
	try {
		return JSON.parse(rawBody.toString('utf8'));
	} catch {
		throw new HttpProblem(400, 'request body is not valid JSON');
	}
}

const parsers = new Map<string, BodyParser>();

export function registerParser(name: string, parser: BodyParser): void {
	parsers.set(name, parser);
}

export function getParser(name: string): BodyParser {
	const parser = parsers.get(name);
	if (!parser) throw new Error(`no request parser named "${name}"`);
	return parser;
}

/** Query string only (GET-style APIs). */
registerParser('query', (_raw, query) => ({ params: { ...query } }));

/** Form body merged over the query string: TOP-style gateways accept system params in either. */
registerParser('form+query', (raw, query, contentType) => {
	const isForm = contentType === '' || contentType.includes('application/x-www-form-urlencoded');
	const body = isForm && raw.length > 0 ? formParams(raw.toString('utf8')) : {};
	return { params: { ...query, ...body } };
});

/** Form body only. */
registerParser('form', (raw) => ({ params: formParams(raw.toString('utf8')) }));

/** JSON body; query kept as params (token-in-query REST APIs). */
registerParser('json', (raw, query) => ({ params: { ...query }, json: parseJsonBody(raw) }));

/** Tells whether a request body is form-urlencoded, for platforms that reject anything else. */
export function isFormContentType(contentType: string): boolean {
	return contentType.includes('application/x-www-form-urlencoded');
}
