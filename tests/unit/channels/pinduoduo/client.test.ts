import nock from 'nock';
import { AuthExpiredError, InvalidRequestError, MalformedResponseError, PermanentError, ThrottledError, TransientError } from '../../../../lib/http';
import { PDD_ERROR } from '../../../../lib/channels/pinduoduo/codes';
import { PDD_METHODS } from '../../../../lib/channels/pinduoduo/client';
import { NOW_MS, fakePdd, pddError, pddOk, testClient, type FakePdd } from './fakePdd';

let pdd: FakePdd | undefined;
beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	pdd = undefined;
	nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
	const out: T[] = [];
	for await (const item of iterable) out.push(item);
	return out;
};
const order = (sn: string, updatedAt = '2024-05-02 09:00:00') => ({ order_sn: sn, order_status: 1, updated_at: updatedAt, item_list: [] });
const NOW_S = NOW_MS / 1000;

describe('Pinduoduo client: request core and errors', () => {
	it('sends a signed form POST with the system parameters and reads order_info', async () => {
		pdd = fakePdd(() => pddOk('pdd.order.information.get', { order_info: order('240502-123456789') }));
		const { client } = testClient();
		await expect(client.getOrder('240502-123456789')).resolves.toMatchObject({ order_sn: '240502-123456789' });
		expect(pdd.calls[0]).toMatchObject({
			type: 'pdd.order.information.get',
			client_id: 'client-1',
			access_token: 'token-1',
			timestamp: String(NOW_S),
			data_type: 'JSON',
			order_sn: '240502-123456789',
		});
		expect(client.stats).toEqual({ requests: 1, byMethod: { 'pdd.order.information.get': 1 } });
	});

	it('keeps ids beyond 2^53 exact', async () => {
		pdd = fakePdd(() => ({
			status: 200,
			body: '{"order_info_get_response":{"order_info":{"order_sn":"240502-1","item_list":[{"sku_id":9007199254740993123}]}}}',
		}));
		const { client } = testClient();
		const info = await client.getOrder('240502-123456');
		expect((info.item_list as Array<{ sku_id: unknown }>)[0].sku_id).toBe('9007199254740993123');
	});

	it('refuses an order number that is not an order_sn before calling', async () => {
		pdd = fakePdd(() => ({}));
		const { client } = testClient();
		await expect(client.getOrder('abc')).rejects.toBeInstanceOf(InvalidRequestError);
		expect(pdd.calls).toHaveLength(0);
	});

	it.each([
		['throttled', PDD_ERROR.throttled, ThrottledError, 5],
		['token expired', PDD_ERROR.tokenExpired, AuthExpiredError, 1],
		['no permission', PDD_ERROR.noPermission, PermanentError, 1],
		['IP not whitelisted', PDD_ERROR.ipNotAllowed, PermanentError, 1],
		['bad signature', PDD_ERROR.signature, InvalidRequestError, 1],
		['invalid parameter', PDD_ERROR.invalidParameter, InvalidRequestError, 1],
		['internal error', 51000, TransientError, 5],
		['degraded', 52102, TransientError, 5],
	])('classifies %s (%s) and retries only what is worth retrying', async (_name, code, ErrorClass, attempts) => {
		pdd = fakePdd(() => pddError(code, `error ${code}`));
		const { client } = testClient();
		const error = await client.getOrder('240502-123456789').catch((err: unknown) => err);
		expect(error).toBeInstanceOf(ErrorClass);
		expect(String((error as Error).message)).toContain('pinduoduo');
		expect(String((error as Error).message)).toContain('9001');
		expect(String((error as Error).message)).toContain('pdd.order.information.get');
		expect(String((error as Error).message)).toContain(String(code));
		expect(pdd.calls).toHaveLength(attempts);
	});

	it('recovers from one throttled answer after a backoff', async () => {
		pdd = fakePdd((_c, n) => (n === 1 ? pddError(PDD_ERROR.throttled, '调用太频繁') : pddOk('pdd.order.information.get', { order_info: order('240502-1234567') })));
		const { client, delays } = testClient();
		await expect(client.getOrder('240502-1234567')).resolves.toBeDefined();
		expect(delays).toHaveLength(1);
	});

	it('treats a body without the method root key as malformed', async () => {
		pdd = fakePdd(() => ({ some_other_response: {} }));
		const { client } = testClient({});
		await expect(client.getOrder('240502-1234567')).rejects.toBeInstanceOf(MalformedResponseError);
	});
});

describe('Pinduoduo client: order lists', () => {
	it('splits a modified-time range into 30-minute windows and walks each last page first', async () => {
		const totals = [250, 0];
		pdd = fakePdd((call) => {
			const windowIndex = (Number(call.start_updated_at) - (NOW_S - 3600)) / 1800;
			const total = totals[windowIndex];
			const page = Number(call.page);
			const items = total === 0 ? [] : Array.from({ length: Math.min(100, total - (page - 1) * 100) }, (_, i) => order(`240502-${windowIndex}${page}${String(i).padStart(6, '0')}`));
			return pddOk('pdd.order.number.list.increment.get', { total_count: total, has_next: false, order_sn_list: items });
		});
		const { client } = testClient();
		const from = new Date((NOW_S - 3600) * 1000).toISOString();
		const to = new Date(NOW_S * 1000).toISOString();
		const windows = await collect(client.listOrderWindows({ by: 'modified', from, to }));
		expect(windows.map((w) => w.orders.length)).toEqual([250, 0]);
		expect(pdd.calls.map((c) => [Number(c.end_updated_at) - Number(c.start_updated_at), c.page, c.page_size])).toEqual([
			[1800, '1', '100'],
			[1800, '3', '100'],
			[1800, '2', '100'],
			[1800, '1', '100'],
			[1800, '1', '100'],
		]);
		expect(pdd.calls.every((c) => c.order_status === '5' && c.refund_status === '5')).toBe(true);
	});

	it('yields each order snapshot once when pages overlap (the last page is read first)', async () => {
		pdd = fakePdd((call) =>
			pddOk('pdd.order.number.list.increment.get', {
				total_count: 101,
				order_sn_list: call.page === '2' ? [order('240502-000002')] : [order('240502-000001'), order('240502-000002')],
			}),
		);
		const { client } = testClient();
		const orders = await collect(client.listOrders({ by: 'modified', from: new Date((NOW_S - 600) * 1000).toISOString(), to: new Date(NOW_S * 1000).toISOString() }));
		expect(orders.map((o) => o.order_sn)).toEqual(['240502-000002', '240502-000001']);
		expect(pdd.calls.map((c) => c.page)).toEqual(['1', '2', '1']);
	});

	it('hands an order listed by two windows (stamped on their shared boundary second) out once, but a later change again', async () => {
		pdd = fakePdd((call) => {
			const first = Number(call.start_updated_at) === NOW_S - 3600;
			const listed = first ? [order('240502-000001'), order('240502-000002')] : [order('240502-000002'), order('240502-000001', '2024-05-02 09:40:00')];
			return pddOk('pdd.order.number.list.increment.get', { total_count: listed.length, order_sn_list: listed });
		});
		const { client } = testClient();
		const windows = await collect(client.listOrderWindows({ by: 'modified', from: new Date((NOW_S - 3600) * 1000).toISOString(), to: new Date(NOW_S * 1000).toISOString() }));
		expect(windows.map((w) => w.orders.map((o) => `${String(o.order_sn)}@${String(o.updated_at)}`))).toEqual([
			['240502-000001@2024-05-02 09:00:00', '240502-000002@2024-05-02 09:00:00'],
			['240502-000001@2024-05-02 09:40:00'],
		]);
	});

	it('lists by confirm time in 24-hour windows with use_has_next', async () => {
		pdd = fakePdd((call) => pddOk('pdd.order.list.get', { has_next: call.page === '1', order_list: [order(`240502-00000${call.page}`)] }));
		const { client } = testClient();
		const orders = await collect(client.listOrders({ by: 'created', from: new Date((NOW_S - 86400) * 1000).toISOString(), to: new Date(NOW_S * 1000).toISOString(), status: 1 }));
		expect(orders).toHaveLength(2);
		expect(pdd.calls.map((c) => [c.type, c.page, c.use_has_next, Number(c.end_confirm_at) - Number(c.start_confirm_at), c.order_status])).toEqual([
			['pdd.order.list.get', '1', 'true', 86400, '1'],
			['pdd.order.list.get', '2', 'true', 86400, '1'],
		]);
	});
});

describe('Pinduoduo client: writes, goods, refunds, token', () => {
	it('ships with the logistics id of a known carrier', async () => {
		pdd = fakePdd(() => pddOk('pdd.logistics.online.send', { is_success: true }));
		const { client } = testClient();
		await client.ship({ orderId: '240502-123456789', trackingNo: 'SF123', carrier: 'sf' });
		await client.ship({ orderId: '240502-123456789', trackingNo: 'ZT1', carrier: '中通快递', modify: true });
		await client.ship({ orderId: '240502-123456789', trackingNo: 'X1', carrier: '999' });
		expect(pdd.calls.map((c) => [c.logistics_id, c.tracking_number, c.redelivery_type])).toEqual([
			['44', 'SF123', '1'],
			['115', 'ZT1', '2'],
			['999', 'X1', '1'],
		]);
	});

	it('refuses an unknown carrier clearly, before calling', async () => {
		pdd = fakePdd(() => ({}));
		const { client } = testClient();
		const error = await client.ship({ orderId: '240502-123456789', trackingNo: 'A1', carrier: 'pigeon post' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(InvalidRequestError);
		expect(String((error as Error).message)).toMatch(/no Pinduoduo logistics id known for carrier "pigeon post"/);
		expect(pdd.calls).toHaveLength(0);
		await expect(client.ship({ orderId: '240502-123456789', trackingNo: 'A1', carrier: 'sf', lineIds: ['1'] })).rejects.toBeInstanceOf(InvalidRequestError);
	});

	it('fails when the platform does not confirm a shipment', async () => {
		pdd = fakePdd(() => pddOk('pdd.logistics.online.send', { is_success: false }));
		const { client } = testClient();
		await expect(client.ship({ orderId: '240502-123456789', trackingNo: 'SF1', carrier: 'sf' })).rejects.toBeInstanceOf(PermanentError);
	});

	it('sets the seller note with an optional flag, refusing flags outside 1-5', async () => {
		pdd = fakePdd(() => pddOk('pdd.order.note.update', { success: true }));
		const { client } = testClient();
		await client.updateMemo('240502-123456789', '加急', 1);
		await client.updateMemo('240502-123456789', '已核实');
		expect(pdd.calls.map((c) => [c.type, c.order_sn, c.note, c.tag, c.tag_name])).toEqual([
			['pdd.order.note.update', '240502-123456789', '加急', '1', '红色'],
			['pdd.order.note.update', '240502-123456789', '已核实', undefined, undefined],
		]);
		await expect(client.updateMemo('240502-123456789', 'x', 9)).rejects.toBeInstanceOf(InvalidRequestError);
	});

	it('updates stock by SKU id or outer id, full or delta', async () => {
		pdd = fakePdd(() => pddOk('pdd.goods.quantity.update', { is_success: true }));
		const { client } = testClient();
		await client.updateStock({ itemId: '100', skuId: '200', quantity: 7 });
		await client.updateStock({ itemId: '100', merchantCode: 'CUP-1', quantity: -2, mode: 'delta' });
		expect(pdd.calls.map((c) => [c.goods_id, c.sku_id, c.outer_id, c.quantity, c.update_type])).toEqual([
			['100', '200', undefined, '7', '1'],
			['100', undefined, 'CUP-1', '-2', '2'],
		]);
		await expect(client.updateStock({ itemId: '100', skuId: '200', quantity: -1 })).rejects.toBeInstanceOf(InvalidRequestError);
		await expect(client.updateStock({ itemId: '100', quantity: 1 })).rejects.toBeInstanceOf(InvalidRequestError);
	});

	it('lists SKUs of every goods, prices read in the goods unit (fen)', async () => {
		pdd = fakePdd((call) =>
			pddOk('pdd.goods.list.get', {
				total_count: 101,
				goods_list:
					call.page === '1'
						? [{ goods_id: 1, goods_name: '杯', sku_list: [{ sku_id: 11, outer_id: 'A', sku_quantity: 3, spec: '红', price: 1990 }] }]
						: [{ goods_id: 2, goods_name: '壶', outer_goods_id: 'B', goods_quantity: 5, sku_list: [] }],
			}),
		);
		const { client } = testClient();
		const skus = await collect(client.listSkus());
		expect(skus.map(({ raw: _raw, ...s }) => s)).toEqual([
			{ itemId: '1', title: '杯', skuId: '11', merchantCode: 'A', skuName: '红', quantity: 3, price: '19.90' },
			{ itemId: '2', title: '壶', merchantCode: 'B', quantity: 5 },
		]);
	});

	it('lists refunds in 30-minute windows and gets one by id', async () => {
		pdd = fakePdd((call) =>
			call.type === 'pdd.refund.list.increment.get'
				? pddOk(call.type, { total_count: 1, refund_list: [{ id: 5, order_sn: '240502-1', updated_time: '2024-05-02 09:10:00' }] })
				: pddOk(call.type, { id: 5, order_sn: '240502-123456', after_sales_status: 10 }),
		);
		const { client } = testClient();
		const refunds = await collect(client.listRefunds({ from: new Date((NOW_S - 3600) * 1000).toISOString(), to: new Date(NOW_S * 1000).toISOString() }));
		expect(refunds).toHaveLength(1);
		expect(pdd.calls.slice(0, 2).map((c) => [c.after_sales_status, c.after_sales_type, Number(c.end_updated_at) - Number(c.start_updated_at)])).toEqual([
			['1', '1', 1800],
			['1', '1', 1800],
		]);
		await expect(client.getRefund('5', '240502-123456')).resolves.toMatchObject({ after_sales_status: 10 });
		nock.cleanAll();
		pdd = fakePdd((call) => pddOk(call.type, { refund_info: { id: 6, after_sales_status: 4 } }));
		await expect(client.getRefund('6', '240502-123456')).resolves.toEqual({ id: 6, after_sales_status: 4 });
		expect(pdd.calls.at(-1)).toMatchObject({ type: 'pdd.refund.information.get', after_sales_id: '6', order_sn: '240502-123456' });
	});

	it('refreshes the token without sending the old one', async () => {
		pdd = fakePdd(() => pddOk('pdd.pop.auth.token.refresh', { access_token: 'new', refresh_token: 'r2', expires_in: 86400 }));
		const { client } = testClient();
		await expect(client.refreshAccessToken()).resolves.toMatchObject({ accessToken: 'new', refreshToken: 'r2', expiresInSeconds: 86400 });
		expect(pdd.calls[0]).toMatchObject({ type: 'pdd.pop.auth.token.refresh', refresh_token: 'refresh-1' });
		expect(pdd.calls[0]).not.toHaveProperty('access_token');
	});

	it('tests the connection with one one-row increment call', async () => {
		pdd = fakePdd(() => pddOk('pdd.order.number.list.increment.get', { total_count: 0, order_sn_list: [] }));
		const { client } = testClient();
		await expect(client.testConnection()).resolves.toEqual({ ok: true });
		expect(pdd.calls).toEqual([expect.objectContaining({ type: PDD_METHODS.listOrdersByModified.apiMethod, page_size: '1' })]);
	});
});
