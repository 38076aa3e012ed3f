import type { OrderStore } from '../../../lib/store';
import { sampleOrder } from '../../fixtures/orders';
import { type Backend, freshStore, storeBackends } from './backends';

describe.each(storeBackends())('tracking lookup and KPI report on $name', ({ make }) => {
	let backend: Backend;
	let store: OrderStore;
	let clock: { now: number };

	beforeEach(async () => {
		backend = make();
		({ store, clock } = await freshStore(backend));
	});
	afterEach(async () => {
		await store.close();
		await backend.cleanup();
	});

	it('finds the orders of a tracking number from channel snapshots and from our own updates, filtered by carrier', async () => {
		const shippedByChannel = sampleOrder({
			channelOrderId: '1001',
			status: 'shipped',
			logistics: { carrier: 'sf', trackingNo: 'SF1234567890' },
			shippedAt: '2024-05-01T18:00:00.000+08:00',
		});
		const merged = sampleOrder({ channel: 'jd', shopId: '10139288', channelOrderId: '2002', createdAt: '2024-05-02T09:00:00.000+08:00' });
		const other = sampleOrder({ channelOrderId: '3003' });
		await store.upsertOrders([shippedByChannel, merged, other]);
		await store.updateOrder(merged.id, { status: 'shipped', logistics: { carrier: 'sf', trackingNo: 'SF1234567890' } });
		await store.updateOrder(other.id, { status: 'shipped', logistics: { carrier: 'yto', trackingNo: 'YT0001' } });

		const found = await store.findByTrackingNo({ trackingNo: ' SF1234567890 ' });
		expect(found.map((o) => o.channelOrderId)).toEqual(['2002', '1001']);
		expect(found[0].logistics?.trackingNo).toBe('SF1234567890');
		expect((await store.findByTrackingNo({ trackingNo: 'SF1234567890', carrier: 'yto' })).map((o) => o.id)).toEqual([]);
		expect((await store.findByTrackingNo({ trackingNo: 'YT0001', carrier: 'YTO' })).map((o) => o.id)).toEqual([other.id]);
		expect(await store.findByTrackingNo({ trackingNo: 'SF12345' })).toEqual([]);
		await expect(store.findByTrackingNo({ trackingNo: '  ' })).rejects.toMatchObject({ code: 'invalid_input' });

		// The push writes the normalized status back; the change is an event in the order's history.
		const result = await store.updateOrder(merged.id, { logistics: { trackingStatus: 'delivered' } }, { actor: 'kuaidi100-push' });
		expect(result.changes).toEqual(['logistics']);
		const history = await store.orderHistory(merged.id);
		expect(history[history.length - 1]).toMatchObject({ actor: 'kuaidi100-push', kind: 'patch', after: { logistics: { trackingStatus: 'delivered' } } });
		expect((await store.findByTrackingNo({ trackingNo: 'SF1234567890' }))[0].logistics?.trackingStatus).toBe('delivered');
	});

	it('sets the refund state through an update, and the refund filter finds the order', async () => {
		const order = sampleOrder({ channelOrderId: '4004' });
		await store.upsertOrders([order]);
		const result = await store.updateOrder(order.id, { refundState: 'refunding' });
		expect(result.changes).toEqual(['refundState']);
		expect((await store.searchOrders({ refundState: 'refunding' })).orders.map((o) => o.id)).toEqual([order.id]);
		await expect(store.updateOrder(order.id, { refundState: 'bogus' as never })).rejects.toMatchObject({ code: 'invalid_input' });
	});

	it('reports orders per channel and shop, paid-to-shipped hours, audit holds, error rate, unmapped SKUs and stock mismatches', async () => {
		const day = (d: string, t: string) => `2024-05-${d}T${t}:00.000+08:00`;
		const audit = (decision: 'approved' | 'held' | 'blocked') => ({ decision, ruleVersion: 'v1', hits: [], auditedAt: day('01', '12:00') });
		const orders = [
			// Shipped by the channel 10 h after payment.
			sampleOrder({ channelOrderId: 'a', createdAt: day('01', '10:00'), paidAt: day('01', '10:00'), status: 'shipped', shippedAt: day('01', '20:00'), audit: audit('approved') }),
			// Shipped 2 h after payment.
			sampleOrder({ channelOrderId: 'b', createdAt: day('01', '11:00'), paidAt: day('01', '11:00'), status: 'delivered', shippedAt: day('01', '13:00'), audit: audit('held') }),
			// Still waiting; cancelled; refunded.
			sampleOrder({ channelOrderId: 'c', createdAt: day('01', '12:00'), audit: audit('blocked') }),
			sampleOrder({ channelOrderId: 'd', createdAt: day('01', '13:00'), status: 'cancelled' }),
			sampleOrder({ channel: 'jd', shopId: '10139288', channelOrderId: 'e', createdAt: day('01', '14:00'), refundState: 'refunded' }),
			// Another shop, outside the range.
			sampleOrder({ shopId: 'shop-2', channelOrderId: 'f', createdAt: day('01', '15:00') }),
			sampleOrder({ channelOrderId: 'old', createdAt: '2024-04-20T10:00:00.000+08:00' }),
		];
		await store.upsertOrders(orders);
		// Shipped through our own update (no channel shippedAt): the event time counts, 2024-06-01 10:00 = 24 h after payment.
		const late = sampleOrder({ channelOrderId: 'g', createdAt: '2024-05-31T10:00:00.000+08:00', paidAt: '2024-05-31T10:00:00.000+08:00' });
		await store.upsertOrders([late]);
		await store.updateOrder(late.id, { status: 'shipped', logistics: { carrier: 'sf', trackingNo: 'SF9' } });
		await store.updateOrder(orders[5].id, { status: 'on_hold' });
		await store.addDeadLetters([
			{ source: 'taobao/shop-1', reason: 'invalid', payload: { x: 1 } },
			{ source: 'taobao/shop-1', reason: 'invalid', payload: { x: 2 } },
			{ source: 'jd/10139288', reason: 'invalid', payload: { x: 3 } },
		]);

		await store.upsertWarehouses([{ id: 'hz', name: '杭州仓' }]);
		await store.upsertMasterSkus([{ sku: 'TEE-RED-M', title: 'T恤 红 M' }, { sku: 'CAP', title: '帽子' }]);
		await store.setOnHand([
			{ warehouseId: 'hz', masterSku: 'TEE-RED-M', onHand: 10 },
			{ warehouseId: 'hz', masterSku: 'CAP', onHand: 4 },
		]);
		await store.claimPushVersions([
			{ channel: 'taobao', shopId: 'shop-1', channelSkuId: 'tb-tee', masterSku: 'TEE-RED-M', quantity: 10, version: 1 },
			{ channel: 'taobao', shopId: 'shop-1', channelSkuId: 'tb-cap', masterSku: 'CAP', quantity: 9, version: 1 },
			{ channel: 'jd', shopId: '10139288', channelSkuId: 'jd-cap', masterSku: 'CAP', quantity: 1, version: 1 },
		]);
		await store.ackPushes([{ channel: 'taobao', shopId: 'shop-1', channelSkuId: 'tb-tee', version: 1 }]);
		// A line nobody mapped (merchant codes that are not master SKUs stay unmapped).
		await store.upsertOrders([
			sampleOrder({
				channelOrderId: 'h',
				createdAt: day('02', '10:00'),
				lines: [{ ...sampleOrder().lines[0], lineId: 'h1', channelSkuId: 'X-1', merchantCode: 'UNKNOWN-1' }],
			}),
		]);

		const report = await store.report({ from: '2024-05-01T00:00:00+08:00', to: '2024-06-02T00:00:00+08:00' });
		expect(report.from).toBe('2024-05-01T00:00:00.000+08:00');
		expect(report.orders.perChannel).toEqual([
			{ channel: 'jd', shopId: '10139288', currency: 'CNY', orders: 1, paid: 24800, cancelled: 0, refunds: 1 },
			{ channel: 'taobao', shopId: 'shop-1', currency: 'CNY', orders: 6, paid: 6 * 24800, cancelled: 1, refunds: 0 },
			{ channel: 'taobao', shopId: 'shop-2', currency: 'CNY', orders: 1, paid: 24800, cancelled: 0, refunds: 0 },
		]);
		expect(report.orders.total).toBe(8);
		expect(report.paidToShipped).toEqual({ count: 3, p50Hours: 10, p90Hours: 24, averageHours: 12, maxHours: 24 });
		expect(report.audit).toEqual({ held: 1, blocked: 1, approved: 1, onHoldNow: 1 });
		expect(report.errors).toEqual({
			deadLetters: 3,
			open: 3,
			errorRate: Math.round((3 / 11) * 10_000) / 10_000,
			topSources: [
				{ source: 'taobao/shop-1', count: 2 },
				{ source: 'jd/10139288', count: 1 },
			],
		});
		expect(report.unmappedSkus.count).toBe(1);
		expect(report.unmappedSkus.top).toEqual([expect.objectContaining({ channel: 'taobao', shopId: 'shop-1', merchantCode: 'UNKNOWN-1', lines: 1 })]);
		expect(report.stock).toEqual({
			listings: 3,
			mismatched: 2,
			overPublished: 1,
			underPublished: 1,
			unacked: 2,
			top: [
				{ channel: 'taobao', shopId: 'shop-1', channelSkuId: 'tb-cap', masterSku: 'CAP', lastPublished: 9, available: 4, difference: 5, unacked: true },
				{ channel: 'jd', shopId: '10139288', channelSkuId: 'jd-cap', masterSku: 'CAP', lastPublished: 1, available: 4, difference: -3, unacked: true },
			],
		});

		const jd = await store.report({ from: '2024-05-01T00:00:00+08:00', to: '2024-06-02T00:00:00+08:00', channel: 'jd' });
		expect(jd.orders.total).toBe(1);
		expect(jd.errors).toMatchObject({ deadLetters: 1, errorRate: 0.5 });
		expect(jd.stock.listings).toBe(1);
		expect(jd.unmappedSkus.count).toBe(0);

		clock.now += 1;
		const narrow = await store.report({ from: '2024-05-01T11:00:00+08:00', to: '2024-05-01T16:00:00+08:00', shopId: 'shop-1' });
		expect(narrow.orders.total).toBe(3);
		expect(narrow.paidToShipped.count).toBe(1);
		await expect(store.report({ from: '2024-05-02T00:00:00+08:00', to: '2024-05-01T00:00:00+08:00' })).rejects.toMatchObject({ code: 'invalid_input' });
		await expect(store.report({ from: 'yesterday', to: '2024-05-01T00:00:00+08:00' })).rejects.toMatchObject({ code: 'invalid_input' });
	});
});
