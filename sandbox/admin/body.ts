// Reading admin requests: a JSON object body, with clear 400s for anything else.
import { HttpProblem } from '../core/http';
import type { SandboxRequest } from '../core/http';

export function jsonObject(req: SandboxRequest): Record<string, unknown> {
	if (req.json === undefined) return {};
	if (typeof req.json !== 'object' || req.json === null || Array.isArray(req.json)) {
		throw new HttpProblem(400, 'admin requests take a JSON object body');
	}
	return req.json as Record<string, unknown>;
}

export function optionalString(body: Record<string, unknown>, name: string): string | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') throw new HttpProblem(400, `${name} must be a string`);
	return String(value);
}

export function requiredString(body: Record<string, unknown>, name: string): string {
	const value = optionalString(body, name);
	if (value === undefined || value === '') throw new HttpProblem(400, `${name} is required`);
	return value;
}

export function optionalNumber(body: Record<string, unknown>, name: string): number | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isFinite(value)) throw new HttpProblem(400, `${name} must be a number`);
	return value;
}

/** Epoch ms from a number or an ISO-8601 string. */
export function optionalTime(body: Record<string, unknown>, name: string): number | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
	if (!Number.isFinite(ms)) throw new HttpProblem(400, `${name} must be epoch ms or an ISO-8601 time`);
	return ms;
}

/** Runs an admin action, turning range/type errors from the model into 400s. */
export function asBadRequest<T>(action: () => T): T {
	try {
		return action();
	} catch (error) {
		if (error instanceof RangeError || error instanceof TypeError) throw new HttpProblem(400, error.message);
		throw error;
	}
}
