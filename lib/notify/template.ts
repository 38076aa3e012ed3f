// Message templates such as "订单 {{order.channelOrderId}} 实付 {{order.totals.paid|money}}": dot paths into
// plain data plus a few filters. No code is evaluated, and only own data properties are ever read.
import { formatMoney, isoFromMillis, maskAddress, maskName, maskPhone, toShanghaiLocal } from '../model';

export class TemplateError extends Error {
	constructor(message: string) {
		super(`Message template: ${message}`);
		this.name = 'TemplateError';
	}
}

export interface RenderOptions {
	/** Currency for `money` without an argument; default CNY. */
	currency?: string;
}

type Filter = (value: unknown, arg: string | undefined, options: RenderOptions) => unknown;

const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);
const MOBILE_LIKE = /^\+?\d[\d\s-]{6,}$/;

function moneyFilter(value: unknown, arg: string | undefined, options: RenderOptions): unknown {
	const minor = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
	if (typeof minor !== 'number' || !Number.isSafeInteger(minor)) return value;
	try {
		return formatMoney(minor, arg || options.currency || 'CNY');
	} catch {
		return value;
	}
}

/** ISO time (or epoch milliseconds) as Beijing time: "2024-05-01 12:30", or the day only with `date:day`. */
function dateFilter(value: unknown, arg: string | undefined): unknown {
	try {
		const iso = typeof value === 'number' ? isoFromMillis(value) : String(value);
		const local = toShanghaiLocal(iso);
		return arg === 'day' ? local.slice(0, 10) : local.slice(0, 16);
	} catch {
		return value;
	}
}

/** `mask:phone`, `mask:name`, `mask:address`, or plain `mask` to guess from the value. */
function maskFilter(value: unknown, arg: string | undefined): unknown {
	if (value === undefined || value === null || value === '') return value;
	const text = String(value);
	const kind = arg || (MOBILE_LIKE.test(text) ? 'phone' : Array.from(text).length > 4 ? 'address' : 'name');
	if (kind === 'phone') return maskPhone(text);
	if (kind === 'address') return maskAddress(text);
	if (kind === 'name') return maskName(text);
	throw new TemplateError(`mask takes phone, name or address, not "${kind}"`);
}

const FILTERS: Record<string, Filter> = {
	money: moneyFilter,
	date: dateFilter,
	mask: maskFilter,
	default: (value, arg) => (value === undefined || value === null || value === '' ? (arg ?? '') : value),
};

interface Placeholder {
	path: string[];
	filters: Array<{ name: string; arg?: string }>;
}

type Part = string | Placeholder;

function parsePath(expression: string): string[] {
	const path = expression
		.replace(/\[(\d+)\]/g, '.$1')
		.split('.')
		.map((key) => key.trim());
	if (path.some((key) => !/^[\p{L}\p{N}_$-]+$/u.test(key))) {
		throw new TemplateError(`"{{${expression}}}" is not a field path; write it like {{order.receiver.city}}`);
	}
	if (path.some((key) => FORBIDDEN_KEYS.has(key))) throw new TemplateError(`"${expression}" is not allowed`);
	return path;
}

function parsePlaceholder(inner: string): Placeholder {
	const [expression, ...filterTexts] = inner.split('|');
	const filters = filterTexts.map((text) => {
		const colon = text.indexOf(':');
		const name = (colon < 0 ? text : text.slice(0, colon)).trim();
		const arg = colon < 0 ? undefined : text.slice(colon + 1).trim().replace(/^(["'])(.*)\1$/, '$2');
		if (!Object.hasOwn(FILTERS, name)) {
			throw new TemplateError(`unknown filter "${name}"; use ${Object.keys(FILTERS).join(', ')}`);
		}
		return { name, arg };
	});
	return { path: parsePath(expression.trim()), filters };
}

/** Splits a template into literal text and placeholders; throws TemplateError naming what is wrong. */
export function parseTemplate(template: string): Part[] {
	const parts: Part[] = [];
	let rest = template;
	for (let open = rest.indexOf('{{'); open >= 0; open = rest.indexOf('{{')) {
		const close = rest.indexOf('}}', open + 2);
		if (close < 0) throw new TemplateError(`"${rest.slice(open, open + 30)}" has no closing }}`);
		if (open > 0) parts.push(rest.slice(0, open));
		parts.push(parsePlaceholder(rest.slice(open + 2, close)));
		rest = rest.slice(close + 2);
	}
	if (rest !== '') parts.push(rest);
	return parts;
}

/** Reads a dot path through own properties only; anything missing is undefined. */
export function readPath(data: unknown, path: string[]): unknown {
	let value = data;
	for (const key of path) {
		if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

function display(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/** Fills every {{path|filter:arg}}; missing fields render empty (use `default:` to say otherwise). */
export function renderTemplate(template: string, data: unknown, options: RenderOptions = {}): string {
	return parseTemplate(template)
		.map((part) => {
			if (typeof part === 'string') return part;
			const value = part.filters.reduce((current, { name, arg }) => FILTERS[name](current, arg, options), readPath(data, part.path));
			return display(value);
		})
		.join('');
}
