// Rule versions: the same settings always give the same version, whatever the key order they came in.
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level; undefined members are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, member]) => member !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
}

/** First `length` hex digits of the sha256 of the canonical JSON. */
export function stableHash(value: unknown, length = 12): string {
	return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, length);
}
