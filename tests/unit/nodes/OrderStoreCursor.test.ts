import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';
import { sampleOrder } from '../../fixtures/orders';
import { json, storeKit, type StoreKit } from './OrderStore.kit';

const upsert = { resource: 'order', operation: 'upsert', orderField: '', options: {} };
const cursor = { channel: 'taobao', shopId: 'shop-1', stream: 'orders' };
const commit = { resource: 'cursor', operation: 'commit', ...cursor, watermarkSource: 'orders', options: {} };
const order = (n: number, updatedAt: string) => sampleOrder({ channelOrderId: String(n), updatedAt }) as unknown as IDataObject;

describe('Order Store node: cursors, dead letters, maintenance', () => {
	let kit: StoreKit;
	beforeEach(() => (kit = storeKit()));
	afterEach(() => kit.cleanup());

	it('commits the newest stored updatedAt (by instant) after an upsert, and reads it back', async () => {
		const [before] = await kit.run({ resource: 'cursor', operation: 'get', ...cursor });
		expect(before.json).toEqual({ ...cursor, watermark: null, found: false });
		const results = await kit.run(upsert, [
			order(1, '2024-05-01T12:00:00.000+08:00'),
			// later instant, but smaller as text than the +08:00 one
			order(2, '2024-05-01T05:00:00.000Z'),
			order(3, '2024-05-01T11:00:00.000+08:00'),
		]);
		const [committed] = await kit.run(commit, json(results));
		expect(committed.json).toMatchObject({ ...cursor, watermark: '2024-05-01T05:00:00.000Z', moved: true, coveredOrders: 3 });
		expect(committed.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const [after] = await kit.run({ resource: 'cursor', operation: 'get', ...cursor });
		expect(after.json).toMatchObject({ watermark: '2024-05-01T05:00:00.000Z', found: true, updatedBy: 'n8n:Order Store' });
	});

	it('refuses to commit when an input order was not stored, and moves nothing', async () => {
		const results = json(await kit.run(upsert, [order(1, '2024-05-01T12:00:00.000+08:00')]));
		const notStored = { ...(sampleOrder({ channelOrderId: '99' }) as unknown as IDataObject), outcome: 'created' };
		await expect(kit.run(commit, [...results, notStored])).rejects.toThrow(/cursor › commit: .*99|not stored|not in the store/);
		await expect(kit.run(commit, [...results, { error: 'timeout' }])).rejects.toThrow('Cursor taobao/shop-1/orders not moved: 1 input item(s) were not stored');
		await expect(kit.run(commit, [{ hello: 1 }])).rejects.toThrow('not moved');
		const [error] = await kit.run(commit, [{ error: 'timeout' }], { continueOnFail: true });
		expect(error.json).toMatchObject({ resource: 'cursor', operation: 'commit' });
		const [still] = await kit.run({ resource: 'cursor', operation: 'get', ...cursor });
		expect(still.json.found).toBe(false);
	});

	it('accepts invalid orders that went to dead letters, but not ones that were dropped', async () => {
		const broken = { ...order(7, '2024-05-01T12:00:00.000+08:00'), status: 'teleported' };
		const kept = json(await kit.run(upsert, [order(1, '2024-05-01T12:00:00.000+08:00'), broken]));
		const [ok] = await kit.run(commit, kept);
		expect(ok.json).toMatchObject({ coveredOrders: 1, moved: true });
		const dropped = json(await kit.run({ ...upsert, options: { deadLetterInvalid: false } }, [broken]));
		await expect(kit.run(commit, dropped)).rejects.toThrow('not moved');
	});

	it('refuses orders of another shop, and moving backwards unless allowed', async () => {
		const other = json(await kit.run(upsert, [sampleOrder({ shopId: 'shop-2' }) as unknown as IDataObject]));
		await expect(kit.run(commit, other)).rejects.toThrow('not moved');
		const explicit = { ...commit, watermarkSource: 'explicit' };
		// an explicit value ignores items that are no store result (a schedule tick), not failed ones
		await expect(kit.run({ ...explicit, watermark: '2024-06-01T00:00:00+08:00' }, [{ error: 'timeout' }])).rejects.toThrow('not moved');
		await kit.run({ ...explicit, watermark: '2024-06-01T00:00:00+08:00' }, [{}]);
		await expect(kit.run({ ...explicit, watermark: '2024-05-01T00:00:00+08:00' }, [{}])).rejects.toThrow('cursor › commit');
		const [back] = await kit.run({ ...explicit, watermark: '2024-05-01T00:00:00+08:00', options: { force: true } }, [{}]);
		expect(back.json).toMatchObject({ watermark: '2024-05-01T00:00:00+08:00', moved: true });
	});

	it('lists dead letters masked, replays them, and discards them', async () => {
		const broken = { ...(sampleOrder({ channelOrderId: '8' }) as unknown as IDataObject), status: 'teleported' };
		await kit.run(upsert, [broken]);
		const [letter] = await kit.run({ resource: 'deadLetter', operation: 'list', status: 'open', source: '', limit: 10, options: {} });
		expect(letter.json).toMatchObject({ status: 'open', reason: expect.any(String) });
		expect((letter.json.payload as IDataObject).receiver).toMatchObject({ phone: '138****1234' });

		const replay = await kit.run({ resource: 'deadLetter', operation: 'replay', deadLetterIds: String(letter.json.id) });
		expect(replay[0].json).toMatchObject({ id: letter.json.id, outcome: 'invalid' });
		const [discarded] = await kit.run({ resource: 'deadLetter', operation: 'discard', deadLetterIds: String(letter.json.id) });
		expect(discarded.json).toEqual({ ids: [letter.json.id], discarded: 1 });
		expect(await kit.run({ resource: 'deadLetter', operation: 'list', status: 'open', source: '', limit: 10, options: {} })).toHaveLength(0);
		await expect(kit.run({ resource: 'deadLetter', operation: 'discard', deadLetterIds: 'abc' })).rejects.toThrow('must be whole numbers; got abc');
	});

	it('backs up the SQLite file beside the store, keeping the newest N, and reports stats', async () => {
		await kit.run(upsert, [order(1, '2024-05-01T12:00:00.000+08:00')]);
		const backup = { resource: 'maintenance', operation: 'backup', directory: '', keep: 1 };
		const [first] = await kit.run(backup);
		expect(first.json).toMatchObject({ kind: 'file', bytes: expect.any(Number) });
		const folder = join(dirname(String(kit.credential.filePath)), 'backups');
		expect(dirname(String(first.json.path))).toBe(folder);
		await new Promise((resolve) => setTimeout(resolve, 5));
		const [second] = await kit.run(backup);
		expect(second.json.removed).toEqual([first.json.path]);
		expect(readdirSync(folder)).toHaveLength(1);
		expect(existsSync(String(second.json.path))).toBe(true);

		const [stats] = await kit.run({ resource: 'maintenance', operation: 'stats' }, [{}, {}]);
		expect(stats.json).toMatchObject({ backend: 'sqlite', tables: expect.objectContaining({ orders: 1 }) });
		expect(stats.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
