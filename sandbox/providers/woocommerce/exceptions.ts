// WooCommerce's error answers: an HTTP status with {"code", "message", "data": {"status"}} (channels.md §9).
import type { SandboxReply } from '../../core/http';
import { jsonReply } from '../../core/json';

export const wooError = (status: number, code: string, message: string, headers: Record<string, string> = {}): SandboxReply => {
	const reply = jsonReply({ code, message, data: { status } }, status);
	return { ...reply, headers: { ...reply.headers, ...headers } };
};

export const ERRORS = {
	noAuth: () => wooError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.'),
	badKey: () => wooError(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.'),
	badSecret: () => wooError(401, 'woocommerce_rest_authentication_error', 'Invalid signature - provided signature does not match.'),
	orderNotFound: () => wooError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.'),
	productNotFound: () => wooError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.'),
	notFound: (what: string) => wooError(404, `woocommerce_rest_${what}_invalid_id`, 'Invalid ID.'),
	invalidParam: (param: string, reason: string) => wooError(400, 'rest_invalid_param', `Invalid parameter(s): ${param} (${reason})`),
	pageTooLarge: () => wooError(400, 'rest_post_invalid_page_number', 'The page number requested is larger than the number of pages available.'),
	throttled: (retryAfterSeconds: number) => wooError(429, 'woocommerce_rest_too_many_requests', 'Too many requests. Please wait and try again.', { 'retry-after': String(Math.ceil(retryAfterSeconds)) }),
};
