import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';
import { XiaohongshuTrigger } from '../../../nodes/Xiaohongshu/XiaohongshuTrigger.node';
import { isoFromMillis } from '../../../lib/model';
import { fakePollContext, fetchHttpRequest } from '../../helpers/n8n';

const HOST = 'http://xhs-trigger.test';
const PATH = '/gw';
const credentials = { xiaohongshuApi: { environment: 'custom', customUrl: HOST + PATH, appId: 'app-1', appSecret: 's', accessToken: 'T', sellerId: 'seller-1' } };
const detail = () => JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures/channels/xiaohongshu/order-detail.json'), 'utf8'));
type Body = Record<string, unknown>;
const ok = (data: unknown) => ({ success: true, error_code: 0, error_msg: '', data });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

function poll(staticData: IDataObject, parameters: Record<string, unknown> = { event: 'all', output: 'normalized', options: {} }, mode: 'trigger' | 'manual' = 'trigger') {
	const context = fakePollContext({ parameters, credentials, staticData, httpRequest: fetchHttpRequest, mode });
	return new XiaohongshuTrigger().poll.call(context);
}

/** One order changed a minute ago (inside the next poll's overlap), created an hour ago. */
function changedOrder() {
	const body = detail();
	const now = Date.now();
	body.data.createdTime = now - 3_600_000;
	body.data.updateTime = now - 60_000;
	return body;
}

describe('Xiaohongshu Trigger', () => {
	it('first activation starts from now without calling XHS', async () => {
		const staticData: IDataObject = {};
		await expect(poll(staticData)).resolves.toBeNull();
		expect(typeof staticData.watermark).toBe('string');
	});

	it('delivers a changed order once through 30 min update-time windows; polling again inside the overlap repeats nothing and reads no detail', async () => {
		const staticData: IDataObject = { watermark: isoFromMillis(Date.now() - 20 * 60_000), seen: {} };
		const order = changedOrder();
		const lists: Body[] = [];
		nock(HOST)
			.post(PATH, (b: Body) => b.method === 'order.getOrderList')
			.twice()
			.reply(200, (_uri, b) => {
				lists.push(b as Body);
				const { orderId, createdTime, updateTime } = order.data;
				return ok({ total: 1, pageNo: 1, pageSize: 100, maxPageNo: 1, orderList: [{ orderId, createdTime, updateTime }] });
			});
		// One detail read: the second poll sees the same snapshot in its summary and reads no detail.
		nock(HOST).post(PATH, (b: Body) => b.method === 'order.getOrderDetail').once().reply(200, order);
		const first = await poll(staticData);
		expect(first?.[0].map((i) => i.json)).toMatchObject([{ channelOrderId: 'P712345678901234567', channel: 'xiaohongshu' }]);
		expect(lists[0]).toMatchObject({ timeType: 2, pageNo: 1 });
		expect(Number(lists[0].endTime) - Number(lists[0].startTime)).toBeLessThanOrEqual(1800);
		// The same snapshot again inside the overlap is not delivered twice.
		await expect(poll(staticData)).resolves.toBeNull();
	});

	it('Fetch Test Event shows the latest orders by creation time', async () => {
		nock(HOST).post(PATH, (b: Body) => b.method === 'order.getOrderList' && b.timeType === 1).reply(200, ok({ total: 1, pageNo: 1, pageSize: 3, maxPageNo: 1, orderList: [{ orderId: 'P712345678901234567' }] }));
		nock(HOST).post(PATH, (b: Body) => b.method === 'order.getOrderDetail').reply(200, detail());
		const out = await poll({}, { event: 'new', output: 'raw', options: {} }, 'manual');
		expect(out?.[0].map((i) => i.json)).toMatchObject([{ orderId: 'P712345678901234567' }]);
	});

	it('an expired token stops the poll with the XHS code in the message and leaves the watermark', async () => {
		const watermark = isoFromMillis(Date.now() - 10 * 60_000);
		const staticData: IDataObject = { watermark, seen: {} };
		nock(HOST).post(PATH).reply(200, { success: false, error_code: -1001, error_msg: 'accessToken已过期' });
		await expect(poll(staticData)).rejects.toThrow(/-1001/);
		expect(staticData.watermark).toBe(watermark);
	});
});
