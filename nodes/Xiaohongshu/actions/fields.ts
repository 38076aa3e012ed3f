// Field definitions the Xiaohongshu operations share; the common ones are built by nodes/shared/listFields.
import { buildOrderIdField, statusField } from '../../shared/listFields';

export const orderIdField = buildOrderIdField({
	placeholder: 'e.g. P712345678901234567',
	description: 'The Xiaohongshu order number as shown in the Ark console (starts with P)',
});

/** XHS order statuses a list can be filtered by (channels.md §4.4). */
export const orderStatusField = statusField([
	{ name: 'Any Status', value: '' },
	{ name: 'Cancelled (已取消)', value: '9' },
	{ name: 'Closed (已关闭)', value: '8' },
	{ name: 'Completed (已完成)', value: '7' },
	{ name: 'Customs Clearance (清关中)', value: '3' },
	{ name: 'Exchange Requested (换货申请中)', value: '10' },
	{ name: 'Paid, Processing (已支付处理中)', value: '2' },
	{ name: 'Partly Shipped (部分发货)', value: '5' },
	{ name: 'Shipped (待收货)', value: '6' },
	{ name: 'Waiting for Payment (待付款)', value: '1' },
	{ name: 'Waiting to Ship (待发货)', value: '4' },
]);
