import { parseJsonLossless } from '../../../../lib/json';
import { PDD_AMOUNT_UNITS } from '../../../../lib/channels/pinduoduo/codes';
import {
	FLAG_LINES_TOTAL_MISMATCH,
	FLAG_RISK_CONTROL,
	isPinduoduoPayload,
	normalizePinduoduoOrder,
	pinduoduoOrdersIn,
	pddOrderStatus,
} from '../../../../lib/channels/pinduoduo/normalize';
import { detectChannel, normalizePayload } from '../../../../lib/channels/registry';
import { sampleOrder } from './sampleOrder';

describe('Pinduoduo normalize', () => {
	it('reads a shipped order field by field, amounts exact in fen', () => {
		const result = normalizePinduoduoOrder(sampleOrder(), { shopId: 'mall-1' });
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		const { order } = result;
		expect(order).toMatchObject({
			channel: 'pinduoduo',
			shopId: 'mall-1',
			channelOrderId: '231126-560123456789012',
			status: 'shipped',
			rawStatus: '2',
			refundState: 'none',
			currency: 'CNY',
			totals: { goods: 3980, discount: 200, shippingFee: 0, paid: 3780 },
			createdAt: '2023-11-26T10:00:00.000+08:00',
			paidAt: '2023-11-26T10:01:00.000+08:00',
			updatedAt: '2023-11-27T09:30:00.000+08:00',
			buyerMessage: '请尽快发货',
			sellerMemo: 'VIP客户',
			logistics: { carrier: 'sf', channelCarrierCode: '44', trackingNo: 'SF1234567890123' },
		});
		expect(order.lines).toEqual([
			{ lineId: '1', channelItemId: '123456789', channelSkuId: '987654321', merchantCode: 'CUP-1', title: '保温杯', skuName: '红色', quantity: 2, unitPrice: 1990, discount: 0, paidAmount: 3980, refundState: 'none' },
		]);
		// The discount is order-level, so lines plus postage do not meet pay_amount.
		expect(order.flags).toContain(FLAG_LINES_TOTAL_MISMATCH);
	});

	it('keeps receivers masked with their token and masked: true', () => {
		const result = normalizePinduoduoOrder(sampleOrder({ receiver_address: '~AgAAAAEncrypted~' }), { shopId: 'm' });
		if (!result.ok) throw new Error('not ok');
		expect(result.order.receiver).toEqual({
			name: '张*',
			phone: '138****1234',
			province: '浙江省',
			city: '杭州市',
			district: '西湖区',
			address: '浙江省杭州市西湖区文三路**号',
			masked: true,
			token: 'oaid-123',
		});
		const noOaid = normalizePinduoduoOrder(sampleOrder({ open_address_id: '', receiver_address: '~AgAAAAEncrypted~' }), { shopId: 'm' });
		expect(noOaid.ok && noOaid.order.receiver.token).toBe('~AgAAAAEncrypted~');
	});

	it('reads order amounts in the unit PDD_AMOUNT_UNITS.order names (float yuan) and never through float sums', () => {
		expect(PDD_AMOUNT_UNITS).toEqual({ order: 'float_major', goods: 'minor' });
		const result = normalizePinduoduoOrder(sampleOrder({ goods_amount: 0.3, discount_amount: 0.1, pay_amount: 0.2, item_list: [{ goods_name: 'x', goods_count: 1, goods_price: 0.3 }] }), { shopId: 'm' });
		expect(result.ok && result.order.totals).toEqual({ goods: 30, discount: 10, shippingFee: 0, paid: 20 });
		// A float that is not a whole number of fen (0.1 + 0.2) is refused, not rounded.
		const bad = normalizePinduoduoOrder(sampleOrder({ pay_amount: 0.1 + 0.2 }), { shopId: 'm' });
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.problems[0].path).toBe('$.pay_amount');
	});

	it('maps statuses: cancelled, refunded before shipping, risk hold, signed', () => {
		expect(pddOrderStatus('1')).toBe('paid');
		expect(pddOrderStatus('2')).toBe('shipped');
		expect(pddOrderStatus('3')).toBe('completed');
		expect(pddOrderStatus('1', '4')).toBe('cancelled');
		expect(pddOrderStatus('2', '4')).toBe('shipped');
		expect(pddOrderStatus('1', '1', '2')).toBe('cancelled');
		expect(pddOrderStatus('1', '1', '1', '1')).toBe('on_hold');
		const held = normalizePinduoduoOrder(sampleOrder({ order_status: 1, risk_control_status: 1, tracking_number: '' }), { shopId: 'm' });
		expect(held.ok && held.order.status).toBe('on_hold');
		expect(held.ok && held.order.flags).toContain(FLAG_RISK_CONTROL);
		const refunding = normalizePinduoduoOrder(sampleOrder({ refund_status: 3 }), { shopId: 'm' });
		expect(refunding.ok && refunding.order.refundState).toBe('refunding');
	});

	it('reports unknown statuses and missing fields with their paths instead of guessing', () => {
		const result = normalizePinduoduoOrder(sampleOrder({ order_status: 9, refund_status: 7, created_time: undefined }), { shopId: 'm' });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.map((p) => p.path).sort()).toEqual(['$.created_time', '$.order_status', '$.refund_status']);
		const noShop = normalizePinduoduoOrder(sampleOrder());
		expect(noShop.ok).toBe(false);
	});

	it('keeps SKU ids beyond 2^53 exact when the body is parsed losslessly', () => {
		const text = JSON.stringify(sampleOrder()).replace('987654321', '9007199254740993123');
		const result = normalizePinduoduoOrder(parseJsonLossless(text), { shopId: 'm' });
		expect(result.ok && result.order.lines[0].channelSkuId).toBe('9007199254740993123');
		const lossy = normalizePinduoduoOrder(JSON.parse(text), { shopId: 'm' });
		expect(lossy.ok).toBe(false);
	});

	it('finds orders in envelopes and lists, and Order Normalize detects them', () => {
		const envelope = { order_sn_increment_get_response: { total_count: 2, has_next: false, order_sn_list: [sampleOrder(), sampleOrder({ order_sn: '231126-1111111' })] } };
		expect(pinduoduoOrdersIn(envelope).map((o) => o.path)).toEqual([
			'$.order_sn_increment_get_response.order_sn_list[0]',
			'$.order_sn_increment_get_response.order_sn_list[1]',
		]);
		expect(pinduoduoOrdersIn({ order_list_get_response: { total_count: 0, order_list: [] } })).toEqual([]);
		expect(isPinduoduoPayload(sampleOrder())).toBe(true);
		expect(isPinduoduoPayload({ tid: 1, status: 'WAIT_SELLER_SEND_GOODS' })).toBe(false);
		expect(detectChannel(envelope)).toBe('pinduoduo');
		const normalized = normalizePayload({ order_info_get_response: { order_info: sampleOrder() } }, { channel: 'detect', shopId: 'mall-1' });
		expect(normalized.channel).toBe('pinduoduo');
		expect(normalized.orders[0].result.ok).toBe(true);
	});
});
