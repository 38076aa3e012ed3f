// A Pinduoduo order (from order.information.get, order.list.get, the increment list or a push) ->
// UnifiedOrder. Pure: the same payload always gives the same order. Totals are Pinduoduo's own fields,
// never recomputed from lines; amounts are read in PDD_AMOUNT_UNITS.order.
import { orderId, validateOrder, type Logistics, type OrderLine, type OrderStatus, type Receiver, type UnifiedOrder } from '../../model';
import {
	PayloadReader,
	compact,
	isObject,
	nonEmpty,
	payloadProblem,
	type NormalizeProblem,
	type NormalizeResult,
	type RawObject,
} from '../core/payload';
import {
	CHANNEL,
	CONFIRM_STATUS_CANCELLED,
	ORDER_STATUS_MAP,
	PDD_AMOUNT_UNITS,
	PDD_CURRENCY,
	REFUND_STATUS_MAP,
	RISK_CONTROL_HOLD,
	carrierIdOfLogisticsId,
} from './codes';

export type { NormalizeProblem, NormalizeResult } from '../core/payload';

export interface NormalizeOptions {
	/** The shop (mall id) the order belongs to; Pinduoduo orders do not name it, so it must be given. */
	shopId?: string;
	/** Keep the Pinduoduo order under `raw`. */
	keepRaw?: boolean;
	/** JSON path of the order inside the payload it came in, so problems point into that payload. */
	basePath?: string;
}

/** Flag set when the lines' amounts plus postage differ from `pay_amount` (discounts are order-level). */
export const FLAG_LINES_TOTAL_MISMATCH = 'lines_total_mismatch';
/** Flag set when the order had no `updated_at` and `created_time` stood in for updatedAt. */
export const FLAG_UPDATED_AT_FROM_CREATED = 'updated_at_from_created';
/** Flag set when Pinduoduo's risk control holds the order (risk_control_status 1): do not ship. */
export const FLAG_RISK_CONTROL = 'risk_control';

/** [I] trade_type 1 (定金) marks a presale order. */
export const PRESALE_TRADE_TYPE = '1';

const READER = { currency: PDD_CURRENCY, moneyUnit: PDD_AMOUNT_UNITS.order, timeKind: 'shanghai_local', emptyTimes: [''] } as const;

/**
 * The unified status: cancelled when Pinduoduo says so (confirm_status 2) or when a paid order waiting
 * to ship was refunded in full [I]; held while risk control reviews it; else by order_status.
 */
export function pddOrderStatus(orderStatus: string, refundStatus?: string, confirmStatus?: string, riskControl?: string): OrderStatus | undefined {
	if (confirmStatus === CONFIRM_STATUS_CANCELLED) return 'cancelled';
	if (orderStatus === '1' && refundStatus === '4') return 'cancelled';
	if (orderStatus === '1' && riskControl === RISK_CONTROL_HOLD) return 'on_hold';
	return ORDER_STATUS_MAP[orderStatus];
}

export function normalizePinduoduoOrder(raw: unknown, options: NormalizeOptions = {}): NormalizeResult {
	const base = options.basePath ?? '$';
	const problems: NormalizeProblem[] = [];
	if (!isObject(raw)) return { ok: false, problems: [payloadProblem(base, 'a Pinduoduo order must be a JSON object')] };
	const reader = new PayloadReader(raw, base, problems, READER);

	const channelOrderId = reader.id('order_sn', true);
	const shopId = nonEmpty(options.shopId) ?? nonEmpty(raw.mall_id);
	if (!shopId) problems.push(payloadProblem(`${base}.mall_id`, 'no shop id: set the Shop ID (mall id) option'));

	const rawStatus = reader.text('order_status', true) ?? '';
	const refundStatus = nonEmpty(raw.refund_status);
	const riskControl = nonEmpty(raw.risk_control_status);
	const status = pddOrderStatus(rawStatus, refundStatus, nonEmpty(raw.confirm_status), riskControl);
	if (rawStatus && !status) problems.push(payloadProblem(`${base}.order_status`, `unknown Pinduoduo order_status ${JSON.stringify(rawStatus)}`));
	const refundState = refundStatus === undefined ? 'none' : REFUND_STATUS_MAP[refundStatus];
	if (!refundState) problems.push(payloadProblem(`${base}.refund_status`, `unknown Pinduoduo refund_status ${JSON.stringify(refundStatus)}`));

	const createdAt = reader.time('created_time', true);
	const modifiedAt = reader.time('updated_at', false);
	const flags: string[] = [];
	if (!modifiedAt && createdAt) flags.push(FLAG_UPDATED_AT_FROM_CREATED);
	if (riskControl === RISK_CONTROL_HOLD) flags.push(FLAG_RISK_CONTROL);

	const totals = {
		goods: reader.money('goods_amount', true) ?? 0,
		discount: reader.money('discount_amount', false) ?? 0,
		shippingFee: reader.money('postage', false) ?? 0,
		paid: reader.money('pay_amount', true) ?? 0,
	};

	const items = raw.item_list;
	if (!Array.isArray(items)) problems.push(payloadProblem(`${base}.item_list`, 'the order has no item_list[]'));
	const lines = (Array.isArray(items) ? items : []).map((item, i) => normalizeLine(item, i, `${base}.item_list[${i}]`, problems));

	if (problems.length > 0) return { ok: false, problems, channelOrderId };
	const linesTotal = lines.reduce((sum, line) => sum + line.paidAmount, 0);
	if (lines.length > 0 && linesTotal + totals.shippingFee !== totals.paid) flags.push(FLAG_LINES_TOTAL_MISMATCH);

	const tradeType = nonEmpty(raw.trade_type);
	const order: UnifiedOrder = {
		id: orderId(CHANNEL, shopId as string, channelOrderId as string),
		channel: CHANNEL,
		shopId: shopId as string,
		channelOrderId: channelOrderId as string,
		status: status as OrderStatus,
		rawStatus,
		refundState: refundState ?? 'none',
		currency: PDD_CURRENCY,
		totals,
		createdAt: createdAt as string,
		paidAt: reader.time('pay_time', false),
		updatedAt: modifiedAt ?? (createdAt as string),
		shippedAt: reader.time('shipping_time', false),
		lines,
		buyer: {},
		receiver: receiverOf(raw),
		buyerMessage: nonEmpty(raw.buyer_memo),
		sellerMemo: nonEmpty(raw.remark),
		tags: tradeType ? [`trade_type:${tradeType}`] : [],
		presale: tradeType === PRESALE_TRADE_TYPE ? true : undefined,
		logistics: logisticsOf(nonEmpty(raw.logistics_id), nonEmpty(raw.tracking_number)),
		flags,
		raw: options.keepRaw ? raw : undefined,
	};
	compact(order);

	const invalid = validateOrder(order).map((p): NormalizeProblem => ({ ...p, source: 'order' }));
	if (invalid.length > 0) return { ok: false, problems: invalid, channelOrderId };
	return { ok: true, order };
}

/**
 * Items carry no line id: the line id is the item's position, from 1. Discounts are order-level only,
 * so a line's paid amount is its price times its count; the refund state is the order's to tell.
 */
function normalizeLine(raw: unknown, index: number, path: string, problems: NormalizeProblem[]): OrderLine {
	const line: OrderLine = { lineId: String(index + 1), title: '', quantity: 0, unitPrice: 0, discount: 0, paidAmount: 0, refundState: 'none' };
	if (!isObject(raw)) {
		problems.push(payloadProblem(path, 'an item (item_list entry) must be a JSON object'));
		return line;
	}
	const reader = new PayloadReader(raw, path, problems, READER);
	line.quantity = reader.quantity('goods_count') ?? 0;
	line.unitPrice = reader.money('goods_price', true) ?? 0;
	line.paidAmount = line.unitPrice * line.quantity;
	line.title = reader.text('goods_name', true) ?? '';
	const goodsId = reader.id('goods_id', false);
	if (goodsId) line.channelItemId = goodsId;
	const skuId = reader.id('sku_id', false);
	if (skuId) line.channelSkuId = skuId;
	const merchantCode = nonEmpty(raw.outer_id) ?? nonEmpty(raw.outer_goods_id);
	if (merchantCode) line.merchantCode = merchantCode;
	const spec = nonEmpty(raw.goods_spec);
	if (spec) line.skuName = spec;
	return compact(line);
}

/**
 * Receivers come masked (`*_mask`) and, while an order waits to ship, encrypted; the plain fields are
 * never sent. The open_address_id (or, without it, the encrypted address) is kept as the token.
 */
function receiverOf(raw: RawObject): Receiver {
	const token = nonEmpty(raw.open_address_id) ?? nonEmpty(raw.receiver_address) ?? nonEmpty(raw.receiver_phone);
	return compact({
		name: nonEmpty(raw.receiver_name_mask),
		phone: nonEmpty(raw.receiver_phone_mask),
		province: nonEmpty(raw.province),
		city: nonEmpty(raw.city),
		district: nonEmpty(raw.town),
		address: nonEmpty(raw.receiver_address_mask) ?? nonEmpty(raw.address_mask),
		masked: true,
		token,
	});
}

/** One waybill per order: `logistics_id` names the carrier, `tracking_number` the parcel. */
export function logisticsOf(logisticsId: string | undefined, trackingNo: string | undefined): Logistics | undefined {
	if (!trackingNo) return undefined;
	const carrier = carrierIdOfLogisticsId(logisticsId);
	return compact({
		carrier,
		channelCarrierCode: logisticsId,
		trackingNo,
		shipments: [{ carrier: carrier ?? logisticsId ?? '', trackingNo }],
	});
}

/** Response envelopes that carry orders, and the members holding them (channels.md §6.4). */
export const PDD_ORDER_ENVELOPES = ['order_info_get_response', 'order_list_get_response', 'order_sn_increment_get_response'] as const;

export interface LocatedPayload {
	raw: unknown;
	path: string;
}

/**
 * The orders in a payload as Pinduoduo or a push delivers it: a response envelope, its `order_info`,
 * `order_list` or `order_sn_list` member, one bare order, or an array of any of these.
 */
export function pinduoduoOrdersIn(payload: unknown, path = '$'): LocatedPayload[] {
	if (Array.isArray(payload)) return payload.flatMap((entry, i) => pinduoduoOrdersIn(entry, `${path}[${i}]`));
	if (!isObject(payload)) return [{ raw: payload, path }];
	const envelope = PDD_ORDER_ENVELOPES.find((key) => key in payload);
	if (envelope) return pinduoduoOrdersIn(payload[envelope], `${path}.${envelope}`);
	if (looksLikeOrder(payload)) return [{ raw: payload, path }];
	if (isObject(payload.order_info)) return [{ raw: payload.order_info, path: `${path}.order_info` }];
	for (const member of ['order_list', 'order_sn_list'] as const) {
		const list = payload[member];
		if (Array.isArray(list)) return list.map((raw, i) => ({ raw, path: `${path}.${member}[${i}]` }));
	}
	if ('total_count' in payload) return [];
	return [{ raw: payload, path }];
}

/** True for a payload that is recognisably Pinduoduo's: an order envelope, or an order with its fields. */
export function isPinduoduoPayload(payload: unknown): boolean {
	if (Array.isArray(payload)) return payload.length > 0 && payload.every(isPinduoduoPayload);
	if (!isObject(payload)) return false;
	if (PDD_ORDER_ENVELOPES.some((key) => key in payload)) return true;
	if (looksLikeOrder(payload)) return Array.isArray(payload.item_list) && String(payload.order_status) in ORDER_STATUS_MAP;
	if (isObject(payload.order_info)) return isPinduoduoPayload(payload.order_info);
	for (const member of ['order_list', 'order_sn_list'] as const) {
		const list = payload[member];
		if (Array.isArray(list)) return list.length > 0 && list.every(isPinduoduoPayload);
	}
	return false;
}

function looksLikeOrder(value: RawObject): boolean {
	return 'order_sn' in value && ('order_status' in value || 'item_list' in value);
}
