// The Douyin emulator seen through the pack's client: a client on the sandbox clock, the truth as Douyin
// shows it (what a correct pull must give back); the shared parts come from ../kit.
import { orderRefundState } from '../../../../lib/channels/core/payload';
import { createDouyinClient, type DouyinClientOptions } from '../../../../lib/channels/douyin/client';
import { AFTERSALE_STATUS_MAP, ORDER_STATUS_MAP } from '../../../../lib/channels/douyin/codes';
import { carrierIdOf } from '../../../../lib/channels/douyin/normalize';
import { douyinCredentialsFrom } from '../../../../lib/channels/douyin/sign';
import { fetchHttpClient } from '../../../../lib/http';
import { isoFromMillis, type UnifiedOrder } from '../../../../lib/model';
import { DOUYIN_CHANNEL, DOUYIN_DEFAULTS } from '../../../../sandbox/providers/douyin/models';
import { afterSaleStatus, douyinCarrierCode, douyinSkuId, orderStatus } from '../../../../sandbox/providers/douyin/render';
import type { Sandbox } from '../../../../sandbox/server';
import type { TruthOrder } from '../../../../sandbox/truth/types';
import { clientOnSandboxClock, defined, visibleTruthOf, type SandboxClientOptions } from '../kit';

export { DAY_MS, admin, collect, defined, iso, type Json } from '../kit';
/** Douyin times are whole seconds. */
const isoOf = (ms: number | undefined) => (ms === undefined ? undefined : isoFromMillis(Math.floor(ms / 1000) * 1000));

export function sandboxCredentials(sandbox: Sandbox, overrides: { accessToken?: string; refreshToken?: string; signMethod?: string } = {}) {
	return douyinCredentialsFrom({
		environment: 'custom',
		customUrl: `${sandbox.url}/douyin`,
		appKey: DOUYIN_DEFAULTS.app.appKey,
		appSecret: DOUYIN_DEFAULTS.app.secret,
		shopId: DOUYIN_DEFAULTS.shop.shopId,
		accessToken: overrides.accessToken ?? DOUYIN_DEFAULTS.token.accessToken,
		refreshToken: overrides.refreshToken,
		signMethod: overrides.signMethod,
	});
}

/** A client on the sandbox clock whose retries do not really wait (`waits` records them). */
export function sandboxClient(
	sandbox: Sandbox,
	options: SandboxClientOptions & { accessToken?: string; refreshToken?: string; signMethod?: string } & Pick<DouyinClientOptions, 'onTokenRefreshed'> = {},
) {
	return clientOnSandboxClock(sandbox, options, (clock) =>
		createDouyinClient({
			credentials: sandboxCredentials(sandbox, options),
			http: options.http ?? fetchHttpClient(),
			onTokenRefreshed: options.onTokenRefreshed,
			...clock,
		}),
	);
}

export function visibleTruth(sandbox: Sandbox): TruthOrder[] {
	return visibleTruthOf(sandbox, DOUYIN_CHANNEL);
}

/**
 * The unified order a correct Douyin pull must produce for a truth order. It differs from the plain truth
 * only where Douyin itself shows less, each difference named:
 * - status through Douyin's numeric status (delivered is still 3 已发货; paid is 2 备货中);
 * - times in whole seconds; the goods total derived (paid + discount - freight);
 * - a line's refund state through the after-sale status (6 待商家同意 = requested, 7 = refunding, 12, 27);
 * - receivers masked the Douyin way with encrypt_post_receiver as token; buyers by open id; no tags;
 * - one shipment per parcel, line ids only for a parcel holding part of the order, no ship time of its own.
 */
export function expectedOrder(sandbox: Sandbox, order: TruthOrder): Partial<UnifiedOrder> {
	const { truth } = sandbox.world;
	const unified = truth.unified(order, true);
	const snap = truth.snapshot(order);
	const lines = order.lines.map((line) => ({
		lineId: line.lineId,
		channelItemId: line.channelItemId,
		channelSkuId: douyinSkuId(line),
		merchantCode: line.merchantCode,
		title: line.title,
		skuName: line.skuName,
		quantity: line.quantity,
		unitPrice: line.unitPrice,
		discount: line.discount,
		paidAmount: line.paidAmount,
		refundState: AFTERSALE_STATUS_MAP[String(afterSaleStatus(snap.lineRefundStates[line.lineId]))],
		isGift: line.isGift || undefined,
	}));
	const shipments = snap.shipments.map((s) => {
		const code = douyinCarrierCode(s.carrier);
		const partial = s.lineIds && s.lineIds.length < order.lines.length ? s.lineIds : undefined;
		return { carrier: carrierIdOf(code) ?? code, trackingNo: s.trackingNo, lineIds: partial };
	});
	const firstCode = snap.shipments[0] ? douyinCarrierCode(snap.shipments[0].carrier) : undefined;
	const { paid, discount, shippingFee } = unified.totals;
	const linesPaid = lines.reduce((sum, l) => sum + l.paidAmount, 0);
	const code = orderStatus(snap);
	return defined({
		id: unified.id,
		channel: DOUYIN_CHANNEL,
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
