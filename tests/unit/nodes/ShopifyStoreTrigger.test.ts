// The webhook trigger behind a real HTTP server (tests/helpers/webhookServer), and its webhook registration.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';
import { SHOPIFY_API_VERSION } from '../../../lib/channels/shopify/codes';
import { shopifyWebhookHmac } from '../../../lib/channels/shopify/sign';
import { ShopifyStoreTrigger } from '../../../nodes/ShopifyStore/ShopifyStoreTrigger.node';
import { webhookServer } from '../../helpers/webhookServer';

const SECRET = 'hush';
const ADMIN = 'http://shopify-admin.test';
const API = `/admin/api/${SHOPIFY_API_VERSION}`;
const credentials = { environment: 'custom', customUrl: ADMIN, shopDomain: 'tea-house.myshopify.com', accessToken: 'shpat_t', apiSecret: SECRET };
const orderBody = readFileSync(path.resolve(__dirname, '../../fixtures/channels/shopify/order-paid-partial.json'), 'utf8').trim();

let parameters: IDataObject = {};
const triggered: IDataObject[][] = [];
const staticData: IDataObject = {};

const server = webhookServer(() => new ShopifyStoreTrigger(), {
	parameters: () => parameters,
	credentials: () => credentials,
	staticData: () => staticData,
	onRun: (outputs) => triggered.push(outputs[0]),
});
const { hookContext } = server;

beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect('127.0.0.1');
});
afterAll(() => {
	nock.enableNetConnect();
});
beforeEach(() => {
	parameters = { topics: ['orders/create', 'orders/updated'], output: 'normalized', options: {} };
	triggered.length = 0;
});
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});

async function deliver(body: string, headers: Record<string, string>) {
	const res = await fetch(server.url(), {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': 'tea-house.myshopify.com', 'x-shopify-webhook-id': 'w-1', ...headers },
		body,
	});
	return { status: res.status, text: await res.text() };
}

describe('Shopify (Unified Orders) Trigger over HTTP', () => {
	it('starts the workflow with a normalized order, ids exact, for a correctly signed delivery', async () => {
		const answer = await deliver(orderBody, { 'x-shopify-hmac-sha256': shopifyWebhookHmac(orderBody, SECRET) });
		expect(answer.status).toBe(200);
		expect(triggered).toHaveLength(1);
		expect(triggered[0][0]).toMatchObject({
			channel: 'shopify',
			channelOrderId: '5840193846123456789',
			currency: 'CNY',
			_webhook: { topic: 'orders/create', shopDomain: 'tea-house.myshopify.com', webhookId: 'w-1' },
		});
		expect((triggered[0][0].lines as IDataObject[])[0].lineId).toBe('13012345678901234567');
	});

	it('gives the raw body when asked', async () => {
		parameters.output = 'raw';
		await deliver(orderBody, { 'x-shopify-hmac-sha256': shopifyWebhookHmac(orderBody, SECRET) });
		expect(triggered[0][0]).toMatchObject({ id: '5840193846123456789', financial_status: 'partially_refunded' });
	});

	it('refuses a forged signature with 401 and triggers nothing', async () => {
		const answer = await deliver(orderBody, { 'x-shopify-hmac-sha256': shopifyWebhookHmac(orderBody, 'not-the-secret') });
		expect(answer.status).toBe(401);
		expect(triggered).toEqual([]);
	});

	it('refuses a tampered body (signature of the original) with 401 and triggers nothing', async () => {
		const signature = shopifyWebhookHmac(orderBody, SECRET);
		const answer = await deliver(orderBody.replace('"208.50"', '"1.00"'), { 'x-shopify-hmac-sha256': signature });
		expect(answer.status).toBe(401);
		expect(triggered).toEqual([]);
	});

	it('refuses a delivery without a signature', async () => {
		expect((await deliver(orderBody, {})).status).toBe(401);
		expect(triggered).toEqual([]);
	});

	it('answers but does not trigger for a topic it was not asked for', async () => {
		const answer = await deliver(orderBody, { 'x-shopify-hmac-sha256': shopifyWebhookHmac(orderBody, SECRET), 'x-shopify-topic': 'orders/paid' });
		expect(answer.status).toBe(200);
		expect(triggered).toEqual([]);
	});
});

describe('Shopify (Unified Orders) Trigger webhook registration', () => {
	const admin = () => nock(ADMIN, { reqheaders: { 'x-shopify-access-token': 'shpat_t' } });

	it('checkExists finds its webhooks and stores their ids; false when one topic is missing', async () => {
		const url = server.url();
		admin()
			.get(`${API}/webhooks.json`)
			.reply(200, { webhooks: [{ id: 1, topic: 'orders/create', address: url }, { id: 2, topic: 'orders/updated', address: url }, { id: 3, topic: 'orders/create', address: 'https://elsewhere' }] })
			.get(`${API}/webhooks.json`)
			.reply(200, { webhooks: [{ id: 1, topic: 'orders/create', address: url }] });
		const node = new ShopifyStoreTrigger();
		expect(await node.webhookMethods.default.checkExists.call(hookContext())).toBe(true);
		expect(staticData.webhookIds).toEqual({ 'orders/create': '1', 'orders/updated': '2' });
		expect(await node.webhookMethods.default.checkExists.call(hookContext())).toBe(false);
	});

	it('create registers each missing topic and delete removes them by the stored ids', async () => {
		const url = server.url();
		admin()
			.get(`${API}/webhooks.json`)
			.reply(200, { webhooks: [{ id: 1, topic: 'orders/create', address: url }] })
			.post(`${API}/webhooks.json`, { webhook: { topic: 'orders/updated', address: url, format: 'json' } })
			.reply(201, { webhook: { id: 7, topic: 'orders/updated', address: url } })
			.delete(`${API}/webhooks/1.json`)
			.reply(200, {})
			.delete(`${API}/webhooks/7.json`)
			.reply(404, { errors: 'Not Found' });
		const node = new ShopifyStoreTrigger();
		expect(await node.webhookMethods.default.create.call(hookContext())).toBe(true);
		expect(staticData.webhookIds).toEqual({ 'orders/create': '1', 'orders/updated': '7' });
		expect(await node.webhookMethods.default.delete.call(hookContext())).toBe(true);
		expect(staticData.webhookIds).toBeUndefined();
	});
});
