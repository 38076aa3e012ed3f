import nock from 'nock';
import { NodeApiError, type IDataObject, type INodeExecutionData } from 'n8n-workflow';
import { TaobaoTrigger } from '../../../nodes/Taobao/TaobaoTrigger.node';
import { fakePollContext, fetchHttpRequest } from '../../helpers/n8n';
import { fakeTop, testCredentials, topError, topOk, type FakeTop, type TopReply } from '../channels/taobao/fakeTop';

const credentials = {
	taobaoApi: {
		environment: 'custom',
		customUrl: testCredentials.url,
		appKey: testCredentials.appKey,
		appSecret: testCredentials.appSecret,
		accessToken: testCredentials.session,
		shopId: testCredentials.shopId,
		signMethod: 'md5',
	},
};

const MINUTE = 60_000;
const T0 = Date.parse('2024-05-01T10:00:00+08:00');

/** Beijing wall-clock text TOP uses, for an epoch ms. */
const beijing = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
const epochOfBeijing = (text: string) => Date.parse(`${text.replace(' ', 'T')}+08:00`);

interface ShopTrade {
	tid: string;
	created: number;
	modified: number;
	status: string;
}

/** A tiny TOP shop: increment.get filters by modified time (inclusive), newest first, with total_results. */
function shop(trades: ShopTrade[], fail?: (params: Record<string, string>) => TopReply | undefined): FakeTop {
	return fakeTop((p) => {
		const failure = fail?.(p);
		if (failure) return failure;
		const render = (t: ShopTrade) => ({
			tid: t.tid,
			status: t.status,
			seller_nick: 'shop-1',
			created: beijing(t.created),
			modified: beijing(t.modified),
			payment: '10.00',
			total_fee: '10.00',
			orders: { order: [{ oid: `${t.tid}1`, title: 'T恤', num: 1, price: '10.00', payment: '10.00', total_fee: '10.00' }] },
		});
		if (p.method === 'taobao.trades.sold.get') {
			const rows = [...trades].sort((a, b) => b.created - a.created).slice(0, Number(p.page_size));
			return topOk(p.method, { has_next: false, trades: { trade: rows.map(render) } });
		}
		const start = epochOfBeijing(p.start_modified);
		const end = epochOfBeijing(p.end_modified);
		const rows = trades.filter((t) => t.modified >= start && t.modified <= end).sort((a, b) => b.modified - a.modified);
		const size = Number(p.page_size);
		const page = rows.slice((Number(p.page_no) - 1) * size, Number(p.page_no) * size);
		return topOk(p.method, { total_results: rows.length, trades: { trade: page.map(render) } });
	});
}

let top: FakeTop | undefined;
let now = T0;
beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
	now = T0;
	jest.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => {
	jest.restoreAllMocks();
	top?.done();
	top = undefined;
	nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

function poller(staticData: IDataObject, parameters: Record<string, unknown> = {}, mode: 'trigger' | 'manual' = 'trigger') {
	const context = fakePollContext({
		parameters: { event: 'new', output: 'normalized', options: {}, ...parameters },
		credentials,
		staticData,
		mode,
		httpRequest: fetchHttpRequest,
	});
	return () => new TaobaoTrigger().poll.call(context);
}

const ids = (result: INodeExecutionData[][] | null) => (result ? result[0].map((i) => i.json.channelOrderId) : null);

describe('Taobao Trigger', () => {
	it('is a polling trigger with two outputs and no tool flag', () => {
		const { description } = new TaobaoTrigger();
		expect(description).toMatchObject({ name: 'taobaoTrigger', polling: true, inputs: [], outputNames: ['Orders', 'Unnormalized'] });
		expect(description.usableAsTool).toBeUndefined();
	});

	it('starts from now on first activation, then emits each new order once, costing one call per quiet poll', async () => {
		const trades: ShopTrade[] = [{ tid: '1001', created: T0 - 60 * MINUTE, modified: T0 - 60 * MINUTE, status: 'WAIT_SELLER_SEND_GOODS' }];
		top = shop(trades);
		const data: IDataObject = {};
		const poll = poller(data);

		expect(await poll()).toBeNull();
		expect(top.calls).toHaveLength(0);
		expect(data.watermark).toBe('2024-05-01T10:00:00.000+08:00');

		trades.push({ tid: '1002', created: T0 + 30_000, modified: T0 + 30_000, status: 'WAIT_BUYER_PAY' });
		now = T0 + MINUTE;
		expect(ids(await poll())).toEqual(['1002']);
		expect(top.calls.map((c) => [c.method, c.start_modified, c.end_modified])).toEqual([
			['taobao.trades.sold.increment.get', '2024-05-01 09:58:00', '2024-05-01 10:01:00'],
		]);

		now = T0 + 2 * MINUTE;
		top.calls.length = 0;
		expect(await poll()).toBeNull();
		expect(top.calls).toHaveLength(1);
		expect(data.watermark).toBe('2024-05-01T10:02:00.000+08:00');
	});

	it('tells new from updated orders and remembers what the overlap re-reads', async () => {
		const trades: ShopTrade[] = [];
		top = shop(trades);
		const newOnly: IDataObject = {};
		const everything: IDataObject = {};
		const updatedOnly: IDataObject = {};
		const pollers = [poller(newOnly), poller(everything, { event: 'all' }), poller(updatedOnly, { event: 'updated' })];
		for (const poll of pollers) await poll();

		trades.push({ tid: '2001', created: T0 + 10_000, modified: T0 + 10_000, status: 'WAIT_BUYER_PAY' });
		trades.push({ tid: '2000', created: T0 - 24 * 60 * MINUTE, modified: T0 + 20_000, status: 'WAIT_BUYER_CONFIRM_GOODS' });
		now = T0 + MINUTE;
		expect(await Promise.all(pollers.map((p) => p().then(ids)))).toEqual([['2001'], ['2001', '2000'], ['2000']]);

		// 2001 gets paid; it is an update now, and the unchanged 2000 in the overlap is not repeated.
		trades[0].modified = T0 + 90_000;
		trades[0].status = 'WAIT_SELLER_SEND_GOODS';
		now = T0 + 2 * MINUTE;
		expect(await Promise.all(pollers.map((p) => p().then(ids)))).toEqual([null, ['2001'], ['2001']]);
	});

	it('returns the latest orders in manual mode without moving the watermark', async () => {
		top = shop([
			{ tid: '3001', created: T0 - 3 * MINUTE, modified: T0 - 3 * MINUTE, status: 'WAIT_BUYER_PAY' },
			{ tid: '3002', created: T0 - 2 * MINUTE, modified: T0 - 2 * MINUTE, status: 'WAIT_BUYER_PAY' },
			{ tid: '3003', created: T0 - MINUTE, modified: T0 - MINUTE, status: 'WAIT_BUYER_PAY' },
		]);
		const data: IDataObject = { watermark: '2024-05-01T09:00:00.000+08:00' };
		const result = await poller(data, { options: { sampleSize: 2 } }, 'manual')();
		expect(ids(result)).toEqual(['3003', '3002']);
		expect(top.calls).toEqual([expect.objectContaining({ method: 'taobao.trades.sold.get', page_size: '2' })]);
		expect(data).toEqual({ watermark: '2024-05-01T09:00:00.000+08:00' });
	});

	it('on a failing page emits nothing, keeps the watermark, and delivers every order once when it clears', async () => {
		const trades: ShopTrade[] = Array.from({ length: 150 }, (_, i) => ({
			tid: String(4000 + i),
			created: T0 + i * 100,
			modified: T0 + i * 100,
			status: 'WAIT_SELLER_SEND_GOODS',
		}));
		let failing = true;
		top = shop(trades, (p) => (failing && p.page_no === '2' ? topError(15, 'Remote service error', 'isv.permission-denied') : undefined));
		const data: IDataObject = { watermark: '2024-05-01T10:00:00.000+08:00', seen: {} };
		const poll = poller(data);
		now = T0 + MINUTE;
		const error = await poll().catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/taobao shop shop-1: taobao\.trades\.sold\.increment\.get failed with code 15/);
		expect(data.watermark).toBe('2024-05-01T10:00:00.000+08:00');

		failing = false;
		now = T0 + 2 * MINUTE;
		const delivered = ids(await poll());
		expect(delivered).toHaveLength(150);
		expect(new Set(delivered).size).toBe(150);
		now = T0 + 3 * MINUTE;
		expect(await poll()).toBeNull();
	});

	it('after a long pause emits the windows read before a failure and continues from there', async () => {
		const DAY = 24 * 60 * MINUTE;
		const trades: ShopTrade[] = [0, 1, 2].map((d) => ({
			tid: String(5000 + d),
			created: T0 + d * DAY + MINUTE,
			modified: T0 + d * DAY + MINUTE,
			status: 'WAIT_SELLER_SEND_GOODS',
		}));
		let failing = true;
		top = shop(trades, (p) => (failing && p.start_modified.startsWith('2024-05-02') ? topError(41, 'Invalid arguments:x') : undefined));
		const data: IDataObject = { watermark: '2024-05-01T10:00:00.000+08:00', seen: {} };
		const poll = poller(data);
		now = T0 + 2 * DAY + 10 * MINUTE;
		expect(ids(await poll())).toEqual(['5000']);
		expect(data.watermark).toBe('2024-05-02T09:58:00.000+08:00');

		failing = false;
		expect(ids(await poll())).toEqual(['5001', '5002']);
		expect(await poll()).toBeNull();
	});

	it('routes trades that cannot be normalized to the Unnormalized output', async () => {
		top = fakeTop((p) =>
			topOk(p.method, {
				total_results: 1,
				trades: { trade: [{ tid: '6001', status: 'WAIT_BUYER_PAY', created: beijing(T0 + 1000), modified: beijing(T0 + 1000), payment: 'x', orders: { order: [] } }] },
			}),
		);
		const data: IDataObject = { watermark: '2024-05-01T10:00:00.000+08:00' };
		now = T0 + MINUTE;
		const result = await poller(data)();
		expect(result?.[0]).toEqual([]);
		expect(result?.[1][0].json).toMatchObject({ channelOrderId: '6001', problems: expect.arrayContaining([expect.objectContaining({ path: '$.payment' })]) });
	});
});
