// Field definitions the WeChat shop operations share; the common ones are built by nodes/shared/listFields.
import { buildOrderIdField, statusField } from '../../shared/listFields';

export const orderIdField = buildOrderIdField({
	placeholder: 'e.g. 3705115058471208928',
	description: 'The WeChat shop order number, digits only',
});

/** WeChat order statuses a list can be filtered by (channels.md §3.2). */
export const orderStatusField = statusField([
	{ name: 'Any Status', value: '' },
	{ name: 'Cancelled (已取消)', value: '250' },
	{ name: 'Cancelled After Full Refund (全部售后后取消)', value: '200' },
	{ name: 'Completed (已完成)', value: '100' },
	{ name: 'Paid, Waiting to Ship (待发货)', value: '20' },
	{ name: 'Partly Shipped (部分发货)', value: '21' },
	{ name: 'Shipped (待收货)', value: '30' },
	{ name: 'Waiting for Payment (待付款)', value: '10' },
]);
