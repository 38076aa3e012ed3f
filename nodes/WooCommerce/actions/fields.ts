// Field definitions the WooCommerce operations share; the common ones are built by nodes/shared/listFields.
import { buildOrderIdField, statusField } from '../../shared/listFields';

export const orderIdField = buildOrderIdField({
	displayName: 'Order ID',
	placeholder: 'e.g. 1234',
	description: 'The WooCommerce order number (the ID shown in WooCommerce → Orders)',
});

/** WooCommerce's own status filter of the order list. */
export const orderStatusField = statusField(
	[
		{ name: 'Any Status', value: 'any' },
		{ name: 'Cancelled', value: 'cancelled' },
		{ name: 'Completed', value: 'completed' },
		{ name: 'Failed', value: 'failed' },
		{ name: 'On Hold', value: 'on-hold' },
		{ name: 'Pending Payment', value: 'pending' },
		{ name: 'Processing (Paid, to Ship)', value: 'processing' },
		{ name: 'Refunded', value: 'refunded' },
	],
	{ anyValue: 'any' },
);
