// Pinduoduo request parsing: form or JSON bodies, flat (channels.md §6.1), and the business-parameter
// readers the gateway applies: required values, integers in range, Unix-second times.
import { getParser, registerParser } from '../../core/parsers';
import { invalidParameter, missingParameter } from './exceptions';

export const PDD_PARSER = 'pdd';

/** JSON bodies are flat: scalars as their text, objects and arrays as the JSON that was sent. */
registerParser(PDD_PARSER, (raw, query, contentType) => {
	if (!contentType.includes('application/json')) return getParser('form+query')(raw, query, contentType);
	const { json } = getParser('json')(raw, query, contentType);
	const params: Record<string, string> = { ...query };
	if (json && typeof json === 'object' && !Array.isArray(json)) {
		for (const [key, value] of Object.entries(json)) {
			if (value === null || value === undefined) continue;
			params[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
		}
	}
	return { params };
});

export function required(params: Record<string, string>, name: string): string {
	const value = params[name];
	if (value === undefined || value === '') throw missingParameter(name);
	return value;
}

export function integer(params: Record<string, string>, name: string, fallback: number, min: number, max: number): number {
	const text = params[name];
	if (text === undefined || text === '') return fallback;
	const value = Number(text);
	if (!/^-?\d+$/.test(text) || value < min || value > max) throw invalidParameter(name, `must be a whole number between ${min} and ${max}`);
	return value;
}

/** A required Unix-seconds parameter. */
export function seconds(params: Record<string, string>, name: string): number {
	const text = required(params, name);
	if (!/^\d{1,12}$/.test(text)) throw invalidParameter(name, 'must be Unix seconds');
	return Number(text);
}

export function digits(params: Record<string, string>, name: string): string {
	const value = required(params, name);
	if (!/^\d{1,20}$/.test(value)) throw invalidParameter(name, 'must be a number');
	return value;
}
