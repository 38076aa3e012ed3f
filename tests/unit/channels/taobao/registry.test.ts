import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonLossless } from '../../../../lib/json';
import type { ChannelId } from '../../../../lib/model';
import { detectChannel, normalizePayload } from '../../../../lib/channels/registry';
import { isTaobaoPayload, taobaoTradesIn } from '../../../../lib/channels/taobao/normalize';

const fixture = (name: string) =>
	parseJsonLossless<Record<string, any>>(readFileSync(path.resolve(__dirname, '../../../fixtures/channels/taobao', name), 'utf8')); // eslint-disable-line @typescript-eslint/no-explicit-any

const fullinfo = fixture('trade-fullinfo-get.json');
const sold = fixture('trades-sold-get.json');
const trades = sold.trades_sold_get_response.trades.trade as unknown[];

describe('taobaoTradesIn', () => {
	it.each([
		['a fullinfo envelope', fullinfo, ['$.trade_fullinfo_get_response.trade']],
		['a sold list envelope', sold, ['$.trades_sold_get_response.trades.trade[0]', '$.trades_sold_get_response.trades.trade[1]']],
		['an increment envelope', { trades_sold_increment_get_response: { total_results: 0 } }, []],
		['a simplified list', { trades: trades }, ['$.trades[0]', '$.trades[1]']],
		['the fullinfo member', { trade: trades[0] }, ['$.trade']],
		['a bare trade', trades[1], ['$']],
		['an array of trades', trades, ['$[0]', '$[1]']],
	])('finds the trades in %s', (_name, payload, paths) => {
		expect(taobaoTradesIn(payload).map((t) => t.path)).toEqual(paths);
	});
});

describe('channel detection', () => {
	it.each([
		['fullinfo envelope', fullinfo, true],
		['sold envelope', sold, true],
		['bare trade', trades[0], true],
		['array of trades', trades, true],
		['a JD order', { orderId: '1', orderState: 'WAIT_SELLER_STOCK_OUT' }, false],
		['a trade with an unknown status', { tid: '1', status: 'paid', orders: [] }, false],
		['an empty array', [], false],
		['a string', 'x', false],
	])('%s', (_name, payload, expected) => {
		expect(isTaobaoPayload(payload)).toBe(expected);
		expect(detectChannel(payload)).toBe(expected ? 'taobao' : undefined);
	});
});

describe('normalizePayload', () => {
	it('detects Taobao and normalizes every trade of a list envelope with paths into it', () => {
		const { channel, orders } = normalizePayload(sold, { channel: 'detect', shopId: 'shop-1' });
		expect(channel).toBe('taobao');
		expect(orders.map((o) => [o.path, o.result.ok && o.result.order.channelOrderId])).toEqual([
			['$.trades_sold_get_response.trades.trade[0]', '227668460417201790'],
			['$.trades_sold_get_response.trades.trade[1]', '4011234567890123457'],
		]);
	});

	it('reports problems with paths into the whole payload', () => {
		const broken = structuredClone(sold);
		broken.trades_sold_get_response.trades.trade[1].payment = 'abc';
		const { orders } = normalizePayload(broken, { channel: 'taobao' });
		const second = orders[1].result;
		expect(second.ok).toBe(false);
		if (!second.ok) expect(second.problems[0].path).toBe('$.trades_sold_get_response.trades.trade[1].payment');
	});

	it('says so when the channel cannot be told', () => {
		const { channel, orders } = normalizePayload({ hello: 'world' }, { channel: 'detect' });
		expect(channel).toBeUndefined();
		expect(orders).toEqual([
			{ path: '$', result: { ok: false, problems: [expect.objectContaining({ path: '$', message: expect.stringContaining('choose the channel') })] } },
		]);
	});

	it('says so for a channel without a normalizer yet', () => {
		const { orders } = normalizePayload({}, { channel: 'no_such_channel' as ChannelId });
		expect(orders[0].result.ok).toBe(false);
		expect(JSON.stringify(orders[0].result)).toContain('no normalizer for channel no_such_channel');
	});
});
