import nock from 'nock';
import { NodeApiError, type IDataObject, type INodeExecutionData } from 'n8n-workflow';
import { JdTrigger } from '../../../nodes/Jd/JdTrigger.node';
import { fakePollContext, fetchHttpRequest } from '../../helpers/n8n';
import { fakeJos, josError, josOk, testCredentials, type FakeJos, type JosCall, type JosReply } from '../channels/jd/fakeJos';

const credentials = {
	jdApi: {
		environment: 'custom',
		customUrl: testCredentials.url,
		appKey: testCredentials.appKey,
		appSecret: testCredentials.appSecret,
		accessToken: testCredentials.accessToken,
		shopId: testCredentials.shopId,
	},
};

const MINUTE = 60_000;
const T0 = Date.parse('2024-05-01T10:00:00+08:00');

/** Beijing wall-clock text JD uses, for an epoch ms. */
const beijing = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
const epochOfBeijing = (text: string) => Date.parse(`${text.replace(' ', 'T')}+08:00`);

interface ShopOrder {
	orderId: string;
	created: number;
	modified: number;
	state: string;
}

/** A tiny JD shop: order.search filters by created or modified time (inclusive), sorted by it, with orderTotal. */
function shop(orders: ShopOrder[], fail?: (call: JosCall) => JosReply | undefined): FakeJos {
	return fakeJos((call) => {
		const failure = fail?.(call);
		if (failure) return failure;
		const b = call.business as Record<string, string>;
		const render = (o: ShopOrder) => ({
			orderId: o.orderId,
			venderId: '10139288',
			orderState: o.state,
			orderStartTime: beijing(o.created),
			modified: beijing(o.modified),
			orderTotalPrice: '10.00',
			orderPayment: '10.00',
			itemInfoList: [{ skuId: '1001', skuName: 'T恤', jdPrice: '10.00', itemTotal: '1' }],
		});
		const timeOf = (o: ShopOrder) => (b.dateType === '1' ? o.created : o.modified);
		const start = epochOfBeijing(b.start_date);
		const end = epochOfBeijing(b.end_date);
		const direction = b.sortType === '1' ? -1 : 1;
		const rows = orders.filter((o) => timeOf(o) >= start && timeOf(o) <= end).sort((x, y) => direction * (timeOf(x) - timeOf(y)));
		const size = Number(b.page_size);
		const page = rows.slice((Number(b.page) - 1) * size, Number(b.page) * size);
		return josOk(call.method, { searchorderinfo_result: { apiResult: { success: true }, orderTotal: rows.length, orderInfoList: page.map(render) } });
	});
}

let jos: FakeJos | undefined;
let now = T0;
beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
	now = T0;
	jest.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => {
	jest.restoreAllMocks();
	jos = undefined;
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
	return () => new JdTrigger().poll.call(context);
}

const ids = (result: INodeExecutionData[][] | null) => (result ? result[0].map((i) => i.json.channelOrderId) : null);

describe('JD Trigger', () => {
	it('is a polling trigger with two outputs and no tool flag', () => {
		const { description } = new JdTrigger();
		expect(description).toMatchObject({ name: 'jdTrigger', polling: true, inputs: [], outputNames: ['Orders', 'Unnormalized'] });
		expect(description.credentials).toEqual([{ name: 'jdApi', required: true }]);
		expect(description.usableAsTool).toBeUndefined();
	});

	it('starts from now on first activation, then emits each new order once, costing one call per quiet poll', async () => {
		const orders: ShopOrder[] = [{ orderId: '1001', created: T0 - 60 * MINUTE, modified: T0 - 60 * MINUTE, state: 'WAIT_SELLER_STOCK_OUT' }];
		jos = shop(orders);
		const data: IDataObject = {};
		const poll = poller(data);

		expect(await poll()).toBeNull();
		expect(jos.calls).toHaveLength(0);
		expect(data.watermark).toBe('2024-05-01T10:00:00.000+08:00');

		orders.push({ orderId: '1002', created: T0 + 30_000, modified: T0 + 30_000, state: 'WAIT_SELLER_STOCK_OUT' });
		now = T0 + MINUTE;
		expect(ids(await poll())).toEqual(['1002']);
		expect(jos.calls.map((c) => [c.method, c.business.start_date, c.business.end_date, c.business.dateType])).toEqual([
			['jingdong.pop.order.search', '2024-05-01 09:58:00', '2024-05-01 10:01:00', '0'],
		]);

		now = T0 + 2 * MINUTE;
		jos.calls.length = 0;
		expect(await poll()).toBeNull();
		expect(jos.calls).toHaveLength(1);
		expect(data.watermark).toBe('2024-05-01T10:02:00.000+08:00');
	});

	it('tells new from updated orders and remembers what the overlap re-reads', async () => {
		const orders: ShopOrder[] = [];
		jos = shop(orders);
		const newOnly: IDataObject = {};
		const everything: IDataObject = {};
		const updatedOnly: IDataObject = {};
		const pollers = [poller(newOnly), poller(everything, { event: 'all' }), poller(updatedOnly, { event: 'updated' })];
		for (const poll of pollers) await poll();

		orders.push({ orderId: '2001', created: T0 + 10_000, modified: T0 + 10_000, state: 'WAIT_SELLER_STOCK_OUT' });
		orders.push({ orderId: '2000', created: T0 - 24 * 60 * MINUTE, modified: T0 + 20_000, state: 'WAIT_GOODS_RECEIVE_CONFIRM' });
		now = T0 + MINUTE;
		expect(await Promise.all(pollers.map((p) => p().then(ids)))).toEqual([['2001'], ['2001', '2000'], ['2000']]);

		// 2001 ships: it is an update now, and the unchanged 2000 in the overlap is not repeated.
		orders[0].modified = T0 + 90_000;
		orders[0].state = 'WAIT_GOODS_RECEIVE_CONFIRM';
		now = T0 + 2 * MINUTE;
		expect(await Promise.all(pollers.map((p) => p().then(ids)))).toEqual([null, ['2001'], ['2001']]);
	});

	it('returns the latest orders in manual mode, newest first, without moving the watermark', async () => {
		jos = shop([
			{ orderId: '3001', created: T0 - 3 * MINUTE, modified: T0 - 3 * MINUTE, state: 'WAIT_SELLER_STOCK_OUT' },
			{ orderId: '3002', created: T0 - 2 * MINUTE, modified: T0 - 2 * MINUTE, state: 'WAIT_SELLER_STOCK_OUT' },
			{ orderId: '3003', created: T0 - MINUTE, modified: T0 - MINUTE, state: 'WAIT_SELLER_STOCK_OUT' },
		]);
		const data: IDataObject = { watermark: '2024-05-01T09:00:00.000+08:00' };
		const result = await poller(data, { options: { sampleSize: 2 } }, 'manual')();
		expect(ids(result)).toEqual(['3003', '3002']);
		expect(jos.calls.map((c) => [c.business.dateType, c.business.sortType, c.business.page_size])).toEqual([['1', '1', '2']]);
		expect(data).toEqual({ watermark: '2024-05-01T09:00:00.000+08:00' });
	});

	it('says what to do when manual mode finds no order', async () => {
		jos = shop([]);
		await expect(poller({}, {}, 'manual')()).rejects.toThrow(/No JD orders in the last 30 days/);
	});

	it('on a failing page emits nothing, keeps the watermark, and delivers every order once when it clears', async () => {
		const orders: ShopOrder[] = Array.from({ length: 150 }, (_, i) => ({
			orderId: String(4000 + i),
			created: T0 + i * 100,
			modified: T0 + i * 100,
			state: 'WAIT_SELLER_STOCK_OUT',
		}));
		let failing = true;
		jos = shop(orders, (call) => (failing && call.business.page === '2' ? josError('19', '无效access_token', 'Invalid access_token') : undefined));
		const data: IDataObject = { watermark: '2024-05-01T10:00:00.000+08:00', seen: {} };
		const poll = poller(data);
		now = T0 + MINUTE;
		const error = await poll().catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/jd shop 10139288: jingdong\.pop\.order\.search failed with code 19 .*re-authorize the shop/);
		expect(data.watermark).toBe('2024-05-01T10:00:00.000+08:00');

		failing = false;
		now = T0 + 2 * MINUTE;
		const delivered = ids(await poll());
		expect(delivered).toHaveLength(150);
		expect(new Set(delivered).size).toBe(150);
		now = T0 + 3 * MINUTE;
		expect(await poll()).toBeNull();
	});

	it('routes orders that cannot be normalized to the Unnormalized output', async () => {
		jos = fakeJos((call) =>
			josOk(call.method, {
				searchorderinfo_result: {
					orderTotal: 1,
					orderInfoList: [{ orderId: '6001', venderId: '1', orderState: 'WAIT_SELLER_STOCK_OUT', orderStartTime: beijing(T0 + 1000), modified: beijing(T0 + 1000), orderPayment: 'x', itemInfoList: [] }],
				},
			}),
		);
		const data: IDataObject = { watermark: '2024-05-01T10:00:00.000+08:00' };
		now = T0 + MINUTE;
		const result = await poller(data)();
		expect(result?.[0]).toEqual([]);
		expect(result?.[1][0].json).toMatchObject({ channelOrderId: '6001', problems: expect.arrayContaining([expect.objectContaining({ path: '$.orderPayment' })]) });
	});
});
