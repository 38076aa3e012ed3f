// Stock Sync in Execute mode against the eight in-process channel emulators: every planned push lands in its
// emulator's recorded stock writes with the planned quantity, WooCommerce and Douyin listings go through
// their batch methods (fewer calls than listings), and a second run pushes nothing.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { cachedStore, storeConfigFromCredential } from '../../../nodes/shared/store';
import { StockSync } from '../../../nodes/StockSync/StockSync.node';
import { douyinProvider } from '../../../sandbox/providers/douyin';
import { DOUYIN_DEFAULTS } from '../../../sandbox/providers/douyin/models';
import { jdProvider } from '../../../sandbox/providers/jd';
import { JD_DEFAULTS } from '../../../sandbox/providers/jd/models';
import { pinduoduoProvider } from '../../../sandbox/providers/pinduoduo';
import { PDD_DEFAULTS } from '../../../sandbox/providers/pinduoduo/models';
import { shopifyProvider } from '../../../sandbox/providers/shopify';
import { SHOPIFY_SHOPS } from '../../../sandbox/providers/shopify/models';
import { inventoryItemIdOf } from '../../../sandbox/providers/shopify/render';
import { taobaoProvider } from '../../../sandbox/providers/taobao';
import { TAOBAO_DEFAULTS } from '../../../sandbox/providers/taobao/models';
import { wechatProvider } from '../../../sandbox/providers/wechat';
import { WECHAT_DEFAULTS } from '../../../sandbox/providers/wechat/models';
import { woocommerceProvider } from '../../../sandbox/providers/woocommerce';
import { WOO_SITES } from '../../../sandbox/providers/woocommerce/models';
import { xhsProvider } from '../../../sandbox/providers/xhs';
import { XHS_DEFAULTS, XHS_GATEWAY_PATH } from '../../../sandbox/providers/xhs/models';
import type { Sandbox } from '../../../sandbox/server';
import type { CatalogItem } from '../../../sandbox/truth/catalog';
import { fakeExecuteContext, fetchHttpRequest } from '../../helpers/n8n';
import { admin } from '../channels/taobao/taobaoSandbox';
import { sandboxWithStore } from './storeSandbox';

const TAOBAO = TAOBAO_DEFAULTS.shops[0];
const JD = JD_DEFAULTS.shops[0];
const PDD = PDD_DEFAULTS.shops[0];
const SHOPIFY = SHOPIFY_SHOPS[0];
const WOO = WOO_SITES[0];
const CHANNELS = ['taobao', 'jd', 'wechat_shop', 'xiaohongshu', 'douyin', 'pinduoduo', 'shopify', 'woocommerce'];
/** Channel -> the emulator's provider name (as its write records name it) and shop; catalogs are kept per channel. */
const EMULATED: Record<string, { provider: string; shopId: string }> = {
	taobao: { provider: 'taobao', shopId: TAOBAO.shopId },
	jd: { provider: 'jd', shopId: JD.shopId },
	wechat_shop: { provider: 'wechat', shopId: WECHAT_DEFAULTS.shop.shopId },
	xiaohongshu: { provider: 'xhs', shopId: XHS_DEFAULTS.shop.shopId },
	douyin: { provider: 'douyin', shopId: DOUYIN_DEFAULTS.shop.shopId },
	pinduoduo: { provider: 'pinduoduo', shopId: PDD.shopId },
	shopify: { provider: 'shopify', shopId: SHOPIFY.domain },
	woocommerce: { provider: 'woocommerce', shopId: WOO.host },
};

let sandbox: Sandbox;
const calls: string[] = [];
const { orderStoreApi } = sandboxWithStore(
	{
		orders: 20,
		seed: 'stock-sync-all',
		factories: [taobaoProvider, jdProvider, wechatProvider, xhsProvider, douyinProvider, pinduoduoProvider, shopifyProvider, woocommerceProvider],
	},
	'uo-sync-all-',
	(started) => (sandbox = started),
);

const credentials = () => ({
	orderStoreApi: orderStoreApi(),
	taobaoApi: {
		environment: 'custom',
		customUrl: `${sandbox.url}/taobao/router/rest`,
		appKey: TAOBAO_DEFAULTS.app.appKey,
		appSecret: TAOBAO_DEFAULTS.app.secret,
		accessToken: TAOBAO.session,
		shopId: TAOBAO.shopId,
		signMethod: 'hmac',
	},
	jdApi: { environment: 'custom', customUrl: `${sandbox.url}/jd/routerjson`, appKey: JD_DEFAULTS.app.appKey, appSecret: JD_DEFAULTS.app.secret, accessToken: JD.token, shopId: JD.shopId },
	wechatShopApi: { environment: 'custom', customUrl: `${sandbox.url}/wechat`, appId: WECHAT_DEFAULTS.app.appKey, appSecret: WECHAT_DEFAULTS.app.secret, shopId: WECHAT_DEFAULTS.shop.shopId },
	xiaohongshuApi: {
		environment: 'custom',
		customUrl: `${sandbox.url}/xhs${XHS_GATEWAY_PATH}`,
		appId: XHS_DEFAULTS.app.appKey,
		appSecret: XHS_DEFAULTS.app.secret,
		accessToken: XHS_DEFAULTS.token.accessToken,
		sellerId: XHS_DEFAULTS.shop.shopId,
	},
	douyinApi: {
		environment: 'custom',
		customUrl: `${sandbox.url}/douyin`,
		appKey: DOUYIN_DEFAULTS.app.appKey,
		appSecret: DOUYIN_DEFAULTS.app.secret,
		shopId: DOUYIN_DEFAULTS.shop.shopId,
		accessToken: DOUYIN_DEFAULTS.token.accessToken,
	},
	pinduoduoApi: {
		environment: 'custom',
		customUrl: `${sandbox.url}/pinduoduo/api/router`,
		clientId: PDD_DEFAULTS.app.appKey,
		clientSecret: PDD_DEFAULTS.app.secret,
		accessToken: PDD.token,
		shopId: PDD.shopId,
	},
	shopifyUnifiedApi: { environment: 'custom', customUrl: `${sandbox.url}/shopify`, shopDomain: SHOPIFY.domain, accessToken: SHOPIFY.token, apiSecret: SHOPIFY.apiSecret },
	wooCommerceUnifiedApi: {
		environment: 'custom',
		customUrl: `${sandbox.url}/woocommerce`,
		siteUrl: `https://${WOO.host}`,
		consumerKey: WOO.consumerKey,
		consumerSecret: WOO.consumerSecret,
		authMode: 'basic',
	},
});

async function countedRequest(options: IDataObject) {
	const path = new URL(String(options.url)).pathname;
	calls.push(`${String(options.method ?? 'GET')} ${path}`);
	return await fetchHttpRequest(options);
}

async function run(parameters: Record<string, unknown>): Promise<INodeExecutionData[][]> {
	const context = fakeExecuteContext({ parameters, credentials: credentials() as Record<string, IDataObject>, httpRequest: countedRequest });
	return await new StockSync().execute.call(context);
}

interface Listing {
	channel: string;
	channelSkuId: string;
	/** The emulator's own id of what is stocked (SKU, or the item when it has no SKUs). */
	stocked: string;
}

/** Listings of one channel, mapped the way the node's docs tell: a few SKUs of items with SKUs (and, for WooCommerce, simple products too). */
function listingsOf(channel: string): Listing[] {
	const catalog: CatalogItem[] = sandbox.world.truth.catalog(channel, EMULATED[channel].shopId);
	const withSkus = catalog.filter((item) => item.skus.length > 0);
	const skus = withSkus.slice(0, 2).flatMap((item) => item.skus.slice(0, 3).map((sku) => ({ item, sku })));
	const listings = skus.map(({ item, sku }, i): Listing => {
		const id: Record<string, string> = {
			taobao: `${item.itemId}:${sku.skuId}`,
			jd: sku.skuId,
			wechat_shop: `${item.itemId}:${sku.skuId}`,
			xiaohongshu: sku.skuId,
			// All but the first with their product (sku.syncStockBatch per product); the first as a bare SKU id.
			douyin: i === 0 ? sku.skuId : `${item.itemId}:${sku.skuId}`,
			pinduoduo: `${item.itemId}:${sku.skuId}`,
			// Half with their location, half on the node's Shopify Location ID.
			shopify: i % 2 === 0 ? `${inventoryItemIdOf(sku.skuId)}@${SHOPIFY.locationId}` : inventoryItemIdOf(sku.skuId),
			woocommerce: `${item.itemId}:${sku.skuId}`,
		};
		return { channel, channelSkuId: id[channel], stocked: sku.skuId };
	});
	if (channel === 'woocommerce') {
		for (const item of catalog.filter((x) => x.skus.length === 0).slice(0, 3)) listings.push({ channel, channelSkuId: item.itemId, stocked: item.itemId });
	}
	return listings;
}

async function writesOf(channel: string): Promise<string[]> {
	const { provider, shopId } = EMULATED[channel];
	const writes = (await admin(sandbox, 'GET', `/pushed?provider=${provider}&kind=stock`)).writes as Array<{ shopId: string; data: IDataObject }>;
	return writes.filter((w) => w.shopId === shopId).map((w) => `${String(w.data.skuId ?? w.data.itemId ?? w.data.goodsId)}=${String(w.data.after)}`).sort();
}

const syncParams = {
	mode: 'execute',
	channels: CHANNELS,
	shopifyLocationId: SHOPIFY.locationId,
	listingSource: 'store',
	policies: {},
	maxCutPercent: 20,
	dropPercent: 50,
	confirmLargeChanges: false,
};

test('Execute pushes every planned listing of all eight channels into their emulators, batching WooCommerce and Douyin, and a second run pushes nothing', async () => {
	const listings = CHANNELS.flatMap(listingsOf);
	for (const channel of CHANNELS) expect(listings.filter((l) => l.channel === channel).length).toBeGreaterThanOrEqual(3);
	const store = await cachedStore(storeConfigFromCredential(credentials().orderStoreApi as never));
	const master = (i: number) => `M-${String(i).padStart(3, '0')}`;
	await store.upsertWarehouses([{ id: 'main', name: '主仓' }]);
	await store.upsertMasterSkus(listings.map((_, i) => ({ sku: master(i), title: master(i) })));
	await store.setOnHand(listings.map((_, i) => ({ warehouseId: 'main', masterSku: master(i), onHand: 40 + i })));
	await store.upsertMappings(listings.map((l, i) => ({ channel: l.channel, shopId: EMULATED[l.channel].shopId, channelSkuId: l.channelSkuId, masterSku: master(i) })));

	const [planned] = await run({ ...syncParams, mode: 'plan' });
	expect(planned).toHaveLength(listings.length);
	const plan = new Map(planned.map((item) => [`${String(item.json.channel)}|${String(item.json.channelSkuId)}`, item.json.quantity as number]));

	calls.length = 0;
	const [out] = await run(syncParams);
	// Every listing its own call (plus WeChat shop's access token), except WooCommerce and Douyin.
	const single = calls.filter((c) => !c.includes('/woocommerce/') && !c.includes('/douyin/') && !c.includes('token'));
	expect(single).toHaveLength(listings.filter((l) => l.channel !== 'woocommerce' && l.channel !== 'douyin').length);
	// Douyin: one sku.syncStockBatch per product (two products here) and one sku.syncStock for the bare SKU id.
	expect(calls.filter((c) => c.includes('/douyin/')).sort()).toEqual(['POST /douyin/sku/syncStock', 'POST /douyin/sku/syncStockBatch', 'POST /douyin/sku/syncStockBatch']);
	expect(out.filter((item) => item.json.status !== 'pushed').map((item) => item.json)).toEqual([]);
	expect(out).toHaveLength(listings.length);
	for (const channel of CHANNELS) {
		const want = listings.filter((l) => l.channel === channel).map((l) => `${l.stocked}=${String(plan.get(`${channel}|${l.channelSkuId}`))}`).sort();
		expect({ channel, writes: await writesOf(channel) }).toEqual({ channel, writes: want });
	}
	// WooCommerce: one batch call for the variations of each product and one for the simple products.
	const woo = listings.filter((l) => l.channel === 'woocommerce');
	const wooCalls = calls.filter((c) => c.includes('/woocommerce/'));
	expect(wooCalls.every((c) => c.startsWith('POST') && c.endsWith('/batch'))).toBe(true);
	expect(wooCalls.length).toBe(3);
	expect(wooCalls.length).toBeLessThan(woo.length);
	expect((await store.listPushLedger()).every((e) => e.version === 1 && e.ackedVersion === 1)).toBe(true);

	calls.length = 0;
	const [again] = await run(syncParams);
	expect(again).toEqual([]);
	expect(calls.filter((c) => !c.includes('token'))).toEqual([]);
	for (const channel of CHANNELS) expect((await writesOf(channel)).length).toBe(listings.filter((l) => l.channel === channel).length);
}, 120_000);
