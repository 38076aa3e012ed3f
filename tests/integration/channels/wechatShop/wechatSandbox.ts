// The WeChat shop emulator seen through the pack's client: a client on the sandbox clock, the truth as
// WeChat shows it (what a correct pull must give back); the shared parts come from ../kit.
import { ORDER_STATUS_MAP } from '../../../../lib/channels/wechatShop/codes';
import { createWechatShopClient } from '../../../../lib/channels/wechatShop/client';
import { carrierIdOf } from '../../../../lib/channels/wechatShop/normalize';
import { wechatShopCredentialsFrom } from '../../../../lib/channels/wechatShop/sign';
import { orderRefundState } from '../../../../lib/channels/core/payload';
import { fetchHttpClient } from '../../../../lib/http';
import { isoFromMillis, type RefundState, type UnifiedOrder } from '../../../../lib/model';
import { WECHAT_CHANNEL, WECHAT_DEFAULTS } from '../../../../sandbox/providers/wechat/models';
import { WECHAT_CARRIER_CODES, latestRefund, orderStatus, usesVirtualNumber, wechatLineIds, wechatSkuId } from '../../../../sandbox/providers/wechat/render';
import type { Sandbox } from '../../../../sandbox/server';
import type { TruthOrder } from '../../../../sandbox/truth/types';
import { clientOnSandboxClock, defined, visibleTruthOf, type SandboxClientOptions } from '../kit';

export { DAY_MS, admin, collect, defined, iso, type Json } from '../kit';
const isoSeconds = (ms: number | undefined) => (ms === undefined ? undefined : isoFromMillis(Math.floor(ms / 1000) * 1000));

export function sandboxCredentials(sandbox: Sandbox) {
	return wechatShopCredentialsFrom({
		environment: 'custom',
		customUrl: `${sandbox.url}/wechat`,
		appId: WECHAT_DEFAULTS.app.appKey,
		appSecret: WECHAT_DEFAULTS.app.secret,
		shopId: WECHAT_DEFAULTS.shop.shopId,
	});
}

/** A client on the sandbox clock whose retries do not really wait (`waits` records them). */
export function sandboxClient(sandbox: Sandbox, options: SandboxClientOptions = {}) {
	return clientOnSandboxClock(sandbox, options, (clock) =>
		createWechatShopClient({ credentials: sandboxCredentials(sandbox), http: options.http ?? fetchHttpClient(), ...clock }),
	);
}

/** The truth orders that exist as of the sandbox clock. */
export function visibleTruth(sandbox: Sandbox): TruthOrder[] {
	return visibleTruthOf(sandbox, WECHAT_CHANNEL);
}

const OPEN = ['requested', 'awaiting_return', 'returned'];

/**
 * The unified order a correct WeChat pull must produce for a truth order. It differs from the plain truth
 * only where WeChat itself shows less, each difference named:
 * - status through WeChat's numeric status (delivered is still 30); cancelled after refunds is 200;
 * - lines have no id of their own: the SKU id is the line id ('#n' for a repeated SKU); a line of an item
 *   without variants shows the item id as its SKU; a line's refund state is only "in after-sale"
 *   (refunding) or "after-sale finished" (refunded);
 * - receivers masked the WeChat way with the hash code as token, a virtual number for some orders;
 *   no country or town; buyers by openid only; no refunded total, no tags, no presale mark;
 * - parcels name products, so a parcel's lines are the lines with its SKUs; times in whole seconds.
 */
export function expectedOrder(sandbox: Sandbox, order: TruthOrder): Partial<UnifiedOrder> {
	const { truth } = sandbox.world;
	const unified = truth.unified(order, true);
	const snap = truth.snapshot(order);
	const code = orderStatus(snap);
	const lineIds = wechatLineIds(order);
	const lineRefund = (lineId: string): RefundState => {
		const phase = latestRefund(snap, lineId)?.phase;
		return phase && OPEN.includes(phase) ? 'refunding' : phase === 'succeeded' ? 'refunded' : 'none';
	};
	const lines = order.lines.map((line) => ({
		lineId: lineIds.get(line.lineId) as string,
		channelItemId: line.channelItemId,
		channelSkuId: wechatSkuId(line),
		merchantCode: line.merchantCode,
		title: line.title,
		skuName: line.skuName,
		quantity: line.quantity,
		unitPrice: line.unitPrice,
		discount: line.discount,
		paidAmount: line.paidAmount,
		refundState: lineRefund(line.lineId),
		isGift: line.isGift || undefined,
	}));
	const shipments = snap.shipments.map((s) => {
		const wechatCode = WECHAT_CARRIER_CODES[s.carrier] ?? 'OTHER';
		const skus = new Set(order.lines.filter((l) => !s.lineIds || s.lineIds.includes(l.lineId)).map(wechatSkuId));
		return {
			carrier: carrierIdOf(wechatCode) ?? wechatCode,
			trackingNo: s.trackingNo,
			lineIds: lines.filter((l) => skus.has(l.channelSkuId)).map((l) => l.lineId),
			shippedAt: isoSeconds(s.at),
			code: wechatCode,
		};
	});
	const first = shipments[0];
	const { refunded: _refunded, ...totals } = unified.totals;
	const linesPaid = lines.reduce((sum, l) => sum + l.paidAmount, 0);
	const flags = [...(linesPaid + totals.shippingFee !== totals.paid ? ['lines_total_mismatch'] : []), ...(usesVirtualNumber(order) ? ['virtual_phone'] : [])];
	return defined({
		id: unified.id,
		channel: WECHAT_CHANNEL,
		shopId: unified.shopId,
		channelOrderId: unified.channelOrderId,
		status: ORDER_STATUS_MAP[String(code)],
		rawStatus: String(code),
		refundState: orderRefundState(lines.map((l) => l.refundState)),
		currency: 'CNY',
		totals,
		createdAt: isoSeconds(order.createdAt),
		paidAt: isoSeconds(snap.paidAt),
		updatedAt: isoSeconds(snap.updatedAt),
		shippedAt: isoSeconds(snap.shippedAt),
		lines,
		buyer: { id: order.buyer.id },
		receiver: unified.receiver,
		buyerMessage: snap.buyerMessage,
		sellerMemo: snap.sellerMemo,
		tags: [],
		logistics: first
			? { carrier: carrierIdOf(first.code), channelCarrierCode: first.code, trackingNo: first.trackingNo, shipments: shipments.map(({ code: _c, ...s }) => s) }
			: undefined,
		flags,
	});
}
