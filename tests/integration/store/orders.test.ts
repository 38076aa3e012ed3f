import { orderId, type UnifiedOrder } from '../../../lib/model';
import type { OrderStore } from '../../../lib/store';
import { fixtureOrder, laterSnapshot } from '../../../bench/store/fixtures';
import { sampleOrder } from '../../fixtures/orders';
import { type Backend, freshStore, storeBackends } from './backends';

describe.each(storeBackends())('orders on $name', ({ make }) => {
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

	it('classifies created, unchanged, updated and stale, with the status transition', async () => {
		const first = sampleOrder();
		const shipped = laterSnapshot(first, 'shipped', 30);
		const [created] = await store.upsertOrders([first], { actor: 'taobao-pull' });
		expect(created).toMatchObject({ outcome: 'created', id: first.id, transition: { from: null, to: 'paid' } });

		const [same] = await store.upsertOrders([first]);
		expect(same).toMatchObject({ outcome: 'unchanged' });
		expect(same.transition).toBeUndefined();

		const [updated] = await store.upsertOrders([shipped]);
		expect(updated).toMatchObject({ outcome: 'updated', transition: { from: 'paid', to: 'shipped' } });
		expect(updated.changes).toEqual(expect.arrayContaining(['status', 'rawStatus', 'updatedAt']));

		const [stale] = await store.upsertOrders([first]);
		expect(stale.outcome).toBe('stale');
		expect((await store.getOrder(first.id))?.status).toBe('shipped');

		const history = await store.orderHistory(first.id);
		expect(history.map((e) => [e.kind, e.actor, e.fromStatus ?? null, e.toStatus ?? null])).toEqual([
			['created', 'taobao-pull', null, 'paid'],
			['channel_update', 'store', 'paid', 'shipped'],
		]);
		expect(history[1].before).toMatchObject({ status: 'paid' });
		expect(history[1].after).toMatchObject({ status: 'shipped' });
		expect(history[1].at).toMatch(/^2024-06-01T10:00:00\.000\+08:00$/);
	});

	it('never lowers the status, even for a newer snapshot, and keeps a cancellation', async () => {
		const order = sampleOrder();
		await store.upsertOrders([laterSnapshot(order, 'shipped', 5)]);
		const [later] = await store.upsertOrders([laterSnapshot(order, 'paid', 10)]);
		expect(later.outcome).toBe('updated');
		expect((await store.getOrder(order.id))?.status).toBe('shipped');
		await store.upsertOrders([laterSnapshot(order, 'cancelled', 20)]);
		await store.upsertOrders([laterSnapshot(order, 'completed', 30)]);
		expect((await store.getOrder(order.id))?.status).toBe('cancelled');
	});

	it('keeps our own audit, allocation, tags, memo and tracking across a channel re-upsert', async () => {
		const order = sampleOrder({ tags: ['vip'] });
		await store.upsertOrders([order]);
		const audit = { decision: 'approved' as const, ruleVersion: 'r1', hits: [], auditedAt: '2024-05-01T12:40:00+08:00' };
		const allocation = { result: 'single' as const, warehouses: [{ warehouseId: 'hz', lineIds: [order.lines[0].lineId] }], allocatedAt: '2024-05-01T12:41:00+08:00' };
		const res = await store.updateOrder(
			order.id,
			{ status: 'approved', audit, allocation, addTags: ['checked'], removeTags: ['vip'], sellerMemo: '加急', logistics: { carrier: 'sf', trackingNo: 'SF1' } },
			{ actor: 'audit-node' },
		);
		expect(res.transition).toEqual({ from: 'paid', to: 'approved' });
		expect(res.changes).toEqual(expect.arrayContaining(['status', 'audit', 'allocation', 'tags', 'sellerMemo', 'logistics']));

		const [again] = await store.upsertOrders([laterSnapshot({ ...order, sellerMemo: 'channel memo', tags: ['vip', 'presale'] }, 'paid', 10)]);
		expect(again.outcome).toBe('updated');
		const stored = (await store.getOrder(order.id))!;
		expect(stored.status).toBe('approved');
		expect(stored.audit).toEqual(audit);
		expect(stored.allocation).toEqual(allocation);
		expect(stored.sellerMemo).toBe('加急');
		expect(stored.tags.sort()).toEqual(['checked', 'presale']);
		expect(stored.logistics).toEqual({ carrier: 'sf', trackingNo: 'SF1' });
		expect((await store.searchOrders({ auditDecision: 'approved' })).orders.map((o) => o.id)).toEqual([order.id]);
		expect((await store.searchOrders({ tag: 'checked' })).orders).toHaveLength(1);
		expect((await store.searchOrders({ tag: 'vip' })).orders).toHaveLength(0);
	});

	it('rejects a transition the order may not make, and writes nothing', async () => {
		const order = sampleOrder();
		await store.upsertOrders([laterSnapshot(order, 'shipped', 1)]);
		await expect(store.updateOrder(order.id, { status: 'paid', addTags: ['x'] })).rejects.toMatchObject({ code: 'invalid_transition' });
		expect((await store.getOrder(order.id))?.tags).toEqual([]);
		await expect(store.updateOrder('uo_00000000000000000000000000000000', { addTags: ['x'] })).rejects.toMatchObject({ code: 'not_found' });
		const hold = await store.updateOrder(order.id, { status: 'cancelled' });
		expect(hold.transition).toEqual({ from: 'shipped', to: 'cancelled' });
		await expect(store.updateOrder(order.id, { status: 'shipped' })).rejects.toMatchObject({ code: 'invalid_transition' });
	});

	it('returns invalid orders with their problems, dead-letters them on request, and writes the valid ones', async () => {
		const good = sampleOrder();
		const bad = { ...sampleOrder({ channelOrderId: '42' }), lines: [] };
		const results = await store.upsertOrders([bad, good, 'not an order'], { deadLetterInvalid: true, source: 'taobao/shop-1' });
		expect(results.map((r) => r.outcome)).toEqual(['invalid', 'created', 'invalid']);
		expect(results[0].problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: '$.lines' })]));
		expect(results[0].deadLetterId).toEqual(expect.any(Number));
		expect(await store.getOrder(bad.id)).toBeUndefined();
		const letters = await store.listDeadLetters({ status: 'open' });
		expect(letters.map((l) => [l.id, l.source, l.orderId ?? null])).toEqual([
			[results[0].deadLetterId, 'taobao/shop-1', bad.id],
			[results[2].deadLetterId, 'taobao/shop-1', null],
		]);
		expect(letters[1].payload).toBe('not an order');
	});

	it('keeps a payload JSON cannot hold as a dead letter instead of failing the batch', async () => {
		const odd = sampleOrder({ channelOrderId: '77', raw: { amount: 10n } });
		const [result, next] = await store.upsertOrders([{ ...odd, id: orderId('taobao', 'shop-1', '77') }, sampleOrder()], { deadLetterInvalid: true });
		expect(result).toMatchObject({ outcome: 'invalid', problems: [{ path: '$', message: expect.stringMatching(/cannot be stored as JSON/) }] });
		expect(next.outcome).toBe('created');
		const [letter] = await store.listDeadLetters();
		expect(letter.payload).toMatchObject({ channelOrderId: '77', raw: { amount: 10 } });
	});

	it('finds an order by id or by channel identity, and feeds a stored order back unchanged', async () => {
		const order = sampleOrder();
		await store.upsertOrders([order]);
		const byRef = await store.getOrder({ channel: 'taobao', shopId: 'shop-1', channelOrderId: order.channelOrderId });
		expect(byRef?.id).toBe(orderId('taobao', 'shop-1', order.channelOrderId));
		expect(byRef?.changedAt).toBe('2024-06-01T10:00:00.000+08:00');
		const [again] = await store.upsertOrders([byRef]);
		expect(again.outcome).toBe('unchanged');
	});

	it('resolves master SKUs through mappings on the way in and links customers across orders', async () => {
		await store.upsertMasterSkus([{ sku: 'TEE-RED-M', title: 'T恤 红 M', cost: 4000 }]);
		const a = sampleOrder();
		const b = sampleOrder({ channelOrderId: '3947581234567890999' });
		const [ra, rb] = await store.upsertOrders([a, b], { returnOrders: true });
		expect(ra.order?.lines[0].masterSku).toBe('TEE-RED-M');
		expect(ra.order?.customerId).toMatch(/^cu_[0-9a-f]{32}$/);
		expect(rb.order?.customerId).toBe(ra.order?.customerId);
		const customer = await store.getCustomer({ channel: 'taobao', buyerId: a.buyer.id! });
		expect(customer).toMatchObject({ id: ra.order?.customerId, orderCount: 2, displayName: 't**1' });
		const withCost = await store.getOrder(a.id, { withCost: true });
		expect(withCost?.cost).toEqual({
			lines: [{ lineId: a.lines[0].lineId, masterSku: 'TEE-RED-M', quantity: 2, unitCost: 4000 }],
			total: 8000,
			margin: 24800 - 8000,
		});
	});

	it('upserts a batch with the same order twice, in order, as one transaction', async () => {
		const order = sampleOrder();
		const results = await store.upsertOrders([order, laterSnapshot(order, 'shipped', 3), order]);
		expect(results.map((r) => r.outcome)).toEqual(['created', 'updated', 'stale']);
		expect((await store.orderHistory(order.id)).map((e) => e.kind)).toEqual(['created', 'channel_update']);
		expect((await store.getOrder(order.id))?.status).toBe('shipped');
	});

	it('searches by channel, status, time ranges, text and pages with a stable cursor', async () => {
		const orders: UnifiedOrder[] = Array.from({ length: 30 }, (_, i) => fixtureOrder(i, { status: i % 2 ? 'paid' : 'shipped' }));
		await store.upsertOrders(orders);
		const taobaoPaid = orders.filter((o) => o.channel === 'taobao' && o.status === 'paid');
		const found = await store.searchOrders({ channel: 'taobao', status: ['paid'], withTotal: true });
		expect(found.total).toBe(taobaoPaid.length);
		expect(found.orders.map((o) => o.id)).toEqual([...taobaoPaid].reverse().map((o) => o.id));

		const range = await store.searchOrders({ createdFrom: orders[5].createdAt, createdTo: orders[10].createdAt, sort: 'createdAt', direction: 'asc' });
		expect(range.orders.map((o) => o.id)).toEqual(orders.slice(5, 10).map((o) => o.id));

		const seen: string[] = [];
		let cursor: string | undefined;
		do {
			const page = await store.searchOrders({ limit: 7, cursor, sort: 'updatedAt' });
			seen.push(...page.orders.map((o) => o.id));
			cursor = page.nextCursor;
		} while (cursor);
		expect(seen).toEqual([...orders].reverse().map((o) => o.id));

		expect((await store.searchOrders({ text: orders[3].receiver.phone })).orders.map((o) => o.id)).toContain(orders[3].id);
		expect((await store.searchOrders({ text: '商品 9 纯棉' })).orders.length).toBeGreaterThan(0);
		expect((await store.searchOrders({ text: '100%_' })).orders).toEqual([]);
		await expect(store.searchOrders({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'invalid_input' });
		clock.now += 1;
	});
});
