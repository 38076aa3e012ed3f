import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonLossless } from '../../../../lib/json';
import { orderId } from '../../../../lib/model';
import { FLAG_LINES_TOTAL_MISMATCH, isXhsPayload, normalizeXhsOrder, xhsOrdersIn } from '../../../../lib/channels/xiaohongshu/normalize';
import { ORDER_STATUS_MAP, XHS_TIME_UNITS } from '../../../../lib/channels/xiaohongshu/codes';
import { detectChannel, normalizePayload } from '../../../../lib/channels/registry';

type Body = { data: Record<string, unknown> };
const fixture = (name: string) => parseJsonLossless<Body>(readFileSync(path.resolve(__dirname, '../../../fixtures/channels/xiaohongshu', name), 'utf8'));
const detail = () => fixture('order-detail.json').data;

describe('Xiaohongshu normalize', () => {
	it('turns order.getOrderDetail into the unified order field by field', () => {
		const result = normalizeXhsOrder(detail(), { shopId: 'seller-1' });
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.order).toEqual({
			id: orderId('xiaohongshu', 'seller-1', 'P712345678901234567'),
			channel: 'xiaohongshu',
			shopId: 'seller-1',
			channelOrderId: 'P712345678901234567',
			status: 'shipped',
			rawStatus: '6',
			refundState: 'refunding',
			currency: 'CNY',
			totals: { goods: 15800 + 1500 - 800, discount: 1500, shippingFee: 800, paid: 15800 },
			createdAt: '2024-05-02T10:00:00.000+08:00',
			paidAt: '2024-05-02T10:01:00.000+08:00',
			updatedAt: '2024-05-03T11:00:00.000+08:00',
			shippedAt: '2024-05-03T10:00:00.000+08:00',
			lines: [
				{ lineId: '65f0a1b2c3d4e5f601234567', channelSkuId: '65f0a1b2c3d4e5f601234567', merchantCode: 'JH-30', title: '玻尿酸精华液 30ml', skuName: '规格:30ml', quantity: 2, unitPrice: 6000, discount: 1000, paidAmount: 11000, refundState: 'none' },
				{ lineId: '65f0a1b2c3d4e5f601234999', channelSkuId: '65f0a1b2c3d4e5f601234999', merchantCode: 'MM-5', title: '补水面膜 5片', skuName: '规格:5片', quantity: 1, unitPrice: 4500, discount: 500, paidAmount: 4000, refundState: 'refunding' },
			],
			buyer: { id: '5f0c1a2b3c4d5e6f70819203' },
			receiver: { name: '张**', phone: '138****1234', province: '上海市', city: '上海市', district: '徐汇区', address: '漕溪北路****', masked: true, token: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' },
			buyerMessage: '请尽快发货',
			sellerMemo: '送小样',
			tags: [],
			logistics: {
				carrier: 'sf',
				channelCarrierCode: 'shunfeng',
				trackingNo: 'SF1234567890123',
				shipments: [{ carrier: 'sf', trackingNo: 'SF1234567890123', lineIds: ['65f0a1b2c3d4e5f601234567', '65f0a1b2c3d4e5f601234999'] }],
			},
			flags: [],
		});
	});

	it('reads every order time in milliseconds, as the unit table says', () => {
		expect(Object.values(XHS_TIME_UNITS.order).every((u) => u === 'epoch_millis')).toBe(true);
		const seconds = { ...detail(), createdTime: 1714615200 };
		const result = normalizeXhsOrder(seconds, { shopId: 's' });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[0]).toMatchObject({ path: '$.createdTime' });
	});

	it.each(Object.entries(ORDER_STATUS_MAP))('status %s maps to %s', (code, status) => {
		const result = normalizeXhsOrder({ ...detail(), orderStatus: Number(code) }, { shopId: 's' });
		expect(result.ok && result.order.status).toBe(status);
	});

	it('marks presale order types and keeps the raw payload on request', () => {
		const result = normalizeXhsOrder({ ...detail(), orderType: 2 }, { shopId: 's', keepRaw: true });
		expect(result.ok && result.order.presale).toBe(true);
		expect(result.ok && result.order.raw).toBeDefined();
	});

	it('reports every bad field with its path and keeps the order id', () => {
		const bad = { ...detail(), orderStatus: 42, totalPayAmount: '12.5', skuList: [{ skuId: 'x', skuQuantity: 0, totalPaidAmount: 1 }] };
		const result = normalizeXhsOrder(bad, { shopId: '' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.channelOrderId).toBe('P712345678901234567');
		expect(result.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$', '$.orderStatus', '$.totalPayAmount', '$.skuList[0].skuQuantity']));
	});

	it('is found in gateway replies, list pages and arrays; detection tells XHS apart', () => {
		const body = fixture('order-detail.json');
		expect(isXhsPayload(body)).toBe(true);
		expect(xhsOrdersIn(body)).toEqual([{ raw: body.data, path: '$.data' }]);
		expect(detectChannel(body)).toBe('xiaohongshu');
		expect(detectChannel(fixture('order-list.json'))).toBeUndefined();
		const out = normalizePayload([body.data, body.data], { channel: 'detect', shopId: 'seller-1' });
		expect(out.channel).toBe('xiaohongshu');
		expect(out.orders.map((o) => [o.path, o.result.ok])).toEqual([['$[0]', true], ['$[1]', true]]);
	});
});

describe('Xiaohongshu totals', () => {
	it('flags lines that do not add up to the paid total, keeping both', () => {
		const result = normalizeXhsOrder({ ...detail(), totalPayAmount: 15900 }, { shopId: 's' });
		expect(result.ok && result.order.flags).toEqual([FLAG_LINES_TOTAL_MISMATCH]);
		expect(result.ok && result.order.totals.paid).toBe(15900);
	});
});
