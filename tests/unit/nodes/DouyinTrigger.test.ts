import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';
import { DouyinTrigger } from '../../../nodes/Douyin/DouyinTrigger.node';
import { DOUYIN_ERROR_CODE } from '../../../lib/channels/douyin/codes';
import { isoFromMillis } from '../../../lib/model';
import { fakePollContext, fetchHttpRequest } from '../../helpers/n8n';

const HOST = 'http://douyin-trigger.test';
const credentials = { douyinApi: { environment: 'custom', customUrl: HOST, appKey: 'app-1', appSecret: 's', shopId: '4463798', accessToken: 'T' } };
const shopOrder = () => JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures/channels/douyin/shop-order.json'), 'utf8').replace(/: (\d{19})/g, ': "$1"'));
type Body = Record<string, unknown>;
const ok = (data: unknown) => ({ code: 10000, msg: 'success', sub_code: '', sub_msg: '', log_id: 'L', data });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

function poll(staticData: IDataObject, parameters: Record<string, unknown> = { event: 'all', output: 'normalized', options: {} }, mode: 'trigger' | 'manual' = 'trigger') {
	const context = fakePollContext({ parameters, credentials, staticData, httpRequest: fetchHttpRequest, mode });
	return new DouyinTrigger().poll.call(context);
}

/** One order changed a minute ago (inside the next poll's overlap), created an hour ago. */
function changedOrder() {
	const order = shopOrder();
	const now = Math.floor(Date.now() / 1000);
	order.create_time = now - 3600;
	order.update_time = now - 60;
	return order;
}

describe('Douyin Shop Trigger', () => {
	it('first activation starts from now without calling Douyin', async () => {
		const staticData: IDataObject = {};
		await expect(poll(staticData)).resolves.toBeNull();
		expect(typeof staticData.watermark).toBe('string');
	});

	it('delivers a changed order once from the update-time list alone (one call per poll); polling again inside the overlap repeats nothing', async () => {
		const staticData: IDataObject = { watermark: isoFromMillis(Date.now() - 20 * 60_000), seen: {} };
		const order = changedOrder();
		const lists: Body[] = [];
		nock(HOST)
			.post('/order/searchList')
			.query(true)
			.twice()
			.reply(200, (_uri, b) => {
				lists.push((typeof b === 'string' ? JSON.parse(b) : b) as Body);
				return ok({ page: 0, size: 100, total: 1, shop_order_list: [order] });
			});
		const first = await poll(staticData);
		expect(first?.[0].map((i) => i.json)).toMatchObject([{ channelOrderId: '6920000000000000001', channel: 'douyin' }]);
		expect(lists[0]).toMatchObject({ order_by: 'update_time', page: 0 });
		await expect(poll(staticData)).resolves.toBeNull();
		expect(lists).toHaveLength(2);
	});

	it('Fetch Test Event shows the latest orders by creation time', async () => {
		nock(HOST)
			.post('/order/searchList', (b: Body) => b.order_by === 'create_time' && b.size === 3)
			.query(true)
			.reply(200, ok({ page: 0, size: 3, total: 1, shop_order_list: [shopOrder()] }));
		const out = await poll({}, { event: 'new', output: 'raw', options: {} }, 'manual');
		expect(out?.[0].map((i) => i.json)).toMatchObject([{ order_id: '6920000000000000001' }]);
	});

	it('a throttled list stops the poll with the Douyin code and leaves the watermark', async () => {
		const watermark = isoFromMillis(Date.now() - 10 * 60_000);
		const staticData: IDataObject = { watermark, seen: {} };
		nock(HOST).post('/order/searchList').query(true).times(5).reply(200, { code: DOUYIN_ERROR_CODE.throttled, msg: '调用频率超限', sub_code: 'isp.frequency-limit', log_id: 'L' });
		await expect(poll(staticData)).rejects.toThrow(String(DOUYIN_ERROR_CODE.throttled));
		expect(staticData.watermark).toBe(watermark);
	}, 120_000);
});
