import { orderId } from '../../../lib/model';
import { Rng } from '../../../sandbox/core/rng';
import { DAY_MS, HOUR_MS } from '../../../sandbox/core/time';
import { buildCatalog } from '../../../sandbox/truth/catalog';
import { generateOrders } from '../../../sandbox/truth/generator';
import type { GenerateContext } from '../../../sandbox/truth/generator';
import { PROVINCES } from '../../../sandbox/truth/geo';
import { materialize } from '../../../sandbox/truth/lifecycle';
import type { TruthOrder } from '../../../sandbox/truth/types';
import { TAOBAO_FLAVOR } from '../../../sandbox/providers/taobao/models';

const NOW = Date.parse('2026-03-02T10:00:00+08:00');

function context(seed: string | number): GenerateContext {
	const shops = ['s1', 's2'].map((shopId) => ({
		shopId,
		origin: '杭州市',
		catalog: buildCatalog(new Rng(seed, 'catalog', shopId), 24, NOW - 40 * DAY_MS),
	}));
	return { seed, flavor: TAOBAO_FLAVOR, shops, now: NOW, windowDays: 30, takenIds: new Set() };
}

describe('truth generator', () => {
	const generated = generateOrders(context(42), 3000);
	const orders = generated.map((g) => g.order);

	test('the same seed gives the same orders; another seed gives others', () => {
		const again = generateOrders(context(42), 3000).map((g) => g.order);
		expect(JSON.stringify(again)).toBe(JSON.stringify(orders));
		const other = generateOrders(context(43), 10).map((g) => g.order.channelOrderId);
		expect(other).not.toEqual(orders.slice(0, 10).map((o) => o.channelOrderId));
	});

	test('Taobao tids are unique 19-digit strings beyond 2^53, and ids follow the model formula', () => {
		expect(new Set(orders.map((o) => o.channelOrderId)).size).toBe(orders.length);
		const bad = orders.filter(
			(o) =>
				!/^\d{19}$/.test(o.channelOrderId) ||
				BigInt(o.channelOrderId) <= BigInt(Number.MAX_SAFE_INTEGER) ||
				o.id !== orderId('taobao', o.shopId, o.channelOrderId) ||
				(o.lines.length === 1 && o.lines[0].lineId !== o.channelOrderId),
		);
		expect(bad).toEqual([]);
	});

	test('receivers look like real Chinese addresses and phones', () => {
		const bad = orders
			.map((o) => o.receiver)
			.filter((r) => {
				const city = PROVINCES.find((p) => p.province === r.province)?.cities.find((c) => c.city === r.city);
				return (
					!city ||
					!city.districts.includes(r.district!) ||
					!/^1[3-9]\d{9}$/.test(r.phone!) ||
					!/^[\u4e00-\u9fa5]{2,4}$/.test(r.name!) ||
					!/号.*室$/.test(r.address!) ||
					!/^\d{6}$/.test(r.postcode!)
				);
			});
		expect(bad).toEqual([]);
		expect(new Set(orders.map((o) => o.receiver.province)).size).toBeGreaterThan(25);
	});

	test('money adds up: paid = goods - discount + shipping, and lines carry their share', () => {
		const bad = orders.filter(
			({ totals, lines }) =>
				totals.paid !== totals.goods - totals.discount + totals.shippingFee ||
				lines.reduce((s, l) => s + l.paidAmount, 0) + totals.shippingFee !== totals.paid ||
				lines.some((l) => l.paidAmount !== l.unitPrice * l.quantity - l.discount),
		);
		expect(bad).toEqual([]);
	});

	test('the mix has multi-line orders, gifts, discounts, shipping fees, presale, refunds and cancellations', () => {
		const share = (predicate: (o: TruthOrder) => boolean) => orders.filter(predicate).length / orders.length;
		expect(share((o) => o.lines.length > 1)).toBeGreaterThan(0.25);
		expect(share((o) => o.lines.some((l) => l.isGift && l.paidAmount === 0))).toBeGreaterThan(0.04);
		expect(share((o) => o.totals.discount > 0)).toBeGreaterThan(0.2);
		expect(share((o) => o.totals.shippingFee > 0)).toBeGreaterThan(0.2);
		expect(share((o) => o.presale && o.orderType === 'step')).toBeGreaterThan(0.02);
		expect(share((o) => o.events.some((e) => e.kind === 'cancelled'))).toBeGreaterThan(0.04);
		const snaps = orders.map((o) => materialize(o, NOW + 30 * DAY_MS));
		expect(snaps.filter((s) => s.refunds.length > 0 && s.status !== 'cancelled').length).toBeGreaterThan(50);
		expect(snaps.filter((s) => s.status === 'cancelled' && !s.closedUnpaid).length).toBeGreaterThan(30);
		expect(generated.filter((g) => g.parcels.length > 1).length).toBeGreaterThan(5);
	});

	test('at the start most recent orders wait for payment or shipping, older ones are shipped or done', () => {
		const byStatus = (from: number, to: number) =>
			orders.filter((o) => o.createdAt >= from && o.createdAt < to).map((o) => materialize(o, NOW).status);
		const recent = byStatus(NOW - 2 * HOUR_MS, NOW);
		const old = byStatus(NOW - 30 * DAY_MS, NOW - 20 * DAY_MS);
		expect(recent.every((s) => ['pending_payment', 'paid'].includes(s))).toBe(true);
		expect(old.filter((s) => s === 'completed').length / old.length).toBeGreaterThan(0.7);
	});
});

describe('lifecycle', () => {
	const base = (): TruthOrder => ({
		id: 'uo_x',
		channel: 'taobao',
		shopId: 's',
		channelOrderId: '2000000000000000001',
		currency: 'CNY',
		createdAt: 1000,
		lines: [
			{ lineId: 'a', title: 'A', quantity: 1, unitPrice: 500, discount: 0, paidAmount: 500, refundState: 'none' },
			{ lineId: 'b', title: 'B', quantity: 1, unitPrice: 300, discount: 0, paidAmount: 300, refundState: 'none' },
		],
		totals: { goods: 800, discount: 0, shippingFee: 0, paid: 800 },
		buyer: {},
		receiver: { masked: false },
		presale: false,
		orderType: 'fixed',
		events: [],
		version: 0,
	});

	test('the clock reveals the timeline step by step', () => {
		const order = base();
		order.events = [
			{ at: 2000, kind: 'paid' },
			{ at: 3000, kind: 'shipped', carrier: 'zto', trackingNo: '7', lineIds: ['a'] },
			{ at: 4000, kind: 'shipped', carrier: 'zto', trackingNo: '8', lineIds: ['b'] },
			{ at: 5000, kind: 'completed' },
		];
		expect([1500, 2000, 3000, 4000, 5000].map((t) => materialize(order, t).status)).toEqual([
			'pending_payment', 'paid', 'partially_shipped', 'shipped', 'completed',
		]);
		expect(materialize(order, 3500).updatedAt).toBe(3000);
	});

	test('unpaid closure and closure after full refund are told apart', () => {
		const unpaid = base();
		unpaid.events = [{ at: 2000, kind: 'cancelled', reason: 'timeout' }];
		expect(materialize(unpaid, 9999)).toEqual(expect.objectContaining({ status: 'cancelled', closedUnpaid: true }));
		const refunded = base();
		const refund = (lineId: string, phase: 'requested' | 'succeeded', at: number) =>
			({ at, kind: 'refund', refundId: `r${lineId}`, lineId, amount: 1, phase, reason: 'x', hasGoodReturn: false }) as const;
		refunded.events = [{ at: 2000, kind: 'paid' }, refund('a', 'requested', 3000), refund('a', 'succeeded', 4000), refund('b', 'succeeded', 5000)];
		expect(materialize(refunded, 3500)).toEqual(expect.objectContaining({ status: 'paid', refundState: 'requested' }));
		expect(materialize(refunded, 4500)).toEqual(expect.objectContaining({ status: 'paid', refundState: 'refunded', refunded: 1 }));
		expect(materialize(refunded, 5500)).toEqual(expect.objectContaining({ status: 'cancelled', closedUnpaid: false, closedAt: 5000 }));
	});
});
