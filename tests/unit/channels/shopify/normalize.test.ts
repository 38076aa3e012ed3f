import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonLossless } from '../../../../lib/json';
import { orderId } from '../../../../lib/model';
import { detectChannel, normalizePayload } from '../../../../lib/channels/registry';
import { FLAG_BILLING_AS_RECEIVER, isShopifyPayload, normalizeShopifyOrder, shopifyOrdersIn, statusOf } from '../../../../lib/channels/shopify/normalize';

const SHOP = 'tea-house.myshopify.com';
const fixture = () =>
	parseJsonLossless<Record<string, unknown>>(readFileSync(path.resolve(__dirname, '../../../fixtures/channels/shopify/order-paid-partial.json'), 'utf8'));

function order(overrides: Record<string, unknown> = {}) {
	const result = normalizeShopifyOrder({ ...fixture(), ...overrides }, { shopId: SHOP });
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.order;
}

describe('Shopify normalize', () => {
	it('keeps big ids exact and builds the stable id from the shop domain', () => {
		const o = order();
		expect(o.channelOrderId).toBe('5840193846123456789');
		expect(o.id).toBe(orderId('shopify', SHOP, '5840193846123456789'));
		expect(o.lines.map((l) => l.lineId)).toEqual(['13012345678901234567', '13012345678901234568']);
		expect(o.lines[0].channelSkuId).toBe('44123456789012345678');
		expect(o.buyer).toEqual({ id: '7001234567890123456', nick: 'Lei Li' });
	});

	it('reads CNY totals from the order fields, not the lines', () => {
		const o = order();
		expect(o.currency).toBe('CNY');
		expect(o.totals).toEqual({ goods: 21850, discount: 2000, shippingFee: 1000, paid: 20850, refunded: 10000 });
		expect(o.lines[0]).toMatchObject({ unitPrice: 5925, quantity: 2, discount: 2000, paidAmount: 9850, merchantCode: 'TEA-01', skuName: '250g' });
		expect(o.flags).toEqual([]);
	});

	it('reads JPY amounts with no minor unit', () => {
		const o = order({
			currency: 'JPY',
			total_price: '3500',
			subtotal_price: '3000',
			total_line_items_price: '3000',
			total_discounts: '0',
			total_shipping_price_set: { shop_money: { amount: '500', currency_code: 'JPY' } },
			line_items: [{ id: 1, title: 'Matcha', quantity: 3, price: '1000', discount_allocations: [] }],
			refunds: [],
		});
		expect(o.totals).toEqual({ goods: 3000, discount: 0, shippingFee: 500, paid: 3500 });
		expect(o.lines[0]).toMatchObject({ unitPrice: 1000, paidAmount: 3000 });
	});

	it('reads KWD amounts with three decimals', () => {
		const o = order({
			currency: 'KWD',
			total_price: '12.345',
			subtotal_price: '10.345',
			total_line_items_price: '10.345',
			total_discounts: '0.000',
			total_shipping_price_set: { shop_money: { amount: '2.000', currency_code: 'KWD' } },
			line_items: [{ id: 1, title: 'Dates', quantity: 1, price: '10.345', discount_allocations: [] }],
			refunds: [],
		});
		expect(o.totals).toEqual({ goods: 10345, discount: 0, shippingFee: 2000, paid: 12345 });
		expect(o.lines[0].unitPrice).toBe(10345);
	});

	it('refuses a JPY amount with decimals instead of guessing', () => {
		const result = normalizeShopifyOrder({ ...fixture(), currency: 'JPY' }, { shopId: SHOP });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('$.total_price');
	});

	it.each([
		['pending', null, null, undefined, 'pending_payment'],
		['authorized', null, null, undefined, 'paid'],
		['paid', null, null, undefined, 'paid'],
		['paid', 'partial', null, undefined, 'partially_shipped'],
		['paid', 'fulfilled', null, undefined, 'shipped'],
		['paid', 'fulfilled', null, '2024-05-09T00:00:00Z', 'completed'],
		['refunded', 'fulfilled', '2024-05-03T00:00:00Z', undefined, 'cancelled'],
		['voided', null, null, undefined, 'cancelled'],
	])('financial %s + fulfillment %s + cancelled %s -> %s', (financial, fulfillment, cancelled, closed, expected) => {
		expect(statusOf(financial, fulfillment ?? undefined, cancelled ?? undefined, closed)).toBe(expected);
	});

	it('keeps the raw status and maps refunds to line and order refund states', () => {
		const o = order();
		expect(o.status).toBe('partially_shipped');
		expect(o.rawStatus).toBe('partially_refunded/partial');
		expect(o.lines.map((l) => l.refundState)).toEqual(['none', 'refunded']);
		expect(o.refundState).toBe('refunded');
		expect(order({ financial_status: 'paid', refunds: [] }).refundState).toBe('none');
		expect(order({ cancelled_at: '2024-05-03T08:00:00+08:00' }).rawStatus).toBe('partially_refunded/partial/cancelled');
	});

	it('keeps times with their offset, paid time from processed_at and shipped time from the first fulfillment', () => {
		const o = order();
		expect(o.createdAt).toBe('2024-05-01T10:00:00.000+08:00');
		expect(o.updatedAt).toBe('2024-05-02T09:30:00.000+08:00');
		expect(o.paidAt).toBe('2024-05-01T10:00:05.000+08:00');
		expect(o.shippedAt).toBe('2024-05-01T18:00:00.000+08:00');
		expect(order({ financial_status: 'pending', refunds: [] }).paidAt).toBeUndefined();
	});

	it('reads receiver, note, tags and logistics', () => {
		const o = order();
		expect(o.receiver).toEqual({
			name: 'Lei Li',
			phone: '13812341234',
			province: '广东省',
			city: '深圳市',
			address: '科技园路 1 号 2 栋',
			postcode: '518000',
			country: 'CN',
			masked: false,
		});
		expect(o.buyerMessage).toBe('请周末送');
		expect(o.tags).toEqual(['vip', 'repeat']);
		expect(o.logistics).toEqual({
			carrier: 'sf',
			channelCarrierCode: 'SF Express',
			trackingNo: 'SF1234567890',
			shipments: [{ carrier: 'sf', trackingNo: 'SF1234567890', lineIds: ['13012345678901234567'] }],
		});
	});

	it('falls back to the billing address and flags it', () => {
		const o = order({ shipping_address: null });
		expect(o.receiver).toMatchObject({ address: 'other', city: '深圳市' });
		expect(o.flags).toContain(FLAG_BILLING_AS_RECEIVER);
	});

	it('reports every bad field with its path', () => {
		const result = normalizeShopifyOrder({ id: 1.5e20, currency: 'yen', line_items: [{ id: 2, quantity: 0, price: 'x' }] }, { shopId: SHOP });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const paths = result.problems.map((p) => p.path);
		expect(paths).toEqual(expect.arrayContaining(['$.currency', '$.id', '$.financial_status', '$.created_at', '$.total_price', '$.line_items[0].quantity']));
	});

	it('is found by the registry in an orders.json body, a single order body and a webhook body', () => {
		const raw = fixture();
		expect(isShopifyPayload({ orders: [raw] })).toBe(true);
		expect(isShopifyPayload({ order: raw })).toBe(true);
		expect(isShopifyPayload({ order_id: 1, order_detail: {} })).toBe(false);
		expect(detectChannel({ orders: [raw, raw] })).toBe('shopify');
		expect(shopifyOrdersIn({ orders: [raw, raw] }).map((l) => l.path)).toEqual(['$.orders[0]', '$.orders[1]']);
		const { channel, orders } = normalizePayload(raw, { channel: 'detect', shopId: SHOP });
		expect(channel).toBe('shopify');
		expect(orders[0].result.ok).toBe(true);
	});
});
