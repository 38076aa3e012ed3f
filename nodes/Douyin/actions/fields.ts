// Field definitions the Douyin operations share; the common ones are built by nodes/shared/listFields.
import type { INodeProperties } from 'n8n-workflow';
import { buildOrderIdField } from '../../shared/listFields';

export const orderIdField = buildOrderIdField({
	placeholder: 'e.g. 6920000000000000001',
	description: 'The Douyin shop order number (19 digits) as shown in the 抖店 console',
});

/** Douyin order statuses a list can be filtered by (channels.md §5.4); several may be chosen. */
export const orderStatusesField: INodeProperties = {
	displayName: 'Statuses',
	name: 'statuses',
	type: 'multiOptions',
	options: [
		{ name: 'Cancelled (已取消)', value: 4 },
		{ name: 'Completed (已完成)', value: 5 },
		{ name: 'Paid (已支付)', value: 105 },
		{ name: 'Partly Shipped (部分发货)', value: 101 },
		{ name: 'Shipped (已发货)', value: 3 },
		{ name: 'Waiting for Payment (待支付)', value: 1 },
		{ name: 'Waiting to Ship (备货中)', value: 2 },
	],
	default: [],
	description: 'Only orders in these statuses. None: every status.',
};
