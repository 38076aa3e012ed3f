import type { IDataObject } from 'n8n-workflow';
import { sampleOrder } from '../../fixtures/orders';
import { json, storeKit, type StoreKit } from './OrderStore.kit';

const inventory = (operation: string, parameters: Record<string, unknown> = {}) => ({ resource: 'inventory', operation, ...parameters });
const sku = (operation: string, parameters: Record<string, unknown> = {}) => ({ resource: 'sku', operation, ...parameters });

describe('Order Store node: inventory and SKUs', () => {
	let kit: StoreKit;
	beforeEach(() => (kit = storeKit()));
	afterEach(() => kit.cleanup());

	async function setUpStock(onHand: number) {
		await kit.run(inventory('upsertWarehouse', { warehouseId: 'hz', name: '杭州仓', options: { regions: '浙江省, 江苏省', priority: 1 } }));
		await kit.run(sku('upsertMasterSkus', { sku: 'TEE-RED-M', title: 'Tee red M', options: { cost: '25.50' } }));
		const [level] = await kit.run(inventory('setOnHand', { warehouseId: 'hz', masterSku: 'TEE-RED-M', onHand, options: { safety: 1 } }));
		return level.json;
	}

	it('sets on hand per item, adjusts with a reason, and writes the ledger', async () => {
		expect(await setUpStock(10)).toMatchObject({ warehouseId: 'hz', masterSku: 'TEE-RED-M', onHand: 10, safety: 1, available: 9 });
		const [adjusted] = await kit.run(inventory('adjust', { warehouseId: 'hz', masterSku: 'TEE-RED-M', delta: -3, reason: 'damaged' }));
		expect(adjusted.json).toMatchObject({ onHand: 7, available: 6 });
		const ledger = await kit.run(inventory('ledger', { filters: { masterSku: 'TEE-RED-M' }, limit: 10 }));
		expect(json(ledger).map((e) => [e.kind, e.deltaOnHand, e.reason ?? null])).toEqual([
			['set', 10, 'count'],
			['adjust', -3, 'damaged'],
		]);
		expect(ledger[1].json.actor).toBe('n8n:Order Store');
		await expect(kit.run(inventory('adjust', { warehouseId: 'nowhere', masterSku: 'TEE-RED-M', delta: 1, reason: 'x' }))).rejects.toThrow(
			'inventory › adjust: warehouse nowhere is not in the store',
		);
	});

	it("reserves an order's lines all or nothing, reports shortages, and releases on cancel", async () => {
		await setUpStock(2);
		const [stored] = await kit.run({ resource: 'order', operation: 'upsert', orderField: '', options: {} }, [sampleOrder() as unknown as IDataObject]);
		const id = stored.json.id as string;
		const [reserved] = await kit.run(inventory('reserve', { orderId: id, warehouseId: '', options: {} }));
		// 2 on hand, safety 1: one unit available for a line of 2
		expect(reserved.json).toMatchObject({ ok: false, shortages: [{ masterSku: 'TEE-RED-M', quantity: 2, available: 1 }] });

		await kit.run(inventory('adjust', { warehouseId: 'hz', masterSku: 'TEE-RED-M', delta: 5, reason: 'received' }));
		const [ok] = await kit.run(inventory('reserve', { orderId: id, warehouseId: '', options: {} }));
		expect(ok.json).toMatchObject({ ok: true, lines: [{ masterSku: 'TEE-RED-M', quantity: 2, warehouseId: 'hz', new: true }] });
		const [again] = await kit.run(inventory('reserve', { orderId: id, warehouseId: '', options: {} }));
		expect(again.json).toMatchObject({ ok: true, lines: [{ new: false }] });

		const [availability] = await kit.run(inventory('availability', { masterSkus: 'TEE-RED-M', warehouseId: '', channel: '' }));
		expect(availability.json).toMatchObject({ masterSku: 'TEE-RED-M', onHand: 7, reserved: 2, available: 4 });

		const [released] = await kit.run(inventory('release', { orderId: id, reason: 'cancel', lineIds: '' }));
		expect(released.json).toMatchObject({ orderId: id, lines: [{ status: 'released' }] });
		const [after] = await kit.run(inventory('availability', { masterSkus: '', warehouseId: 'hz', channel: '' }));
		expect(after.json).toMatchObject({ reserved: 0, available: 6 });
	});

	it('reserves many input orders together, in input order, each all or nothing, one output item per input item', async () => {
		await setUpStock(5);
		const orders = ['3947581234567890001', '3947581234567890002', '3947581234567890003'].map((channelOrderId) => sampleOrder({ channelOrderId }));
		await kit.run({ resource: 'order', operation: 'upsert', orderField: '', options: {} }, orders as unknown as IDataObject[]);
		const ids = [orders[0].id, 'uo_00000000000000000000000000000000', orders[1].id, orders[2].id];
		const parameters = (name: string, itemIndex: number) =>
			({ resource: 'inventory', operation: 'reserveBatch', orderId: ids[itemIndex], warehouseId: '', ordersPerTransaction: 2, options: {} })[name];
		const run = () => kit.run(parameters as unknown as Record<string, unknown>, ids.map(() => ({})), { continueOnFail: true });
		const out = await run();
		// 5 on hand, safety 1: the first two orders get their 2 units each, the third is short by one.
		expect(out.map((item) => [item.pairedItem, item.json.ok ?? item.json.error])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, 'order uo_00000000000000000000000000000000 is not in the store'],
			[{ item: 2 }, true],
			[{ item: 3 }, false],
		]);
		expect(out[3].json).toMatchObject({ orderId: orders[2].id, lines: [], shortages: [{ masterSku: 'TEE-RED-M', quantity: 2, available: 0 }] });
		expect(out[0].json).toMatchObject({ lines: [{ masterSku: 'TEE-RED-M', quantity: 2, warehouseId: 'hz', new: true }], unresolvedLines: [] });
		const [level] = await kit.run(inventory('availability', { masterSkus: 'TEE-RED-M', warehouseId: '', channel: '' }));
		expect(level.json).toMatchObject({ onHand: 5, reserved: 4, available: 0 });
		const again = await run();
		expect(again.map((item) => (item.json.lines as Array<{ new: boolean }> | undefined)?.map((line) => line.new))).toEqual([[false], undefined, [false], []]);
		const ledger = await kit.run(inventory('ledger', { filters: { masterSku: 'TEE-RED-M' }, limit: 10 }));
		expect(json(ledger).map((e) => [e.kind, e.orderId ?? null, e.actor])).toEqual([
			['set', null, 'n8n:Order Store'],
			['reserve', orders[0].id, 'n8n:Order Store'],
			['reserve', orders[1].id, 'n8n:Order Store'],
		]);
	});

	it('skips warehouses that do not serve the receiver province unless told otherwise', async () => {
		await setUpStock(10);
		const far = sampleOrder({ receiver: { ...sampleOrder().receiver, province: '广东省' } });
		const [stored] = await kit.run({ resource: 'order', operation: 'upsert', orderField: '', options: {} }, [far as unknown as IDataObject]);
		const [blocked] = await kit.run(inventory('reserve', { orderId: stored.json.id, warehouseId: '', options: {} }));
		expect(blocked.json.ok).toBe(false);
		const [anywhere] = await kit.run(inventory('reserve', { orderId: stored.json.id, warehouseId: '', options: { matchRegion: false } }));
		expect(anywhere.json.ok).toBe(true);
	});

	it('maps channel SKUs (bundles too), resolves them, and lists what is still unmapped', async () => {
		await kit.run(sku('upsertMasterSkus', { sku: 'MUG', title: 'Mug', options: {} }));
		await kit.run(sku('upsertMasterSkus', { sku: 'TEE', title: 'Tee', options: {} }));
		const [bundle] = await kit.run(sku('upsertMasterSkus', { sku: 'GIFT', title: 'Gift set', options: { components: 'TEE*2, MUG' } }));
		expect(bundle.json.components).toEqual([{ sku: 'TEE', quantity: 2 }, { sku: 'MUG', quantity: 1 }]);

		const order = sampleOrder({ lines: [{ ...sampleOrder().lines[0], merchantCode: 'GIFT-BOX', channelSkuId: '777' }] });
		await kit.run({ resource: 'order', operation: 'upsert', orderField: '', options: {} }, [order as unknown as IDataObject]);
		const unmapped = await kit.run(sku('listUnmapped', { channel: 'taobao', shopId: '', limit: 10 }));
		expect(json(unmapped)).toEqual([expect.objectContaining({ channel: 'taobao', shopId: 'shop-1', channelSkuId: '777', lines: 1 })]);

		const [mapped] = await kit.run(sku('upsertMappings', { channel: 'taobao', shopId: '', channelSkuId: '777', merchantCode: '', masterSku: 'GIFT' }));
		expect(mapped.json).toMatchObject({ channel: 'taobao', channelSkuId: '777', masterSku: 'GIFT', linesResolved: 1 });
		expect(await kit.run(sku('listUnmapped', { channel: 'taobao', shopId: '', limit: 10 }))).toHaveLength(0);

		const [resolved] = await kit.run(sku('resolve', { channel: 'taobao', shopId: 'shop-1', channelSkuId: '777', merchantCode: '' }));
		expect(resolved.json).toMatchObject({ resolved: true, masterSku: 'GIFT', bundle: true, via: 'sku_id' });
		const [missing] = await kit.run(sku('resolve', { channel: 'jd', shopId: 'x', channelSkuId: '1', merchantCode: '' }));
		expect(missing.json).toMatchObject({ resolved: false });
		await expect(kit.run(sku('upsertMappings', { channel: 'taobao', shopId: '', channelSkuId: '', merchantCode: '', masterSku: 'GIFT' }))).rejects.toThrow(
			'Give the Channel SKU ID, the Merchant Code, or both',
		);
	});

	it('refuses an unreadable unit cost, naming the SKU', async () => {
		await expect(kit.run(sku('upsertMasterSkus', { sku: 'A', title: 'A', options: { cost: 'cheap' } }))).rejects.toThrow('Unit Cost of A');
	});

	it('gets a customer with identities and orders, hides the buyer from the warehouse profile, and merges', async () => {
		await kit.run({ resource: 'order', operation: 'upsert', orderField: '', options: {} }, [
			sampleOrder() as unknown as IDataObject,
			sampleOrder({ channel: 'jd', channelOrderId: '5', buyer: { id: 'jd-buyer', nick: 'j' } }) as unknown as IDataObject,
		]);
		const get = { resource: 'customer', operation: 'get', findBy: 'buyer', channel: 'taobao', buyerId: 'AAF3kZ9wAAbc', orderLimit: 5 };
		const [taobao] = await kit.run(get);
		expect(taobao.json).toMatchObject({ orderCount: 1, identities: [expect.objectContaining({ channel: 'taobao', value: 'AAF3kZ9wAAbc' })] });
		const [warehouse] = await kit.run(get, [{}], { credential: { accessProfile: 'warehouse' } });
		expect(warehouse.json.identities).toBeUndefined();
		expect(warehouse.json.orderCount).toBe(1);

		const [jd] = await kit.run({ ...get, channel: 'jd', buyerId: 'jd-buyer' });
		const [merged] = await kit.run({ resource: 'customer', operation: 'merge', keepId: taobao.json.id, mergeId: jd.json.id });
		expect(merged.json).toMatchObject({ customerId: taobao.json.id, mergedId: jd.json.id, movedOrders: 1 });
		const [after] = await kit.run({ ...get, findBy: 'id', customerId: taobao.json.id });
		expect(after.json.orderCount).toBe(2);
	});
});
