// Normalize throughput per channel on one core: raw orders as each emulator renders them from the same
// seeded truth, parsed losslessly like the clients do, then timed through the channel's normalize().
// Baseline in the same process: structuredClone of the same raw orders (a walk over the same data).
// Run: npx tsc -p tsconfig.build.json && npx node dist/bench/channels/normalize.js
//      (BENCH_ORDERS, BENCH_ROUNDS to change size; BENCH_CHANNELS=taobao,jd to pick channels)
import { normalizeDouyinOrder } from '../../lib/channels/douyin/normalize';
import { normalizePinduoduoOrder } from '../../lib/channels/pinduoduo/normalize';
import { normalizeJdOrder } from '../../lib/channels/jd/normalize';
import { normalizeShopifyOrder } from '../../lib/channels/shopify/normalize';
import { normalizeWooOrder } from '../../lib/channels/woocommerce/normalize';
import { TRADE_FIELDS } from '../../lib/channels/taobao/client';
import { normalizeTaobaoTrade } from '../../lib/channels/taobao/normalize';
import { normalizeWechatOrder } from '../../lib/channels/wechatShop/normalize';
import { normalizeXhsOrder } from '../../lib/channels/xiaohongshu/normalize';
import { parseJsonLossless } from '../../lib/json';
import { douyinProvider } from '../../sandbox/providers/douyin';
import { pinduoduoProvider } from '../../sandbox/providers/pinduoduo';
import { renderOrder as renderPinduoduoOrder } from '../../sandbox/providers/pinduoduo/render';
import { renderShopOrder as renderDouyinOrder } from '../../sandbox/providers/douyin/render';
import { jdProvider } from '../../sandbox/providers/jd';
import { ALL_ORDER_FIELDS, jdOrderState, orderInfoJson } from '../../sandbox/providers/jd/render';
import { shopifyProvider } from '../../sandbox/providers/shopify';
import { renderOrder as renderShopifyOrder } from '../../sandbox/providers/shopify/render';
import { woocommerceProvider } from '../../sandbox/providers/woocommerce';
import { renderOrder as renderWooOrder } from '../../sandbox/providers/woocommerce/render';
import { taobaoProvider } from '../../sandbox/providers/taobao';
import { parseFields, tradeJson } from '../../sandbox/providers/taobao/render';
import { wechatProvider } from '../../sandbox/providers/wechat';
import { renderOrder } from '../../sandbox/providers/wechat/render';
import { xhsProvider } from '../../sandbox/providers/xhs';
import { renderDetail } from '../../sandbox/providers/xhs/render';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import type { TruthSnapshot } from '../../sandbox/truth/types';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ONLY = process.env.BENCH_CHANNELS?.split(',').map((c) => c.trim());

interface Channel {
	channel: string;
	render(snap: TruthSnapshot, shopId: string): string;
	/** Whether the channel's API shows this order at all (JD hides unpaid orders). */
	listed?(snap: TruthSnapshot): boolean;
	normalize(raw: unknown, shopId: string): { ok: boolean };
}

const taobaoFields = parseFields(TRADE_FIELDS, true);
const CHANNELS: Channel[] = [
	{
		channel: 'taobao',
		render: (snap, shopId) => tradeJson(snap, taobaoFields, shopId, false),
		normalize: (raw, shopId) => normalizeTaobaoTrade(raw, { shopId }),
	},
	{
		channel: 'jd',
		render: (snap, shopId) => orderInfoJson(snap, ALL_ORDER_FIELDS, shopId),
		listed: (snap) => jdOrderState(snap) !== undefined,
		normalize: (raw, shopId) => normalizeJdOrder(raw, { shopId }),
	},
	{
		channel: 'wechat_shop',
		render: (snap) => JSON.stringify(renderOrder(snap)),
		normalize: (raw, shopId) => normalizeWechatOrder(raw, { shopId }),
	},
	{
		channel: 'xiaohongshu',
		render: (snap) => JSON.stringify(renderDetail(snap)),
		normalize: (raw, shopId) => normalizeXhsOrder(raw, { shopId }),
	},
	{
		channel: 'douyin',
		render: (snap, shopId) => JSON.stringify(renderDouyinOrder(snap, shopId)),
		normalize: (raw, shopId) => normalizeDouyinOrder(raw, { shopId }),
	},
	{
		channel: 'pinduoduo',
		render: (snap) => JSON.stringify(renderPinduoduoOrder(snap)),
		normalize: (raw, shopId) => normalizePinduoduoOrder(raw, { shopId }),
	},
	{
		// Three shops: CNY with the 10,000 orders, JPY and KWD with 5% as many each.
		channel: 'shopify',
		render: (snap) => JSON.stringify(renderShopifyOrder(snap)),
		normalize: (raw, shopId) => normalizeShopifyOrder(raw, { shopId }),
	},
	{
		// Three sites, like Shopify: CNY with all the orders, JPY and KWD with 5% as many each.
		channel: 'woocommerce',
		render: (snap) => JSON.stringify(renderWooOrder(snap)),
		normalize: (raw, shopId) => normalizeWooOrder(raw, { shopId }),
	},
];

function rawOrders(sandbox: Sandbox, channel: Channel): Array<{ raw: unknown; shopId: string }> {
	const shops = new Set(sandbox.world.truth.allOrders().filter((o) => o.channel === channel.channel).map((o) => o.shopId));
	const out: Array<{ raw: unknown; shopId: string }> = [];
	for (const shopId of shops) {
		for (const snap of sandbox.world.truth.visibleSnapshots(channel.channel, shopId)) {
			if (channel.listed && !channel.listed(snap)) continue;
			out.push({ raw: parseJsonLossless(channel.render(snap, shopId)), shopId });
		}
	}
	return out;
}

function timeMs(fn: () => void): number {
	const t0 = process.hrtime.bigint();
	fn();
	return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
	const sandbox = await startSandbox({
		orders: ORDERS,
		seed: 'bench-normalize',
		factories: [taobaoProvider, jdProvider, wechatProvider, xhsProvider, douyinProvider, pinduoduoProvider, shopifyProvider, woocommerceProvider],
	});
	try {
		for (const channel of CHANNELS) {
			if (ONLY && !ONLY.includes(channel.channel)) continue;
			const orders = rawOrders(sandbox, channel);
			let failed = 0;
			const normalizeRuns: number[] = [];
			const baselineRuns: number[] = [];
			for (let round = 0; round < ROUNDS; round++) {
				baselineRuns.push(timeMs(() => orders.forEach((o) => structuredClone(o.raw))));
				normalizeRuns.push(
					timeMs(() => {
						failed = 0;
						for (const o of orders) if (!channel.normalize(o.raw, o.shopId).ok) failed++;
					}),
				);
			}
			const normalizeMs = median(normalizeRuns);
			const baselineMs = median(baselineRuns);
			console.log(
				JSON.stringify({
					bench: `channels.normalize.${channel.channel}`,
					orders: orders.length,
					failed,
					rounds: ROUNDS,
					ordersPerSecond: Math.round((orders.length / normalizeMs) * 1000),
					baselineCloneOrdersPerSecond: Math.round((orders.length / baselineMs) * 1000),
					ratioToBaseline: Number((normalizeMs / baselineMs).toFixed(2)),
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
