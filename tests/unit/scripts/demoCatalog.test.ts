import { DEMO_CHANNELS, demoListings, formatTable, listingId, stockWritesByChannel } from '../../../scripts/demoCatalog';
import { SANDBOX_SHOPS } from '../../../scripts/templates';
import type { RecordedWrite } from '../../../sandbox/core/recorder';
import type { CatalogItem } from '../../../sandbox/truth/catalog';

const item = (itemId: string, skuIds: string[]): CatalogItem => ({
	itemId,
	outerId: `OUT-${itemId}`,
	title: `Item ${itemId}`,
	price: 1000,
	quantity: 5,
	modified: 0,
	skus: skuIds.map((skuId) => ({ skuId, outerId: `M-${skuId}`, properties: '颜色:白色', price: 1000, quantity: 5 })),
});

const write = (seq: number, provider: string, shopId: string, data: Record<string, unknown>, kind = 'stock'): RecordedWrite => ({
	seq,
	provider,
	kind,
	at: 0,
	shopId,
	data,
});

describe('demo catalog', () => {
	it('writes listing ids in the format Stock Sync reads for each channel', () => {
		expect(listingId('taobao', '600', '700', 'L1')).toBe('600:700');
		expect(listingId('wechat_shop', '600', '700', 'L1')).toBe('600:700');
		expect(listingId('douyin', '600', '700', 'L1')).toBe('600:700');
		expect(listingId('pinduoduo', '600', '700', 'L1')).toBe('600:700');
		expect(listingId('woocommerce', '600', '700', 'L1')).toBe('600:700');
		expect(listingId('jd', '600', '700', 'L1')).toBe('700');
		expect(listingId('xiaohongshu', '600', '700', 'L1')).toBe('700');
		// The Shopify emulator's inventory item id is "9" + variant id.
		expect(listingId('shopify', '600', '700', 'L1')).toBe('9700@L1');
	});

	it('maps the first SKU of the first SKU-bearing items of every sandbox shop, each to its own stocked master SKU', () => {
		const asked: string[] = [];
		const listings = demoListings(
			(channel, shopId) => {
				asked.push(`${channel}/${shopId}`);
				return [item(`${channel}-nosku`, []), item(`${channel}-a`, ['a1', 'a2']), item(`${channel}-b`, ['b1']), item(`${channel}-c`, ['c1'])];
			},
			'L1',
			2,
			(index) => 10 + index,
		);
		expect(asked).toEqual(DEMO_CHANNELS.map((channel) => `${channel}/${SANDBOX_SHOPS[channel]}`));
		expect(listings).toHaveLength(DEMO_CHANNELS.length * 2);
		expect(listings.slice(0, 2)).toEqual([
			{ channel: 'taobao', shopId: 'tb-flagship', channelSkuId: 'taobao-a:a1', stocked: 'a1', masterSku: 'TAOBAO-M-a1', title: 'Item taobao-a 颜色:白色', onHand: 10 },
			{ channel: 'taobao', shopId: 'tb-flagship', channelSkuId: 'taobao-b:b1', stocked: 'b1', masterSku: 'TAOBAO-M-b1', title: 'Item taobao-b 颜色:白色', onHand: 11 },
		]);
		expect(listings.filter((l) => l.channel === 'shopify').map((l) => l.channelSkuId)).toEqual(['9a1@L1', '9b1@L1']);
		expect(new Set(listings.map((l) => l.masterSku)).size).toBe(listings.length);
		expect(listings.map((l) => l.onHand)).toEqual(listings.map((_, index) => 10 + index));
	});

	it('refuses a shop with too few SKU-bearing items', () => {
		expect(() => demoListings(() => [item('x', ['x1']), item('y', [])], 'L1', 2)).toThrow(/only 1 items with SKUs/);
	});

	it("groups the recorded stock writes of the sandbox shops by channel, in arrival order, leaving other shops and kinds out", () => {
		const writes = [
			write(3, 'taobao', 'tb-flagship', { skuId: 's2', after: 7 }),
			write(1, 'taobao', 'tb-flagship', { skuId: 's1', after: 5 }),
			write(2, 'taobao', 'tb-cshop', { skuId: 's9', after: 1 }),
			write(4, 'xhs', SANDBOX_SHOPS.xiaohongshu, { skuId: 'x1', after: 0 }),
			write(5, 'wechat', 'wx-shop', { itemId: 'w1', after: 3 }),
			write(6, 'dingtalk', 'tb-flagship', { text: 'hi' }, 'message'),
		];
		const byChannel = stockWritesByChannel(writes);
		expect(byChannel.taobao).toEqual(['s1=5', 's2=7']);
		expect(byChannel.xiaohongshu).toEqual(['x1=0']);
		expect(byChannel.wechat_shop).toEqual(['w1=3']);
		expect(byChannel.jd).toEqual([]);
		expect(Object.keys(byChannel).sort()).toEqual([...DEMO_CHANNELS].sort());
	});

	it('lays rows out as columns two spaces apart', () => {
		expect(formatTable([['channel', 'n'], ['taobao', '105'], ['jd', '9']])).toEqual(['channel  n', 'taobao   105', 'jd       9']);
	});
});
