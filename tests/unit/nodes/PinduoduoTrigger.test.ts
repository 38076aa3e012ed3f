import nock from 'nock';
import { NodeApiError, type IDataObject, type INodeExecutionData } from 'n8n-workflow';
import { PinduoduoTrigger } from '../../../nodes/Pinduoduo/PinduoduoTrigger.node';
import { fakePollContext, fetchHttpRequest } from '../../helpers/n8n';
import { fakePdd, pddError, pddOk, testCredentials, type FakePdd, type PddCall } from '../channels/pinduoduo/fakePdd';
import { sampleOrder } from '../channels/pinduoduo/sampleOrder';

const credentials = {
	pinduoduoApi: {
		environment: 'custom',
		customUrl: testCredentials.url,
		clientId: testCredentials.clientId,
		clientSecret: testCredentials.clientSecret,
		accessToken: testCredentials.accessToken,
		shopId: testCredentials.shopId,
	},
};

const MINUTE = 60_000;
const T0 = Date.parse('2024-05-01T10:00:00+08:00');
const beijing = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

interface ShopOrder {
	sn: string;
	/** When it was placed, if before it was confirmed (paid and grouped). */
	placed?: number;
	/** Confirmed: from here on Pinduoduo lists it. */
	created: number;
	updated: number;
	status: number;
}

/** A tiny Pinduoduo shop: the increment list filters by updated_at (seconds, inclusive), oldest first, with total_count. */
function shop(orders: ShopOrder[], fail?: (call: PddCall) => object | undefined): FakePdd {
	return fakePdd((call) => {
		const failure = fail?.(call);
		if (failure) return failure;
		const [start, end] = call.type === 'pdd.order.list.get' ? [call.start_confirm_at, call.end_confirm_at] : [call.start_updated_at, call.end_updated_at];
		const timeOf = (o: ShopOrder) => Math.floor((call.type === 'pdd.order.list.get' ? o.created : o.updated) / 1000);
		const rows = orders.filter((o) => timeOf(o) >= Number(start) && timeOf(o) <= Number(end)).sort((a, b) => timeOf(a) - timeOf(b));
		const size = Number(call.page_size);
		const page = rows.slice((Number(call.page) - 1) * size, Number(call.page) * size);
		const render = (o: ShopOrder) => sampleOrder({ order_sn: o.sn, order_status: o.status, created_time: beijing(o.placed ?? o.created), confirm_time: beijing(o.created), updated_at: beijing(o.updated) });
		const list = call.type === 'pdd.order.list.get' ? 'order_list' : 'order_sn_list';
		return pddOk(call.type, { total_count: rows.length, has_next: Number(call.page) * size < rows.length, [list]: page.map(render) });
	});
}

let pdd: FakePdd | undefined;
let now = T0;
beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
	now = T0;
	jest.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => {
	jest.restoreAllMocks();
	pdd = undefined;
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
	return () => new PinduoduoTrigger().poll.call(context);
}

const ids = (result: INodeExecutionData[][] | null) => (result ? result[0].map((i) => i.json.channelOrderId) : null);

describe('Pinduoduo Trigger', () => {
	it('is a polling trigger with two outputs and no tool flag', () => {
		const { description } = new PinduoduoTrigger();
		expect(description).toMatchObject({ name: 'pinduoduoTrigger', polling: true, inputs: [], outputNames: ['Orders', 'Unnormalized'] });
		expect(description.credentials).toEqual([{ name: 'pinduoduoApi', required: true }]);
		expect(description.usableAsTool).toBeUndefined();
	});

	it('starts from now, then emits each new order once, one increment call per quiet poll', async () => {
		const orders: ShopOrder[] = [{ sn: '240501-100000001', created: T0 - 60 * MINUTE, updated: T0 - 60 * MINUTE, status: 1 }];
		pdd = shop(orders);
		const data: IDataObject = {};
		const poll = poller(data);
		expect(await poll()).toBeNull();
		expect(pdd.calls).toHaveLength(0);
		expect(data.watermark).toBe('2024-05-01T10:00:00.000+08:00');

		orders.push({ sn: '240501-100000002', created: T0 + 30_000, updated: T0 + 30_000, status: 1 });
		now = T0 + MINUTE;
		expect(ids(await poll())).toEqual(['240501-100000002']);
		expect(pdd.calls.map((c) => [c.type, c.start_updated_at, c.end_updated_at, c.page])).toEqual([
			['pdd.order.number.list.increment.get', String((T0 - 2 * MINUTE) / 1000), String((T0 + MINUTE) / 1000), '1'],
		]);

		now = T0 + 2 * MINUTE;
		pdd.calls.length = 0;
		expect(await poll()).toBeNull();
		expect(pdd.calls).toHaveLength(1);
		expect(data.watermark).toBe('2024-05-01T10:02:00.000+08:00');
	});

	it('tells new from updated orders', async () => {
		const orders: ShopOrder[] = [];
		pdd = shop(orders);
		const pollers = [poller({}), poller({}, { event: 'all' }), poller({}, { event: 'updated' })];
		for (const poll of pollers) await poll();
		orders.push({ sn: '240501-200000001', created: T0 + 10_000, updated: T0 + 10_000, status: 1 });
		orders.push({ sn: '240430-200000000', created: T0 - 24 * 60 * MINUTE, updated: T0 + 20_000, status: 2 });
		// Placed an hour ago, grouped and paid just now: new, because Pinduoduo lists it only from now on.
		orders.push({ sn: '240501-200000002', placed: T0 - 60 * MINUTE, created: T0 + 30_000, updated: T0 + 30_000, status: 1 });
		now = T0 + MINUTE;
		expect(await Promise.all(pollers.map((p) => p().then(ids)))).toEqual([
			['240501-200000001', '240501-200000002'],
			['240501-200000001', '240430-200000000', '240501-200000002'],
			['240430-200000000'],
		]);
	});

	it('a throttled page never moves the watermark past orders not yet emitted; every order comes once when it clears', async () => {
		// 250 orders in the first 30-minute window (three pages), 5 in the next one.
		const orders: ShopOrder[] = Array.from({ length: 255 }, (_, i) => {
			const at = i < 250 ? T0 + 1000 + i * 1000 : T0 + 31 * MINUTE + i * 1000;
			return { sn: `240501-3${String(i).padStart(8, '0')}`, created: at, updated: at, status: 1 };
		});
		let throttling = true;
		pdd = shop(orders, (call) => (throttling && call.page === '2' ? pddError(52101, '调用太频繁，请稍后再试') : undefined));
		const data: IDataObject = { watermark: '2024-05-01T10:00:00.000+08:00', seen: {} };
		const poll = poller(data, { options: { overlapMinutes: 0 } });
		now = T0 + 40 * MINUTE;
		const error = await poll().catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/pinduoduo shop 9001: pdd\.order\.number\.list\.increment\.get failed with code 52101/);
		expect(data.watermark).toBe('2024-05-01T10:00:00.000+08:00');

		throttling = false;
		now = T0 + 41 * MINUTE;
		const delivered = ids(await poll());
		expect(delivered).toHaveLength(255);
		expect(new Set(delivered).size).toBe(255);
		now = T0 + 42 * MINUTE;
		expect(await poll()).toBeNull();
	});

	it('a throttled page in a later window emits the complete windows before it and stops the watermark there', async () => {
		// 5 orders in the first 30-minute window, 250 (three pages) in the second.
		const orders: ShopOrder[] = Array.from({ length: 255 }, (_, i) => {
			const at = i < 5 ? T0 + 1000 + i * 1000 : T0 + 31 * MINUTE + i * 1000;
			return { sn: `240501-5${String(i).padStart(8, '0')}`, created: at, updated: at, status: 1 };
		});
		let throttling = true;
		pdd = shop(orders, (call) => (throttling && call.page === '2' ? pddError(52101, '调用太频繁，请稍后再试') : undefined));
		const data: IDataObject = { watermark: '2024-05-01T10:00:00.000+08:00', seen: {} };
		const poll = poller(data, { options: { overlapMinutes: 0 } });
		now = T0 + 40 * MINUTE;
		expect(ids(await poll())).toEqual(orders.slice(0, 5).map((o) => o.sn));
		expect(data.watermark).toBe('2024-05-01T10:30:00.000+08:00');

		throttling = false;
		now = T0 + 41 * MINUTE;
		const delivered = ids(await poll());
		expect([...(delivered ?? [])].sort()).toEqual(orders.slice(5).map((o) => o.sn).sort());
		expect(data.watermark).toBe('2024-05-01T10:41:00.000+08:00');
	});

	it('returns the latest orders in manual mode without moving the watermark', async () => {
		pdd = shop([
			{ sn: '240501-400000001', created: T0 - 3 * MINUTE, updated: T0 - 3 * MINUTE, status: 1 },
			{ sn: '240501-400000002', created: T0 - 2 * MINUTE, updated: T0 - 2 * MINUTE, status: 1 },
		]);
		const data: IDataObject = { watermark: '2024-05-01T09:00:00.000+08:00' };
		const result = await poller(data, { options: { sampleSize: 1 } }, 'manual')();
		expect(ids(result)).toHaveLength(1);
		expect(pdd.calls[0]).toMatchObject({ type: 'pdd.order.list.get', page_size: '1' });
		expect(data).toEqual({ watermark: '2024-05-01T09:00:00.000+08:00' });
	});
});
