// Reading TOP business parameters the way the gateway does: required, integers in range, Shanghai times.
import { parseShanghai } from '../../core/time';
import { invalidArgument, missingArgument } from './exceptions';

export function required(params: Record<string, string>, name: string): string {
	const value = params[name];
	if (value === undefined || value === '') throw missingArgument(name);
	return value;
}

export function integer(params: Record<string, string>, name: string, fallback: number, min: number, max: number): number {
	const text = params[name];
	if (text === undefined || text === '') return fallback;
	const value = Number(text);
	if (!/^-?\d+$/.test(text) || value < min || value > max) {
		throw invalidArgument(name, `${name} must be a whole number between ${min} and ${max}`);
	}
	return value;
}

export function time(params: Record<string, string>, name: string): number | undefined {
	const text = params[name];
	if (text === undefined || text === '') return undefined;
	const ms = parseShanghai(text);
	if (ms === undefined) throw invalidArgument(name, `${name} must be yyyy-MM-dd HH:mm:ss`);
	return ms;
}

export function digits(params: Record<string, string>, name: string): string {
	const value = required(params, name);
	if (!/^\d{1,20}$/.test(value)) throw invalidArgument(name, `${name} must be a number`);
	return value;
}
