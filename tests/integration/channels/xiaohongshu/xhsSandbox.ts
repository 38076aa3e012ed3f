// The Xiaohongshu emulator seen through the pack's client: a client on the sandbox clock, the truth as XHS
// shows it (what a correct pull must give back); the shared parts come from ../kit.
import { orderRefundState } from '../../../../lib/channels/core/payload';
import { createXhsClient, type XhsClientOptions } from '../../../../lib/channels/xiaohongshu/client';
import { AFTER_SALES_STATUS_MAP, ORDER_STATUS_MAP } from '../../../../lib/channels/xiaohongshu/codes';
import { carrierIdOf } from '../../../../lib/channels/xiaohongshu/normalize';
import { xhsCredentialsFrom } from '../../../../lib/channels/xiaohongshu/sign';
import { fetchHttpClient } from '../../../../lib/http';
import { isoFromMillis, type UnifiedOrder } from '../../../../lib/model';
import { XHS_CHANNEL, XHS_DEFAULTS, XHS_GATEWAY_PATH } from '../../../../sandbox/providers/xhs/models';
import { afterSalesStatus, orderStatus, xhsCarrierCode, xhsLineIds, xhsSkuId } from '../../../../sandbox/providers/xhs/render';
import type { Sandbox } from '../../../../sandbox/server';
import type { TruthOrder } from '../../../../sandbox/truth/types';
import { clientOnSandboxClock, defined, visibleTruthOf, type SandboxClientOptions } from '../kit';

export { DAY_MS, admin, collect, defined, iso, type Json } from '../kit';
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
	options: SandboxClientOptions & { accessToken?: string; refreshToken?: string } & Pick<XhsClientOptions, 'onTokenRefreshed'> = {},
) {
	return clientOnSandboxClock(sandbox, options, (clock) =>
		createXhsClient({
			credentials: sandboxCredentials(sandbox, options),
			http: options.http ?? fetchHttpClient(),
			onTokenRefreshed: options.onTokenRefreshed,
			...clock,
		}),
	);
}

export function visibleTruth(sandbox: Sandbox): TruthOrder[] {
	return visibleTruthOf(sandbox, XHS_CHANNEL);
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
