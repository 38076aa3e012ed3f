// WooCommerce's own vocabularies as data: API paths, page cap, order statuses -> unified states, webhook
// topics and the error table for its `{code, message, data: {status}}` envelope (channels.md §9).
import type { ErrorCodeTable } from '../core';
import type { OrderStatus } from '../../model';

export const CHANNEL = 'woocommerce' as const;

/** The REST API v3 root under the site URL. */
export const WOO_API_PATH = '/wp-json/wc/v3';

/** [I] The Shipment Tracking extension's REST root (only present when the extension is installed). */
export const WOO_TRACKING_API_PATH = '/wp-json/wc-shipment-tracking/v3';

/** [I] WordPress caps per_page at 100; every list asks for full pages. */
export const WOO_PAGE_SIZE_MAX = 100;

/** [I] Items per batch request (/products/batch, /variations/batch); WordPress refuses larger batches. */
export const WOO_BATCH_MAX = 100;

/** Order `status` -> unified status. Plugin statuses (shipped, delivered) map where their meaning is clear. */
export const ORDER_STATUS_MAP: Readonly<Record<string, OrderStatus>> = {
	pending: 'pending_payment',
	'checkout-draft': 'pending_payment',
	processing: 'paid',
	'on-hold': 'on_hold',
	// WooCommerce core has no shipped state: a fulfilled order is marked completed.
	completed: 'completed',
	shipped: 'shipped',
	delivered: 'delivered',
	cancelled: 'cancelled',
	// Fully refunded: the sale is void; refundState says refunded.
	refunded: 'cancelled',
	failed: 'cancelled',
	trash: 'cancelled',
};

/** The list filter values GET /orders accepts for `status`. */
export const WOO_ORDER_STATUSES = ['any', 'pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed', 'trash'] as const;
export type WooOrderStatus = (typeof WOO_ORDER_STATUSES)[number];

/** Order webhook topics the trigger can subscribe to. */
export const WOO_ORDER_TOPICS = ['order.created', 'order.updated', 'order.deleted', 'order.restored'] as const;
export type WooTopic = (typeof WOO_ORDER_TOPICS)[number];

/** WooCommerce errors carry an HTTP status and a `code` such as woocommerce_rest_cannot_view. */
export const WOO_ERROR_TABLE: ErrorCodeTable = {
	throttled: [429],
	auth: [401, 403],
	invalid: [400, 404, 409, 410, 422],
	transient: [500, 502, 503, 504],
	codes: {
		woocommerce_rest_authentication_error: 'auth',
		woocommerce_rest_cannot_view: 'auth',
		woocommerce_rest_cannot_edit: 'auth',
		woocommerce_rest_cannot_create: 'auth',
		woocommerce_rest_cannot_delete: 'auth',
		woocommerce_rest_shop_order_invalid_id: 'invalid',
		woocommerce_rest_product_invalid_id: 'invalid',
		woocommerce_rest_invalid_id: 'invalid',
		rest_invalid_param: 'invalid',
		rest_no_route: 'invalid',
	},
	hints: {
		throttled: 'the site or its host refused more calls for now; calls wait and retry; pull less often',
		auth:
			'WooCommerce refused the consumer key/secret. In WordPress go to WooCommerce → Settings → Advanced → REST API, add a key with Read/Write permission for a user who can manage orders and products, and put its ck_… and cs_… into the credential. If the key is right, the web server may drop the Authorization header: set Authentication to "Query String" in the credential',
		invalid: 'WooCommerce rejected the request; check the ids (order, product, variation) and fields',
		transient: 'the WordPress site answered with a server error; calls retry; check the site if it lasts',
	},
};
