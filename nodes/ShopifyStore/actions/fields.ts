// Field definitions the Shopify operations share; the common ones are built by nodes/shared/listFields.
import { buildOrderIdField, statusField } from '../../shared/listFields';

export const orderIdField = buildOrderIdField({
	displayName: 'Order ID',
	placeholder: 'e.g. 5840193846123456789',
	description: 'The numeric Shopify order ID (from the order URL in the admin), not the #1001 name',
});

/** Shopify's own status filter of the order list. */
export const orderStatusField = statusField([
	{ name: 'Any Status', value: 'any' },
	{ name: 'Cancelled', value: 'cancelled' },
	{ name: 'Closed (Archived)', value: 'closed' },
	{ name: 'Open', value: 'open' },
], { anyValue: 'any' });
