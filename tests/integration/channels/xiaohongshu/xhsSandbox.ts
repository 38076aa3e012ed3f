// The Xiaohongshu emulator seen through the pack's client: a client on the sandbox clock, the truth as XHS
// shows it (what a correct pull must give back), call counting and a small admin caller.
import { orderRefundState } from '../../../../lib/channels/core/payload';
import { createXhsClient, type XhsClientOptions } from '../../../../lib/channels/xiaohongshu/client';
import { AFTER_SALES_STATUS_MAP, ORDER_STATUS_MAP } from '../../../../lib/channels/xiaohongshu/codes';
import { carrierIdOf } from '../../../../lib/channels/xiaohongshu/normalize';
import { xhsCredentialsFrom } from '../../../../lib/channels/xiaohongshu/sign';
import { fetchHttpClient, type HttpClient } from '../../../../lib/http';
import { isoFromMillis, type UnifiedOrder } from '../../../../lib/model';
import type { RetryPolicy } from '../../../../lib/retry';
import { XHS_CHANNEL, XHS_DEFAULTS, XHS_GATEWAY_PATH } from '../../../../sandbox/providers/xhs/models';
import { afterSalesStatus, orderStatus, xhsCarrierCode, xhsLineIds, xhsSkuId } from '../../../../sandbox/providers/xhs/render';
import type { Sandbox } from '../../../../sandbox/server';
import type { TruthOrder } from '../../../../sandbox/truth/types';

export const DAY_MS = 86_400_000;
export const iso = (ms: number) => isoFromMillis(ms);
const isoOf = (ms: number | undefined) => (ms === undefined ? undefined : isoFromMillis(ms));

export function sandboxCredentials(sandbox: Sandbox, overrides: { accessToken?: string; refreshToken?: string } = {}) {
	return xhsCredentialsFrom({
		environment: 'custom',
		customUrl: `${sandbox.url}/xhs${XHS_GATEWAY_PATH}`,
		appId: XHS_DEFAULTS.app.appKey,
		appSecret: XHS_DEFAULTS.app.secret,
		accessToken: overrides.accessToken ?? XHS_DEFAULTS.token.accessToken,
		refreshToken: overrides.refreshToken,
		sellerId: XHS_DEFAULTS.shop.shopId,
	});
}

/** A client on the sandbox clock whose retries do not really wait (`waits` records them). */
export function sandboxClient(
	sandbox: Sandbox,
	options: { http?: HttpClient; retry?: RetryPolicy; accessToken?: string; refreshToken?: string } & Pick<XhsClientOptions, 'onTokenRefreshed'> = {},
) {
	const waits: number[] = [];
	const client = createXhsClient({
		credentials: sandboxCredentials(sandbox, options),
		http: options.http ?? fetchHttpClient(),
		retry: options.retry,
		onTokenRefreshed: options.onTokenRefreshed,
		retryDeps: { sleep: async (ms) => void waits.push(ms), now: () => sandbox.world.clock.now() },
		now: () => sandbox.world.clock.now(),
		timeoutMs: 15_000,
	});
	return { client, waits };
}

export function visibleTruth(sandbox: Sandbox): TruthOrder[] {
	const now = sandbox.world.clock.now();
	return sandbox.world.truth.allOrders().filter((o) => o.channel === XHS_CHANNEL && o.createdAt <= now);
}

/**
 * The unified order a correct XHS pull must produce for a truth order. It differs from the plain truth only
 * where XHS itself shows less, each difference named:
 * - status through XHS's numeric status (delivered is still 6 待收货); cancelled unpaid is 9, closed paid 8;
 * - lines have no id of their own: the SKU id is the line id ('#n' for a repeated SKU); a line's refund
 *   state goes through the after-sales status, so "requested" reads as "refunding";
 * - the goods total is derived (paid + discount - freight); receivers masked the XHS way with the
 *   openAddressId as token; buyers by userId only; no refunded total, no tags;
 * - parcels name SKUs and carry no ship time of their own.
 */
export function expectedOrder(sandbox: Sandbox, order: TruthOrder): Partial<UnifiedOrder> {
	const { truth } = sandbox.world;
	const unified = truth.unified(order, true);
	const snap = truth.snapshot(order);
	const lineIds = xhsLineIds(order);
	const lines = order.lines.map((line) => ({
		lineId: lineIds.get(line.lineId) as string,
		channelItemId: line.channelItemId,
		channelSkuId: xhsSkuId(line),
		merchantCode: line.merchantCode,
		title: line.title,
		skuName: line.skuName,
		quantity: line.quantity,
		unitPrice: line.unitPrice,
		discount: line.discount,
		paidAmount: line.paidAmount,
		refundState: AFTER_SALES_STATUS_MAP[String(afterSalesStatus(snap.lineRefundStates[line.lineId]))],
		isGift: line.isGift || undefined,
	}));
	const shipments = snap.shipments.map((s) => {
		const code = xhsCarrierCode(s.carrier);
		const skus = new Set(order.lines.filter((l) => !s.lineIds || s.lineIds.includes(l.lineId)).map(xhsSkuId));
		return { carrier: carrierIdOf(code) ?? code, trackingNo: s.trackingNo, lineIds: lines.filter((l) => skus.has(l.channelSkuId)).map((l) => l.lineId) };
	});
	const firstCode = snap.shipments[0] ? xhsCarrierCode(snap.shipments[0].carrier) : undefined;
	const { paid, discount, shippingFee } = unified.totals;
	const linesPaid = lines.reduce((sum, l) => sum + l.paidAmount, 0);
	const code = orderStatus(snap);
	return defined({
		id: unified.id,
		channel: XHS_CHANNEL,
		shopId: unified.shopId,
		channelOrderId: unified.channelOrderId,
		status: ORDER_STATUS_MAP[String(code)],
		rawStatus: String(code),
		refundState: orderRefundState(lines.map((l) => l.refundState)),
		currency: 'CNY',
		totals: { goods: paid + discount - shippingFee, discount, shippingFee, paid },
		createdAt: isoOf(order.createdAt),
		paidAt: isoOf(snap.paidAt),
		updatedAt: isoOf(snap.updatedAt),
		shippedAt: isoOf(snap.shippedAt),
		lines,
		buyer: { id: order.buyer.id },
		receiver: unified.receiver,
		buyerMessage: snap.buyerMessage,
		sellerMemo: snap.sellerMemo,
		tags: [],
		presale: order.presale || undefined,
		logistics: firstCode ? { carrier: carrierIdOf(firstCode), channelCarrierCode: firstCode, trackingNo: shipments[0].trackingNo, shipments } : undefined,
		flags: linesPaid + shippingFee !== paid ? ['lines_total_mismatch'] : [],
	});
}

/** Drops undefined members deeply, so expected and actual compare on what is present. */
export function defined<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const item of iterable) out.push(item);
	return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export async function admin(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<Json> {
	// A kept-alive socket the sandbox has just closed fails once with ECONNRESET; a fresh one works.
	const res = await adminFetch(sandbox, method, path, body).catch(() => adminFetch(sandbox, method, path, body));
	const text = await res.text();
	if (res.status >= 400) throw new Error(`admin ${method} ${path} -> ${res.status} ${text}`);
	return JSON.parse(text);
}

function adminFetch(sandbox: Sandbox, method: string, path: string, body?: unknown) {
	return fetch(`${sandbox.url}/_admin${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
}
