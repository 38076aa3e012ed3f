// The webhook trigger behind a real HTTP server (tests/helpers/webhookServer), and its webhook registration.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';
import { wooWebhookSignature } from '../../../lib/channels/woocommerce/sign';
import { WooCommerceTrigger } from '../../../nodes/WooCommerce/WooCommerceTrigger.node';
import { webhookServer } from '../../helpers/webhookServer';

const SECRET = 'hush';
const ADMIN = 'http://woo-admin.test';
const API = '/wp-json/wc/v3';
let credentials: IDataObject = {};
const orderBody = readFileSync(path.resolve(__dirname, '../../fixtures/channels/woocommerce/order-processing.json'), 'utf8').trim();

let parameters: IDataObject = {};
const triggered: IDataObject[][] = [];
let staticData: IDataObject = {};
/** Hands the request over without its raw bytes, as n8n may for form posts. */
let dropRawBody = false;

const server = webhookServer(() => new WooCommerceTrigger(), {
	parameters: () => parameters,
	credentials: () => credentials,
	staticData: () => staticData,
	body: (req) => {
		const text = req.rawBody.toString('utf8');
		const parsed = String(req.headers['content-type']).includes('form') ? Object.fromEntries(new URLSearchParams(text)) : text ? JSON.parse(text) : {};
		if (dropRawBody) (req as { rawBody?: Buffer }).rawBody = undefined;
		return parsed;
	},
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
	credentials = { environment: 'custom', customUrl: ADMIN, siteUrl: 'https://shop.example.com', consumerKey: 'ck_t', consumerSecret: 'cs_t', webhookSecret: SECRET };
	parameters = { topics: ['order.created', 'order.updated'], output: 'normalized', options: {} };
	triggered.length = 0;
	staticData = {};
	dropRawBody = false;
});
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});

async function deliver(body: string, headers: Record<string, string>, contentType = 'application/json') {
	const res = await fetch(server.url(), {
		method: 'POST',
		headers: { 'content-type': contentType, 'x-wc-webhook-topic': 'order.created', 'x-wc-webhook-source': 'https://shop.example.com/', 'x-wc-webhook-id': '31', 'x-wc-webhook-delivery-id': 'd-1', ...headers },
		body,
	});
	return { status: res.status, text: await res.text() };
}

describe('WooCommerce Trigger over HTTP', () => {
	it('starts the workflow with a normalized, masked order, ids exact, for a correctly signed delivery', async () => {
		const answer = await deliver(orderBody, { 'x-wc-webhook-signature': wooWebhookSignature(orderBody, SECRET) });
		expect(answer.status).toBe(200);
		expect(triggered).toHaveLength(1);
		expect(triggered[0][0]).toMatchObject({
			channel: 'woocommerce',
			shopId: 'shop.example.com',
			channelOrderId: '9007199254740993123',
			_webhook: { topic: 'order.created', source: 'https://shop.example.com/', webhookId: '31', deliveryId: 'd-1' },
		});
		expect((triggered[0][0].lines as IDataObject[])[0].lineId).toBe('9007199254740997001');
		expect((triggered[0][0].receiver as IDataObject).phone).toBe('139****4321');
	});

	it('gives the raw body when asked', async () => {
		parameters.output = 'raw';
		await deliver(orderBody, { 'x-wc-webhook-signature': wooWebhookSignature(orderBody, SECRET) });
		expect(triggered[0][0]).toMatchObject({ id: '9007199254740993123', status: 'processing' });
	});

	it('answers the unsigned creation ping with 200 and triggers nothing', async () => {
		const answer = await deliver('webhook_id=31', {}, 'application/x-www-form-urlencoded');
		expect(answer.status).toBe(200);
		expect(triggered).toEqual([]);
	});

	it('answers the ping also when only the parsed form body is there, and still refuses such a JSON delivery', async () => {
		dropRawBody = true;
		expect((await deliver('webhook_id=31', {}, 'application/x-www-form-urlencoded')).status).toBe(200);
		expect((await deliver(orderBody, { 'x-wc-webhook-signature': wooWebhookSignature(orderBody, SECRET) })).status).toBe(401);
		expect(triggered).toEqual([]);
	});

	it('refuses a forged signature with 401 and triggers nothing', async () => {
		const answer = await deliver(orderBody, { 'x-wc-webhook-signature': wooWebhookSignature(orderBody, 'not-the-secret') });
		expect(answer.status).toBe(401);
		expect(triggered).toEqual([]);
	});

	it('refuses a tampered body (signature of the original) with 401 and triggers nothing', async () => {
		const signature = wooWebhookSignature(orderBody, SECRET);
		const answer = await deliver(orderBody.replace('"230.50"', '"1.00"'), { 'x-wc-webhook-signature': signature });
		expect(answer.status).toBe(401);
		expect(triggered).toEqual([]);
	});

	it('refuses an unsigned JSON delivery, and a signed ping-looking body is checked like any delivery', async () => {
		expect((await deliver(orderBody, {})).status).toBe(401);
		expect((await deliver('webhook_id=31', { 'x-wc-webhook-signature': 'forged' }, 'application/x-www-form-urlencoded')).status).toBe(401);
		expect(triggered).toEqual([]);
	});

	it('verifies with the secret it created its webhooks with when the credential has none', async () => {
		delete credentials.webhookSecret;
		staticData.secret = 'generated-secret';
		expect((await deliver(orderBody, { 'x-wc-webhook-signature': wooWebhookSignature(orderBody, SECRET) })).status).toBe(401);
		expect((await deliver(orderBody, { 'x-wc-webhook-signature': wooWebhookSignature(orderBody, 'generated-secret') })).status).toBe(200);
		expect(triggered).toHaveLength(1);
	});

	it('answers but does not trigger for a topic it was not asked for', async () => {
		const answer = await deliver(orderBody, { 'x-wc-webhook-signature': wooWebhookSignature(orderBody, SECRET), 'x-wc-webhook-topic': 'order.deleted' });
		expect(answer.status).toBe(200);
		expect(triggered).toEqual([]);
	});
});

describe('WooCommerce Trigger webhook registration', () => {
	const admin = () => nock(ADMIN, { reqheaders: { authorization: `Basic ${Buffer.from('ck_t:cs_t').toString('base64')}` } });
	const hook = (id: number, topic: string, url: string, status = 'active') => ({ id, topic, delivery_url: url, status });

	it('checkExists finds its active webhooks and stores their ids; false when one topic is missing', async () => {
		const url = server.url();
		admin()
			.get(`${API}/webhooks`)
			.query(true)
			.reply(200, [hook(1, 'order.created', url), hook(2, 'order.updated', url), hook(3, 'order.created', 'https://elsewhere')], { 'x-wp-total': '3' })
			.get(`${API}/webhooks`)
			.query(true)
			.reply(200, [hook(1, 'order.created', url), hook(2, 'order.updated', url, 'disabled')], { 'x-wp-total': '2' });
		const node = new WooCommerceTrigger();
		expect(await node.webhookMethods.default.checkExists.call(hookContext())).toBe(true);
		expect(staticData.webhookIds).toEqual({ 'order.created': '1', 'order.updated': '2' });
		expect(await node.webhookMethods.default.checkExists.call(hookContext())).toBe(false);
	});

	it('without any known secret, checkExists says no and create makes new webhooks with a secret of its own', async () => {
		delete credentials.webhookSecret;
		const url = server.url();
		const secrets: string[] = [];
		admin()
			.get(`${API}/webhooks`)
			.query(true)
			.reply(200, [hook(1, 'order.created', url)], { 'x-wp-total': '1' })
			.post(`${API}/webhooks`, (body: IDataObject) => body.topic === 'order.created' && body.delivery_url === url && secrets.push(String(body.secret)) > 0)
			.reply(201, hook(8, 'order.created', url))
			.post(`${API}/webhooks`, (body: IDataObject) => body.topic === 'order.updated' && secrets.push(String(body.secret)) > 0)
			.reply(201, hook(9, 'order.updated', url));
		const node = new WooCommerceTrigger();
		expect(await node.webhookMethods.default.checkExists.call(hookContext())).toBe(false);
		expect(await node.webhookMethods.default.create.call(hookContext())).toBe(true);
		expect(staticData.webhookIds).toEqual({ 'order.created': '8', 'order.updated': '9' });
		expect(secrets[0].length).toBeGreaterThanOrEqual(24);
		expect(secrets[1]).toBe(secrets[0]);
		expect(staticData.secret).toBe(secrets[0]);
	});

	it('create reuses a webhook signed with the credential secret, and delete removes them by the stored ids (404 tolerated)', async () => {
		const url = server.url();
		admin()
			.get(`${API}/webhooks`)
			.query(true)
			.reply(200, [hook(1, 'order.created', url)], { 'x-wp-total': '1' })
			.post(`${API}/webhooks`, { name: 'n8n Unified Orders: order.updated', topic: 'order.updated', delivery_url: url, secret: SECRET, status: 'active' })
			.reply(201, hook(7, 'order.updated', url))
			.delete(`${API}/webhooks/1`)
			.query({ force: 'true' })
			.reply(200, hook(1, 'order.created', url))
			.delete(`${API}/webhooks/7`)
			.query({ force: 'true' })
			.reply(404, { code: 'woocommerce_rest_webhook_invalid_id', message: 'Invalid ID.', data: { status: 404 } });
		const node = new WooCommerceTrigger();
		expect(await node.webhookMethods.default.create.call(hookContext())).toBe(true);
		expect(staticData.webhookIds).toEqual({ 'order.created': '1', 'order.updated': '7' });
		expect(staticData.secret).toBeUndefined();
		expect(await node.webhookMethods.default.delete.call(hookContext())).toBe(true);
		expect(staticData.webhookIds).toBeUndefined();
	});
});
