// Readers for rule settings as n8n hands them over (fixedCollection values, comma-separated strings,
// numbers that default to 0): each validates one field, fills its default and names the field on error.
import { parseMoney } from '../model';

export class RuleConfigError extends Error {
	constructor(
		readonly path: string,
		readonly reason: string,
	) {
		super(`Invalid rule setting ${path}: ${reason} / 规则设置 ${path} 有误`);
		this.name = 'RuleConfigError';
	}
}

/** A list typed in one text field ("浙江, 江苏、上海") or already an array. */
export type ListField = string | readonly string[];

/** Commas (ASCII and full-width), the Chinese enumeration comma, semicolons and new lines separate items. */
const LIST_SEPARATORS = /[,，、;；\r\n]+/;

export type RawSettings = Readonly<Record<string, unknown>>;

export function asSettings(value: unknown, path: string): RawSettings {
	if (value === undefined || value === null) return {};
	if (typeof value !== 'object' || Array.isArray(value)) throw new RuleConfigError(path, 'expected an object');
	return value as RawSettings;
}

/** Trimmed, de-duplicated items in their given order; empty items are dropped. */
export function readList(raw: RawSettings, key: string, path: string, fallback: readonly string[] = []): string[] {
	const value = raw[key];
	if (value === undefined || value === null) return [...fallback];
	const items = typeof value === 'string' ? value.split(LIST_SEPARATORS) : value;
	if (!Array.isArray(items)) throw new RuleConfigError(`${path}.${key}`, 'expected text or a list of text');
	const out: string[] = [];
	for (const item of items) {
		if (typeof item !== 'string' && typeof item !== 'number') {
			throw new RuleConfigError(`${path}.${key}`, 'list items must be text');
		}
		const text = String(item).trim();
		if (text !== '' && !out.includes(text)) out.push(text);
	}
	return out;
}

interface NumberBounds {
	min?: number;
	max?: number;
	integer?: boolean;
}

export function readNumber(raw: RawSettings, key: string, path: string, fallback: number, bounds: NumberBounds = {}): number {
	const value = raw[key];
	if (value === undefined || value === null || value === '') return fallback;
	const number = typeof value === 'string' ? Number(value.trim()) : value;
	const where = `${path}.${key}`;
	if (typeof number !== 'number' || !Number.isFinite(number)) throw new RuleConfigError(where, 'expected a number');
	if (bounds.integer && !Number.isInteger(number)) throw new RuleConfigError(where, 'expected a whole number');
	if (bounds.min !== undefined && number < bounds.min) throw new RuleConfigError(where, `must be at least ${bounds.min}`);
	if (bounds.max !== undefined && number > bounds.max) throw new RuleConfigError(where, `must be at most ${bounds.max}`);
	return number;
}

export function readBoolean(raw: RawSettings, key: string, path: string, fallback: boolean): boolean {
	const value = raw[key];
	if (value === undefined || value === null) return fallback;
	if (typeof value !== 'boolean') throw new RuleConfigError(`${path}.${key}`, 'expected true or false');
	return value;
}

export function readString(raw: RawSettings, key: string, path: string, fallback = ''): string {
	const value = raw[key];
	if (value === undefined || value === null) return fallback;
	if (typeof value !== 'string') throw new RuleConfigError(`${path}.${key}`, 'expected text');
	return value.trim();
}

export function readOption<T extends string>(
	raw: RawSettings,
	key: string,
	path: string,
	options: readonly T[],
	fallback: T,
): T {
	const value = raw[key];
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
		throw new RuleConfigError(`${path}.${key}`, `expected one of ${options.join(', ')}`);
	}
	return value as T;
}

/** A money threshold typed in major units (yuan) as exact minor units of `currency`. */
export function majorToMinor(major: number, currency: string, path: string): number {
	try {
		return parseMoney(major, { currency, unit: 'float_major' });
	} catch (error) {
		throw new RuleConfigError(path, `${major} is not a valid ${currency} amount (${(error as Error).message})`);
	}
}

/** Validates a money field by converting it once in CNY, the pack's home currency. */
export function readMoney(raw: RawSettings, key: string, path: string, fallback: number): number {
	const value = readNumber(raw, key, path, fallback, { min: 0 });
	majorToMinor(value, 'CNY', `${path}.${key}`);
	return value;
}
