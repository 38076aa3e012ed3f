// The Taobao emulator seen through the pack's Taobao client: clients for the default shops, the truth as
// Taobao shows it (what a correct pull must give back) and call counting; the shared parts come from ../kit.
import { TRADE_STATUS_MAP, REFUND_STATUS_MAP, carrierIdOf } from '../../../../lib/channels/taobao/codes';
import { createTaobaoClient } from '../../../../lib/channels/taobao/client';
import type { TaobaoCredentials } from '../../../../lib/channels/taobao/sign';
import { fetchHttpClient } from '../../../../lib/http';
import type { Shipment, UnifiedOrder } from '../../../../lib/model';
import { TAOBAO_DEFAULTS } from '../../../../sandbox/providers/taobao/models';
import { refundStatus, tradeStatus } from '../../../../sandbox/providers/taobao/render';
import type { Sandbox } from '../../../../sandbox/server';
import { carrierById } from '../../../../sandbox/truth/carriers';
import type { TruthOrder } from '../../../../sandbox/truth/types';
import { clientOnSandboxClock, countAnsweredCalls, defined, formMethodOf, iso, visibleTruthOf, type SandboxClientOptions } from '../kit';

export { DAY_MS, admin, collect, defined, iso, type Json } from '../kit';

export function shopCredentials(sandbox: Sandbox, shopIndex = 0, overrides: Partial<TaobaoCredentials> = {}): TaobaoCredentials {
	const shop = TAOBAO_DEFAULTS.shops[shopIndex];
	return {
		appKey: TAOBAO_DEFAULTS.app.appKey,
		appSecret: TAOBAO_DEFAULTS.app.secret,
		session: shop.session,
		shopId: shop.shopId,
		signMethod: 'hmac-sha256',
		url: `${sandbox.url}/taobao/router/rest`,
		...overrides,
	};
}

/** A client on the sandbox clock whose retries do not really wait (`waits` records them). */
export function sandboxClient(sandbox: Sandbox, credentials: TaobaoCredentials, options: SandboxClientOptions = {}) {
	return clientOnSandboxClock(sandbox, options, (clock) => createTaobaoClient({ credentials, http: options.http ?? fetchHttpClient(), ...clock }));
}

/** An HttpClient that counts the calls the platform answered, per TOP method. */
export function answeredCalls() {
	return countAnsweredCalls(fetchHttpClient(), (req) => formMethodOf(req) ?? '?');
}

/** The truth orders of a shop that exist as of the sandbox clock. */
export function visibleTruth(sandbox: Sandbox, shopId: string): TruthOrder[] {
	return visibleTruthOf(sandbox, 'taobao', shopId);
}

/**
 * The unified order a correct Taobao pull must produce for a truth order. It differs from the plain truth
 * only where Taobao itself shows less, each difference named:
 * - status through Taobao's trade status (delivered is still WAIT_BUYER_CONFIRM_GOODS);
 * - line refund states through the latest refund's TOP status (a closed refund reads as none);
 * - no refunded total; a line without SKU shows the item's merchant code (outer_iid), not the SKU's;
 * - receivers masked the TOP way with the OAID as token; no country (TOP sends it empty), no empty town;
 * - tags are Taobao's memo flag and trade type; parcels are known per line (the first parcel holding it),
 *   carriers by name, and gift marks are not shown.
 */
export function expectedOrder(sandbox: Sandbox, order: TruthOrder): Partial<UnifiedOrder> {
	const { truth } = sandbox.world;
	const unified = truth.unified(order, true);
	const snap = truth.snapshot(order);
	const raw = tradeStatus(snap);
	const lineRefund = (lineId: string) => {
		const latest = snap.refunds.filter((r) => r.lineId === lineId).at(-1);
		return latest ? REFUND_STATUS_MAP[refundStatus(latest.phase)] : 'none';
	};
	const parcels = new Map<string, Shipment>();
	for (const line of order.lines) {
		const parcel = snap.shipments.find((s) => !s.lineIds || s.lineIds.includes(line.lineId));
		if (!parcel) continue;
		const name = carrierById(parcel.carrier)?.name ?? parcel.carrier;
		const entry = parcels.get(parcel.trackingNo) ?? {
			carrier: carrierIdOf(name) ?? name,
			trackingNo: parcel.trackingNo,
			lineIds: [],
			shippedAt: iso(snap.lineShippedAt[line.lineId] as number),
		};
		entry.lineIds!.push(line.lineId);
		parcels.set(parcel.trackingNo, entry);
	}
	const shipments = [...parcels.values()].sort((a, b) => a.shippedAt!.localeCompare(b.shippedAt!));
	const latest = shipments.at(-1);
	const lines = order.lines.map((line) => ({
		lineId: line.lineId,
		channelItemId: line.channelItemId,
		channelSkuId: line.channelSkuId,
		merchantCode: line.channelSkuId ? line.merchantCode : line.merchantCode?.split('-').slice(0, 2).join('-'),
		title: line.title,
		skuName: line.skuName,
		quantity: line.quantity,
		unitPrice: line.unitPrice,
		discount: line.discount,
		paidAmount: line.paidAmount,
		refundState: lineRefund(line.lineId),
	}));
	const { refunded: _refunded, ...totals } = unified.totals;
	return defined({
		id: unified.id,
		channel: 'taobao',
		shopId: unified.shopId,
		channelOrderId: unified.channelOrderId,
		status: TRADE_STATUS_MAP[raw],
		rawStatus: raw,
		refundState: unified.refundState,
		currency: 'CNY',
		totals,
		createdAt: unified.createdAt,
		paidAt: unified.paidAt,
		updatedAt: unified.updatedAt,
		shippedAt: unified.shippedAt,
		lines,
		buyer: unified.buyer,
		receiver: { ...unified.receiver, town: unified.receiver.town || undefined, country: undefined },
		buyerMessage: unified.buyerMessage,
		sellerMemo: unified.sellerMemo,
		tags: [...(unified.sellerMemo ? ['seller_flag:1'] : []), `trade_type:${order.orderType}`],
		presale: order.presale || undefined,
		logistics: latest
			? { carrier: latest.carrier, channelCarrierCode: carrierById(snap.shipments.find((s) => s.trackingNo === latest.trackingNo)!.carrier)?.name, trackingNo: latest.trackingNo, shipments }
			: undefined,
		flags: [],
	});
}
