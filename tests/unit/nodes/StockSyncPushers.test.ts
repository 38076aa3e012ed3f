// Stock Sync's pushers for Xiaohongshu, Douyin, Pinduoduo, Shopify and WooCommerce against nock: what each
// sends per listing, the error a listing gets when it lacks the ids its channel needs, and which listings
// share a batch call.
import nock from 'nock';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { XHS_ERROR_CODE } from '../../../lib/channels/xiaohongshu/codes';
import { SHOPIFY_API_VERSION } from '../../../lib/channels/shopify/codes';
import { StockSync } from '../../../nodes/StockSync/StockSync.node';
import { PUSH_CHANNELS, STOCK_PUSHERS, type PushTarget } from '../../../nodes/StockSync/pushers';
import { fakeExecuteContext, fetchHttpRequest } from '../../helpers/n8n';
import { fakePdd, pddError, pddOk, testCredentials as pddCredentials } from '../channels/pinduoduo/fakePdd';

type Body = Record<string, unknown>;
const XHS_HOST = 'http://xhs.test';
const XHS_PATH = '/xhs/ark/open_api/v3/common_controller';
const DOUYIN_HOST = 'http://douyin.test';
const SHOPIFY = 'http://shopify.test';
const SHOPIFY_API = `/admin/api/${SHOPIFY_API_VERSION}`;
const WOO = 'http://woo.test';
const WOO_API = '/wp-json/wc/v3';

const credentials: Record<string, IDataObject> = {
	xiaohongshuApi: { environment: 'custom', customUrl: XHS_HOST + XHS_PATH, appId: 'app-1', appSecret: 's', accessToken: 'T', refreshToken: 'R', sellerId: 'seller-1' },
	douyinApi: { environment: 'custom', customUrl: `${DOUYIN_HOST}/douyin`, appKey: 'app-1', appSecret: 's', shopId: '4463798', accessToken: 'T', refreshToken: 'R' },
	pinduoduoApi: {
		environment: 'custom',
		customUrl: pddCredentials.url,
		clientId: pddCredentials.clientId,
		clientSecret: pddCredentials.clientSecret,
		accessToken: pddCredentials.accessToken,
		shopId: pddCredentials.shopId,
	},
	shopifyUnifiedApi: { environment: 'custom', customUrl: SHOPIFY, shopDomain: 'tea-house.myshopify.com', accessToken: 'shpat_n', apiSecret: 'hush' },
	wooCommerceUnifiedApi: { environment: 'custom', customUrl: WOO, siteUrl: 'https://shop.example.com', consumerKey: 'ck_n', consumerSecret: 'cs_n', authMode: 'basic' },
};

const context = () => fakeExecuteContext({ parameters: {}, credentials, httpRequest: fetchHttpRequest }) as unknown as IExecuteFunctions;
async function push(channel: string, targets: PushTarget[], options: { shopifyLocationId?: string } = {}) {
	const send = await STOCK_PUSHERS[channel].connect(context(), options);
	return (await send(targets)).map((error) => (error ? error.message : 'ok'));
}
const xhs = (method: string, check: (b: Body) => boolean) => nock(XHS_HOST).post(XHS_PATH, (b: Body) => b.method === method && check(b));
const douyin = (method: string, check: (b: Body) => boolean) =>
	nock(DOUYIN_HOST)
		.post(`/douyin/${method.replace('.', '/')}`, (b: Body) => check(typeof b === 'string' ? JSON.parse(b) : b))
		.query((q) => q.method === method);
const shop = () => nock(SHOPIFY, { reqheaders: { 'x-shopify-access-token': 'shpat_n' } });
const woo = () => nock(WOO, { reqheaders: { authorization: `Basic ${Buffer.from('ck_n:cs_n').toString('base64')}` } });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('Stock Sync channels and credentials', () => {
	const { description } = new StockSync();
	it('pushes to all eight sales channels, each credential shown only when its channel is chosen', () => {
		expect(PUSH_CHANNELS).toEqual(['taobao', 'jd', 'wechat_shop', 'xiaohongshu', 'douyin', 'pinduoduo', 'shopify', 'woocommerce']);
		const byChannel = Object.fromEntries(
			(description.credentials ?? []).filter((c) => c.displayOptions).map((c) => [(c.displayOptions?.show?.channels as string[]).join(), c.name]),
		);
		expect(byChannel).toEqual(Object.fromEntries(PUSH_CHANNELS.map((channel) => [channel, STOCK_PUSHERS[channel].credential])));
		const channels = description.properties.find((p) => p.name === 'channels');
		expect((channels?.options as Array<{ value: string }>).map((o) => o.value)).toEqual(PUSH_CHANNELS);
		expect(channels?.default).toEqual(['taobao', 'jd', 'wechat_shop']);
	});
});

describe('Stock Sync pushers', () => {
	it('Xiaohongshu sets each SKU with inventory.syncSkuStock, one call per listing; a refused one fails alone', async () => {
		xhs('inventory.syncSkuStock', (b) => b.skuId === 's1' && b.qty === 5).reply(200, { success: true, error_code: 0, error_msg: '', data: {} });
		xhs('inventory.syncSkuStock', (b) => b.skuId === 's2' && b.qty === 0).reply(200, { success: false, error_code: XHS_ERROR_CODE.invalidParams, error_msg: 'sku not found', data: null });
		xhs('inventory.syncSkuStock', (b) => b.skuId === 's3' && b.qty === 7).reply(200, { success: true, error_code: 0, error_msg: '', data: {} });
		const out = await push('xiaohongshu', [
			{ channelSkuId: 's1', quantity: 5 },
			{ channelSkuId: 's2', quantity: 0 },
			{ channelSkuId: 's3', quantity: 7 },
		]);
		expect(out[0]).toBe('ok');
		expect(out[1]).toMatch(/sku not found/);
		expect(out[2]).toBe('ok');
	});

	it('Douyin sets the SKUs of one product in one sku.syncStockBatch call; a bare SKU id costs one sku.syncStock call', async () => {
		const skus = (b: Body) => (b.sku_sync_list as Body[]).map((u) => `${String(u.sku_id)}=${String(u.stock_num)}`).join();
		douyin('sku.syncStockBatch', (b) => b.product_id === '3' && b.incremental === false && skus(b) === '11=4,13=6').reply(200, { code: 10000, msg: 'success', data: {} });
		douyin('sku.syncStockBatch', (b) => b.product_id === '5' && skus(b) === '51=1').reply(200, { code: 50004, msg: '业务处理失败', sub_code: 'isv.business-failed:not-found', sub_msg: 'sku不存在', data: null });
		douyin('sku.syncStock', (b) => b.sku_id === '12' && b.product_id === undefined && b.stock_num === 0 && b.incremental === false).reply(200, { code: 10000, msg: 'success', data: {} });
		const out = await push('douyin', [
			{ channelSkuId: '11', itemId: '3', quantity: 4 },
			{ channelSkuId: '12', quantity: 0 },
			{ channelSkuId: '51', itemId: '5', quantity: 1 },
			{ channelSkuId: '13', itemId: '3', quantity: 6 },
		]);
		expect([out[0], out[1], out[3]]).toEqual(['ok', 'ok', 'ok']);
		expect(out[2]).toMatch(/sku不存在/);
	});

	it('Pinduoduo sets goods + SKU with pdd.goods.quantity.update; a listing without a goods id fails without a call', async () => {
		const pdd = fakePdd((call) => (call.sku_id === '202' ? pddError(10000, 'sku_id not of this goods') : pddOk('pdd.goods.quantity.update', { is_success: true })));
		const out = await push('pinduoduo', [
			{ channelSkuId: '201', itemId: '100', quantity: 9 },
			{ channelSkuId: '203', quantity: 1 },
			{ channelSkuId: '202', itemId: '100', quantity: 2 },
		]);
		expect(out[0]).toBe('ok');
		expect(out[1]).toBe('Pinduoduo sets stock per goods and SKU, but listing 203 has no goods id: map it as "goodsId:skuId" or feed listings with channelItemId');
		expect(out[2]).toMatch(/sku_id not of this goods/);
		expect(pdd.calls.filter((c) => c.sku_id === '201').map((c) => [c.type, c.goods_id, c.quantity, c.update_type])).toEqual([['pdd.goods.quantity.update', '100', '9', '1']]);
		expect(pdd.calls.some((c) => c.sku_id === '203')).toBe(false);
	});

	it('Shopify sets inventory levels per "inventoryItemId@locationId" or the default location; listings without either fail clearly', async () => {
		shop().post(`${SHOPIFY_API}/inventory_levels/set.json`, { location_id: 655, inventory_item_id: 45, available: 3 }).reply(200, { inventory_level: { available: 3 } });
		shop().post(`${SHOPIFY_API}/inventory_levels/set.json`, { location_id: 700, inventory_item_id: 46, available: 8 }).reply(200, { inventory_level: { available: 8 } });
		const out = await push('shopify', [{ channelSkuId: '45@655', quantity: 3 }, { channelSkuId: '46', quantity: 8 }], { shopifyLocationId: '700' });
		expect(out).toEqual(['ok', 'ok']);

		const refused = await push('shopify', [{ channelSkuId: '47', quantity: 1 }, { channelSkuId: 'gid-9@655', quantity: 1 }]);
		expect(refused[0]).toMatch(/listing 47 names no location: map it as "inventoryItemId@locationId" or set the node's "Shopify Location ID"/);
		expect(refused[1]).toMatch(/listing gid-9@655 has no numeric inventory item id/);
	});

	it('WooCommerce sends 5 listings in 3 calls: a products batch, a variations batch, and one lone variation', async () => {
		const requests: string[] = [];
		woo()
			.post(`${WOO_API}/products/batch`, (b: Body) => {
				requests.push('products/batch');
				return JSON.stringify(b) === JSON.stringify({ update: [{ id: 1, manage_stock: true, stock_quantity: 4 }, { id: 2, manage_stock: true, stock_quantity: 0 }] });
			})
			.reply(200, { update: [{ id: 1, stock_quantity: 4 }, { id: 2, error: { code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.' } }] });
		woo()
			.post(`${WOO_API}/products/10/variations/batch`, (b: Body) => {
				requests.push('variations/batch');
				return (b.update as Body[]).map((u) => `${String(u.id)}=${String(u.stock_quantity)}`).join() === '11=6,12=7';
			})
			.reply(200, { update: [{ id: 11, stock_quantity: 6 }, { id: 12, stock_quantity: 7 }] });
		woo()
			.put(`${WOO_API}/products/20/variations/21`, (b: Body) => {
				requests.push('variation');
				return b.stock_quantity === 3;
			})
			.reply(200, { id: 21, stock_quantity: 3 });
		const out = await push('woocommerce', [
			{ channelSkuId: '1', quantity: 4 },
			{ channelSkuId: '11', itemId: '10', quantity: 6 },
			{ channelSkuId: '2', quantity: 0 },
			{ channelSkuId: '21', itemId: '20', quantity: 3 },
			{ channelSkuId: '12', itemId: '10', quantity: 7 },
			{ channelSkuId: 'blue-shirt', quantity: 1 },
		]);
		expect(out).toEqual([
			'ok',
			'ok',
			'WooCommerce refused the stock of product 2: woocommerce_rest_product_invalid_id: Invalid ID.',
			'ok',
			'ok',
			'WooCommerce sets stock per product or variation, but listing blue-shirt is not "productId" or "productId:variationId" (numeric ids)',
		]);
		expect(requests.sort()).toEqual(['products/batch', 'variation', 'variations/batch']);
	});

	it('WooCommerce: a failed batch call fails each of its listings', async () => {
		woo().post(`${WOO_API}/products/batch`).reply(401, { code: 'woocommerce_rest_cannot_edit', message: 'Sorry, you are not allowed to edit this resource.', data: { status: 401 } });
		const out = await push('woocommerce', [{ channelSkuId: '1', quantity: 4 }, { channelSkuId: '2', quantity: 5 }]);
		expect(out).toHaveLength(2);
		for (const message of out) expect(message).toMatch(/not allowed to edit/);
	});
});
