// Defensive readers for provider bodies and codes: a field of the wrong type reads as absent, never throws.

/** A JSON object field as a plain record, or an empty one: provider bodies are read defensively. */
export function asRecord(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function asArray(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

/** A scalar field as trimmed text, or undefined when absent or empty. */
export function textOf(value: unknown): string | undefined {
	if (value === undefined || value === null || typeof value === 'object') return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}
