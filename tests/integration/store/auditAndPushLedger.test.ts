import type { OrderStore } from '../../../lib/store';
import { sampleOrder } from '../../fixtures/orders';
import { type Backend, freshStore, storeBackends } from './backends';

describe.each(storeBackends())('blacklist, audit lookups and push ledger on $name', ({ make }) => {
	let backend: Backend;
	let store: OrderStore;

	beforeEach(async () => {
		backend = make();
		({ store } = await freshStore(backend));
	});
	afterEach(async () => {
		await store.close();
		await backend.cleanup();
	});

	it('keeps blacklist entries normalised, updates reasons, removes and looks them up', async () => {
		const added = await store.addBlacklistEntries(
			[
				{ kind: 'phone', value: '+86 138 1234 1234', reason: '恶意退款' },
				{ kind: 'buyer', value: 'AAF3kZ9wAAbc', channel: 'taobao', reason: 'fraud' },
				{ kind: 'receiver', name: '张三', address: '文三路 90 号 东部软件园 1 号楼' },
			],
			{ actor: 'ops' },
		);
		expect(added.map((e) => [e.kind, e.channel, e.value, e.createdBy])).toEqual([
			['phone', '*', '13812341234', 'ops'],
			['buyer', 'taobao', 'AAF3kZ9wAAbc', 'ops'],
			['receiver', '*', '张三|文三路90号东部软件园1号楼', 'ops'],
		]);
		await store.addBlacklistEntries([{ kind: 'phone', value: '13812341234', reason: 'chargeback' }]);
		expect((await store.listBlacklist({ kind: 'phone' })).map((e) => e.reason)).toEqual(['chargeback']);

		const lookup = await store.blacklistLookup();
		expect(lookup({ kind: 'phone', value: '13812341234', channel: 'jd' })).toBe('chargeback');
		expect(lookup({ kind: 'buyer', value: 'AAF3kZ9wAAbc', channel: 'jd' })).toBeUndefined();
		expect(lookup({ kind: 'buyer', value: 'AAF3kZ9wAAbc', channel: 'taobao' })).toBe('fraud');
		expect(lookup({ kind: 'receiver', value: '张三|文三路90号东部软件园1号楼', channel: 'taobao' })).toBe('');

		expect(await store.removeBlacklistEntries([{ kind: 'phone', value: '138-1234-1234'.replace(/-/g, '') }])).toBe(1);
		expect(await store.listBlacklist()).toHaveLength(2);
		await expect(store.addBlacklistEntries([{ kind: 'phone', value: '  ' }])).rejects.toMatchObject({ code: 'invalid_input' });
	});

	it('reads orders created in a window and counts orders and refunds per customer', async () => {
		const a = sampleOrder({ channelOrderId: '1', createdAt: '2024-05-01T10:00:00.000+08:00' });
		const b = sampleOrder({ channelOrderId: '2', createdAt: '2024-05-01T11:00:00.000+08:00', refundState: 'refunded' });
		const c = sampleOrder({ channelOrderId: '3', createdAt: '2024-05-03T11:00:00.000+08:00' });
		const results = await store.upsertOrders([a, b, c], { returnOrders: true });
		const inWindow = await store.ordersCreatedBetween({ createdFrom: '2024-05-01T10:00:00+08:00', createdTo: '2024-05-01T11:00:00+08:00' });
		expect(inWindow.map((o) => o.channelOrderId)).toEqual(['1', '2']);
		const customerId = results[0].order!.customerId!;
		expect(customerId).toBeTruthy();
		expect(await store.customerOrderStats([customerId, 'nobody'])).toEqual({ [customerId]: { orders: 3, refunded: 1 } });
	});

	it('hands out each listing version once (compare-and-set) and counts only acks of the current version', async () => {
		const claim = { channel: 'taobao', shopId: 's1', channelSkuId: 'sku-1', masterSku: 'A', quantity: 5, version: 1 };
		const [first, second] = await Promise.all([store.claimPushVersions([claim]), store.claimPushVersions([{ ...claim, quantity: 6 }])]);
		expect(first.claimed.length + second.claimed.length).toBe(1);
		expect(first.conflicts.length + second.conflicts.length).toBe(1);
		expect([...first.conflicts, ...second.conflicts][0].ledgerVersion).toBe(1);

		const v2 = await store.claimPushVersions([{ ...claim, quantity: 3, version: 2 }]);
		expect(v2.claimed).toHaveLength(1);
		expect(await store.ackPushes([{ channel: 'taobao', shopId: 's1', channelSkuId: 'sku-1', version: 1 }])).toBe(0);
		expect(await store.ackPushes([{ channel: 'taobao', shopId: 's1', channelSkuId: 'sku-1', version: 2 }])).toBe(1);
		const [entry] = await store.listPushLedger({ channel: 'taobao' });
		expect(entry).toMatchObject({ masterSku: 'A', lastPublished: 3, version: 2, ackedVersion: 2 });
		await expect(store.claimPushVersions([{ ...claim, version: 0 }])).rejects.toMatchObject({ code: 'invalid_input' });
	});

	it('lists channel SKU id mappings per channel and shop', async () => {
		await store.upsertMasterSkus([{ sku: 'A', title: 'A' }, { sku: 'B', title: 'B' }]);
		await store.upsertMappings([
			{ channel: 'taobao', shopId: 's1', channelSkuId: '111', masterSku: 'A' },
			{ channel: 'taobao', channelSkuId: '222', masterSku: 'B' },
			{ channel: 'jd', shopId: 's9', channelSkuId: '333', masterSku: 'A' },
			{ channel: 'taobao', shopId: 's1', merchantCode: 'X-1', masterSku: 'A' },
		]);
		expect(await store.listChannelSkuMappings({ channel: 'taobao', shopId: 's1' })).toEqual([
			{ channel: 'taobao', shopId: '', channelSkuId: '222', masterSku: 'B' },
			{ channel: 'taobao', shopId: 's1', channelSkuId: '111', masterSku: 'A' },
		]);
		expect(await store.listChannelSkuMappings()).toHaveLength(3);
	});
});
