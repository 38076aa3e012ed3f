// Field definitions the Pinduoduo operations share, so every operation asks for the same thing the same way.
import type { INodeProperties } from 'n8n-workflow';
import { buildOrderIdField, statusField } from '../../shared/listFields';

export const orderIdField: INodeProperties = buildOrderIdField({
	placeholder: 'e.g. 231126-560123456789012',
	description: 'The Pinduoduo order number (order_sn), with its dash',
});

/** order_status filters (channels.md §6.4); 5 asks for all. */
export const orderStatusField: INodeProperties = statusField(
	[
		{ name: 'Any Status', value: '' },
		{ name: 'Paid, Waiting to Ship (待发货)', value: '1' },
		{ name: 'Shipped (已发货待签收)', value: '2' },
		{ name: 'Signed For (已签收)', value: '3' },
	],
	{ name: 'status' },
);
