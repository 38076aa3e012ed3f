// Field definitions the Shopify operations share, so every operation asks for the same thing the same way.
import type { INodeProperties } from 'n8n-workflow';

export const orderIdField: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 5840193846123456789',
	description: 'The numeric Shopify order ID (from the order URL in the admin), not the #1001 name',
};

/** Shopify's own status filter of the order list. */
export const orderStatusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		{ name: 'Any Status', value: 'any' },
		{ name: 'Cancelled', value: 'cancelled' },
		{ name: 'Closed (Archived)', value: 'closed' },
		{ name: 'Open', value: 'open' },
	],
	default: 'any',
};
