import type { IDataObject } from 'n8n-workflow';
import { sampleOrder } from '../../fixtures/orders';
import { json, storeKit, type StoreKit } from './OrderStore.kit';

const order = (overrides = {}) => sampleOrder(overrides) as unknown as IDataObject;
const upsert = { resource: 'order', operation: 'upsert', orderField: '', options: {} };

describe('Order Store node: orders', () => {
	let kit: StoreKit;
	beforeEach(() => (kit = storeKit()));
	afterEach(() => kit.cleanup());

	it('upserts a batch in input order with outcome and transition, pairedItem on every item', async () => {
		const first = await kit.run(upsert, [order(), order({ channelOrderId: '2' })]);
		expect(json(first).map((j) => j.outcome)).toEqual(['created', 'created']);
		expect(first.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(first[0].json.transition).toEqual({ from: null, to: 'paid' });

		const newer = order({ status: 'cancelled', updatedAt: '2024-05-02T10:00:00.000+08:00' });
		const older = order({ channelOrderId: '2', status: 'pending_payment', updatedAt: '2024-04-01T10:00:00.000+08:00' });
		const second = await kit.run(upsert, [newer, older, order({ channelOrderId: '2' })]);
		expect(json(second).map((j) => j.outcome)).toEqual(['updated', 'stale', 'unchanged']);
		expect(second[0].json.transition).toEqual({ from: 'paid', to: 'cancelled' });
		expect(second[1].json.transition).toBeNull();
	});

	it('splits into batches of the Batch Size and still answers every item', async () => {
		const items = Array.from({ length: 7 }, (_, n) => order({ channelOrderId: String(100 + n) }));
		const out = await kit.run({ ...upsert, options: { batchSize: 3 } }, items);
		expect(json(out).map((j) => j.outcome)).toEqual(Array(7).fill('created'));
		expect(out.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect((await (await kit.store()).stats()).tables.orders).toBe(7);
	});

	it('never drops an invalid order: it comes out as invalid with problems and lands in dead letters', async () => {
		const broken = { ...order({ channelOrderId: '9' }), status: 'teleported' };
		const out = await kit.run(upsert, [order(), broken, 'not an order' as unknown as IDataObject]);
		expect(out).toHaveLength(3);
		expect(out[1].pairedItem).toEqual({ item: 1 });
		expect(out[1].json.outcome).toBe('invalid');
		expect((out[1].json.problems as Array<{ path: string }>).map((p) => p.path)).toContain('$.status');
		expect(out[1].json.deadLetterId).toEqual(expect.any(Number));
		const letters = await (await kit.store()).listDeadLetters({ status: 'open' });
		expect(letters.map((l) => l.id)).toContain(out[1].json.deadLetterId);
		expect(letters[0].source).toBe('Order Store');

		const kept = await kit.run({ ...upsert, options: { deadLetterInvalid: false } }, [broken]);
		expect(kept[0].json.outcome).toBe('invalid');
		expect(kept[0].json.deadLetterId).toBeUndefined();
	});

	it('masks contact details by default and shows them only when the profile and the option allow', async () => {
		const [masked] = await kit.run(upsert, [order()]);
		expect((masked.json.order as IDataObject).receiver).toMatchObject({ phone: '138****1234' });
		const [raw] = await kit.run({ resource: 'order', operation: 'get', findBy: 'id', orderId: masked.json.id, options: { showFullContact: true } });
		expect((raw.json.receiver as IDataObject).phone).toBe('13812341234');
		const [warehouse] = await kit.run(
			{ resource: 'order', operation: 'get', findBy: 'id', orderId: masked.json.id, options: { showFullContact: true } },
			[{}],
			{ credential: { accessProfile: 'warehouse' } },
		);
		expect((warehouse.json.receiver as IDataObject).phone).toBe('138****1234');
		expect(warehouse.json.buyer).toEqual({});
	});

	it('keeps contact masked for the finance profile even when asked, but shows cost', async () => {
		await (await kit.store()).upsertMasterSkus([{ sku: 'TEE-RED-M', title: 'Tee', cost: 5000 }]);
		const [stored] = await kit.run(upsert, [order()]);
		const [finance] = await kit.run(
			{ resource: 'order', operation: 'get', findBy: 'id', orderId: stored.json.id, options: { withCost: true, showFullContact: true } },
			[{}],
			{ credential: { accessProfile: 'finance' } },
		);
		expect((finance.json.receiver as IDataObject).phone).toBe('138****1234');
		expect(finance.json.cost).toMatchObject({ total: 10000 });
	});

	it('opens the store once per credential and reuses it across executions', async () => {
		const first = await kit.store();
		await kit.run(upsert, [order()]);
		expect(await kit.store()).toBe(first);
		expect((await first.stats()).tables.orders).toBe(1);
	});

	it('hides cost and margin from the customer service profile', async () => {
		const store = await kit.store();
		await store.upsertMasterSkus([{ sku: 'TEE-RED-M', title: 'Tee', cost: 5000 }]);
		const [stored] = await kit.run(upsert, [order()]);
		const get = { resource: 'order', operation: 'get', findBy: 'id', orderId: stored.json.id, options: { withCost: true } };
		const [full] = await kit.run(get);
		expect(full.json.cost).toMatchObject({ total: 10000, margin: 14800 });
		const [service] = await kit.run(get, [{}], { credential: { accessProfile: 'customer_service' } });
		expect(service.json.cost).toBeUndefined();
	});

	it('gets by channel order number and names the order when it is missing', async () => {
		await kit.run(upsert, [order()]);
		const byNumber = { resource: 'order', operation: 'get', findBy: 'channelOrder', channel: 'taobao', shopId: 'shop-1', options: {} };
		const [found] = await kit.run({ ...byNumber, channelOrderId: '3947581234567890123' });
		expect(found.json.channelOrderId).toBe('3947581234567890123');
		await expect(kit.run({ ...byNumber, channelOrderId: '404' })).rejects.toThrow('order › get for order taobao/shop-1/404: order taobao/shop-1/404 is not in the store');
		const [error] = await kit.run({ ...byNumber, channelOrderId: '404' }, [{}], { continueOnFail: true });
		expect(error).toEqual({ json: expect.objectContaining({ resource: 'order', operation: 'get', orderId: 'taobao/shop-1/404' }), pairedItem: { item: 0 } });
	});

	it('searches with filters and pages through everything with Return All', async () => {
		const items = Array.from({ length: 5 }, (_, n) => order({ channelOrderId: String(n), tags: n % 2 ? ['vip'] : [] }));
		items.push(order({ channelOrderId: 'x', status: 'cancelled' }));
		await kit.run(upsert, items);
		const search = { resource: 'order', operation: 'search', returnAll: false, limit: 2, filters: {}, options: {} };
		expect(await kit.run(search)).toHaveLength(2);
		expect(await kit.run({ ...search, returnAll: true })).toHaveLength(6);
		expect(await kit.run({ ...search, returnAll: true, filters: { tag: 'vip' } })).toHaveLength(2);
		expect(json(await kit.run({ ...search, returnAll: true, filters: { status: ['cancelled'] } })).map((j) => j.channelOrderId)).toEqual(['x']);
		const created = { createdFrom: '2024-05-01T12:00:00', createdTo: '2024-05-01T13:00:00' };
		expect(await kit.run({ ...search, returnAll: true, filters: created })).toHaveLength(6);
		expect(await kit.run({ ...search, returnAll: true, filters: { createdFrom: '2024-05-01T12:31:00' } })).toHaveLength(0);
	});

	it('updates status, tags, memo and tracking, writes events, and refuses an impossible move', async () => {
		const [stored] = await kit.run(upsert, [order()]);
		const id = stored.json.id;
		const update = { resource: 'order', operation: 'update', orderId: id, options: {} };
		const [updated] = await kit.run({
			...update,
			updateFields: { status: 'approved', addTags: 'vip, 加急', sellerMemo: 'gift wrap', trackingCarrier: 'sf', trackingNumber: 'SF123' },
		});
		expect(updated.json.transition).toEqual({ from: 'paid', to: 'approved' });
		expect((updated.json.order as IDataObject).tags).toEqual(expect.arrayContaining(['vip', '加急']));
		expect((updated.json.order as IDataObject).logistics).toMatchObject({ carrier: 'sf', trackingNo: 'SF123' });
		const [audited] = await kit.run({ ...update, updateFields: { audit: JSON.stringify({ decision: 'approved', hits: [], ruleVersion: 'v1', auditedAt: '2024-05-01T13:00:00.000+08:00' }) } });
		expect((audited.json.order as IDataObject).audit).toMatchObject({ decision: 'approved' });
		await expect(kit.run({ ...update, updateFields: { status: 'pending_payment' } })).rejects.toThrow(`order › update for order ${id}`);
		await expect(kit.run({ ...update, updateFields: {} })).rejects.toThrow('Nothing to update');

		const history = await kit.run({ resource: 'order', operation: 'history', orderId: id });
		expect(json(history).map((e) => e.kind)).toEqual(['created', 'patch', 'patch']);
		expect(history.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});
});
