// Reading JOS business parameters (360buy_param_json values may be strings or numbers) the way the
// methods do: required, whole numbers in range, Beijing times, Long ids.
import { parseShanghai } from '../../core/time';
import { invalidParameter } from './exceptions';

type Business = Record<string, unknown>;

function text(business: Business, name: string): string | undefined {
	const value = business[name];
	if (value === undefined || value === null || value === '') return undefined;
	return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

export function optional(business: Business, name: string): string | undefined {
	return text(business, name);
}

export function required(business: Business, name: string): string {
	const value = text(business, name);
	if (value === undefined) throw invalidParameter(name, '必填参数缺失');
	return value;
}

export function integer(business: Business, name: string, fallback: number, min: number, max: number): number {
	const value = text(business, name);
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!/^-?\d+$/.test(value) || number < min || number > max) throw invalidParameter(name, `必须是${min}到${max}之间的整数`);
	return number;
}

export function time(business: Business, name: string): number | undefined {
	const value = text(business, name);
	if (value === undefined) return undefined;
	const ms = parseShanghai(value);
	if (ms === undefined) throw invalidParameter(name, '时间格式必须是yyyy-MM-dd HH:mm:ss');
	return ms;
}

/** A Long id: digits, sent as a string or a bare number (kept exact by the gateway's parser). */
export function longId(business: Business, name: string): string {
	const value = required(business, name);
	if (!/^\d{1,19}$/.test(value)) throw invalidParameter(name, '必须是数字');
	return value;
}
