// Builds JSON envelopes from parts, some already rendered to text (cached page rows), without re-parsing.
import { createHash } from 'node:crypto';

export class Prerendered {
	constructor(readonly text: string) {}
}

export function objectText(entries: Record<string, unknown>): string {
	const parts: string[] = [];
	for (const [key, value] of Object.entries(entries)) {
		if (value === undefined) continue;
		parts.push(JSON.stringify(key) + ':' + valueText(value));
	}
	return `{${parts.join(',')}}`;
}

function valueText(value: unknown): string {
	if (value instanceof Prerendered) return value.text;
	// Plain objects may hold prerendered parts deeper down (e.g. {"trade": [...]}).
	if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		return objectText(value as Record<string, unknown>);
	}
	return JSON.stringify(value);
}

export function arrayText(items: string[]): Prerendered {
	return new Prerendered(`[${items.join(',')}]`);
}

/** A request id that depends only on the seed and the request bytes, so runs replay byte for byte. */
export function requestIdFor(seed: string | number, ...parts: Array<string | Buffer>): string {
	const hash = createHash('sha1').update(String(seed));
	for (const part of parts) hash.update(part);
	return BigInt(`0x${hash.digest('hex').slice(0, 16)}`).toString(36);
}
