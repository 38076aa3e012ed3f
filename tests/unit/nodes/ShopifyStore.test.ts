import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { SHOPIFY_API_VERSION } from '../../../lib/channels/shopify/codes';
import { ShopifyStore } from '../../../nodes/ShopifyStore/ShopifyStore.node';
import { parseLines, shopifyCarrierName } from '../../../nodes/ShopifyStore/actions/order/ship.operation';
import { ShopifyUnifiedApi } from '../../../credentials/ShopifyUnifiedApi.credentials';
import { OrderNormalize } from '../../../nodes/OrderNormalize/OrderNormalize.node';
import { parseJsonLossless } from '../../../lib/json';
import { fakeExecuteContext, fetchHttpRequest } from '../../helpers/n8n';

const BASE = 'http://shopify.test';
const API = `/admin/api/${SHOPIFY_API_VERSION}`;
const fixtureText = readFileSync(path.resolve(__dirname, '../../fixtures/channels/shopify/order-paid-partial.json'), 'utf8');
const credentials = { shopifyUnifiedApi: { environment: 'custom', customUrl: BASE, shopDomain: 'tea-house.myshopify.com', accessToken: 'shpat_n', apiSecret: 'hush' } };
const shop = () => nock(BASE, { reqheaders: { 'x-shopify-access-token': 'shpat_n' } });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

async function run(parameters: Record<string, unknown>, options: { items?: IDataObject[]; continueOnFail?: boolean } = {}) {
	const context = fakeExecuteContext({ parameters, items: options.items, continueOnFail: options.continueOnFail, credentials, httpRequest: fetchHttpRequest });
	return await new ShopifyStore().execute.call(context);
}
const json = (items: INodeExecutionData[]) => items.map((item) => item.json);

describe('Shopify (Unified Orders) node description and credential', () => {
	const { description } = new ShopifyStore();
	it('is an action node with its own type and credential names, apart from the built-in Shopify node', () => {
		expect(description).toMatchObject({ name: 'shopifyStore', displayName: 'Shopify (Unified Orders)', usableAsTool: true });
		expect(description.credentials).toEqual([{ name: 'shopifyUnifiedApi', required: true }]);
		const operations = description.properties.filter((p) => p.name === 'operation').map((p) => (p.options as Array<{ value: string }>).map((o) => o.value));
		expect(operations).toEqual([['get', 'getMany', 'getRefunds', 'ship'], ['getVariants', 'setStock']]);
	});

	it('credential sends the token header and tests with shop.json', () => {
		const credential = new ShopifyUnifiedApi();
		expect(credential.name).toBe('shopifyUnifiedApi');
		expect(credential.authenticate).toEqual({ type: 'generic', properties: { headers: { 'X-Shopify-Access-Token': '={{$credentials.accessToken}}' } } });
		expect(credential.test.request.url).toContain(`/admin/api/${SHOPIFY_API_VERSION}/shop.json`);
		expect(credential.properties.filter((p) => p.typeOptions?.password).map((p) => p.name)).toEqual(['accessToken', 'apiSecret']);
	});
});

describe('Shopify (Unified Orders) node: orders', () => {
	it('gets one order, normalized and masked, with exact ids', async () => {
		shop().get(`${API}/orders/5840193846123456789.json`).reply(200, `{"order":${fixtureText}}`);
		const [orders, unnormalized] = await run({ resource: 'order', operation: 'get', orderId: '5840193846123456789', output: 'normalized', options: {} });
		expect(json(orders)[0]).toMatchObject({ channel: 'shopify', shopId: 'tea-house.myshopify.com', channelOrderId: '5840193846123456789', status: 'partially_shipped', totals: { paid: 20850 } });
		expect((json(orders)[0].receiver as IDataObject).phone).toBe('138****1234');
		expect(orders[0].pairedItem).toEqual({ item: 0 });
		expect(unnormalized).toEqual([]);
	});

	it('gets many orders by change time with a page the size of the limit', async () => {
		shop()
			.get(`${API}/orders.json`)
			.query((q) => q.status === 'any' && q.limit === '1' && q.updated_at_min === '2024-05-01T00:00:00.000+08:00' && q.updated_at_max === '2024-05-02T00:00:00.000+08:00')
			.reply(200, `{"orders":[${fixtureText}]}`, { link: `<${BASE}${API}/orders.json?limit=1&page_info=n2>; rel="next"` });
		const [orders] = await run({ resource: 'order', operation: 'getMany', timeField: 'modified', from: '2024-05-01T00:00:00+08:00', to: '2024-05-02T00:00:00+08:00', status: 'any', returnAll: false, limit: 1, output: 'raw', options: {} });
		expect(json(orders).map((o) => o.id)).toEqual(['5840193846123456789']);
	});

	it('sends an order that cannot be normalized to the second output', async () => {
		shop().get(`${API}/orders/1.json`).reply(200, '{"order":{"id":1,"currency":"CNY","financial_status":"paid","line_items":[],"total_price":"x"}}');
		const [orders, unnormalized] = await run({ resource: 'order', operation: 'get', orderId: '1', output: 'normalized', options: {} });
		expect(orders).toEqual([]);
		expect(json(unnormalized)[0]).toMatchObject({ channel: 'shopify', channelOrderId: '1' });
	});

	it('ships with tracking through the open fulfillment orders, our carrier id becoming Shopify\'s name', async () => {
		shop()
			.get(`${API}/orders/11/fulfillment_orders.json`)
			.reply(200, '{"fulfillment_orders":[{"id":601,"status":"open"}]}')
			.post(`${API}/fulfillments.json`, (b) => b.fulfillment.tracking_info.company === 'SF Express' && b.fulfillment.tracking_info.number === 'SF9')
			.reply(201, '{"fulfillment":{"id":77}}');
		const [out] = await run({ resource: 'order', operation: 'ship', orderId: '11', carrier: 'sf', trackingNumber: 'SF9', trackingUrl: '', notifyCustomer: false, lines: '' });
		expect(json(out)[0]).toMatchObject({ orderId: '11', carrier: 'SF Express', trackingNumber: 'SF9', shipped: true, fulfillment: { id: 77 } });
	});

	it('lists the refunds of an order', async () => {
		shop().get(`${API}/orders/11/refunds.json`).reply(200, '{"refunds":[{"id":9912345678901234567,"note":"size"}]}');
		const [out] = await run({ resource: 'order', operation: 'getRefunds', orderId: '11' });
		expect(json(out)).toEqual([{ id: '9912345678901234567', note: 'size', order_id: '11' }]);
	});

	it('turns a 401 into an error item with Continue On Fail, naming the shop and the hint', async () => {
		shop().get(`${API}/orders/11.json`).reply(401, '{"errors":"[API] Invalid API key or access token"}');
		const [out] = await run({ resource: 'order', operation: 'get', orderId: '11', output: 'raw', options: {} }, { continueOnFail: true });
		expect(String(json(out)[0].error)).toMatch(/tea-house.myshopify.com.*401.*access token/);
	});
});

describe('Shopify (Unified Orders) node: inventory', () => {
	it('sets stock at a location', async () => {
		shop().post(`${API}/inventory_levels/set.json`).reply(200, '{"inventory_level":{"inventory_item_id":45,"location_id":655,"available":3}}');
		const [out] = await run({ resource: 'inventory', operation: 'setStock', inventoryItemId: '45', locationId: '655', available: 3 });
		expect(json(out)[0]).toMatchObject({ inventoryItemId: '45', locationId: '655', available: 3, inventoryLevel: { available: 3 } });
	});

	it('lists variants for SKU mapping, limited', async () => {
		shop().get(`${API}/products.json`).query({ limit: '250' }).reply(200, '{"products":[{"id":1,"title":"Tea","variants":[{"id":2,"sku":"TEA-01","inventory_item_id":3},{"id":4,"sku":"TEA-02","inventory_item_id":5}]}]}');
		const [out] = await run({ resource: 'inventory', operation: 'getVariants', returnAll: false, limit: 1 });
		expect(json(out)).toEqual([{ channel: 'shopify', shopId: 'tea-house.myshopify.com', productId: '1', variantId: '2', sku: 'TEA-01', inventoryItemId: '3', title: 'Tea' }]);
	});
});

describe('Shopify ship helpers', () => {
	it('parses line_item_id:quantity lists and refuses anything else', () => {
		expect(parseLines('13012345678901234567:2, 5')).toEqual([{ lineItemId: '13012345678901234567', quantity: 2 }, { lineItemId: '5', quantity: 1 }]);
		expect(() => parseLines('abc:1')).toThrow(/line_item_id/);
		expect(shopifyCarrierName('zto')).toBe('ZTO Express');
		expect(shopifyCarrierName('DHL Express')).toBe('DHL Express');
	});
});

describe('Order Normalize with Shopify orders', () => {
	it('offers Shopify and detects a webhook body, keeping the ids exact', async () => {
		const channel = new OrderNormalize().description.properties.find((p) => p.name === 'channel');
		expect((channel?.options as Array<{ value: string }>).map((o) => o.value)).toContain('shopify');
		const context = fakeExecuteContext({
			items: [parseJsonLossless<IDataObject>(fixtureText)],
			parameters: { channel: 'detect', payloadField: '', shopId: 'tea-house.myshopify.com', options: {} },
		});
		const [normalized, unnormalized] = await new OrderNormalize().execute.call(context);
		expect(unnormalized).toEqual([]);
		expect(json(normalized)[0]).toMatchObject({ channel: 'shopify', channelOrderId: '5840193846123456789', currency: 'CNY', status: 'partially_shipped' });
	});
});
