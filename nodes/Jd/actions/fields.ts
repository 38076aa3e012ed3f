// Field definitions the JD operations share; the common ones are built by nodes/shared/listFields.
import { buildOrderIdField, statusField } from '../../shared/listFields';

export const orderIdField = buildOrderIdField({
	placeholder: 'e.g. 281046817987',
	description: 'The JD order number (orderId), digits only',
});

/** JD order states a list can be filtered by (channels.md §2.4). */
export const orderStateField = statusField([
	{ name: 'Any Status', value: '' },
	{ name: 'Cancelled (取消)', value: 'TRADE_CANCELED' },
	{ name: 'Completed (完成)', value: 'FINISHED_L' },
	{ name: 'Locked (已锁定)', value: 'LOCKED' },
	{ name: 'Paid, Waiting to Ship (等待出库)', value: 'WAIT_SELLER_STOCK_OUT' },
	{ name: 'Paused (暂停)', value: 'PAUSE,POP_ORDER_PAUSE' },
	{ name: 'Shipped (等待确认收货)', value: 'WAIT_GOODS_RECEIVE_CONFIRM' },
	{ name: 'Waiting for Domestic Delivery (等待发货, Cross-Border)', value: 'WAIT_SELLER_DELIVERY' },
]);
