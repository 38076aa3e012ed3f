// Shopify's error answers: an HTTP status with {"errors": ...} (channels.md §8).
import type { SandboxReply } from '../../core/http';
import { jsonReply } from '../../core/json';

export const shopifyError = (status: number, errors: string | Record<string, string[]>, headers: Record<string, string> = {}): SandboxReply => {
	const reply = jsonReply({ errors }, status);
	return { ...reply, headers: { ...reply.headers, ...headers } };
};

export const ERRORS = {
	unauthorized: () => shopifyError(401, '[API] Invalid API key or access token (unrecognized login or wrong password)'),
	notFound: () => shopifyError(404, 'Not Found'),
	throttled: (retryAfterSeconds: number) =>
		shopifyError(429, 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.', { 'retry-after': retryAfterSeconds.toFixed(1) }),
	pageInfoWithFilter: (name: string) => shopifyError(400, { page_info: [`${name} cannot be passed when page_info is present`] }),
	invalid: (field: string, message: string) => shopifyError(422, { [field]: [message] }),
};
