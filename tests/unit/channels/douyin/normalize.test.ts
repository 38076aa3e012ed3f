import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectChannel, normalizePayload } from '../../../../lib/channels/registry';
import { douyinOrdersIn, isDouyinPayload, normalizeDouyinOrder } from '../../../../lib/channels/douyin/normalize';
import { parseJsonLossless } from '../../../../lib/json';
import { orderId } from '../../../../lib/model';

const text = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/channels/douyin', name), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const load = (name: string): any => parseJsonLossless(text(name));

describe('Douyin normalize', () => {
	it('turns a shop order into the unified order: fen, seconds, sub-orders as lines, masked receiver with its token', () => {
		const result = normalizeDouyinOrder(load('shop-order.json'), { shopId: '4463798' });
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		const order = result.order;
		expect(order).toMatchObject({
			id: orderId('douyin', '4463798', '6920000000000000001'),
			channel: 'douyin',
			shopId: '4463798',
			channelOrderId: '6920000000000000001',
			status: 'shipped',
			rawStatus: '3',
			refundState: 'none',
			currency: 'CNY',
			totals: { goods: 16800, discount: 1800, shippingFee: 800, paid: 15800 },
			createdAt: '2024-05-02T10:00:00.000+08:00',
			paidAt: '2024-05-02T10:01:00.000+08:00',
			updatedAt: '2024-05-03T10:00:00.000+08:00',
			shippedAt: '2024-05-03T10:00:00.000+08:00',
			buyer: { id: '1@#abcdEFGH' },
			buyerMessage: '请尽快发货',
			receiver: { name: '李**', phone: '138****0000', province: '北京市', city: '北京市', district: '朝阳区', address: '建国路***', masked: true, token: '#n#QmVpamluZ0xpbGk=#' },
			logistics: { carrier: 'sf', channelCarrierCode: 'shunfeng', trackingNo: 'SF1234567890123', shipments: [{ carrier: 'sf', trackingNo: 'SF1234567890123' }] },
			flags: [],
		});
		expect(order.sellerMemo).toBeUndefined();
		expect(order.lines).toEqual([
			{
				lineId: '6920000000000000011',
				channelItemId: '3512345678901234567',
				channelSkuId: '1789012345678901234',
				merchantCode: 'CUP-500-RED',
				title: '保温杯',
				skuName: '颜色:红色;容量:500ml',
				quantity: 2,
				unitPrice: 8400,
				discount: 1800,
				paidAmount: 15000,
				refundState: 'none',
			},
		]);
	});

	it('maps every order status and line after-sale status', () => {
		const base = load('shop-order.json');
		const statusOf = (s: number) => {
			const r = normalizeDouyinOrder({ ...base, order_status: s }, { shopId: '1' });
			return r.ok ? r.order.status : 'problem';
		};
		expect([1, 105, 2, 101, 3, 4, 5].map(statusOf)).toEqual(['pending_payment', 'paid', 'paid', 'partially_shipped', 'shipped', 'cancelled', 'completed']);
		expect(statusOf(42)).toBe('problem');
		const refundOf = (s: number) => {
			const line = { ...base.sku_order_list[0], after_sale_info: { after_sale_status: s } };
			const r = normalizeDouyinOrder({ ...base, sku_order_list: [line] }, { shopId: '1' });
			return r.ok ? [r.order.lines[0].refundState, r.order.refundState] : 'problem';
		};
		expect(refundOf(6)).toEqual(['requested', 'requested']);
		expect(refundOf(12)).toEqual(['refunded', 'refunded']);
		expect(refundOf(27)).toEqual(['rejected', 'rejected']);
	});

	it('refuses an id rounded by a lossy parse and names the missing lines', () => {
		const lossy = JSON.parse(text('shop-order.json'));
		const result = normalizeDouyinOrder(lossy, { shopId: '1' });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(['$.sku_order_list[0].product_id', '$.sku_order_list[0].sku_id']);
		const noLines = normalizeDouyinOrder({ ...load('shop-order.json'), sku_order_list: undefined }, { shopId: '1' });
		expect(noLines.ok).toBe(false);
		if (!noLines.ok) expect(noLines.problems[0].path).toBe('$.sku_order_list');
	});

	it('takes the shop id from the order when the credential gives none; flags lines that do not add up', () => {
		const order = load('shop-order.json');
		order.sku_order_list[0].pay_amount = 14000;
		const result = normalizeDouyinOrder(order);
		expect(result.ok && result.order.shopId).toBe('4463798');
		expect(result.ok && result.order.flags).toEqual(['lines_total_mismatch']);
	});

	it('finds orders in list and detail envelopes, and is detected by the registry', () => {
		expect(douyinOrdersIn(load('order-list.json')).map((o) => o.path)).toEqual(['$.data.shop_order_list[0]']);
		expect(douyinOrdersIn(load('order-detail.json')).map((o) => o.path)).toEqual(['$.data.shop_order_detail']);
		expect(isDouyinPayload(load('order-list.json'))).toBe(true);
		expect(detectChannel(load('order-detail.json'))).toBe('douyin');
		expect(detectChannel({ orderId: 'P1', orderStatus: 4, skuList: [] })).not.toBe('douyin');
		const { channel, orders } = normalizePayload(load('order-list.json'), { channel: 'detect', shopId: '4463798' });
		expect(channel).toBe('douyin');
		expect(orders.map((o) => o.result.ok)).toEqual([true]);
	});

	it('a push delivery is recognised and each message becomes a problem naming its order (never dropped)', () => {
		const push = parseJsonLossless(text('push-paid.json'));
		expect(detectChannel(push)).toBe('douyin');
		const { orders } = normalizePayload(push, { channel: 'detect' });
		expect(orders).toHaveLength(1);
		const [only] = orders;
		expect(only.result.ok).toBe(false);
		if (!only.result.ok) {
			expect(only.result.channelOrderId).toBe('4900000000000000000');
			expect(only.result.problems[0].message).toMatch(/order_paid.*4900000000000000000.*Order → Get/);
		}
	});
});
