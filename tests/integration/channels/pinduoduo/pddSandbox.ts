// The Pinduoduo emulator seen through the pack's client: clients for the default shops, the truth as
// Pinduoduo shows it (what a correct pull must give back) and call counting; shared parts come from ../kit.
import { CarrierCodeError, fromChannelCarrierCode } from '../../../../lib/carriers/carrierCodes';
import { REFUND_STATUS_MAP } from '../../../../lib/channels/pinduoduo/codes';
import { createPinduoduoClient } from '../../../../lib/channels/pinduoduo/client';
import { FLAG_LINES_TOTAL_MISMATCH, pddOrderStatus as unifiedStatus } from '../../../../lib/channels/pinduoduo/normalize';
import type { PinduoduoCredentials } from '../../../../lib/channels/pinduoduo/sign';
import { fetchHttpClient } from '../../../../lib/http';
import type { UnifiedOrder } from '../../../../lib/model';
import { PDD_DEFAULTS } from '../../../../sandbox/providers/pinduoduo/models';
import { PDD_LOGISTICS_IDS, pddOrderStatus, pddRefundStatus } from '../../../../sandbox/providers/pinduoduo/render';
import type { Sandbox } from '../../../../sandbox/server';
import type { TruthOrder } from '../../../../sandbox/truth/types';
import { clientOnSandboxClock, countAnsweredCalls, defined, visibleTruthOf, type SandboxClientOptions } from '../kit';

export { DAY_MS, admin, collect, defined, iso, type Json } from '../kit';

export function shopCredentials(sandbox: Sandbox, shopIndex = 0, overrides: Partial<PinduoduoCredentials> = {}): PinduoduoCredentials {
	const shop = PDD_DEFAULTS.shops[shopIndex];
	return {
		clientId: PDD_DEFAULTS.app.appKey,
		clientSecret: PDD_DEFAULTS.app.secret,
		accessToken: shop.token,
		refreshToken: `${shop.token}-refresh`,
		shopId: shop.shopId,
		url: `${sandbox.url}/pinduoduo/api/router`,
		...overrides,
	};
}

export function sandboxClient(sandbox: Sandbox, credentials: PinduoduoCredentials, options: SandboxClientOptions = {}) {
	return clientOnSandboxClock(sandbox, options, (clock) => createPinduoduoClient({ credentials, http: options.http ?? fetchHttpClient(), ...clock }));
}

/** An HttpClient that counts the calls the platform answered, per API `type`. */
export function answeredCalls() {
	return countAnsweredCalls(fetchHttpClient(), (req) => new URLSearchParams(typeof req.body === 'string' ? req.body : '').get('type') ?? '?');
}

/** The truth orders Pinduoduo lists for a shop (paid ones) as of the sandbox clock. */
export function visibleTruth(sandbox: Sandbox, shopId: string): TruthOrder[] {
	return visibleTruthOf(sandbox, 'pinduoduo', shopId).filter((o) => pddOrderStatus(sandbox.world.truth.snapshot(o)) !== undefined);
}

function libCarrier(logisticsId: string): string | undefined {
	try {
		return fromChannelCarrierCode('pinduoduo', logisticsId);
	} catch (err) {
		if (err instanceof CarrierCodeError) return undefined;
		throw err;
	}
}

/**
 * The unified order a correct Pinduoduo pull must produce for a truth order. It differs from the plain
 * truth only where Pinduoduo itself shows less, each difference named:
 * - status and refund state through Pinduoduo's order_status and refund_status codes;
 * - discounts are order-level only: lines show price x count, no line refund state, and a discounted
 *   order carries the lines-total flag; no refunded total; no buyer;
 * - receivers masked with the open_address_id as token; one waybill (the last) per order;
 * - tags carry the trade type.
 */
export function expectedOrder(sandbox: Sandbox, order: TruthOrder): Partial<UnifiedOrder> {
	const { truth } = sandbox.world;
	const unified = truth.unified(order, true);
	const snap = truth.snapshot(order);
	const orderStatus = pddOrderStatus(snap) as string;
	const refundStatus = pddRefundStatus(snap);
	const last = snap.shipments.at(-1);
	const code = last ? PDD_LOGISTICS_IDS[last.carrier] : undefined;
	const lines = order.lines.map((line) => ({
		lineId: line.lineId,
		channelItemId: line.channelItemId,
		channelSkuId: line.channelSkuId,
		merchantCode: line.merchantCode,
		title: line.title,
		skuName: line.skuName,
		quantity: line.quantity,
		unitPrice: line.unitPrice,
		discount: 0,
		paidAmount: line.unitPrice * line.quantity,
		refundState: 'none' as const,
	}));
	const linesTotal = lines.reduce((sum, line) => sum + line.paidAmount, 0);
	const { refunded: _refunded, ...totals } = unified.totals;
	return defined({
		id: unified.id,
		channel: 'pinduoduo',
		shopId: unified.shopId,
		channelOrderId: unified.channelOrderId,
		status: unifiedStatus(orderStatus, refundStatus, '1', '0'),
		rawStatus: orderStatus,
		refundState: REFUND_STATUS_MAP[refundStatus],
		currency: 'CNY',
		totals,
		createdAt: unified.createdAt,
		paidAt: unified.paidAt,
		updatedAt: unified.updatedAt,
		shippedAt: unified.shippedAt,
		lines,
		buyer: {},
		receiver: unified.receiver,
		buyerMessage: unified.buyerMessage,
		sellerMemo: unified.sellerMemo,
		tags: [`trade_type:${order.presale ? 1 : 0}`],
		presale: order.presale || undefined,
		logistics:
			last && code
				? { carrier: libCarrier(code), channelCarrierCode: code, trackingNo: last.trackingNo, shipments: [{ carrier: libCarrier(code) ?? code, trackingNo: last.trackingNo }] }
				: undefined,
		flags: linesTotal + totals.shippingFee !== totals.paid ? [FLAG_LINES_TOTAL_MISMATCH] : [],
	});
}
