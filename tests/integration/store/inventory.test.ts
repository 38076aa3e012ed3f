import { openStore, type OrderStore, type StoreConfig } from '../../../lib/store';
import { fixtureOrders } from '../../../bench/store/fixtures';
import { sampleOrder } from '../../fixtures/orders';
import { type Backend, freshStore, storeBackends } from './backends';

describe.each(storeBackends())('inventory on $name', ({ make }) => {
	let backend: Backend;
	let store: OrderStore;
	let config: StoreConfig;
	const order = sampleOrder();

	beforeEach(async () => {
		backend = make();
		({ store, config } = await freshStore(backend));
		await store.upsertWarehouses([
			{ id: 'hz', name: '杭州仓', priority: 1, regions: ['浙江省', '江苏省'] },
			{ id: 'gz', name: '广州仓', priority: 2, channels: ['jd'] },
			{ id: 'old', name: '旧仓', priority: 0, active: false },
		]);
		await store.upsertOrders([order]);
	});
	afterEach(async () => {
		await store.close();
		await backend.cleanup();
	});

	it('sets and adjusts on hand with a ledger row each, and refuses a negative on hand', async () => {
		const [set] = await store.setOnHand([{ warehouseId: 'hz', masterSku: 'A', onHand: 10, safety: 2 }], { actor: 'stocktake' });
		expect(set).toEqual({ warehouseId: 'hz', masterSku: 'A', onHand: 10, reserved: 0, safety: 2, available: 8 });
		const [adjusted] = await store.adjustStock([{ warehouseId: 'hz', masterSku: 'A', delta: -3, reason: 'damaged' }]);
		expect(adjusted.onHand).toBe(7);
		await expect(store.adjustStock([{ warehouseId: 'hz', masterSku: 'A', delta: -8, reason: 'lost' }])).rejects.toMatchObject({ code: 'invalid_input' });
		await expect(store.setOnHand([{ warehouseId: 'nowhere', masterSku: 'A', onHand: 1 }])).rejects.toMatchObject({ code: 'not_found' });
		const ledger = await store.ledger({ masterSku: 'A' });
		expect(ledger.map((r) => [r.kind, r.deltaOnHand, r.onHandAfter, r.safetyAfter, r.reason, r.actor])).toEqual([
			['set', 10, 10, 2, 'count', 'stocktake'],
			['adjust', -3, 7, 2, 'damaged', 'store'],
		]);
	});

	it('reserves all or nothing, respects safety stock, and is idempotent per order line', async () => {
		await store.setOnHand([
			{ warehouseId: 'hz', masterSku: 'A', onHand: 5, safety: 1 },
			{ warehouseId: 'hz', masterSku: 'B', onHand: 1 },
		]);
		const tooMuch = await store.reserveForOrder(order.id, [
			{ lineId: 'l1', masterSku: 'A', quantity: 4 },
			{ lineId: 'l2', masterSku: 'B', quantity: 2 },
		]);
		expect(tooMuch).toMatchObject({ ok: false, lines: [], shortages: [{ lineId: 'l2', masterSku: 'B', quantity: 2, available: 1 }] });
		expect((await store.availability({ masterSkus: ['A'] }))[0]).toMatchObject({ reserved: 0, available: 4 });

		const overSafety = await store.reserveForOrder(order.id, [{ lineId: 'l1', masterSku: 'A', quantity: 5 }]);
		expect(overSafety.ok).toBe(false);

		const ok = await store.reserveForOrder(order.id, [{ lineId: 'l1', masterSku: 'A', quantity: 4 }]);
		expect(ok).toEqual({ orderId: order.id, ok: true, shortages: [], lines: [{ lineId: 'l1', masterSku: 'A', quantity: 4, warehouseId: 'hz', status: 'active', new: true }] });
		const again = await store.reserveForOrder(order.id, [{ lineId: 'l1', masterSku: 'A', quantity: 4 }]);
		expect(again.lines[0].new).toBe(false);
		expect((await store.availability({ masterSkus: ['A'] }))[0]).toMatchObject({ onHand: 5, reserved: 4, safety: 1, available: 0 });
		expect((await store.ledger({ orderId: order.id })).map((r) => r.kind)).toEqual(['reserve']);
		await expect(store.reserveForOrder('uo_00000000000000000000000000000000', [{ lineId: '1', masterSku: 'A', quantity: 1 }])).rejects.toMatchObject({ code: 'not_found' });
	});

	it('reserves a line once when ten connections reserve the same order line at the same moment', async () => {
		await store.setOnHand([{ warehouseId: 'hz', masterSku: 'A', onHand: 50 }]);
		const { now: _now, ...shared } = config;
		const reservers = await Promise.all(Array.from({ length: 10 }, () => openStore({ ...shared, migrate: false, ...(shared.kind === 'postgres' ? { maxConnections: 1 } : {}) })));
		try {
			const results = await Promise.all(reservers.map((r) => r.reserveForOrder(order.id, [{ lineId: 'l1', masterSku: 'A', quantity: 3 }])));
			expect(results.every((r) => r.ok)).toBe(true);
			expect(results.filter((r) => r.lines[0].new)).toHaveLength(1);
		} finally {
			await Promise.all(reservers.map((r) => r.close()));
		}
		expect((await store.availability({ masterSkus: ['A'] }))[0]).toMatchObject({ reserved: 3, available: 47 });
		expect(await store.ledger({ orderId: order.id })).toHaveLength(1);
	});

	it('reserves a batch of orders in the order given, each all or nothing, and is idempotent per order line', async () => {
		const [o1, o2, o3, o4] = fixtureOrders(4);
		await store.upsertOrders([o1, o2, o3, o4]);
		await store.setOnHand([
			{ warehouseId: 'hz', masterSku: 'A', onHand: 6, safety: 1 },
			{ warehouseId: 'hz', masterSku: 'B', onHand: 1 },
		]);
		const batch = [
			{ orderId: o1.id, lines: [{ lineId: 'l1', masterSku: 'A', quantity: 2 }, { lineId: 'l2', masterSku: 'B', quantity: 2 }] },
			{ orderId: o2.id, lines: [{ lineId: 'l1', masterSku: 'A', quantity: 3 }] },
			{ orderId: o3.id, lines: [{ lineId: 'l1', masterSku: 'B', quantity: 1 }, { lineId: 'l2', masterSku: 'A', quantity: 1 }] },
			{ orderId: o4.id, lines: [{ lineId: 'l1', masterSku: 'A', quantity: 2 }] },
		];
		const first = await store.reserveForOrders(batch, { actor: 'batch' });
		expect(first).toEqual([
			{ orderId: o1.id, ok: false, lines: [], shortages: [{ lineId: 'l2', masterSku: 'B', quantity: 2, available: 1 }] },
			{ orderId: o2.id, ok: true, shortages: [], lines: [{ lineId: 'l1', masterSku: 'A', quantity: 3, warehouseId: 'hz', status: 'active', new: true }] },
			{
				orderId: o3.id,
				ok: true,
				shortages: [],
				lines: [
					{ lineId: 'l2', masterSku: 'A', quantity: 1, warehouseId: 'hz', status: 'active', new: true },
					{ lineId: 'l1', masterSku: 'B', quantity: 1, warehouseId: 'hz', status: 'active', new: true },
				],
			},
			{ orderId: o4.id, ok: false, lines: [], shortages: [{ lineId: 'l1', masterSku: 'A', quantity: 2, available: 1 }] },
		]);
		const levels = async () => (await store.availability({ masterSkus: ['A', 'B'] })).map((l) => [l.masterSku, l.reserved, l.available]);
		expect(await levels()).toEqual([
			['A', 4, 1],
			['B', 1, 0],
		]);
		const ledger = await store.ledger({ limit: 100 });
		const reserves = ledger.filter((r) => r.kind === 'reserve');
		expect(reserves.map((r) => [r.orderId, r.lineId, r.masterSku, r.reservedAfter, r.actor])).toEqual([
			[o2.id, 'l1', 'A', 3, 'batch'],
			[o3.id, 'l2', 'A', 4, 'batch'],
			[o3.id, 'l1', 'B', 1, 'batch'],
		]);
		expect(ledger.reduce((n, r) => n + r.deltaReserved, 0)).toBe(4 + 1);

		const again = await store.reserveForOrders(batch);
		expect(again.map((r) => [r.ok, r.lines.map((l) => l.new)])).toEqual([
			[false, []],
			[true, [false]],
			[true, [false, false]],
			[false, []],
		]);
		expect(await levels()).toEqual([
			['A', 4, 1],
			['B', 1, 0],
		]);
		expect(await store.ledger({ limit: 100 })).toHaveLength(ledger.length);
		await expect(store.reserveForOrders([batch[1], batch[1]])).rejects.toMatchObject({ code: 'invalid_input' });
		await expect(
			store.reserveForOrders([batch[3], { orderId: 'uo_00000000000000000000000000000000', lines: [{ lineId: '1', masterSku: 'A', quantity: 1 }] }]),
		).rejects.toMatchObject({ code: 'not_found' });
		expect(await levels()).toEqual([
			['A', 4, 1],
			['B', 1, 0],
		]);
	});

	it('picks warehouses by priority within the region and channel, skipping inactive ones', async () => {
		await store.setOnHand([
			{ warehouseId: 'old', masterSku: 'A', onHand: 100 },
			{ warehouseId: 'hz', masterSku: 'A', onHand: 1 },
			{ warehouseId: 'gz', masterSku: 'A', onHand: 10 },
		]);
		const first = await store.reserveForOrder(order.id, [{ lineId: 'l1', masterSku: 'A', quantity: 1 }], { region: '浙江省' });
		expect(first.lines[0].warehouseId).toBe('hz');
		const next = await store.reserveForOrder(order.id, [{ lineId: 'l2', masterSku: 'A', quantity: 2 }]);
		expect(next.lines[0].warehouseId).toBe('gz');
		const outside = await store.reserveForOrder(order.id, [{ lineId: 'l3', masterSku: 'A', quantity: 1 }], { region: '浙江省', channel: 'taobao' });
		expect(outside.ok).toBe(false);
		const avail = await store.availability({ masterSkus: ['A'], channel: 'taobao' });
		expect(avail[0]).toMatchObject({ onHand: 1, available: 0 });
		expect((await store.availability({ masterSkus: ['A'], channel: 'jd' }))[0]).toMatchObject({ onHand: 11, reserved: 3, available: 8 });
	});

	it('releases on cancel, takes off on hand on ship, and the ledger sums to the stock row', async () => {
		await store.setOnHand([{ warehouseId: 'hz', masterSku: 'A', onHand: 10 }]);
		await store.reserveForOrder(order.id, [
			{ lineId: 'l1', masterSku: 'A', quantity: 2 },
			{ lineId: 'l2', masterSku: 'A', quantity: 3 },
		]);
		const cancelled = await store.release(order.id, { lineIds: ['l1'], reason: 'cancel' });
		expect(cancelled.lines).toEqual([{ lineId: 'l1', masterSku: 'A', quantity: 2, warehouseId: 'hz', status: 'released', new: true }]);
		const shipped = await store.release(order.id, { reason: 'ship' });
		expect(shipped.lines.map((l) => [l.lineId, l.status])).toEqual([['l2', 'shipped']]);
		expect((await store.release(order.id, { reason: 'refund' })).lines).toEqual([]);
		// A released line stays released: a replayed reservation does not take stock again.
		const replay = await store.reserveForOrder(order.id, [{ lineId: 'l1', masterSku: 'A', quantity: 2 }]);
		expect(replay.lines[0]).toMatchObject({ status: 'released', new: false });

		const level = (await store.availability({ masterSkus: ['A'] }))[0].warehouses[0];
		expect(level).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
		const ledger = await store.ledger({ masterSku: 'A' });
		expect(ledger.map((r) => r.kind)).toEqual(['set', 'reserve', 'reserve', 'release', 'ship']);
		expect(ledger.reduce((n, r) => n + r.deltaOnHand, 0)).toBe(level.onHand);
		expect(ledger.reduce((n, r) => n + r.deltaReserved, 0)).toBe(level.reserved);
		await expect(store.release(order.id, { reason: 'lost' as 'cancel' })).rejects.toMatchObject({ code: 'invalid_input' });
	});

	it('expands bundles into component reservations and reports bundle availability', async () => {
		await store.upsertMasterSkus([
			{ sku: 'A', title: 'A', cost: 100 },
			{ sku: 'B', title: 'B', cost: 50 },
			{ sku: 'KIT', title: 'A+2B', components: [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 2 }] },
		]);
		await store.upsertMappings([{ channel: 'taobao', channelSkuId: order.lines[0].channelSkuId, masterSku: 'KIT' }]);
		await store.setOnHand([
			{ warehouseId: 'hz', masterSku: 'A', onHand: 10 },
			{ warehouseId: 'hz', masterSku: 'B', onHand: 9 },
		]);
		const lines = await store.reservationLinesFor(order.id);
		const lineId = order.lines[0].lineId;
		expect(lines).toEqual([
			{ lineId, masterSku: 'A', quantity: 2 },
			{ lineId, masterSku: 'B', quantity: 4 },
		]);
		expect((await store.reserveForOrder(order.id, lines)).ok).toBe(true);
		const [kit] = await store.availability({ masterSkus: ['KIT'] });
		expect(kit).toMatchObject({ masterSku: 'KIT', bundle: true, available: 2 });
		expect((await store.getOrder(order.id, { withCost: true }))?.cost?.lines[0].unitCost).toBe(200);
	});
});
