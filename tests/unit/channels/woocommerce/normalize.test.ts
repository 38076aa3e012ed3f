import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonLossless } from '../../../../lib/json';
import { orderId } from '../../../../lib/model';
import { detectChannel, normalizePayload } from '../../../../lib/channels/registry';
import { ORDER_STATUS_MAP } from '../../../../lib/channels/woocommerce/codes';
import {
	FLAG_BILLING_AS_RECEIVER,
	FLAG_LINES_TOTAL_MISMATCH,
	FLAG_LOCAL_TIME_ASSUMED,
	isWooPayload,
	normalizeWooOrder,
	wooOrdersIn,
} from '../../../../lib/channels/woocommerce/normalize';

const SITE = 'shop.example.com';
const text = readFileSync(path.resolve(__dirname, '../../../fixtures/channels/woocommerce/order-processing.json'), 'utf8');
const order = () => parseJsonLossless<Record<string, unknown>>(text);

function ok(raw: unknown) {
	const result = normalizeWooOrder(raw, { shopId: SITE });
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.order;
}

describe('WooCommerce order normalize', () => {
	it('keeps ids beyond 2^53 exact and reads totals from the order total fields', () => {
		const o = ok(order());
		expect(o).toMatchObject({
			channel: 'woocommerce',
			shopId: SITE,
			channelOrderId: '9007199254740993123',
			id: orderId('woocommerce', SITE, '9007199254740993123'),
			status: 'paid',
			rawStatus: 'processing',
			refundState: 'none',
			currency: 'CNY',
			totals: { goods: 22850, discount: 1000, shippingFee: 1200, paid: 23050 },
			buyer: { id: '9007199254740995001', nick: '李 雷' },
			buyerMessage: '请周末送货',
		});
		expect(o.lines).toEqual([
			{ lineId: '9007199254740997001', channelItemId: '9007199254740998001', channelSkuId: '9007199254740998002', merchantCode: 'TS-WHITE-M', title: '纯棉短袖T恤 - 白色, M', quantity: 2, unitPrice: 7900, discount: 1000, paidAmount: 14800, refundState: 'none' },
			{ lineId: '9007199254740997002', channelItemId: '501', channelSkuId: '501', merchantCode: 'BW-500', title: '不锈钢保温杯', quantity: 1, unitPrice: 7050, discount: 0, paidAmount: 7050, refundState: 'none' },
		]);
		expect(o.flags).toEqual([]);
	});

	it('reads times from the *_gmt fields and shows them in Beijing time', () => {
		const o = ok(order());
		expect(o.createdAt).toBe('2026-03-01T18:30:00.000+08:00');
		expect(o.updatedAt).toBe('2026-03-01T18:45:10.000+08:00');
		expect(o.paidAt).toBe('2026-03-01T18:31:00.000+08:00');
		expect(o.shippedAt).toBeUndefined();
	});

	it('falls back to the site-local time as +08:00 and flags it', () => {
		const raw = order();
		delete raw.date_created_gmt;
		const o = ok(raw);
		expect(o.createdAt).toBe('2026-03-01T18:30:00.000+08:00');
		expect(o.flags).toContain(FLAG_LOCAL_TIME_ASSUMED);
	});

	it('takes the shipping address as the receiver (billing phone when shipping has none)', () => {
		expect(ok(order()).receiver).toEqual({ name: '韩 梅梅', phone: '13987654321', province: '上海', city: '上海市', address: '南京西路 1266 号 恒隆广场 2 座', postcode: '200040', country: 'CN', masked: false });
		const raw = order();
		(raw.shipping as Record<string, unknown>).phone = '';
		expect(ok(raw).receiver.phone).toBe('13812345678');
	});

	it('uses the billing address when there is no shipping address, and flags it', () => {
		const raw = order();
		raw.shipping = { first_name: '', last_name: '', address_1: '', city: '', country: '' };
		const o = ok(raw);
		expect(o.receiver).toMatchObject({ name: '李 雷', address: '科技园南路 8 号', city: '深圳市', province: '广东省' });
		expect(o.flags).toContain(FLAG_BILLING_AS_RECEIVER);
	});

	it.each([
		['JPY', { total: '4500', shipping_total: '500', discount_total: '0', lines: [['4000', '4000', 2]] }, { paid: 4500, shippingFee: 500, goods: 4000 }, 2000],
		['KWD', { total: '12.345', shipping_total: '1.500', discount_total: '0.000', lines: [['10.845', '10.845', 1]] }, { paid: 12345, shippingFee: 1500, goods: 10845 }, 10845],
	])('keeps %s amounts in its own minor unit', (currency, money, totals, unitPrice) => {
		const raw = order();
		Object.assign(raw, { currency, total: money.total, shipping_total: money.shipping_total, discount_total: money.discount_total });
		raw.line_items = money.lines.map(([subtotal, total, quantity], i) => ({ id: i + 1, name: 'x', product_id: 5, variation_id: 0, quantity, subtotal, total, sku: 'X', price: Number(subtotal) / Number(quantity) }));
		const o = ok(raw);
		expect(o.currency).toBe(currency);
		expect(o.totals).toMatchObject(totals);
		expect(o.lines[0].unitPrice).toBe(unitPrice);
		expect(o.flags).not.toContain(FLAG_LINES_TOTAL_MISMATCH);
	});

	it('refuses JPY amounts with decimals instead of rounding them', () => {
		const raw = order();
		Object.assign(raw, { currency: 'JPY' });
		const result = normalizeWooOrder(raw, { shopId: SITE });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('$.total');
	});

	it('flags a total that does not match lines, fees, shipping and tax', () => {
		const raw = order();
		raw.total = '231.50';
		expect(ok(raw).flags).toContain(FLAG_LINES_TOTAL_MISMATCH);
		raw.fee_lines = [{ id: 1, name: '包装费', total: '1.00' }];
		expect(ok(raw).flags).not.toContain(FLAG_LINES_TOTAL_MISMATCH);
	});

	it.each(Object.entries(ORDER_STATUS_MAP))('maps status %s to %s', (raw, unified) => {
		expect(ok({ ...order(), status: raw }).status).toBe(unified);
	});

	it('marks refunds: partial (refunds[]) and full (status refunded, every line refunded)', () => {
		const partial = ok({ ...order(), refunds: [{ id: 90, reason: '少发一件', total: '-70.50' }] });
		expect(partial).toMatchObject({ refundState: 'refunded', totals: { refunded: 7050 } });
		expect(partial.lines.map((l) => l.refundState)).toEqual(['none', 'none']);
		const full = ok({ ...order(), status: 'refunded', refunds: [{ id: 91, reason: '', total: '-230.50' }] });
		expect(full).toMatchObject({ status: 'cancelled', refundState: 'refunded', totals: { refunded: 23050 } });
		expect(full.lines.map((l) => l.refundState)).toEqual(['refunded', 'refunded']);
	});

	it('reads Shipment Tracking parcels from meta_data and sets shippedAt from date_completed', () => {
		const o = ok({
			...order(),
			status: 'completed',
			date_completed_gmt: '2026-03-02T02:00:00',
			meta_data: [{ id: 5, key: '_wc_shipment_tracking_items', value: [{ tracking_provider: '顺丰速运', tracking_number: 'SF1234567890123', date_shipped: '1772416800' }] }],
		});
		expect(o.logistics).toEqual({ carrier: 'sf', channelCarrierCode: '顺丰速运', trackingNo: 'SF1234567890123', shipments: [{ carrier: 'sf', trackingNo: 'SF1234567890123' }] });
		expect(o.shippedAt).toBe('2026-03-02T10:00:00.000+08:00');
	});

	it('says what is wrong with an order it cannot normalize', () => {
		const raw = order();
		delete raw.currency;
		raw.status = 'weird';
		(raw.line_items as Array<Record<string, unknown>>)[0].quantity = 0;
		const result = normalizeWooOrder(raw, { shopId: SITE });
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.channelOrderId).toBe('9007199254740993123');
			expect(result.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$.currency', '$.status', '$.line_items[0].quantity']));
		}
		expect(normalizeWooOrder(JSON.parse(text), { shopId: SITE })).toMatchObject({ ok: false });
		expect(normalizeWooOrder(order(), {})).toMatchObject({ ok: false });
	});

	it('is detected in list answers, single orders and webhook bodies, and not confused with Shopify', () => {
		expect(isWooPayload(order())).toBe(true);
		expect(isWooPayload([order(), order()])).toBe(true);
		expect(isWooPayload({ id: 1, status: 'paid', line_items: [], total_price: '1.00', financial_status: 'paid' })).toBe(false);
		expect(detectChannel(order())).toBe('woocommerce');
		expect(wooOrdersIn([order(), order()]).map((x) => x.path)).toEqual(['$[0]', '$[1]']);
		const result = normalizePayload(order(), { channel: 'detect', shopId: SITE });
		expect(result.channel).toBe('woocommerce');
		expect(result.orders[0].result).toMatchObject({ ok: true, order: { channelOrderId: '9007199254740993123' } });
	});
});
