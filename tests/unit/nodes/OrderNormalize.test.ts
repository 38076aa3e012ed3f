import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';
import { OrderNormalize } from '../../../nodes/OrderNormalize/OrderNormalize.node';
import { parseJsonLossless } from '../../../lib/json';
import { validateOrder } from '../../../lib/model';
import { fakeExecuteContext } from '../../helpers/n8n';

const fixtureText = (name: string) => readFileSync(path.resolve(__dirname, '../../fixtures/channels/taobao', name), 'utf8');
const fixture = (name: string) => parseJsonLossless<IDataObject>(fixtureText(name));

async function run(items: IDataObject[], parameters: Record<string, unknown> = {}, continueOnFail = false) {
	const context = fakeExecuteContext({
		items,
		continueOnFail,
		parameters: { channel: 'detect', payloadField: '', shopId: 'shop-1', options: {}, ...parameters },
	});
	return await new OrderNormalize().execute.call(context);
}

describe('Order Normalize node', () => {
	it('has Normalized and Unnormalized outputs and offers the channels the registry knows', () => {
		const { description } = new OrderNormalize();
		expect(description.outputNames).toEqual(['Normalized', 'Unnormalized']);
		const channel = description.properties.find((p) => p.name === 'channel');
		const values = (channel?.options as Array<{ value: string }>).map((o) => o.value);
		expect(values[0]).toBe('detect');
		expect(values).toContain('taobao');
	});

	it('detects a Taobao list envelope and emits one valid unified order per trade, paired with its item', async () => {
		const [normalized, unnormalized] = await run([fixture('trades-sold-get.json'), fixture('trade-fullinfo-get.json')]);
		expect(unnormalized).toEqual([]);
		expect(normalized.map((o) => [o.json.channelOrderId, o.pairedItem])).toEqual([
			['227668460417201790', { item: 0 }],
			['4011234567890123457', { item: 0 }],
			['289749893209214687', { item: 1 }],
		]);
		for (const item of normalized) expect(validateOrder(item.json)).toEqual([]);
		expect(normalized[0].json.shopId).toBe('shop-1');
	});

	it('parses a payload field holding JSON text without rounding a 19-digit tid, and keeps raw on request', async () => {
		const [normalized] = await run([{ body: fixtureText('trades-sold-get.json') }], {
			channel: 'taobao',
			payloadField: 'body',
			options: { keepRaw: true },
		});
		expect(normalized[1].json.channelOrderId).toBe('4011234567890123457');
		expect((normalized[1].json.raw as IDataObject).tid).toBe('4011234567890123457');
	});

	it('sends what cannot be normalized to Unnormalized with paths into the payload and the offending trade', async () => {
		const payload = fixture('trades-sold-get.json');
		const trades = ((payload.trades_sold_get_response as IDataObject).trades as IDataObject).trade as IDataObject[];
		trades[1].created = 'yesterday';
		const [normalized, unnormalized] = await run([payload]);
		expect(normalized).toHaveLength(1);
		expect(unnormalized).toHaveLength(1);
		expect(unnormalized[0].json).toMatchObject({
			channel: 'taobao',
			channelOrderId: '4011234567890123457',
			path: '$.trades_sold_get_response.trades.trade[1]',
			problems: [expect.objectContaining({ path: '$.trades_sold_get_response.trades.trade[1].created' })],
			raw: expect.objectContaining({ tid: '4011234567890123457' }),
		});
	});

	it('says when the channel cannot be detected', async () => {
		const [normalized, unnormalized] = await run([{ hello: 'world' }]);
		expect(normalized).toEqual([]);
		expect(unnormalized[0].json.summary).toMatch(/choose the channel/);
	});

	it('reports a missing payload field, or puts it on Unnormalized with Continue On Fail', async () => {
		await expect(run([{}], { payloadField: 'body' })).rejects.toThrow(/has no field "body"/);
		const [, unnormalized] = await run([{}], { payloadField: 'body' }, true);
		expect(unnormalized[0]).toMatchObject({ json: { error: expect.stringMatching(/has no field/) }, pairedItem: { item: 0 } });
	});
});
