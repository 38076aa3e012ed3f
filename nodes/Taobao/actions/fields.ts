// Field definitions the Taobao operations share; the common ones are built by nodes/shared/listFields.
import type { INodeProperties } from 'n8n-workflow';
import { buildOrderIdField, statusField } from '../../shared/listFields';

export const orderIdField = buildOrderIdField({
	placeholder: 'e.g. 4011234567890123457',
	description: 'The Taobao order number (tid), digits only',
});

/** TOP trade statuses a list can be filtered by (channels.md §1.4). */
export const tradeStatusField = statusField([
	{ name: 'All Closed (交易关闭, Any Reason)', value: 'ALL_CLOSED' },
	{ name: 'All Waiting for Payment (全部待付款)', value: 'ALL_WAIT_PAY' },
	{ name: 'Any Status', value: '' },
	{ name: 'Closed After Refund (交易关闭)', value: 'TRADE_CLOSED' },
	{ name: 'Closed Before Payment (交易被淘宝关闭)', value: 'TRADE_CLOSED_BY_TAOBAO' },
	{ name: 'Completed (交易成功)', value: 'TRADE_FINISHED' },
	{ name: 'Paid, Waiting to Ship (待发货)', value: 'WAIT_SELLER_SEND_GOODS' },
	{ name: 'Partly Shipped (部分发货)', value: 'SELLER_CONSIGNED_PART' },
	{ name: 'Shipped (已发货)', value: 'WAIT_BUYER_CONFIRM_GOODS' },
	{ name: 'Waiting for Payment (待付款)', value: 'WAIT_BUYER_PAY' },
]);

export const tradeTypesOption: INodeProperties = {
	displayName: 'Trade Types',
	name: 'tradeTypes',
	type: 'string',
	default: '',
	placeholder: 'e.g. fixed,auction,step,cod',
	description:
		'Comma-separated TOP trade types. Empty: Taobao\'s default, which leaves out some types (e.g. 分销 fenxiao); list them here if orders seem missing.',
};
