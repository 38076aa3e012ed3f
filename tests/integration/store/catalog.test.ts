// SKU mappings, customers, cursors and dead letters.
import type { OrderStore } from '../../../lib/store';
import { sampleOrder } from '../../fixtures/orders';
import { type Backend, freshStore, storeBackends } from './backends';

describe.each(storeBackends())('catalogue, customers, cursors and dead letters on $name', ({ make }) => {
	let backend: Backend;
	let store: OrderStore;
	let clock: { now: number };

	beforeEach(async () => {
		backend = make();
		({ store, clock } = await freshStore(backend, { matchCustomersByPhone: true, phoneHashSalt: 'test-salt' }));
	});
	afterEach(async () => {
		await store.close();
		await backend.cleanup();
	});

	it('resolves the most specific mapping first and back-fills stored lines a new mapping resolves', async () => {
		await store.upsertMasterSkus([{ sku: 'M1', title: 'one' }, { sku: 'M2', title: 'two' }, { sku: 'M3', title: 'three' }]);
		await store.upsertMappings([
			{ channel: 'taobao', merchantCode: 'TEE', masterSku: 'M1' },
			{ channel: 'taobao', shopId: 'shop-1', merchantCode: 'TEE', masterSku: 'M2' },
			{ channel: 'taobao', channelSkuId: '501', masterSku: 'M3' },
		]);
		const q = { channel: 'taobao', shopId: 'shop-1' };
		expect(await store.resolveSku({ ...q, channelSkuId: '501', merchantCode: 'TEE' })).toMatchObject({ masterSku: 'M3', via: 'sku_id' });
		expect(await store.resolveSku({ ...q, channelSkuId: '999', merchantCode: 'TEE' })).toMatchObject({ masterSku: 'M2', via: 'merchant_code' });
		expect(await store.resolveSku({ ...q, shopId: 'shop-2', merchantCode: 'TEE' })).toMatchObject({ masterSku: 'M1' });
		expect(await store.resolveSku({ ...q, merchantCode: 'M2' })).toMatchObject({ masterSku: 'M2', via: 'master_sku', components: [{ masterSku: 'M2', quantity: 1 }] });
		expect(await store.resolveSku({ ...q, merchantCode: 'nothing' })).toBeUndefined();
		await expect(store.upsertMappings([{ channel: 'jd', channelSkuId: '1', masterSku: 'missing' }])).rejects.toMatchObject({ code: 'invalid_input' });

		const order = sampleOrder({ lines: [{ ...sampleOrder().lines[0], channelSkuId: '777', merchantCode: 'UNMAPPED' }] });
		await store.upsertOrders([order]);
		expect(await store.listUnmappedSkus({ channel: 'taobao' })).toEqual([
			{ channel: 'taobao', shopId: 'shop-1', channelSkuId: '777', merchantCode: 'UNMAPPED', title: '纯棉T恤', lines: 1, lastSeenAt: '2024-05-01T12:30:00.000+08:00' },
		]);
		const written = await store.upsertMappings([{ channel: 'taobao', shopId: 'shop-1', channelSkuId: '777', masterSku: 'M1' }], { actor: 'ops' });
		expect(written).toEqual({ mappings: 1, linesResolved: 1 });
		expect((await store.getOrder(order.id))?.lines[0].masterSku).toBe('M1');
		expect(await store.listUnmappedSkus()).toEqual([]);
		const history = await store.orderHistory(order.id);
		expect(history[history.length - 1]).toMatchObject({ kind: 'sku_resolved', actor: 'ops', after: { masterSkus: { [order.lines[0].lineId]: 'M1' } } });
		expect((await store.upsertOrders([order]))[0].outcome).toBe('unchanged');
	});

	it('links orders to one customer by buyer id and phone hash, merges customers, and keeps the history', async () => {
		const a = sampleOrder();
		const b = sampleOrder({ channel: 'jd', channelOrderId: '9001', buyer: { id: 'jd-buyer' }, receiver: { ...sampleOrder().receiver, phone: '+86 138-1234-1234' } });
		const c = sampleOrder({ channel: 'douyin', channelOrderId: '9002', buyer: { id: 'dy-buyer' }, receiver: { masked: true, phone: '138****1234' } });
		const [ra, rb, rc] = await store.upsertOrders([a, b, c], { returnOrders: true });
		expect(rb.order?.customerId).toBe(ra.order?.customerId);
		expect(rc.order?.customerId).not.toBe(ra.order?.customerId);

		const merged = await store.mergeCustomers(ra.order!.customerId!, rc.order!.customerId!, { actor: 'cs' });
		expect(merged).toMatchObject({ movedOrders: 1, movedIdentities: 1 });
		const customer = await store.getCustomer(rc.order!.customerId!);
		expect(customer?.id).toBe(ra.order?.customerId);
		expect(customer?.orderCount).toBe(3);
		expect(customer?.mergedFrom).toEqual([rc.order?.customerId]);
		expect(customer?.identities.map((i) => `${i.kind}:${i.channel}`).sort()).toEqual(['buyer:douyin', 'buyer:jd', 'buyer:taobao', 'phone:']);
		expect(customer?.identities.find((i) => i.kind === 'phone')?.value).toMatch(/^[0-9a-f]{64}$/);
		await expect(store.mergeCustomers(ra.order!.customerId!, rc.order!.customerId!)).rejects.toMatchObject({ code: 'not_found' });
	});

	it('commits a cursor only after its orders are stored, and never backwards unless forced', async () => {
		const order = sampleOrder();
		const key = { channel: 'taobao', shopId: 'shop-1', stream: 'orders' };
		await expect(store.commitCursor({ ...key, watermark: '2024-05-01T13:00:00+08:00', coveringOrderIds: [order.id] })).rejects.toMatchObject({
			code: 'cursor_uncovered',
			details: { missing: [order.id] },
		});
		expect(await store.getCursor('taobao', 'shop-1', 'orders')).toBeUndefined();
		await store.upsertOrders([order]);
		const first = await store.commitCursor({ ...key, watermark: '2024-05-01T13:00:00+08:00', coveringOrderIds: [order.id], meta: { page: 3 } }, { actor: 'pull' });
		expect(first).toMatchObject({ moved: true, cursor: { watermark: '2024-05-01T13:00:00+08:00', meta: { page: 3 }, updatedBy: 'pull' } });
		// 05:00Z is 13:00 in Shanghai: the same instant, not a move.
		expect(await store.commitCursor({ ...key, watermark: '2024-05-01T05:00:00Z' })).toMatchObject({ moved: false, cursor: { watermark: '2024-05-01T05:00:00Z' } });
		await expect(store.commitCursor({ ...key, watermark: '2024-05-01T12:59:59+08:00' })).rejects.toMatchObject({ code: 'cursor_regression' });
		clock.now += 1000;
		const forced = await store.commitCursor({ ...key, watermark: '2024-04-30T00:00:00+08:00', force: true });
		expect(forced.cursor).toMatchObject({ watermark: '2024-04-30T00:00:00+08:00', meta: { page: 3 }, updatedAt: '2024-06-01T10:00:01.000+08:00' });

		const ids = { channel: 'jd', shopId: '', stream: 'refunds' };
		await store.commitCursor({ ...ids, watermark: '99' });
		await store.commitCursor({ ...ids, watermark: '100' });
		await expect(store.commitCursor({ ...ids, watermark: '99' })).rejects.toMatchObject({ code: 'cursor_regression' });
		await expect(store.commitCursor({ ...ids, watermark: 'abc' })).rejects.toMatchObject({ code: 'cursor_regression' });
	});

	it('replays a dead letter once it is fixed, and discards what cannot be', async () => {
		const good = sampleOrder();
		const broken = { ...good, totals: { ...good.totals, paid: '248.00' } };
		const [result] = await store.upsertOrders([broken], { deadLetterInvalid: true, source: 'taobao/shop-1' });
		const id = result.deadLetterId!;
		expect((await store.replayDeadLetters([id]))[0]).toMatchObject({ id, outcome: 'invalid', problems: [{ path: '$.totals.paid' }] });
		const [other] = await store.addDeadLetters([{ source: 'webhook', reason: 'bad signature', payload: { raw: 1 } }]);
		expect(await store.discardDeadLetters([other, 99999])).toBe(1);

		// An operator fixes the payload: it arrives again through the normal path and goes in.
		const fixedId = (await store.addDeadLetters([{ source: 'taobao/shop-1', reason: 'fixed by hand', payload: good }]))[0];
		const replays = await store.replayDeadLetters([fixedId, other, 424242]);
		expect(replays.map((r) => r.outcome)).toEqual(['replayed', 'not_open', 'not_found']);
		expect(replays[0].upsert).toMatchObject({ outcome: 'created', id: good.id });
		expect((await store.replayDeadLetters([fixedId]))[0].outcome).toBe('not_open');
		const letters = await store.listDeadLetters();
		expect(letters.map((l) => [l.id, l.status, l.attempts])).toEqual([
			[id, 'open', 1],
			[other, 'discarded', 0],
			[fixedId, 'replayed', 1],
		]);
		expect(letters[2].orderId).toBe(good.id);
	});
});
