// Shopify's own vocabularies as data: API version, financial/fulfillment statuses -> unified states,
// webhook topics and the HTTP-status error table (channels.md §8).
import type { ErrorCodeTable } from '../core';
import type { OrderStatus } from '../../model';

export const CHANNEL = 'shopify' as const;

/** [I] The Admin REST version in every path; fulfillment orders (used for shipping) need >= 2022-07. */
export const SHOPIFY_API_VERSION = '2024-10';

/** [I] The REST leaky bucket: 40 calls per app and store, leaking 2 per second (Plus stores have more). */
export const SHOPIFY_BUCKET = { size: 40, leakPerSecond: 2, headroom: 2 } as const;

/** `financial_status` -> unified status while the order is neither cancelled nor fulfilled. */
export const FINANCIAL_STATUS_MAP: Readonly<Record<string, OrderStatus>> = {
	pending: 'pending_payment',
	partially_paid: 'pending_payment',
	// Payment authorized but not captured yet: the seller may ship, so it counts as paid.
	authorized: 'paid',
	paid: 'paid',
	partially_refunded: 'paid',
	refunded: 'paid',
	voided: 'cancelled',
};

/** `fulfillment_status` -> unified status; null (unfulfilled) and restocked leave the financial status. */
export const FULFILLMENT_STATUS_MAP: Readonly<Record<string, OrderStatus>> = {
	partial: 'partially_shipped',
	fulfilled: 'shipped',
};

/** Order webhook topics the trigger can subscribe to. */
export const SHOPIFY_ORDER_TOPICS = [
	'orders/create',
	'orders/updated',
	'orders/paid',
	'orders/cancelled',
	'orders/fulfilled',
	'orders/partially_fulfilled',
	'refunds/create',
] as const;
export type ShopifyTopic = (typeof SHOPIFY_ORDER_TOPICS)[number];

/** Shopify answers errors with HTTP statuses and `{"errors": ...}`; the status is the code. */
export const SHOPIFY_ERROR_TABLE: ErrorCodeTable = {
	throttled: [429],
	auth: [401, 403],
	invalid: [400, 402, 404, 406, 422],
	transient: [500, 502, 503, 504],
	hints: {
		throttled: 'the shop call limit (leaky bucket) is full; calls wait for Retry-After and retry; pull less often',
		auth: 'the Admin API access token was rejected or lacks a scope (read_orders, write_fulfillments, write_inventory, read_products); create a new token in the custom app and update the credential',
		invalid: 'Shopify rejected the request; check the ids and fields (order, location, inventory item)',
	},
};
