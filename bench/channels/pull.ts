// Full pulls through each channel client from the in-process sandbox: 10,000 seeded orders per channel,
// every shop of the channel pulled over one window that holds all of its orders. Counts the API calls the
// client made by method (retries included) and the HTTP requests the sandbox answered, and sets them
// against the fewest calls the channel's page size, window and detail rules allow for that many orders.
// Checks that every visible order came back exactly once.
// Run: npx tsc -p tsconfig.build.json && npx node dist/bench/channels/pull.js
//      (BENCH_ORDERS to change the seed size, BENCH_CHANNELS=taobao,jd to pick channels)
import { pageCount } from '../../lib/channels/core/paginate';
import type { CallStats } from '../../lib/channels/core/formGateway';
import { createDouyinClient } from '../../lib/channels/douyin/client';
import { douyinCredentialsFrom } from '../../lib/channels/douyin/sign';
import { createPinduoduoClient } from '../../lib/channels/pinduoduo/client';
import { createJdClient } from '../../lib/channels/jd/client';
import { createShopifyClient } from '../../lib/channels/shopify/client';
import { shopifyCredentialsFrom } from '../../lib/channels/shopify/sign';
import { createTaobaoClient } from '../../lib/channels/taobao/client';
import { createWechatShopClient } from '../../lib/channels/wechatShop/client';
import { createWooClient } from '../../lib/channels/woocommerce/client';
import { wooCredentialsFrom } from '../../lib/channels/woocommerce/sign';
import { wechatShopCredentialsFrom } from '../../lib/channels/wechatShop/sign';
import { createXhsClient } from '../../lib/channels/xiaohongshu/client';
import { xhsCredentialsFrom } from '../../lib/channels/xiaohongshu/sign';
import { fetchHttpClient, type HttpClient } from '../../lib/http';
import { isoFromMillis } from '../../lib/model';
import type { RetryDeps } from '../../lib/retry';
import { douyinProvider } from '../../sandbox/providers/douyin';
import { pinduoduoProvider } from '../../sandbox/providers/pinduoduo';
import { PDD_DEFAULTS } from '../../sandbox/providers/pinduoduo/models';
import { pddOrderStatus } from '../../sandbox/providers/pinduoduo/render';
import { DOUYIN_DEFAULTS } from '../../sandbox/providers/douyin/models';
import { jdProvider } from '../../sandbox/providers/jd';
import { JD_DEFAULTS } from '../../sandbox/providers/jd/models';
import { jdOrderState } from '../../sandbox/providers/jd/render';
import { shopifyProvider } from '../../sandbox/providers/shopify';
import { SHOPIFY_SHOPS } from '../../sandbox/providers/shopify/models';
import { taobaoProvider } from '../../sandbox/providers/taobao';
import { TAOBAO_DEFAULTS } from '../../sandbox/providers/taobao/models';
import { wechatProvider } from '../../sandbox/providers/wechat';
import { WECHAT_DEFAULTS } from '../../sandbox/providers/wechat/models';
import { woocommerceProvider } from '../../sandbox/providers/woocommerce';
import { WOO_SITES } from '../../sandbox/providers/woocommerce/models';
import { xhsProvider } from '../../sandbox/providers/xhs';
import { XHS_DEFAULTS, XHS_GATEWAY_PATH } from '../../sandbox/providers/xhs/models';
import { startSandbox, type Sandbox } from '../../sandbox/server';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
const ONLY = process.env.BENCH_CHANNELS?.split(',').map((c) => c.trim());

/** The sandbox clock for the clients, and retry waits recorded instead of slept (the sandbox's clock is simulated). */
interface Clock {
	now: () => number;
	retryDeps: RetryDeps;
	waits: number[];
}

/** One shop's pull: the channel order ids it gave, and the windows it was split into (with their sizes). */
interface ShopPull {
	ids: string[];
	windows: number[];
}

interface ShopRun {
	shopId: string;
	/** Order ids the channel shows for this shop (what a correct pull gives back). */
	visible: string[];
	/** Fewest calls the channel's rules allow for this shop's pull, given the windows it took. */
	minimum(pull: ShopPull): number;
	pull(http: HttpClient, clock: Clock, window: { from: string; to: string }): Promise<{ pull: ShopPull; stats: CallStats }>;
}

interface ChannelBench {
	channel: string;
	/** How the minimum is counted, printed beside it. */
	rule: string;
	shops(sandbox: Sandbox): ShopRun[];
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const item of iterable) out.push(item);
	return out;
}

function visibleIds(sandbox: Sandbox, channel: string, shopId: string): string[] {
	return sandbox.world.truth.visibleSnapshots(channel, shopId).map((snap) => snap.order.channelOrderId);
}

const listPages = (pageSize: number) => (pull: ShopPull) =>
	pull.windows.reduce((sum, size) => sum + Math.max(1, pageCount(size, pageSize)), 0);

const CHANNELS: ChannelBench[] = [
	{
		channel: 'taobao',
		rule: 'taobao.trades.sold.get pages of 100 by created time, per shop',
		shops: (sandbox) =>
			TAOBAO_DEFAULTS.shops.map((shop) => ({
				shopId: shop.shopId,
				visible: visibleIds(sandbox, 'taobao', shop.shopId),
				minimum: listPages(100),
				async pull(http, clock, window) {
					const credentials = {
						appKey: TAOBAO_DEFAULTS.app.appKey,
						appSecret: TAOBAO_DEFAULTS.app.secret,
						session: shop.session,
						shopId: shop.shopId,
						signMethod: 'hmac-sha256' as const,
						url: `${sandbox.url}/taobao/router/rest`,
					};
					const client = createTaobaoClient({ credentials, http, ...clock });
					const windows = await collect(client.listOrderWindows({ by: 'created', ...window }));
					return { pull: { ids: windows.flatMap((w) => w.trades.map((t) => String(t.tid))), windows: windows.map((w) => w.trades.length) }, stats: client.stats };
				},
			})),
	},
	{
		channel: 'jd',
		rule: 'jingdong.pop.order.search pages of 100 in windows of at most 30 days, per shop (JD lists paid orders only)',
		shops: (sandbox) =>
			JD_DEFAULTS.shops.map((shop) => {
				const snaps = sandbox.world.truth.visibleSnapshots('jd', shop.shopId);
				return {
					shopId: shop.shopId,
					visible: snaps.filter((snap) => jdOrderState(snap) !== undefined).map((snap) => snap.order.channelOrderId),
					minimum: listPages(100),
					async pull(http, clock, window) {
						const credentials = {
							appKey: JD_DEFAULTS.app.appKey,
							appSecret: JD_DEFAULTS.app.secret,
							accessToken: shop.token,
							refreshToken: shop.refreshToken,
							shopId: shop.shopId,
							url: `${sandbox.url}/jd/routerjson`,
							oauthUrl: `${sandbox.url}/jd/oauth2`,
						};
						const client = createJdClient({ credentials, http, ...clock });
						const windows = await collect(client.listOrderWindows({ by: 'created', ...window }));
						return { pull: { ids: windows.flatMap((w) => w.orders.map((o) => String(o.orderId))), windows: windows.map((w) => w.orders.length) }, stats: client.stats };
					},
				};
			}),
	},
	{
		channel: 'wechat_shop',
		rule: 'order/list/get id pages of 100 in windows of at most 7 days + one order/get per order + one access token',
		shops: (sandbox) => [
			{
				shopId: WECHAT_DEFAULTS.shop.shopId,
				visible: visibleIds(sandbox, 'wechat_shop', WECHAT_DEFAULTS.shop.shopId),
				minimum: (pull) => listPages(100)(pull) + pull.ids.length + 1,
				async pull(http, clock, window) {
					const credentials = wechatShopCredentialsFrom({
						environment: 'custom',
						customUrl: `${sandbox.url}/wechat`,
						appId: WECHAT_DEFAULTS.app.appKey,
						appSecret: WECHAT_DEFAULTS.app.secret,
						shopId: WECHAT_DEFAULTS.shop.shopId,
					});
					const client = createWechatShopClient({ credentials, http, ...clock });
					const windows = await collect(client.listOrderWindows({ by: 'created', ...window }));
					return { pull: { ids: windows.flatMap((w) => w.orders.map((o) => String(o.order_id))), windows: windows.map((w) => w.orders.length) }, stats: client.stats };
				},
			},
		],
	},
	{
		channel: 'xiaohongshu',
		rule: 'order.getOrderList pages of 100 in windows of at most 24 hours + one order.getOrderDetail per order',
		shops: (sandbox) => [
			{
				shopId: XHS_DEFAULTS.shop.shopId,
				visible: visibleIds(sandbox, 'xiaohongshu', XHS_DEFAULTS.shop.shopId),
				minimum: (pull) => listPages(100)(pull) + pull.ids.length,
				async pull(http, clock, window) {
					const credentials = xhsCredentialsFrom({
						environment: 'custom',
						customUrl: `${sandbox.url}/xhs${XHS_GATEWAY_PATH}`,
						appId: XHS_DEFAULTS.app.appKey,
						appSecret: XHS_DEFAULTS.app.secret,
						accessToken: XHS_DEFAULTS.token.accessToken,
						sellerId: XHS_DEFAULTS.shop.shopId,
					});
					const client = createXhsClient({ credentials, http, ...clock });
					const windows = await collect(client.listOrderWindows({ by: 'created', ...window }));
					return { pull: { ids: windows.flatMap((w) => w.orders.map((o) => String(o.orderId))), windows: windows.map((w) => w.orders.length) }, stats: client.stats };
				},
			},
		],
	},
	{
		channel: 'douyin',
		rule: 'order.searchList pages of 100 in windows of at most 7 days [I]; the list carries whole orders, so no order.orderDetail',
		shops: (sandbox) => [
			{
				shopId: DOUYIN_DEFAULTS.shop.shopId,
				visible: visibleIds(sandbox, 'douyin', DOUYIN_DEFAULTS.shop.shopId),
				minimum: listPages(100),
				async pull(http, clock, window) {
					const credentials = douyinCredentialsFrom({
						environment: 'custom',
						customUrl: `${sandbox.url}/douyin`,
						appKey: DOUYIN_DEFAULTS.app.appKey,
						appSecret: DOUYIN_DEFAULTS.app.secret,
						accessToken: DOUYIN_DEFAULTS.token.accessToken,
						shopId: DOUYIN_DEFAULTS.shop.shopId,
					});
					const client = createDouyinClient({ credentials, http, ...clock });
					const windows = await collect(client.listOrderWindows({ by: 'created', ...window }));
					return { pull: { ids: windows.flatMap((w) => w.orders.map((o) => String(o.order_id))), windows: windows.map((w) => w.orders.length) }, stats: client.stats };
				},
			},
		],
	},
	{
		channel: 'pinduoduo',
		rule: 'pdd.order.list.get pages of 100 by confirm time in windows of at most 24 hours, per shop (Pinduoduo lists paid orders only)',
		shops: (sandbox) =>
			PDD_DEFAULTS.shops.map((shop) => ({
				shopId: shop.shopId,
				visible: sandbox.world.truth
					.visibleSnapshots('pinduoduo', shop.shopId)
					.filter((snap) => pddOrderStatus(snap) !== undefined)
					.map((snap) => snap.order.channelOrderId),
				minimum: listPages(100),
				async pull(http, clock, window) {
					const credentials = {
						clientId: PDD_DEFAULTS.app.appKey,
						clientSecret: PDD_DEFAULTS.app.secret,
						accessToken: shop.token,
						shopId: shop.shopId,
						url: `${sandbox.url}/pinduoduo/api/router`,
					};
					const client = createPinduoduoClient({ credentials, http, ...clock });
					const windows = await collect(client.listOrderWindows({ by: 'created', ...window }));
					return { pull: { ids: windows.flatMap((w) => w.orders.map((o) => String(o.order_sn))), windows: windows.map((w) => w.orders.length) }, stats: client.stats };
				},
			})),
	},
	{
		channel: 'shopify',
		rule: 'GET /orders.json pages of 250 (Link header), per shop',
		shops: (sandbox) =>
			SHOPIFY_SHOPS.map((shop) => ({
				shopId: shop.domain,
				visible: visibleIds(sandbox, 'shopify', shop.domain),
				minimum: (pull) => Math.max(1, pageCount(pull.ids.length, 250)),
				async pull(http, clock, window) {
					const credentials = shopifyCredentialsFrom({
						environment: 'custom',
						customUrl: `${sandbox.url}/shopify`,
						shopDomain: shop.domain,
						accessToken: shop.token,
						apiSecret: shop.apiSecret,
					});
					const client = createShopifyClient({ credentials, http, ...clock });
					const ids: string[] = [];
					for await (const order of client.listOrders({ by: 'created', ...window })) ids.push(String(order.id));
					return { pull: { ids, windows: [ids.length] }, stats: client.stats };
				},
			})),
	},
	{
		channel: 'woocommerce',
		rule: 'GET /orders numbered pages of 100 (X-WP-Total), per site',
		shops: (sandbox) =>
			WOO_SITES.map((site) => ({
				shopId: site.host,
				visible: visibleIds(sandbox, 'woocommerce', site.host),
				minimum: (pull) => Math.max(1, pageCount(pull.ids.length, 100)),
				async pull(http, clock, window) {
					const credentials = wooCredentialsFrom({
						environment: 'custom',
						customUrl: `${sandbox.url}/woocommerce`,
						siteUrl: `https://${site.host}`,
						consumerKey: site.consumerKey,
						consumerSecret: site.consumerSecret,
					});
					const client = createWooClient({ credentials, http, ...clock });
					const ids: string[] = [];
					for await (const order of client.listOrders({ by: 'created', ...window })) ids.push(String(order.id));
					return { pull: { ids, windows: [ids.length] }, stats: client.stats };
				},
			})),
	},
];

/** An HttpClient that counts the requests the sandbox answered. */
function answeredCounter(base: HttpClient) {
	let answered = 0;
	const http: HttpClient = async (req) => {
		const res = await base(req);
		answered += 1;
		return res;
	};
	return { http, answered: () => answered };
}

function addInto(target: Record<string, number>, source: Record<string, number>): void {
	for (const [key, n] of Object.entries(source)) target[key] = (target[key] ?? 0) + n;
}

async function main() {
	const sandbox = await startSandbox({
		orders: ORDERS,
		seed: 'bench-pull',
		factories: [taobaoProvider, jdProvider, wechatProvider, xhsProvider, douyinProvider, pinduoduoProvider, shopifyProvider, woocommerceProvider],
	});
	try {
		const now = sandbox.world.clock.now();
		const oldest = Math.min(...sandbox.world.truth.allOrders().map((o) => o.createdAt));
		const window = { from: isoFromMillis(oldest - 1000), to: isoFromMillis(now + 1000) };
		for (const bench of CHANNELS) {
			if (ONLY && !ONLY.includes(bench.channel)) continue;
			const waits: number[] = [];
			const clock: Clock = {
				now: () => sandbox.world.clock.now(),
				retryDeps: { sleep: async (ms) => void waits.push(ms), now: () => sandbox.world.clock.now() },
				waits,
			};
			const counter = answeredCounter(fetchHttpClient());
			const byMethod: Record<string, number> = {};
			let orders = 0;
			let visible = 0;
			let calls = 0;
			let minimum = 0;
			let missing = 0;
			let duplicates = 0;
			const t0 = process.hrtime.bigint();
			const cpu0 = process.cpuUsage();
			for (const shop of bench.shops(sandbox)) {
				const { pull, stats } = await shop.pull(counter.http, clock, window);
				orders += pull.ids.length;
				visible += shop.visible.length;
				calls += stats.requests;
				addInto(byMethod, stats.byMethod);
				minimum += shop.minimum(pull);
				const got = new Set(pull.ids);
				duplicates += pull.ids.length - got.size;
				missing += shop.visible.filter((id) => !got.has(id)).length;
			}
			const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
			const cpu = process.cpuUsage(cpu0);
			console.log(
				JSON.stringify({
					bench: `channels.pull.${bench.channel}`,
					orders,
					visible,
					missing,
					duplicates,
					calls,
					answered: counter.answered(),
					byMethod,
					minimum,
					rule: bench.rule,
					callsToMinimum: Number((calls / minimum).toFixed(3)),
					retries: waits.length,
					seconds: Number(seconds.toFixed(2)),
					ordersPerSecond: Math.round(orders / seconds),
					// Client and sandbox share this process: its CPU time is both sides of every call.
					ordersPerCpuSecond: Math.round(orders / ((cpu.user + cpu.system) / 1e6)),
					loadAverage: (await import('node:os')).loadavg()[0].toFixed(1),
				}),
			);
		}
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
