import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import type { IDataObject, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';
import { WooCommerce } from '../../../nodes/WooCommerce/WooCommerce.node';
import { wooCarrierName } from '../../../nodes/WooCommerce/actions/order/ship.operation';
import { WooCommerceUnifiedApi } from '../../../credentials/WooCommerceUnifiedApi.credentials';
import { OrderNormalize } from '../../../nodes/OrderNormalize/OrderNormalize.node';
import { parseJsonLossless } from '../../../lib/json';
import { fakeExecuteContext, fetchHttpRequest } from '../../helpers/n8n';

const BASE = 'http://woo.test';
const API = '/wp-json/wc/v3';
const fixtureText = readFileSync(path.resolve(__dirname, '../../fixtures/channels/woocommerce/order-processing.json'), 'utf8').trim();
const credentials = { wooCommerceUnifiedApi: { environment: 'custom', customUrl: BASE, siteUrl: 'https://shop.example.com', consumerKey: 'ck_n', consumerSecret: 'cs_n', authMode: 'basic' } };
const site = () => nock(BASE, { reqheaders: { authorization: `Basic ${Buffer.from('ck_n:cs_n').toString('base64')}` } });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

async function run(parameters: Record<string, unknown> | ((name: string, i: number) => unknown), options: { items?: IDataObject[]; continueOnFail?: boolean } = {}) {
	const context = fakeExecuteContext({ parameters, items: options.items, continueOnFail: options.continueOnFail, credentials, httpRequest: fetchHttpRequest });
	return await new WooCommerce().execute.call(context);
}
const json = (items: INodeExecutionData[]) => items.map((item) => item.json);

describe('WooCommerce node description and credential', () => {
	const { description } = new WooCommerce();
	it('is an action node with its own credential type, apart from the built-in wooCommerceApi', () => {
		expect(description).toMatchObject({ name: 'wooCommerce', displayName: 'WooCommerce', usableAsTool: true });
		expect(description.credentials).toEqual([{ name: 'wooCommerceUnifiedApi', required: true }]);
		const operations = description.properties.filter((p) => p.name === 'operation').map((p) => (p.options as Array<{ value: string }>).map((o) => o.value));
		expect(operations).toEqual([['addNote', 'get', 'getMany', 'ship'], ['getSkus', 'setStock'], ['get', 'getMany']]);
	});

	it('credential is its own type, signs the test call with Basic or query keys and tests with a one-order list', async () => {
		const credential = new WooCommerceUnifiedApi();
		expect(credential.name).toBe('wooCommerceUnifiedApi');
		expect(credential.name).not.toBe('wooCommerceApi');
		expect(credential.test.request.url).toContain('/wp-json/wc/v3/orders');
		expect(credential.properties.filter((p) => p.typeOptions?.password).map((p) => p.name)).toEqual(['consumerSecret', 'webhookSecret']);
		const authenticate = credential.authenticate as (c: IDataObject, r: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
		const basic = await authenticate({ siteUrl: 'shop.example.com', consumerKey: 'ck', consumerSecret: 'cs' }, { url: '/x', headers: { a: '1' } });
		expect(basic.headers).toEqual({ a: '1', authorization: `Basic ${Buffer.from('ck:cs').toString('base64')}` });
		const query = await authenticate({ siteUrl: 'shop.example.com', consumerKey: 'ck', consumerSecret: 'cs', authMode: 'query' }, { url: '/x', qs: { per_page: 1 } });
		expect(query.qs).toEqual({ per_page: 1, consumer_key: 'ck', consumer_secret: 'cs' });
	});
});

describe('WooCommerce node: orders', () => {
	it('gets one order, normalized and masked, with exact ids', async () => {
		site().get(`${API}/orders/9007199254740993123`).reply(200, fixtureText);
		const [orders, unnormalized] = await run({ resource: 'order', operation: 'get', orderId: '9007199254740993123', output: 'normalized', options: {} });
		expect(json(orders)[0]).toMatchObject({ channel: 'woocommerce', shopId: 'shop.example.com', channelOrderId: '9007199254740993123', status: 'paid', totals: { paid: 23050 } });
		expect((json(orders)[0].receiver as IDataObject).phone).toBe('139****4321');
		expect((json(orders)[0].lines as IDataObject[])[0].lineId).toBe('9007199254740997001');
		expect(orders[0].pairedItem).toEqual({ item: 0 });
		expect(unnormalized).toEqual([]);
	});

	it('shows the full receiver when asked and keeps the raw order in Both mode', async () => {
		site().get(`${API}/orders/1`).reply(200, fixtureText);
		const [orders] = await run({ resource: 'order', operation: 'get', orderId: '1', output: 'both', options: { unmaskedReceiver: true } });
		expect((json(orders)[0].receiver as IDataObject).phone).toBe('13987654321');
		expect((json(orders)[0].raw as IDataObject).order_key).toBe('wc_order_abc123');
	});

	it('gets many orders by change time with a page the size of the limit', async () => {
		site()
			.get(`${API}/orders`)
			.query((q) => q.per_page === '1' && q.page === '1' && q.modified_after === '2026-03-01T00:00:00.000+08:00' && q.modified_before === '2026-03-02T00:00:00.000+08:00' && q.status === undefined)
			.reply(200, `[${fixtureText}]`, { 'x-wp-total': '5', 'x-wp-totalpages': '5' });
		const [orders] = await run({ resource: 'order', operation: 'getMany', timeField: 'modified', from: '2026-03-01T00:00:00+08:00', to: '2026-03-02T00:00:00+08:00', status: 'any', returnAll: false, limit: 1, output: 'raw', options: {} });
		expect(json(orders).map((o) => o.id)).toEqual(['9007199254740993123']);
	});

	it('sends an order that cannot be normalized to the second output', async () => {
		site().get(`${API}/orders/1`).reply(200, '{"id":1,"status":"processing","currency":"CNY","order_key":"k","line_items":[],"total":"x"}');
		const [orders, unnormalized] = await run({ resource: 'order', operation: 'get', orderId: '1', output: 'normalized', options: {} });
		expect(orders).toEqual([]);
		expect(json(unnormalized)[0]).toMatchObject({ channel: 'woocommerce', channelOrderId: '1' });
	});

	it('ships with a note to the customer and completes the order, our carrier id becoming its Chinese name', async () => {
		site()
			.post(`${API}/orders/11/notes`, { note: 'Shipped with 顺丰速运, tracking number SF123', customer_note: true })
			.reply(201, { id: 5, note: 'Shipped with 顺丰速运, tracking number SF123', customer_note: true })
			.put(`${API}/orders/11`, { status: 'completed' })
			.reply(200, { id: 11, status: 'completed' });
		const [out] = await run({ resource: 'order', operation: 'ship', orderId: '11', carrier: 'sf', trackingNumber: 'SF123', trackingUrl: '', tracking: 'note', notifyCustomer: true, complete: true });
		expect(json(out)[0]).toMatchObject({ channel: 'woocommerce', orderId: '11', carrier: '顺丰速运', trackingNumber: 'SF123', shipped: true, status: 'completed' });
		expect(wooCarrierName(' Some Local Courier ')).toBe('Some Local Courier');
	});

	it('adds a private note', async () => {
		site().post(`${API}/orders/11/notes`, { note: '已电话确认地址', customer_note: false }).reply(201, { id: 6, note: '已电话确认地址' });
		const [out] = await run({ resource: 'order', operation: 'addNote', orderId: '11', note: '已电话确认地址', customerNote: false });
		expect(json(out)[0]).toMatchObject({ orderId: '11', id: 6 });
	});

	it('names site, order and code on a 401, with what to do; Continue On Fail gives an error item', async () => {
		site().get(`${API}/orders/11`).times(2).reply(401, '{"code":"woocommerce_rest_authentication_error","message":"Consumer key is invalid.","data":{"status":401}}');
		await expect(run({ resource: 'order', operation: 'get', orderId: '11', output: 'raw', options: {} })).rejects.toThrow(/shop.example.com.*order 11.*woocommerce_rest_authentication_error/);
		const [out] = await run({ resource: 'order', operation: 'get', orderId: '11', output: 'raw', options: {} }, { continueOnFail: true });
		expect(json(out)[0]).toMatchObject({ errorKind: 'auth', channel: 'woocommerce', code: 'woocommerce_rest_authentication_error', orderId: '11' });
	});
});

describe('WooCommerce node: inventory and refunds', () => {
	const stockItems = [
		{ productId: '600', variationId: '601', quantity: 4 },
		{ productId: '501', variationId: '', quantity: 8 },
		{ productId: '600', variationId: '602', quantity: 5 },
	];
	const byItem = (name: string, i: number) => ({ resource: 'inventory', operation: 'setStock', ...stockItems[i] })[name];

	it('sets the stock of every input item in one go (variations of a product batched) and pairs the results', async () => {
		site()
			.put(`${API}/products/501`, { manage_stock: true, stock_quantity: 8 })
			.reply(200, { id: 501, stock_quantity: 8 })
			.post(`${API}/products/600/variations/batch`)
			.reply(200, { update: [{ id: 601, stock_quantity: 4 }, { id: 602, stock_quantity: 5 }] });
		const [out] = await run(byItem, { items: [{}, {}, {}] });
		expect(out.map((o) => [o.json.productId, o.json.variationId, o.json.stockQuantity, o.pairedItem])).toEqual([
			['600', '601', 4, { item: 0 }],
			['501', undefined, 8, { item: 1 }],
			['600', '602', 5, { item: 2 }],
		]);
	});

	it('turns a failed batch entry into an error for that item (or an error item with Continue On Fail)', async () => {
		const reply = { update: [{ id: 601, stock_quantity: 4 }, { id: 602, error: { code: 'woocommerce_rest_product_variation_invalid_id', message: 'Invalid ID.' } }] };
		site().put(`${API}/products/501`).times(2).reply(200, { id: 501, stock_quantity: 8 }).post(`${API}/products/600/variations/batch`).times(2).reply(200, reply);
		await expect(run(byItem, { items: [{}, {}, {}] })).rejects.toThrow(/variation 602.*Invalid ID/);
		const [out] = await run(byItem, { items: [{}, {}, {}], continueOnFail: true });
		expect(out.map((o) => (o.json.error ? 'error' : o.json.stockQuantity))).toEqual([4, 8, 'error']);
		expect(out[2].pairedItem).toEqual({ item: 2 });
	});

	it('lists SKUs for mapping, within the limit', async () => {
		site()
			.get(`${API}/products`)
			.query(true)
			.reply(200, [{ id: 501, name: '保温杯', type: 'simple', sku: 'BW-500', manage_stock: true, stock_quantity: 9 }, { id: 502, name: '杯盖', type: 'simple', sku: 'BW-LID' }], { 'x-wp-total': '2' });
		const [out] = await run({ resource: 'inventory', operation: 'getSkus', returnAll: false, limit: 1 });
		expect(json(out)).toEqual([{ channel: 'woocommerce', shopId: 'shop.example.com', productId: '501', sku: 'BW-500', name: '保温杯', type: 'simple', stockQuantity: 9, manageStock: true }]);
	});

	it('gets the refunds of an order, and one refund', async () => {
		site()
			.get(`${API}/orders/42/refunds`)
			.query(true)
			.reply(200, [{ id: 90, amount: '5.00' }], { 'x-wp-total': '1' })
			.get(`${API}/orders/42/refunds/90`)
			.reply(200, { id: 90, amount: '5.00', reason: '少发' });
		const [many] = await run({ resource: 'refund', operation: 'getMany', orderId: '42' });
		expect(json(many)).toEqual([{ channel: 'woocommerce', shopId: 'shop.example.com', order_id: '42', id: 90, amount: '5.00' }]);
		const [one] = await run({ resource: 'refund', operation: 'get', orderId: '42', refundId: '90' });
		expect(json(one)[0]).toMatchObject({ id: 90, reason: '少发' });
	});
});

describe('Order Normalize with WooCommerce payloads', () => {
	it('lists WooCommerce as a channel and detects its orders', async () => {
		const channel = new OrderNormalize().description.properties.find((p) => p.name === 'channel');
		expect((channel?.options as Array<{ value: string }>).map((o) => o.value)).toContain('woocommerce');
		const context = fakeExecuteContext({
			items: [parseJsonLossless<IDataObject>(fixtureText)],
			parameters: { channel: 'detect', payloadField: '', shopId: 'shop.example.com', options: {} },
		});
		const [normalized, unnormalized] = await new OrderNormalize().execute.call(context);
		expect(unnormalized).toEqual([]);
		expect(json(normalized)[0]).toMatchObject({ channel: 'woocommerce', channelOrderId: '9007199254740993123', currency: 'CNY', status: 'paid' });
	});
});
