// The Shopify and WooCommerce polling triggers against their in-process emulators: nothing before
// activation, orders placed after it once each, a quiet poll costs one list call, a shipment shows up as an
// update, and the manual sample leaves the watermark alone.
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { validateOrder } from '../../../lib/model';
import { ShopifyStorePollTrigger } from '../../../nodes/ShopifyStore/ShopifyStorePollTrigger.node';
import { WooCommercePollTrigger } from '../../../nodes/WooCommerce/WooCommercePollTrigger.node';
import { shopifyProvider } from '../../../sandbox/providers/shopify';
import { SHOPIFY_SHOPS } from '../../../sandbox/providers/shopify/models';
import { woocommerceProvider } from '../../../sandbox/providers/woocommerce';
import { WOO_SITES } from '../../../sandbox/providers/woocommerce/models';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { fakePollContext, fetchHttpRequest } from '../../helpers/n8n';
import { admin } from './kit';

const [SHOP] = SHOPIFY_SHOPS;
const [SITE] = WOO_SITES;

interface Case {
	channel: string;
	shopId: string;
	trigger: { poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> };
	credentials(sandbox: Sandbox): Record<string, IDataObject>;
	/** The list call as "<method> <path>" below the API root. */
	listCall: string;
}

const CASES: Case[] = [
	{
		channel: 'shopify',
		shopId: SHOP.domain,
		trigger: new ShopifyStorePollTrigger(),
		credentials: (sandbox) => ({
			shopifyUnifiedApi: { environment: 'custom', customUrl: `${sandbox.url}/shopify`, shopDomain: SHOP.domain, accessToken: SHOP.token, apiSecret: SHOP.apiSecret },
		}),
		listCall: 'GET /orders.json',
	},
	{
		channel: 'woocommerce',
		shopId: SITE.host,
		trigger: new WooCommercePollTrigger(),
		credentials: (sandbox) => ({
			wooCommerceUnifiedApi: {
				environment: 'custom',
				customUrl: `${sandbox.url}/woocommerce`,
				siteUrl: `https://${SITE.host}`,
				consumerKey: SITE.consumerKey,
				consumerSecret: SITE.consumerSecret,
				authMode: 'basic',
			},
		}),
		listCall: 'GET /orders',
	},
];

let sandbox: Sandbox;
let calls: string[] = [];

beforeAll(async () => {
	sandbox = await startSandbox({ orders: 100, seed: 'own-site-poll', factories: [shopifyProvider, woocommerceProvider] });
});
afterAll(() => sandbox.close());
beforeEach(() => {
	jest.spyOn(Date, 'now').mockImplementation(() => sandbox.world.clock.now());
	calls = [];
});
afterEach(() => jest.restoreAllMocks());

async function countedRequest(options: IDataObject) {
	const path = new URL(String(options.url)).pathname.replace(/^.*\/(admin\/api\/[^/]+|wp-json\/wc\/v3)/, '');
	calls.push(`${String(options.method ?? 'GET')} ${path}`);
	return await fetchHttpRequest(options);
}

const advance = (ms: number) => admin(sandbox, 'POST', '/clock', { advanceMs: ms });

describe.each(CASES)('$channel polling trigger', (c) => {
	function poller(staticData: IDataObject, event: string, mode: 'trigger' | 'manual' = 'trigger') {
		const context = fakePollContext({ parameters: { event, output: 'normalized', options: {} }, credentials: c.credentials(sandbox), staticData, httpRequest: countedRequest, mode });
		return async () => await c.trigger.poll.call(context);
	}

	test('new and updated orders once each, one call when quiet, sample without moving the watermark', async () => {
		const newOrders: IDataObject = {};
		const changes: IDataObject = {};
		const pollNew = poller(newOrders, 'new');
		const pollChanges = poller(changes, 'all');
		expect(await pollNew()).toBeNull();
		expect(await pollChanges()).toBeNull();
		expect(calls).toEqual([]);

		await advance(30_000);
		const created = await admin(sandbox, 'POST', '/orders', { channel: c.channel, shopId: c.shopId, count: 3, status: 'paid' });
		const ids = created.orders.map((o: IDataObject) => o.channelOrderId).sort();
		await advance(60_000);

		const [fresh, unnormalized] = (await pollNew()) ?? [[], []];
		expect(unnormalized).toEqual([]);
		expect(fresh.map((i) => i.json.channelOrderId).sort()).toEqual(ids);
		for (const item of fresh) expect(validateOrder(item.json)).toEqual([]);
		expect(fresh[0].json).toMatchObject({ channel: c.channel, shopId: c.shopId, status: 'paid' });
		expect(((await pollChanges()) ?? [[]])[0]).toHaveLength(3);

		calls = [];
		await advance(60_000);
		expect(await pollNew()).toBeNull();
		expect(calls).toEqual([c.listCall]);

		await admin(sandbox, 'POST', `/orders/${ids[0]}/shipments`, { carrier: 'sf', trackingNo: 'SF1400000000009' });
		await advance(60_000);
		expect(await pollNew()).toBeNull();
		const updates = ((await pollChanges()) ?? [[]])[0].map((i) => i.json);
		expect(updates.map((o) => o.channelOrderId)).toEqual([ids[0]]);
		expect(updates[0].status).not.toBe('paid');

		const watermark = changes.watermark;
		const [shown] = (await poller(changes, 'all', 'manual')()) ?? [[]];
		expect(shown.length).toBeGreaterThan(0);
		expect(changes.watermark).toBe(watermark);
	});
});
