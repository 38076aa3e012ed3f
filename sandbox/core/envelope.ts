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

/** Members of a JSON object (`"a":1,"b":[...]`) already encoded, so cached pages go out without re-encoding. */
export class EncodedMembers {
	constructor(readonly bytes: Buffer) {}
}

/** `{"<key>":{<members>,"request_id":"<id>"}}` as byte chunks (the big middle one is shared, not copied). */
export function envelopeChunks(key: string, members: EncodedMembers, requestId: string): Buffer[] {
	return [Buffer.from(`{${JSON.stringify(key)}:{`), members.bytes, Buffer.from(`,"request_id":${JSON.stringify(requestId)}}}`)];
}

/** A small bounded cache whose entries are valid for one state of the sandbox (clock and truth version). */
export class StateCache<T> {
	private readonly entries = new Map<string, { state: string; value: T }>();

	constructor(private readonly maxEntries = 512) {}

	get(key: string, state: string, build: () => T): T {
		const hit = this.entries.get(key);
		if (hit && hit.state === state) return hit.value;
		if (this.entries.size >= this.maxEntries) this.entries.clear();
		const value = build();
		this.entries.set(key, { state, value });
		return value;
	}
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
