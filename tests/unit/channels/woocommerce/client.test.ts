import { isDeepStrictEqual } from 'node:util';
import nock from 'nock';
import { AuthExpiredError, InvalidRequestError, MalformedResponseError, ThrottledError, TransientError, fetchHttpClient } from '../../../../lib/http';
import { createWooClient, listTotal, wooErrorOf } from '../../../../lib/channels/woocommerce/client';
import { wooCredentialsFrom } from '../../../../lib/channels/woocommerce/sign';

const HOST = 'https://shop.example.com';
const API = '/wp-json/wc/v3';
const BASIC = `Basic ${Buffer.from('ck_test:cs_test').toString('base64')}`;
const sleeps: number[] = [];
/** Bodies exactly as sent on the wire (nock would parse them with plain JSON.parse and round big ids). */
const sentBodies: string[] = [];

function testClient(authMode = 'basic') {
	const credentials = wooCredentialsFrom({ siteUrl: 'shop.example.com', consumerKey: 'ck_test', consumerSecret: 'cs_test', authMode });
	return createWooClient({
		credentials,
		http: async (req) => {
			if (typeof req.body === 'string') sentBodies.push(req.body);
			return fetchHttpClient()(req);
		},
		retry: { maxAttempts: 3 },
		retryDeps: { sleep: async (ms) => void sleeps.push(ms), random: () => 0 },
	});
}

const site = () => nock(HOST, { reqheaders: { authorization: BASIC } });
const orderJson = (id: string) => `{"id":${id},"status":"processing","currency":"CNY","total":"1.00","order_key":"k","line_items":[]}`;
const page = (ids: string[]) => `[${ids.map(orderJson).join(',')}]`;

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => {
	sleeps.length = 0;
	sentBodies.length = 0;
});
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});

describe('WooCommerce client: orders', () => {
	it('walks numbered pages of 100 by change time, oldest id first, and stops at X-WP-Total', async () => {
		const ids1 = Array.from({ length: 100 }, (_, i) => String(9007199254740993000 + i).replace(/\d{3}$/, String(100 + i)));
		site()
			.get(`${API}/orders`)
			.query((q) => isDeepStrictEqual({ ...q }, { modified_after: '2026-03-01T00:00:00+08:00', modified_before: '2026-03-02T00:00:00+08:00', orderby: 'id', order: 'asc', status: 'processing', page: '1', per_page: '100' }))
			.reply(200, page(ids1), { 'x-wp-total': '101', 'x-wp-totalpages': '2' })
			.get(`${API}/orders`)
			.query((q) => q.page === '2' && q.per_page === '100')
			.reply(200, page(['9007199254740994123']), { 'x-wp-total': '101', 'x-wp-totalpages': '2' });
		const c = testClient();
		const ids: string[] = [];
		for await (const o of c.listOrders({ by: 'modified', from: '2026-03-01T00:00:00+08:00', to: '2026-03-02T00:00:00+08:00', status: 'processing' })) ids.push(String(o.id));
		expect(ids).toHaveLength(101);
		expect(ids[100]).toBe('9007199254740994123');
		expect(c.stats).toEqual({ requests: 2, byMethod: { 'GET /orders': 2 } });
	});

	it('walks again when the list moved under it (an order seen twice) and hands each order out once', async () => {
		site()
			.get(`${API}/orders`)
			.query((q) => q.page === '1')
			.reply(200, page(['1', '2']), { 'x-wp-total': '4' })
			.get(`${API}/orders`)
			.query((q) => q.page === '2')
			.reply(200, page(['2', '3']), { 'x-wp-total': '4' })
			.get(`${API}/orders`)
			.query((q) => q.page === '1')
			.reply(200, page(['1', '2']), { 'x-wp-total': '4' })
			.get(`${API}/orders`)
			.query((q) => q.page === '2')
			.reply(200, page(['3', '4']), { 'x-wp-total': '4' });
		const c = testClient();
		const ids: string[] = [];
		for await (const o of c.listOrders({ by: 'modified', from: '2026-03-01T00:00:00+08:00', pageSize: 2 })) ids.push(String(o.id));
		expect(ids).toEqual(['1', '2', '3', '4']);
		expect(c.stats.requests).toBe(4);
	});

	it('filters by creation time with after/before and sends the keys in the query when asked', async () => {
		nock(HOST)
			.get(`${API}/orders`)
			.query({ after: '2026-03-01T00:00:00+08:00', orderby: 'id', order: 'asc', page: 1, per_page: 5, consumer_key: 'ck_test', consumer_secret: 'cs_test' })
			.reply(200, '[]', { 'x-wp-total': '0', 'x-wp-totalpages': '0' });
		const orders = [];
		for await (const o of testClient('query').listOrders({ by: 'created', from: '2026-03-01T00:00:00+08:00', pageSize: 5 })) orders.push(o);
		expect(orders).toEqual([]);
	});

	it('gets one order with its big id exact', async () => {
		site().get(`${API}/orders/9007199254740993123`).reply(200, orderJson('9007199254740993123'));
		expect(String((await testClient().getOrder('#9007199254740993123')).id)).toBe('9007199254740993123');
		await expect(testClient().getOrder('abc')).rejects.toBeInstanceOf(InvalidRequestError);
	});

	it('ships with a customer note and then marks the order completed', async () => {
		site()
			.post(`${API}/orders/42/notes`, { note: 'Shipped with 顺丰速运, tracking number SF100 (https://t.example/SF100)', customer_note: true })
			.reply(201, { id: 9, note: 'x', customer_note: true })
			.put(`${API}/orders/42`, { status: 'completed' })
			.reply(200, { id: 42, status: 'completed' });
		const result = await testClient().ship({ orderId: '42', carrier: ' 顺丰速运 ', trackingNo: 'SF100', trackingUrl: 'https://t.example/SF100', notifyCustomer: true });
		expect(result).toEqual({ note: { id: 9, note: 'x', customer_note: true }, order: { id: 42, status: 'completed' } });
	});

	it('ships through the Shipment Tracking extension, and can leave the status alone', async () => {
		site().post('/wp-json/wc-shipment-tracking/v3/orders/42/shipment-trackings', { tracking_provider: '中通快递', tracking_number: '7500' }).reply(201, { tracking_id: 'a1' });
		const result = await testClient().ship({ orderId: '42', carrier: '中通快递', trackingNo: '7500', tracking: 'shipmentTracking', complete: false });
		expect(result).toEqual({ tracking: { tracking_id: 'a1' } });
		await expect(testClient().ship({ orderId: '42', carrier: '', trackingNo: '1' })).rejects.toBeInstanceOf(InvalidRequestError);
	});

	it('adds a private note', async () => {
		site().post(`${API}/orders/42/notes`, { note: '客户要求改地址', customer_note: false }).reply(201, { id: 10 });
		expect(await testClient().addOrderNote('42', ' 客户要求改地址 ')).toEqual({ id: 10 });
	});
});

describe('WooCommerce client: stock and SKUs', () => {
	it('sets one product with PUT and one variation with PUT', async () => {
		site()
			.put(`${API}/products/501`, { manage_stock: true, stock_quantity: 8 })
			.reply(200, { id: 501, stock_quantity: 8 })
			.put(`${API}/products/600/variations/601`, { manage_stock: true, stock_quantity: 3 })
			.reply(200, { id: 601, stock_quantity: 3 });
		const results = await testClient().setStock([
			{ productId: '501', quantity: 8 },
			{ productId: '600', variationId: '601', quantity: 3 },
		]);
		expect(results).toEqual([
			{ productId: '501', quantity: 8, ok: true, stockQuantity: 8 },
			{ productId: '600', variationId: '601', quantity: 3, ok: true, stockQuantity: 3 },
		]);
	});

	it('batches several updates (ids as JSON numbers) and reports a failed entry of a batch', async () => {
		site()
			.post(`${API}/products/batch`)
			.reply(200, { update: [{ id: 501, stock_quantity: 1 }, { id: 502, error: { code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.', data: { status: 400 } } }] })
			.post(`${API}/products/600/variations/batch`)
			.reply(200, { update: [{ id: 601, stock_quantity: 4 }, { id: 602, stock_quantity: 5 }] });
		const results = await testClient().setStock([
			{ productId: '501', quantity: 1 },
			{ productId: '502', quantity: 2 },
			{ productId: '600', variationId: '601', quantity: 4 },
			{ productId: '600', variationId: '602', quantity: 5 },
		]);
		expect(sentBodies).toEqual([
			'{"update":[{"id":501,"manage_stock":true,"stock_quantity":1},{"id":502,"manage_stock":true,"stock_quantity":2}]}',
			'{"update":[{"id":601,"manage_stock":true,"stock_quantity":4},{"id":602,"manage_stock":true,"stock_quantity":5}]}',
		]);
		expect(results.map((r) => [r.ok, r.error ?? r.stockQuantity])).toEqual([
			[true, 1],
			[false, 'woocommerce_rest_product_invalid_id: Invalid ID.'],
			[true, 4],
			[true, 5],
		]);
	});

	it('refuses a fractional quantity before calling', async () => {
		await expect(testClient().setStock([{ productId: '1', quantity: 1.5 }])).rejects.toBeInstanceOf(InvalidRequestError);
	});

	it('lists simple products and every variation of variable ones with their SKUs', async () => {
		site()
			.get(`${API}/products`)
			.query({ orderby: 'id', order: 'asc', page: 1, per_page: 100 })
			.reply(200, [{ id: 501, name: '保温杯', type: 'simple', sku: 'BW-500', manage_stock: true, stock_quantity: 9 }, { id: 600, name: 'T恤', type: 'variable', sku: 'TS' }], { 'x-wp-total': '2' })
			.get(`${API}/products/600/variations`)
			.query({ orderby: 'id', order: 'asc', page: 1, per_page: 100 })
			.reply(200, [{ id: 601, sku: 'TS-W-M', manage_stock: true, stock_quantity: 4, attributes: [{ name: '颜色', option: '白色' }, { name: '尺码', option: 'M' }] }], { 'x-wp-total': '1' });
		const skus = [];
		for await (const { raw: _raw, ...sku } of testClient().listSkus()) skus.push(sku);
		expect(skus).toEqual([
			{ productId: '501', variationId: undefined, sku: 'BW-500', name: '保温杯', type: 'simple', stockQuantity: 9, manageStock: true },
			{ productId: '600', variationId: '601', sku: 'TS-W-M', name: 'T恤 - 白色 - M', type: 'variable', stockQuantity: 4, manageStock: true },
		]);
	});
});

describe('WooCommerce client: refunds, webhooks, connection', () => {
	it('lists and gets refunds', async () => {
		site()
			.get(`${API}/orders/42/refunds`)
			.query({ page: 1, per_page: 100 })
			.reply(200, [{ id: 90, amount: '5.00' }], { 'x-wp-total': '1' })
			.get(`${API}/orders/42/refunds/90`)
			.reply(200, { id: 90, amount: '5.00' });
		const c = testClient();
		expect(await c.listRefunds('42')).toEqual([{ id: 90, amount: '5.00' }]);
		expect(await c.getRefund('42', '90')).toEqual({ id: 90, amount: '5.00' });
	});

	it('lists, creates and force-deletes webhooks', async () => {
		site()
			.get(`${API}/webhooks`)
			.query({ page: 1, per_page: 100 })
			.reply(200, [{ id: 31, topic: 'order.created', delivery_url: 'https://n8n.example/webhook', status: 'active' }], { 'x-wp-total': '1' })
			.post(`${API}/webhooks`, { name: 'hook', topic: 'order.updated', delivery_url: 'https://n8n.example/webhook', secret: 's3', status: 'active' })
			.reply(201, { id: 32, topic: 'order.updated', delivery_url: 'https://n8n.example/webhook', status: 'active' })
			.delete(`${API}/webhooks/32`)
			.query({ force: 'true' })
			.reply(200, { id: 32 });
		const c = testClient();
		expect(await c.listWebhooks()).toEqual([{ id: '31', topic: 'order.created', deliveryUrl: 'https://n8n.example/webhook', status: 'active' }]);
		expect(await c.createWebhook('order.updated', 'https://n8n.example/webhook', 's3', 'hook')).toMatchObject({ id: '32', topic: 'order.updated' });
		await c.deleteWebhook('32');
	});

	it('tests the connection with a one-order list', async () => {
		site().get(`${API}/orders`).query({ per_page: 1 }).reply(200, '[]');
		expect(await testClient().testConnection()).toEqual({ ok: true });
	});
});

describe('WooCommerce client: errors', () => {
	it('maps 401 to an auth error that says where to create a key', async () => {
		site().get(`${API}/orders/1`).reply(401, '{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot view this resource.","data":{"status":401}}');
		const err = await testClient().getOrder('1').catch((e: unknown) => e);
		expect(err).toBeInstanceOf(AuthExpiredError);
		expect(err).toMatchObject({ code: 'woocommerce_rest_cannot_view', httpStatus: 401 });
		expect((err as Error).message).toMatch(/woocommerce shop shop.example.com: GET \/orders\/\{id\} for order 1 failed with code woocommerce_rest_cannot_view/);
		expect((err as Error).message).toMatch(/Sorry, you cannot view this resource/);
		expect((err as Error).message).toMatch(/Settings → Advanced → REST API/);
		expect((err as Error).message).toMatch(/Query String/);
	});

	it('maps 403 to auth, 404 and 400 to invalid requests with the message', async () => {
		site().get(`${API}/orders/2`).reply(403, '{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot view this resource.","data":{"status":403}}');
		site().get(`${API}/orders/3`).reply(404, '{"code":"woocommerce_rest_shop_order_invalid_id","message":"Invalid ID.","data":{"status":404}}');
		site().put(`${API}/products/4`).reply(400, '{"code":"rest_invalid_param","message":"Invalid parameter(s): stock_quantity","data":{"status":400,"params":{"stock_quantity":"not an integer"}}}');
		await expect(testClient().getOrder('2')).rejects.toBeInstanceOf(AuthExpiredError);
		const notFound = await testClient().getOrder('3').catch((e: unknown) => e);
		expect(notFound).toBeInstanceOf(InvalidRequestError);
		expect(notFound).toMatchObject({ code: 'woocommerce_rest_shop_order_invalid_id' });
		const bad = await testClient().setStock([{ productId: '4', quantity: 1 }]).catch((e: unknown) => e);
		expect(bad).toBeInstanceOf(InvalidRequestError);
		expect((bad as Error).message).toContain('Invalid parameter(s): stock_quantity');
	});

	it('retries 429 after Retry-After and 5xx with backoff, then gives up with a transient error', async () => {
		site().get(`${API}/orders/5`).reply(429, '{"code":"too_many","message":"slow down","data":{"status":429}}', { 'retry-after': '3' }).get(`${API}/orders/5`).reply(200, orderJson('5'));
		expect(String((await testClient().getOrder('5')).id)).toBe('5');
		expect(sleeps).toEqual([3000]);
		site().get(`${API}/orders/6`).times(3).reply(503, '<html>Service Unavailable</html>');
		const err = await testClient().getOrder('6').catch((e: unknown) => e);
		expect(err).toBeInstanceOf(TransientError);
		expect(err).toMatchObject({ httpStatus: 503 });
		site().get(`${API}/orders/7`).times(3).reply(429, '{}');
		await expect(testClient().getOrder('7')).rejects.toBeInstanceOf(ThrottledError);
	});

	it('treats a non-JSON or wrongly shaped 200 answer as malformed', async () => {
		site().get(`${API}/orders/8`).times(3).reply(200, '<html>maintenance</html>');
		await expect(testClient().getOrder('8')).rejects.toBeInstanceOf(MalformedResponseError);
		site().get(`${API}/orders`).query(true).times(3).reply(200, '{"not":"a list"}');
		await expect(testClient().testConnection()).rejects.toBeInstanceOf(MalformedResponseError);
	});

	it('reads the error envelope and the list total helpers', () => {
		expect(wooErrorOf('{"code":"x","message":"<strong>Error:</strong> bad","data":{"status":400}}')).toEqual({ code: 'x', message: 'Error: bad' });
		expect(wooErrorOf('oops')).toBeUndefined();
		expect(wooErrorOf('[1]')).toBeUndefined();
		expect(listTotal({ 'x-wp-total': '250' }, 1, 100, 100)).toBe(250);
		expect(listTotal({ 'x-wp-totalpages': '3' }, 1, 100, 100)).toBe(300);
		expect(listTotal({}, 2, 100, 40)).toBe(140);
		expect(listTotal({}, 1, 100, 100)).toBe(101);
	});
});
