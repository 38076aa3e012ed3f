// What the push (callback) handlers of every carrier share.

/** A push that must not be trusted or cannot be read; the trigger answers it with the provider's failure reply. */
export class PushRejectedError extends Error {
	constructor(
		readonly provider: string,
		readonly reason: 'signature' | 'malformed',
		detail: string,
	) {
		super(`${provider} push rejected: ${detail}`);
		this.name = 'PushRejectedError';
	}
}
