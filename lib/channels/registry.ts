// Channel id -> how to find and normalize its orders in a raw payload. The Order Normalize node and any
// push receiver use this, so adding a channel here is all it takes to make it normalizable.
import type { ChannelId } from '../model';
import type { NormalizeProblem, NormalizeResult } from './core/payload';
import { douyinOrdersIn, isDouyinPayload, normalizeDouyinOrder } from './douyin/normalize';
import { isJdPayload, jdOrdersIn, normalizeJdOrder } from './jd/normalize';
import { isPinduoduoPayload, normalizePinduoduoOrder, pinduoduoOrdersIn } from './pinduoduo/normalize';
import { isShopifyPayload, normalizeShopifyOrder, shopifyOrdersIn } from './shopify/normalize';
import { isTaobaoPayload, normalizeTaobaoTrade, taobaoTradesIn } from './taobao/normalize';
import { isWechatShopPayload, normalizeWechatOrder, wechatOrdersIn } from './wechatShop/normalize';
import { isWooPayload, normalizeWooOrder, wooOrdersIn } from './woocommerce/normalize';
import { isXhsPayload, normalizeXhsOrder, xhsOrdersIn } from './xiaohongshu/normalize';

export interface LocatedOrder {
	raw: unknown;
	/** JSON path of the order inside the payload. */
	path: string;
}

export interface ChannelNormalizeOptions {
	shopId?: string;
	keepRaw?: boolean;
}

export interface ChannelNormalizer {
	channel: ChannelId;
	/** True when the payload is recognisably this channel's. */
	detect(payload: unknown): boolean;
	/** Every order in the payload (an envelope, a list, one order), with its JSON path. */
	ordersIn(payload: unknown): LocatedOrder[];
	normalize(raw: unknown, options: ChannelNormalizeOptions & { basePath: string }): NormalizeResult;
}

export const CHANNEL_NORMALIZERS: readonly ChannelNormalizer[] = [
	{ channel: 'taobao', detect: isTaobaoPayload, ordersIn: taobaoTradesIn, normalize: normalizeTaobaoTrade },
	{ channel: 'jd', detect: isJdPayload, ordersIn: jdOrdersIn, normalize: normalizeJdOrder },
	{ channel: 'wechat_shop', detect: isWechatShopPayload, ordersIn: wechatOrdersIn, normalize: normalizeWechatOrder },
	{ channel: 'xiaohongshu', detect: isXhsPayload, ordersIn: xhsOrdersIn, normalize: normalizeXhsOrder },
	{ channel: 'douyin', detect: isDouyinPayload, ordersIn: douyinOrdersIn, normalize: normalizeDouyinOrder },
	{ channel: 'shopify', detect: isShopifyPayload, ordersIn: shopifyOrdersIn, normalize: normalizeShopifyOrder },
	{ channel: 'woocommerce', detect: isWooPayload, ordersIn: wooOrdersIn, normalize: normalizeWooOrder },
	{ channel: 'pinduoduo', detect: isPinduoduoPayload, ordersIn: pinduoduoOrdersIn, normalize: normalizePinduoduoOrder },
];

export function normalizerFor(channel: ChannelId): ChannelNormalizer | undefined {
	return CHANNEL_NORMALIZERS.find((n) => n.channel === channel);
}

/** The first channel that recognises the payload; undefined when none does (or more than one would). */
export function detectChannel(payload: unknown): ChannelId | undefined {
	const matches = CHANNEL_NORMALIZERS.filter((n) => n.detect(payload));
	return matches.length === 1 ? matches[0].channel : undefined;
}

export interface PayloadOrderResult {
	path: string;
	result: NormalizeResult;
}

export interface PayloadNormalizeResult {
	channel?: ChannelId;
	orders: PayloadOrderResult[];
}

/**
 * Every order of a payload, normalized; each comes back ok or with its problems. A payload whose channel
 * cannot be told, or that holds no order, comes back as one failed result saying so.
 */
export function normalizePayload(
	payload: unknown,
	options: ChannelNormalizeOptions & { channel: ChannelId | 'detect' },
): PayloadNormalizeResult {
	const channel = options.channel === 'detect' ? detectChannel(payload) : options.channel;
	if (!channel) {
		const known = CHANNEL_NORMALIZERS.map((n) => n.channel).join(', ');
		return failed(undefined, `cannot tell which channel this payload comes from; choose the channel (${known})`);
	}
	const normalizer = normalizerFor(channel);
	if (!normalizer) return failed(channel, `no normalizer for channel ${channel} yet`);
	const located = normalizer.ordersIn(payload);
	if (located.length === 0) return { channel, orders: [] };
	const { shopId, keepRaw } = options;
	const orders = located.map(({ raw, path }) => ({ path, result: normalizer.normalize(raw, { shopId, keepRaw, basePath: path }) }));
	return { channel, orders };
}

function failed(channel: ChannelId | undefined, message: string): PayloadNormalizeResult {
	const problem: NormalizeProblem = { source: 'payload', path: '$', message };
	return { channel, orders: [{ path: '$', result: { ok: false, problems: [problem] } }] };
}
