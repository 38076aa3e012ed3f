import { OrderValidate } from '../../../nodes/OrderValidate/OrderValidate.node';
import { fakeExecuteContext } from '../../helpers/n8n';
import { sampleOrder } from '../../fixtures/orders';
import type { IDataObject } from 'n8n-workflow';

function run(items: IDataObject[], parameters: Record<string, unknown> = {}, continueOnFail = false) {
	const context = fakeExecuteContext({ items, parameters: { orderField: '', ...parameters }, continueOnFail });
	return new OrderValidate().execute.call(context);
}

describe('Order Validate node', () => {
	it('sends a valid order to the first output unchanged, paired with its input', async () => {
		const order = sampleOrder();
		const [valid, invalid] = await run([order as unknown as IDataObject]);
		expect(invalid).toHaveLength(0);
		expect(valid).toEqual([{ json: order, pairedItem: { item: 0 } }]);
	});

	it('sends an invalid order to the second output with every problem and its path', async () => {
		const broken = { ...sampleOrder(), status: 'teleported', currency: 'yuan' } as unknown as IDataObject;
		const good = sampleOrder({ channelOrderId: '42' }) as unknown as IDataObject;
		const [valid, invalid] = await run([broken, good]);
		expect(valid).toHaveLength(1);
		expect(valid[0].pairedItem).toEqual({ item: 1 });
		expect(invalid).toHaveLength(1);
		expect(invalid[0].pairedItem).toEqual({ item: 0 });
		const paths = (invalid[0].json.problems as Array<{ path: string }>).map((p) => p.path).sort();
		expect(paths).toEqual(['$.currency', '$.status']);
		expect(invalid[0].json.summary).toContain('$.status');
		expect(invalid[0].json.order).toEqual(broken);
	});

	it('reads the order from a named field', async () => {
		const [valid] = await run([{ order: sampleOrder() as unknown as IDataObject, source: 'export' }], {
			orderField: 'order',
		});
		expect(valid).toHaveLength(1);
	});

	it('names the missing field, and turns the error into an invalid item when continuing on fail', async () => {
		await expect(run([{ other: 1 }], { orderField: 'order' })).rejects.toThrow('Item 0 has no field "order"');
		const [valid, invalid] = await run([{ other: 1 }], { orderField: 'order' }, true);
		expect(valid).toHaveLength(0);
		expect(invalid).toEqual([
			{ json: { error: 'Item 0 has no field "order"', problems: [] }, pairedItem: { item: 0 } },
		]);
	});
});
