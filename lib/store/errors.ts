// Store errors carry a code a caller (or an n8n node) can branch on, and a message naming the thing.

export type StoreErrorCode =
	| 'not_found'
	| 'invalid_transition'
	| 'invalid_input'
	| 'cursor_regression'
	| 'cursor_uncovered';

export class StoreError extends Error {
	constructor(
		readonly code: StoreErrorCode,
		message: string,
		readonly details: Record<string, unknown> = {},
	) {
		super(message);
		this.name = 'StoreError';
	}
}

export function notFound(what: string, key: string): StoreError {
	return new StoreError('not_found', `${what} ${key} is not in the store`, { what, key });
}

export function invalidInput(message: string, details: Record<string, unknown> = {}): StoreError {
	return new StoreError('invalid_input', message, details);
}
