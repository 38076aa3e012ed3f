import nock from 'nock';
import { AuthExpiredError, InvalidRequestError, MalformedResponseError, PermanentError, ThrottledError, TransientError, fetchHttpClient } from '../../../../lib/http';
import { SHOPIFY_API_VERSION } from '../../../../lib/channels/shopify/codes';
import { createShopifyClient } from '../../../../lib/channels/shopify/client';
import { errorsText, nextPageInfo } from '../../../../lib/channels/shopify/rest';
import { shopifyCredentialsFrom } from '../../../../lib/channels/shopify/sign';

const HOST = 'https://tea-house.myshopify.com';
const API = `/admin/api/${SHOPIFY_API_VERSION}`;
const TOKEN = 'shpat_test';
const sleeps: number[] = [];
/** Bodies exactly as sent on the wire (nock would parse them with plain JSON.parse and round big ids). */
const sentBodies: string[] = [];

function testClient() {
	const credentials = shopifyCredentialsFrom({ shopDomain: 'tea-house.myshopify.com', accessToken: TOKEN, apiSecret: 'hush' });
	return createShopifyClient({
		credentials,
		http: async (req) => {
			if (typeof req.body === 'string') sentBodies.push(req.body);
			return fetchHttpClient()(req);
		},
		retry: { maxAttempts: 3 },
		retryDeps: { sleep: async (ms) => void sleeps.push(ms), random: () => 0 },
	});
}

const shop = () => nock(HOST, { reqheaders: { 'x-shopify-access-token': TOKEN } });
const link = (pageInfo: string) => `<${HOST}${API}/orders.json?limit=250&page_info=${pageInfo}>; rel="next"`;
const orderJson = (id: string) => `{"id":${id},"financial_status":"paid","line_items":[],"total_price":"1.00"}`;

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
	const out: T[] = [];
	for await (const item of iterable) out.push(item);
	return out;
};

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
	sleeps.length = 0;
	sentBodies.length = 0;
});
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('Shopify client: orders', () => {
	it('lists modified orders with status=any, the capped limit, then follows page_info alone', async () => {
		shop()
			.get(`${API}/orders.json`)
			.query({ status: 'any', limit: '250', updated_at_min: '2024-05-01T00:00:00+08:00', updated_at_max: '2024-05-02T00:00:00+08:00' })
			.reply(200, `{"orders":[${orderJson('5840193846123456789')}]}`, { link: link('abc') })
			.get(`${API}/orders.json`)
			.query({ limit: '250', page_info: 'abc' })
			.reply(200, `{"orders":[${orderJson('5840193846123456790')}]}`, {
				link: `<${HOST}${API}/orders.json?limit=250&page_info=zzz>; rel="previous"`,
			});
		const client = testClient();
		const orders = await collect(client.listOrders({ by: 'modified', from: '2024-05-01T00:00:00+08:00', to: '2024-05-02T00:00:00+08:00', pageSize: 1000 }));
		expect(orders.map((o) => o.id)).toEqual(['5840193846123456789', '5840193846123456790']);
		expect(client.stats).toEqual({ requests: 2, byMethod: { 'GET /orders.json': 2 } });
	});

	it('filters by created_at_min for created orders', async () => {
		shop().get(`${API}/orders.json`).query({ status: 'open', limit: '50', created_at_min: '2024-05-01T00:00:00Z' }).reply(200, '{"orders":[]}');
		expect(await collect(testClient().listOrders({ by: 'created', from: '2024-05-01T00:00:00Z', status: 'open', pageSize: 50 }))).toEqual([]);
	});

	it('gets one order, its refunds and its fulfillment orders', async () => {
		shop()
			.get(`${API}/orders/5840193846123456789.json`)
			.reply(200, `{"order":${orderJson('5840193846123456789')}}`)
			.get(`${API}/orders/5840193846123456789/refunds.json`)
			.reply(200, '{"refunds":[{"id":9912345678901234567}]}')
			.get(`${API}/orders/5840193846123456789/fulfillment_orders.json`)
			.reply(200, '{"fulfillment_orders":[{"id":1,"status":"open"}]}');
		const client = testClient();
		expect((await client.getOrder('5840193846123456789')).id).toBe('5840193846123456789');
		expect(await client.listRefunds('5840193846123456789')).toEqual([{ id: '9912345678901234567' }]);
		expect(await client.listFulfillmentOrders('5840193846123456789')).toEqual([{ id: 1, status: 'open' }]);
	});

	it('refuses an order name instead of an id without calling', async () => {
		await expect(testClient().getOrder('#1001')).rejects.toBeInstanceOf(InvalidRequestError);
	});
});

describe('Shopify client: fulfillment, inventory, products, webhooks', () => {
	it('ships every open fulfillment order with tracking, ids as bare numbers', async () => {
		let sent = '';
		shop()
			.get(`${API}/orders/11/fulfillment_orders.json`)
			.reply(200, '{"fulfillment_orders":[{"id":6012345678901234567,"status":"open"},{"id":2,"status":"closed"}]}')
			.post(`${API}/fulfillments.json`, (body) => {
				sent = JSON.stringify(body);
				return true;
			})
			.reply(201, '{"fulfillment":{"id":77,"status":"success"}}');
		const fulfillment = await testClient().ship({ orderId: '11', trackingNo: 'SF1', company: 'SF Express', notifyCustomer: true });
		expect(fulfillment).toEqual({ id: 77, status: 'success' });
		expect(sent).toContain('"tracking_info":{"company":"SF Express","number":"SF1"}');
		expect(sent).toContain('"notify_customer":true');
	});

	it('ships chosen lines grouped by fulfillment order, capped at what is left', async () => {
		shop()
			.get(`${API}/orders/11/fulfillment_orders.json`)
			.reply(200, '{"fulfillment_orders":[{"id":6012345678901234567,"status":"in_progress","line_items":[{"id":31,"line_item_id":13012345678901234567,"fulfillable_quantity":1},{"id":32,"line_item_id":5,"fulfillable_quantity":1}]}]}')
			.post(`${API}/fulfillments.json`)
			.reply(201, '{"fulfillment":{"id":78}}');
		await testClient().ship({ orderId: '11', trackingNo: 'SF2', company: 'SF Express', lines: [{ lineItemId: '13012345678901234567', quantity: 3 }] });
		expect(sentBodies[0]).toContain('"line_items_by_fulfillment_order":[{"fulfillment_order_id":6012345678901234567,"fulfillment_order_line_items":[{"id":31,"quantity":1}]}]');
	});

	it('says so when nothing is left to ship', async () => {
		shop().get(`${API}/orders/11/fulfillment_orders.json`).reply(200, '{"fulfillment_orders":[{"id":2,"status":"closed"}]}');
		await expect(testClient().ship({ orderId: '11', trackingNo: 'SF1', company: 'SF Express' })).rejects.toBeInstanceOf(PermanentError);
	});

	it('sets inventory per location with big ids as numbers', async () => {
		shop().post(`${API}/inventory_levels/set.json`).reply(200, '{"inventory_level":{"available":7}}');
		expect(await testClient().setInventory({ inventoryItemId: '45123456789012345678', locationId: '655441491', available: 7 })).toEqual({ available: 7 });
		expect(sentBodies[0]).toBe('{"location_id":655441491,"inventory_item_id":45123456789012345678,"available":7}');
		await expect(testClient().setInventory({ inventoryItemId: '1', locationId: '2', available: 1.5 })).rejects.toBeInstanceOf(InvalidRequestError);
	});

	it('lists variants with SKU and inventory item across product pages', async () => {
		shop()
			.get(`${API}/products.json`)
			.query({ limit: '250' })
			.reply(200, '{"products":[{"id":8123456789012345678,"title":"Tea","variants":[{"id":44123456789012345678,"sku":"TEA-01","inventory_item_id":45123456789012345678,"title":"250g","inventory_quantity":4}]}]}', { link: link('p2') })
			.get(`${API}/products.json`)
			.query({ limit: '250', page_info: 'p2' })
			.reply(200, '{"products":[{"id":2,"title":"Cup","variants":[{"id":3,"sku":"","inventory_item_id":4}]}]}');
		const variants = await collect(testClient().listVariants());
		expect(variants.map(({ raw: _raw, ...v }) => v)).toEqual([
			{ productId: '8123456789012345678', variantId: '44123456789012345678', sku: 'TEA-01', inventoryItemId: '45123456789012345678', title: 'Tea', variantTitle: '250g', quantity: 4 },
			{ productId: '2', variantId: '3', sku: undefined, inventoryItemId: '4', title: 'Cup', variantTitle: undefined, quantity: undefined },
		]);
	});

	it('lists locations, and lists, creates and deletes webhooks', async () => {
		shop()
			.get(`${API}/locations.json`)
			.reply(200, '{"locations":[{"id":655441491,"name":"Shenzhen","active":true}]}')
			.get(`${API}/webhooks.json`)
			.reply(200, '{"webhooks":[{"id":4759306,"topic":"orders/create","address":"https://n8n/webhook/x"}]}')
			.post(`${API}/webhooks.json`, { webhook: { topic: 'orders/updated', address: 'https://n8n/webhook/y', format: 'json' } })
			.reply(201, '{"webhook":{"id":4759307,"topic":"orders/updated","address":"https://n8n/webhook/y"}}')
			.delete(`${API}/webhooks/4759307.json`)
			.reply(200, '{}');
		const client = testClient();
		expect(await client.listLocations()).toEqual([{ id: '655441491', name: 'Shenzhen', active: true }]);
		expect(await client.listWebhooks()).toEqual([{ id: '4759306', topic: 'orders/create', address: 'https://n8n/webhook/x' }]);
		expect(await client.createWebhook('orders/updated', 'https://n8n/webhook/y')).toEqual({ id: '4759307', topic: 'orders/updated', address: 'https://n8n/webhook/y' });
		await client.deleteWebhook('4759307');
	});

	it('tests the connection with shop.json', async () => {
		shop().get(`${API}/shop.json`).reply(200, '{"shop":{"name":"Tea House","currency":"CNY"}}');
		expect(await testClient().testConnection()).toEqual({ ok: true, name: 'Tea House', currency: 'CNY' });
	});
});

describe('Shopify client: errors', () => {
	it('retries 429 after Retry-After, then succeeds', async () => {
		shop()
			.get(`${API}/shop.json`)
			.reply(429, '{"errors":"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."}', { 'retry-after': '2.0' })
			.get(`${API}/shop.json`)
			.reply(200, '{"shop":{}}');
		await testClient().testConnection();
		expect(sleeps).toEqual([2000]);
	});

	it('gives up on a lasting 429 with a throttled error naming the shop', async () => {
		shop().get(`${API}/shop.json`).times(3).reply(429, '{"errors":"Exceeded"}', { 'retry-after': '1' });
		const err = await testClient().testConnection().catch((e: unknown) => e);
		expect(err).toBeInstanceOf(ThrottledError);
		expect((err as Error).message).toMatch(/shopify shop tea-house.myshopify.com: GET \/shop.json failed with code 429/);
	});

	it.each([401, 403])('maps %s to an auth error with a hint about the token and scopes', async (status) => {
		shop().get(`${API}/orders/1.json`).reply(status, '{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}');
		const err = await testClient().getOrder('1').catch((e: unknown) => e);
		expect(err).toBeInstanceOf(AuthExpiredError);
		expect((err as Error).message).toMatch(/for order 1 .*Invalid API key.*scope/);
	});

	it('maps 404 and 422 to invalid requests with the field errors quoted', async () => {
		shop().get(`${API}/orders/9.json`).reply(404, '{"errors":"Not Found"}');
		shop().post(`${API}/inventory_levels/set.json`).reply(422, '{"errors":{"available":["must be a number"]}}');
		await expect(testClient().getOrder('9')).rejects.toBeInstanceOf(InvalidRequestError);
		const err = await testClient().setInventory({ inventoryItemId: '1', locationId: '2', available: 3 }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(InvalidRequestError);
		expect((err as Error).message).toContain('available: must be a number');
	});

	it('retries 5xx and a malformed body as transient', async () => {
		shop().get(`${API}/shop.json`).reply(503, 'upstream').get(`${API}/shop.json`).reply(200, '<html>').get(`${API}/shop.json`).reply(502, '');
		const err = await testClient().testConnection().catch((e: unknown) => e);
		expect(err).toBeInstanceOf(TransientError);
		shop().get(`${API}/shop.json`).times(3).reply(200, '<html>');
		await expect(testClient().testConnection()).rejects.toBeInstanceOf(MalformedResponseError);
	});

	it('pauses before the next call when the call-limit bucket is nearly full', async () => {
		shop()
			.get(`${API}/shop.json`)
			.reply(200, '{"shop":{}}', { 'x-shopify-shop-api-call-limit': '39/40' })
			.get(`${API}/shop.json`)
			.reply(200, '{"shop":{}}', { 'x-shopify-shop-api-call-limit': '10/40' });
		const client = testClient();
		await client.testConnection();
		await client.testConnection();
		expect(sleeps).toEqual([500]);
	});
});

describe('Shopify REST helpers', () => {
	it('reads the next page_info from a Link header with both directions', () => {
		const header = `<${HOST}${API}/orders.json?page_info=prev1&limit=3>; rel="previous", <${HOST}${API}/orders.json?page_info=next1&limit=3>; rel="next"`;
		expect(nextPageInfo(header)).toBe('next1');
		expect(nextPageInfo(`<${HOST}/x?page_info=p>; rel="previous"`)).toBeUndefined();
		expect(nextPageInfo(undefined)).toBeUndefined();
	});

	it('flattens the errors envelope', () => {
		expect(errorsText('{"errors":{"a":["x","y"],"b":"z"}}')).toBe('a: x, y; b: z');
		expect(errorsText('not json')).toBeUndefined();
	});
});
