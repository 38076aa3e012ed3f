// A Pinduoduo order as the gateway sends it, for normalize and node tests.

/** An order as pdd.order.information.get answers it (float yuan, masked and encrypted receiver). */
export function sampleOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		order_sn: '231126-560123456789012',
		order_status: 2,
		refund_status: 1,
		confirm_status: 1,
		risk_control_status: 0,
		trade_type: 0,
		created_time: '2023-11-26 10:00:00',
		confirm_time: '2023-11-26 10:01:00',
		pay_time: '2023-11-26 10:01:00',
		updated_at: '2023-11-27 09:30:00',
		shipping_time: '2023-11-27 09:30:00',
		goods_amount: 39.8,
		discount_amount: 2,
		postage: 0,
		pay_amount: 37.8,
		tracking_number: 'SF1234567890123',
		logistics_id: 44,
		buyer_memo: '请尽快发货',
		remark: 'VIP客户',
		province: '浙江省',
		city: '杭州市',
		town: '西湖区',
		receiver_name: '',
		receiver_phone: '',
		receiver_address: '',
		receiver_name_mask: '张*',
		receiver_phone_mask: '138****1234',
		receiver_address_mask: '浙江省杭州市西湖区文三路**号',
		open_address_id: 'oaid-123',
		item_list: [
			{ goods_id: 123456789, goods_name: '保温杯', sku_id: 987654321, outer_id: 'CUP-1', goods_count: 2, goods_price: 19.9, goods_spec: '红色' },
		],
		...overrides,
	};
}
