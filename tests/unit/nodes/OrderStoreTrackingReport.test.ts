import type { IDataObject } from 'n8n-workflow';
import { sampleOrder } from '../../fixtures/orders';
import { json, storeKit, type StoreKit } from './OrderStore.kit';

const order = (overrides = {}) => sampleOrder(overrides) as unknown as IDataObject;

describe('Order Store node: tracking lookup, refund state and KPI report', () => {
	let kit: StoreKit;
	beforeEach(() => (kit = storeKit()));
	afterEach(() => kit.cleanup());

	it('finds the orders of each pushed tracking number, gives no output for parcels that are not ours, and writes the tracking status back', async () => {
		const shipped = sampleOrder({ channelOrderId: '77', status: 'shipped', logistics: { carrier: 'sf', trackingNo: 'SF1001' } });
		await kit.run({ resource: 'order', operation: 'upsert', orderField: '', options: {} }, [shipped as unknown as IDataObject]);
		const pushes = [{ trackingNo: 'SF1001', status: 'delivered' }, { trackingNo: 'NOT-OURS', status: 'in_transit' }];
		// Per item, as n8n resolves {{ $json.trackingNo }}.
		const perItem = (name: string, i: number) =>
			name === 'trackingNumber' ? pushes[i].trackingNo : ({ resource: 'order', operation: 'findByTracking', carrier: '', options: {} } as Record<string, unknown>)[name];
		const found = await kit.run(perItem as unknown as Record<string, unknown>, pushes);
		expect(json(found).map((o) => o.id)).toEqual([shipped.id]);
		expect(found[0].pairedItem).toEqual({ item: 0 });
		expect((found[0].json.receiver as IDataObject).phone).toBe('138****1234');

		await expect(
			kit.run({ resource: 'order', operation: 'findByTracking', trackingNumber: 'NOT-OURS', options: { errorWhenNotFound: true } }),
		).rejects.toThrow(/no stored order carries tracking number NOT-OURS/);
		expect(json(await kit.run({ resource: 'order', operation: 'findByTracking', trackingNumber: 'SF1001', carrier: 'jd', options: {} }))).toEqual([]);

		const [updated] = await kit.run({ resource: 'order', operation: 'update', orderId: shipped.id, updateFields: { trackingStatus: 'delivered' }, options: {} });
		expect(updated.json.changes).toEqual(['logistics']);
		expect(((updated.json.order as IDataObject).logistics as IDataObject).trackingStatus).toBe('delivered');
		const history = await (await kit.store()).orderHistory(shipped.id);
		expect(history[history.length - 1]).toMatchObject({ kind: 'patch', actor: expect.stringContaining('Order Store') });
	});

	it('updates an order found by channel, shop and channel order number; refund state; orders not in the store are skipped on request', async () => {
		const stored = sampleOrder({ channelOrderId: '88' });
		await kit.run({ resource: 'order', operation: 'upsert', orderField: '', options: {} }, [order({ channelOrderId: '88' })]);
		const byChannel = { resource: 'order', operation: 'update', findBy: 'channelOrder', channel: 'taobao', shopId: 'shop-1', updateFields: { refundState: 'refunding' } };
		const [out] = await kit.run({ ...byChannel, channelOrderId: '88', options: {} });
		expect(out.json).toMatchObject({ id: stored.id, changes: ['refundState'] });
		expect((await (await kit.store()).getOrder(stored.id))?.refundState).toBe('refunding');

		await expect(kit.run({ ...byChannel, channelOrderId: '404', options: {} })).rejects.toThrow(/taobao\/shop-1\/404/);
		expect(await kit.run({ ...byChannel, channelOrderId: '404', options: { ignoreMissing: true } })).toEqual([]);
	});

	it('reports KPIs for a range as one item paired with every input', async () => {
		await kit.run({ resource: 'order', operation: 'upsert', orderField: '', options: {} }, [
			order({ channelOrderId: '1', createdAt: '2024-05-01T10:00:00.000+08:00' }),
			order({ channel: 'jd', shopId: '10139288', channelOrderId: '2', createdAt: '2024-05-01T11:00:00.000+08:00' }),
		]);
		const params = { resource: 'maintenance', operation: 'report', from: '2024-05-01T00:00:00', to: '2024-05-02T00:00:00', channel: '', shopId: '', top: 5 };
		const out = await kit.run(params, [{}, {}]);
		expect(out).toHaveLength(1);
		expect(out[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		const report = out[0].json as IDataObject;
		expect(report.from).toBe('2024-05-01T00:00:00.000+08:00');
		expect((report.orders as IDataObject).total).toBe(2);
		expect(((report.orders as IDataObject).perChannel as IDataObject[]).map((r) => [r.channel, r.orders])).toEqual([
			['jd', 1],
			['taobao', 1],
		]);
		expect(Object.keys(report).sort()).toEqual(['audit', 'errors', 'filter', 'from', 'generatedAt', 'orders', 'paidToShipped', 'stock', 'to', 'unmappedSkus']);
		const [jd] = await kit.run({ ...params, channel: 'jd' });
		expect((jd.json.orders as IDataObject).total).toBe(1);
		const [failed] = await kit.run({ ...params, from: '2024-05-03T00:00:00' }, [{}], { continueOnFail: true });
		expect(failed.json).toMatchObject({ resource: 'maintenance', operation: 'report', code: 'invalid_input' });
	});
});
