// The Order Store node end to end on every store engine: SQLite, and the real PostgreSQL server in a
// throwaway schema (left out with a warning when unreachable, unless REQUIRE_POSTGRES=1).
import type { IDataObject } from 'n8n-workflow';
import { checkStoreCredential } from '../../../nodes/shared/store';
import { sampleOrder } from '../../fixtures/orders';
import { json, storeKit, type StoreKit } from '../../unit/nodes/OrderStore.kit';
import { PG_URL, storeBackends, type Backend } from '../store/backends';

function credentialFor(backend: Backend): IDataObject {
	const config = backend.newConfig();
	if (config.kind === 'sqlite') return { backend: 'sqlite', filePath: config.path };
	const url = new URL(PG_URL);
	return {
		backend: 'postgres',
		host: url.hostname,
		port: Number(url.port || 5432),
		database: url.pathname.slice(1),
		user: decodeURIComponent(url.username),
		password: decodeURIComponent(url.password),
		ssl: 'disable',
		schema: config.schema,
		poolSize: 4,
	};
}

const upsert = { resource: 'order', operation: 'upsert', orderField: 'order', options: { batchSize: 20 } };

describe.each(storeBackends())('Order Store node on $name', ({ make }) => {
	let backend: Backend;
	let kit: StoreKit;
	let credential: IDataObject;
	beforeAll(() => {
		backend = make();
		credential = credentialFor(backend);
		kit = storeKit(credential);
	});
	afterAll(async () => {
		await kit.cleanup();
		await backend.cleanup();
	});

	it('passes the credential test (store opened and migrated)', async () => {
		const result = await checkStoreCredential(kit.credential);
		expect(result).toMatchObject({ status: 'OK', message: expect.stringContaining('schema version') });
	});

	it('runs a pull cycle: upsert 50 orders in batches, commit the cursor, search, update, reserve, history', async () => {
		const orders = Array.from({ length: 50 }, (_, n) =>
			sampleOrder({ channelOrderId: String(1000 + n), updatedAt: `2024-05-01T12:${String(n).padStart(2, '0')}:00.000+08:00` }),
		);
		const broken = { ...sampleOrder({ channelOrderId: 'bad' }), totals: 'lots' };
		const items = [...orders, broken].map((order) => ({ order: order as unknown as IDataObject }));
		const results = await kit.run(upsert, items);
		expect(results).toHaveLength(51);
		expect(json(results).filter((j) => j.outcome === 'created')).toHaveLength(50);
		expect(results[50].json).toMatchObject({ outcome: 'invalid', deadLetterId: expect.any(Number) });
		expect(results.map((r) => r.pairedItem)).toEqual(items.map((_, item) => ({ item })));

		const again = await kit.run(upsert, items.slice(0, 3));
		expect(json(again).map((j) => j.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);

		const commit = { resource: 'cursor', operation: 'commit', channel: 'taobao', shopId: 'shop-1', stream: 'orders', watermarkSource: 'orders', options: {} };
		const [committed] = await kit.run(commit, json(results));
		expect(committed.json).toMatchObject({ watermark: '2024-05-01T12:49:00.000+08:00', coveredOrders: 50, moved: true });
		const foreign = { ...json(results)[0], id: 'uo_00000000000000000000000000000000' };
		await expect(kit.run(commit, [foreign])).rejects.toThrow('cursor › commit');

		const found = await kit.run({ resource: 'order', operation: 'search', returnAll: true, filters: { channel: ['taobao'], status: ['paid'] }, options: { sort: 'updatedAt', direction: 'asc' } });
		expect(found).toHaveLength(50);
		expect(found[0].json.channelOrderId).toBe('1000');
		expect((found[0].json.receiver as IDataObject).phone).toBe('138****1234');

		const id = results[0].json.id as string;
		const [updated] = await kit.run({ resource: 'order', operation: 'update', orderId: id, updateFields: { status: 'on_hold', addTags: 'check' }, options: {} });
		expect(updated.json.transition).toEqual({ from: 'paid', to: 'on_hold' });

		await kit.run({ resource: 'inventory', operation: 'upsertWarehouse', warehouseId: 'main', name: 'Main', options: {} });
		await kit.run({ resource: 'sku', operation: 'upsertMasterSkus', sku: 'TEE-RED-M', title: 'Tee', options: { cost: '30' } });
		await kit.run({ resource: 'inventory', operation: 'setOnHand', warehouseId: 'main', masterSku: 'TEE-RED-M', onHand: 3, options: {} });
		const reserve = { resource: 'inventory', operation: 'reserve', warehouseId: '', options: {} };
		await expect(kit.run(reserve)).rejects.toThrow('"Order ID" is empty');
		const [first] = await kit.run({ ...reserve, orderId: id });
		const [second] = await kit.run({ ...reserve, orderId: results[1].json.id });
		expect([first.json.ok, second.json.ok]).toEqual([true, false]);

		const history = await kit.run({ resource: 'order', operation: 'history', orderId: id });
		expect(json(history).map((e) => e.kind)).toEqual(['created', 'patch', 'sku_resolved']);
	});

	it('answers Backup for its engine', async () => {
		const [backup] = await kit.run({ resource: 'maintenance', operation: 'backup', directory: '', keep: 2 });
		if (credential.backend === 'postgres') {
			expect(backup.json).toMatchObject({ kind: 'instruction', ok: true, command: expect.stringContaining(`--schema=${String(credential.schema)}`) });
		} else {
			expect(backup.json).toMatchObject({ kind: 'file', bytes: expect.any(Number) });
		}
		const [stats] = await kit.run({ resource: 'maintenance', operation: 'stats' });
		expect(stats.json).toMatchObject({ backend: credential.backend, tables: expect.objectContaining({ orders: 51 - 1 }) });
	});
});
