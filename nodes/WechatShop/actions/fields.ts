// Field definitions the WeChat shop operations share, so every operation asks for the same thing the same way.
import type { INodeProperties } from 'n8n-workflow';

export const orderIdField: INodeProperties = {
	displayName: 'Order ID (订单号)',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3705115058471208928',
	description: 'The WeChat shop order number, digits only',
};

export const fromField = (description: string): INodeProperties => ({
	displayName: 'From',
	name: 'from',
	type: 'dateTime',
	default: '',
	description: `${description} Empty: 24 hours ago.`,
});

export const toField: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'dateTime',
	default: '',
	description: 'End of the time range. Empty: now.',
};

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** WeChat order statuses a list can be filtered by (channels.md §3.2). */
export const orderStatusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		{ name: 'Any Status', value: '' },
		{ name: 'Cancelled (已取消)', value: '250' },
		{ name: 'Cancelled After Full Refund (全部售后后取消)', value: '200' },
		{ name: 'Completed (已完成)', value: '100' },
		{ name: 'Paid, Waiting to Ship (待发货)', value: '20' },
		{ name: 'Partly Shipped (部分发货)', value: '21' },
		{ name: 'Shipped (待收货)', value: '30' },
		{ name: 'Waiting for Payment (待付款)', value: '10' },
	],
	default: '',
};
