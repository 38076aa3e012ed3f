import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonLossless } from '../../../../lib/json';
import { orderId } from '../../../../lib/model';
import { FLAG_LINES_TOTAL_MISMATCH, FLAG_VIRTUAL_PHONE, isWechatShopPayload, normalizeWechatOrder, wechatOrdersIn } from '../../../../lib/channels/wechatShop/normalize';
import { normalizePayload, detectChannel } from '../../../../lib/channels/registry';

const body = () =>
	parseJsonLossless<{ order: Record<string, unknown> }>(
		readFileSync(path.resolve(__dirname, '../../../fixtures/channels/wechatShop/order-get.json'), 'utf8'),
	);

describe('WeChat shop normalize', () => {
	it('turns order/get into the unified order field by field', () => {
		const result = normalizeWechatOrder(body().order, { shopId: 'shop-1' });
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		const o = result.order;
		expect(o).toMatchObject({
			id: orderId('wechat_shop', 'shop-1', '3705115058471208928'),
			channel: 'wechat_shop',
			channelOrderId: '3705115058471208928',
			status: 'shipped',
			rawStatus: '30',
			refundState: 'refunding',
			currency: 'CNY',
			totals: { goods: 27590, discount: 1000, shippingFee: 1000, paid: 27590 },
			createdAt: '2024-05-02T10:00:00.000+08:00',
			paidAt: '2024-05-02T10:01:00.000+08:00',
			updatedAt: '2024-05-03T11:00:00.000+08:00',
			shippedAt: '2024-05-03T10:00:00.000+08:00',
			buyer: { id: 'oDO3v5Fp6eCSpGMoVvcG3_EXAMPLE' },
			buyerMessage: '请尽快发货',
			sellerMemo: 'VIP',
		});
		expect(o.lines).toEqual([
			{ lineId: '1751260221', channelItemId: '10000029995861', channelSkuId: '1751260221', merchantCode: 'TEA-LJ-250', title: '明前龙井 250g', skuName: '规格:250g', quantity: 2, unitPrice: 12800, discount: 1000, paidAmount: 24600, refundState: 'none' },
			{ lineId: '9223372036854775807', channelItemId: '10000029995862', channelSkuId: '9223372036854775807', merchantCode: 'CUP-01', title: '玻璃杯', quantity: 1, unitPrice: 1990, discount: 0, paidAmount: 1990, refundState: 'refunding' },
		]);
		expect(o.receiver).toEqual({ name: '张**', phone: '17012345678-1234', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路***号', postcode: '310000', masked: true, token: 'a3f1c09d5e7b' });
		expect(o.flags).toEqual([FLAG_VIRTUAL_PHONE]);
		expect(o.logistics).toEqual({
			carrier: 'sf',
			channelCarrierCode: 'SF',
			trackingNo: 'SF1400000000001',
			shipments: [{ carrier: 'sf', trackingNo: 'SF1400000000001', lineIds: ['1751260221'], shippedAt: '2024-05-03T10:00:00.000+08:00' }],
		});
	});

	it.each([
		[10, 'pending_payment'],
		[20, 'paid'],
		[21, 'partially_shipped'],
		[100, 'completed'],
		[190, 'cancelled'],
		[200, 'cancelled'],
		[250, 'cancelled'],
	])('maps status %s to %s', (status, expected) => {
		const order = { ...body().order, status };
		const result = normalizeWechatOrder(order, { shopId: 's' });
		expect(result.ok && result.order.status).toBe(expected);
	});

	it('reports an unknown status, a rounded id and a missing price_info with their paths', () => {
		const raw = body().order;
		const detail = raw.order_detail as Record<string, unknown>;
		const result = normalizeWechatOrder({ ...raw, status: 77, order_id: 3705115058471208000, order_detail: { ...detail, price_info: undefined } }, { shopId: 's' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => p.path)).toEqual(
			expect.arrayContaining(['$.order_id', '$.status', '$.order_detail.price_info.product_price', '$.order_detail.price_info.order_price']),
		);
	});

	it('flags lines that do not add up to order_price and keeps the channel total', () => {
		const raw = body().order;
		const detail = raw.order_detail as Record<string, Record<string, unknown>>;
		const result = normalizeWechatOrder({ ...raw, order_detail: { ...detail, price_info: { ...detail.price_info, order_price: 27000 } } }, { shopId: 's' });
		expect(result.ok && result.order.totals.paid).toBe(27000);
		expect(result.ok && result.order.flags).toContain(FLAG_LINES_TOTAL_MISMATCH);
	});

	it('uses the real phone when no virtual number is in use, and marks an unmasked receiver unmasked', () => {
		const raw = body().order;
		const detail = raw.order_detail as Record<string, Record<string, unknown>>;
		const address = { user_name: '李四', tel_number: '13912345678', province_name: '广东省', city_name: '深圳市', county_name: '南山区', detail_info: '科技园1号', use_tel_number: 0 };
		const result = normalizeWechatOrder({ ...raw, order_detail: { ...detail, delivery_info: { address_info: address } } }, { shopId: 's' });
		expect(result.ok && result.order.receiver).toMatchObject({ phone: '13912345678', masked: false });
	});

	it('is found and detected through the channel registry', () => {
		expect(isWechatShopPayload(body())).toBe(true);
		expect(wechatOrdersIn(body())[0].path).toBe('$.order');
		expect(detectChannel(body())).toBe('wechat_shop');
		const out = normalizePayload(body(), { channel: 'detect', shopId: 'shop-1' });
		expect(out.channel).toBe('wechat_shop');
		expect(out.orders[0].result.ok).toBe(true);
	});
});
