// The Shopify polling trigger against the in-process emulator: nothing before activation, orders placed
// after it once each, a quiet poll costs one list call, a fulfillment shows up as an update, and the manual
// sample leaves the watermark alone.
import type { IDataObject } from 'n8n-workflow';
import { validateOrder } from '../../../../lib/model';
import { ShopifyStorePollTrigger } from '../../../../nodes/ShopifyStore/ShopifyStorePollTrigger.node';
import { shopifyProvider } from '../../../../sandbox/providers/shopify';
import { SHOPIFY_SHOPS } from '../../../../sandbox/providers/shopify/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { fakePollContext, fetchHttpRequest } from '../../../helpers/n8n';

const [SHOP] = SHOPIFY_SHOPS;
let sandbox: Sandbox;
let calls: string[] = [];

beforeAll(async () => {
	sandbox = await startSandbox({ orders: 100, seed: 'shopify-poll', factories: [shopifyProvider] });
});
afterAll(() => sandbox.close());
beforeEach(() => {
	jest.spyOn(Date, 'now').mockImplementation(() => sandbox.world.clock.now());
	calls = [];
});
afterEach(() => jest.restoreAllMocks());

const credentials = () => ({
	shopifyUnifiedApi: { environment: 'custom', customUrl: `${sandbox.url}/shopify`, shopDomain: SHOP.domain, accessToken: SHOP.token, apiSecret: SHOP.apiSecret },
});

async function countedRequest(options: IDataObject) {
	calls.push(`${String(options.method ?? 'GET')} ${new URL(String(options.url)).pathname.replace(/^.*\/admin\/api\/[^/]+/, '')}`);
	return await fetchHttpRequest(options);
}

function trigger(staticData: IDataObject, event: string, mode: 'trigger' | 'manual' = 'trigger') {
	const context = fakePollContext({ parameters: { event, output: 'normalized', options: {} }, credentials: credentials(), staticData, httpRequest: countedRequest, mode });
	return async () => await new ShopifyStorePollTrigger().poll.call(context);
}

async function admin(method: string, path: string, body?: unknown) {
	const res = await fetch(`${sandbox.url}/_admin${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (res.status >= 400) throw new Error(`admin ${method} ${path} -> ${res.status} ${text}`);
	return JSON.parse(text);
}

const advance = (ms: number) => admin('POST', '/clock', { advanceMs: ms });

test('new and updated orders once each, one call when quiet, sample without moving the watermark', async () => {
	const newOrders: IDataObject = {};
	const changes: IDataObject = {};
	const pollNew = trigger(newOrders, 'new');
	const pollChanges = trigger(changes, 'all');
	expect(await pollNew()).toBeNull();
	expect(await pollChanges()).toBeNull();
	expect(calls).toEqual([]);

	await advance(30_000);
	const created = await admin('POST', '/orders', { channel: 'shopify', shopId: SHOP.domain, count: 3, status: 'paid' });
	const ids = created.orders.map((o: IDataObject) => o.channelOrderId).sort();
	await advance(60_000);

	const [fresh, unnormalized] = (await pollNew()) ?? [[], []];
	expect(unnormalized).toEqual([]);
	expect(fresh.map((i) => i.json.channelOrderId).sort()).toEqual(ids);
	for (const item of fresh) expect(validateOrder(item.json)).toEqual([]);
	expect(fresh[0].json).toMatchObject({ channel: 'shopify', shopId: SHOP.domain, status: 'paid' });
	expect(((await pollChanges()) ?? [[]])[0]).toHaveLength(3);

	calls = [];
	await advance(60_000);
	expect(await pollNew()).toBeNull();
	expect(calls).toEqual(['GET /orders.json']);

	await admin('POST', `/orders/${ids[0]}/shipments`, { carrier: 'sf', trackingNo: 'SF1400000000009' });
	await advance(60_000);
	expect(await pollNew()).toBeNull();
	const updates = ((await pollChanges()) ?? [[]])[0].map((i) => i.json);
	expect(updates.map((o) => o.channelOrderId)).toEqual([ids[0]]);
	expect(updates[0]).toMatchObject({ status: 'shipped' });

	const watermark = changes.watermark;
	const sample = trigger(changes, 'all', 'manual');
	const [shown] = (await sample()) ?? [[]];
	expect(shown).toHaveLength(3);
	expect(changes.watermark).toBe(watermark);
});
