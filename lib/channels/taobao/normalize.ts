// A Taobao trade (from trade.fullinfo.get, a sold/increment list, or a push) -> UnifiedOrder. Pure: the
// same payload always gives the same order. Totals are Taobao's own fields, never recomputed from lines.
import { orderId, validateOrder, type Logistics, type OrderLine, type Receiver, type Shipment, type UnifiedOrder } from '../../model';
import {
	PayloadReader,
	compacted,
	isObject,
	nonEmpty,
	orderRefundState,
	payloadProblem,
	type NormalizeProblem,
	type NormalizeResult,
	type RawObject,
} from '../core/payload';
import { CHANNEL, REFUND_STATUS_MAP, TRADE_STATUS_MAP, carrierIdOf } from './codes';

export interface NormalizeOptions {
	/** The shop the order belongs to (seller nick or id); falls back to the trade's seller_nick. */
	shopId?: string;
	/** Keep the Taobao trade under `raw`. */
	keepRaw?: boolean;
	/** JSON path of the trade inside the payload it came in, so problems point into that payload. */
	basePath?: string;
}

export type { NormalizeProblem, NormalizeResult } from '../core/payload';

export const TAOBAO_CURRENCY = 'CNY';

/** Flag set when the lines' paid amounts plus postage differ from the trade's `payment`. */
export const FLAG_LINES_TOTAL_MISMATCH = 'lines_total_mismatch';
/** Flag set when the trade had no `modified` time and `created` stood in for updatedAt. */
export const FLAG_UPDATED_AT_FROM_CREATED = 'updated_at_from_created';

const READER = { currency: TAOBAO_CURRENCY, timeKind: 'shanghai_local' } as const;

export function normalizeTaobaoTrade(raw: unknown, options: NormalizeOptions = {}): NormalizeResult {
	const base = options.basePath ?? '$';
	const problems: NormalizeProblem[] = [];
	if (!isObject(raw)) {
		return { ok: false, problems: [{ source: 'payload', path: base, message: 'a Taobao trade must be a JSON object' }] };
	}
	const reader = new PayloadReader(raw, base, problems, READER);

	const channelOrderId = reader.id('tid', true, 'tid_str');
	const shopId = nonEmpty(options.shopId) ?? nonEmpty(raw.seller_nick);
	if (!shopId) problems.push(payloadProblem(`${base}.seller_nick`, 'no shop id: set the Shop ID option or include seller_nick'));

	const rawStatus = reader.text('status', true) ?? '';
	const status = TRADE_STATUS_MAP[rawStatus];
	if (rawStatus && !status) {
		problems.push(payloadProblem(`${base}.status`, `unknown Taobao trade status ${JSON.stringify(rawStatus)}`));
	}

	const createdAt = reader.time('created', true);
	const modifiedAt = reader.time('modified', false);
	const flags: string[] = [];
	if (!modifiedAt && createdAt) flags.push(FLAG_UPDATED_AT_FROM_CREATED);

	const totals = {
		goods: reader.money('total_fee', true) ?? 0,
		discount: reader.money('discount_fee', false) ?? 0,
		shippingFee: reader.money('post_fee', false) ?? 0,
		paid: reader.money('payment', true) ?? 0,
	};

	const paidAt = reader.time('pay_time', false);
	const shippedAt = reader.time('consign_time', false);

	const rawLines = linesOf(raw);
	if (!rawLines) problems.push(payloadProblem(`${base}.orders`, 'the trade has no orders.order[] lines; request the "orders" field'));
	const lineResults = (rawLines?.items ?? []).map((line, i) => normalizeLine(line, `${base}${rawLines?.path}[${i}]`, problems));

	if (problems.length > 0) return { ok: false, problems, channelOrderId };
	if (linesDisagreeWithTotal(lineResults, totals.paid, totals.shippingFee)) flags.push(FLAG_LINES_TOTAL_MISMATCH);

	const lines = lineResults.map((r) => r.line);
	const order: UnifiedOrder = compacted({
		id: orderId(CHANNEL, shopId as string, channelOrderId as string),
		channel: CHANNEL,
		shopId: shopId as string,
		channelOrderId: channelOrderId as string,
		status,
		rawStatus,
		refundState: orderRefundState(lines.map((l) => l.refundState)),
		currency: TAOBAO_CURRENCY,
		totals,
		createdAt: createdAt as string,
		paidAt,
		updatedAt: modifiedAt ?? (createdAt as string),
		shippedAt,
		lines,
		buyer: compacted({ id: nonEmpty(raw.buyer_open_uid), nick: nonEmpty(raw.buyer_nick) }),
		receiver: receiverOf(raw),
		buyerMessage: nonEmpty(raw.buyer_message),
		sellerMemo: nonEmpty(raw.seller_memo),
		tags: tagsOf(raw),
		presale: nonEmpty(raw.step_trade_status) !== undefined || raw.type === 'step' ? true : undefined,
		logistics: logisticsOf(lineResults),
		flags,
		raw: options.keepRaw ? raw : undefined,
	});

	const invalid = validateOrder(order).map((p): NormalizeProblem => ({ ...p, source: 'order' }));
	if (invalid.length > 0) return { ok: false, problems: invalid, channelOrderId };
	return { ok: true, order };
}

interface LineResult {
	line: OrderLine;
	/** Taobao's per-line payment; on a single-line trade it includes postage. */
	payment?: number;
	/** Paid amount after trade-level discounts were shared out; never includes postage. */
	dividedPayment?: number;
	company?: string;
	trackingNo?: string;
	consignTime?: string;
}

function normalizeLine(raw: unknown, path: string, problems: NormalizeProblem[]): LineResult {
	const empty: LineResult = {
		line: { lineId: '', title: '', quantity: 0, unitPrice: 0, discount: 0, paidAmount: 0, refundState: 'none' },
	};
	if (!isObject(raw)) {
		problems.push(payloadProblem(path, 'a line (order) must be a JSON object'));
		return empty;
	}
	const reader = new PayloadReader(raw, path, problems, READER);
	const lineId = reader.id('oid', true, 'oid_str') ?? '';
	const quantity = reader.quantity('num');
	const payment = reader.money('payment', false);
	const dividedPayment = reader.money('divide_order_fee', false);
	const rawRefund = nonEmpty(raw.refund_status) ?? 'NO_REFUND';
	const refundState = REFUND_STATUS_MAP[rawRefund];
	if (!refundState) problems.push(payloadProblem(`${path}.refund_status`, `unknown Taobao refund status ${JSON.stringify(rawRefund)}`));

	const line: OrderLine = {
		lineId,
		title: nonEmpty(raw.title) ?? '',
		quantity: quantity ?? 0,
		unitPrice: reader.money('price', true) ?? 0,
		discount: reader.money('discount_fee', false) ?? 0,
		paidAmount: dividedPayment ?? payment ?? reader.money('total_fee', true) ?? 0,
		refundState: refundState ?? 'none',
	};
	const itemId = reader.id('num_iid', false);
	if (itemId) line.channelItemId = itemId;
	const skuId = reader.id('sku_id', false);
	if (skuId) line.channelSkuId = skuId;
	const merchantCode = nonEmpty(raw.outer_sku_id) ?? nonEmpty(raw.outer_iid);
	if (merchantCode) line.merchantCode = merchantCode;
	const skuName = nonEmpty(raw.sku_properties_name);
	if (skuName) line.skuName = skuName;
	return {
		line,
		payment,
		dividedPayment,
		company: nonEmpty(raw.logistics_company),
		trackingNo: nonEmpty(raw.invoice_no),
		consignTime: reader.time('consign_time', false),
	};
}

/**
 * Taobao shares trade-level discounts out into `divide_order_fee`; a line's `payment` includes postage
 * only when the trade has a single line. Either way lines + postage should equal the trade's payment.
 */
function linesDisagreeWithTotal(lines: LineResult[], paid: number, postage: number): boolean {
	if (lines.length === 0) return false;
	let sum = 0;
	for (const line of lines) {
		if (line.dividedPayment !== undefined) sum += line.dividedPayment;
		else if (line.payment !== undefined) sum += lines.length === 1 ? line.payment - postage : line.payment;
		else return false;
	}
	return sum + postage !== paid;
}

const MASK_CHAR = /\*/;

function receiverOf(raw: RawObject): Receiver {
	const token = nonEmpty(raw.oaid);
	const name = nonEmpty(raw.receiver_name);
	const phone = nonEmpty(raw.receiver_mobile) ?? nonEmpty(raw.receiver_phone);
	const address = nonEmpty(raw.receiver_address);
	// Taobao masks name, phone and street with '*' and gives an OAID to decrypt them with.
	const masked = token !== undefined || [name, phone, address].some((v) => v !== undefined && MASK_CHAR.test(v));
	return compacted({
		name,
		phone,
		province: nonEmpty(raw.receiver_state),
		city: nonEmpty(raw.receiver_city),
		district: nonEmpty(raw.receiver_district),
		town: nonEmpty(raw.receiver_town),
		address,
		postcode: nonEmpty(raw.receiver_zip),
		country: nonEmpty(raw.receiver_country),
		masked,
		token,
	});
}

function tagsOf(raw: RawObject): string[] {
	const tags: string[] = [];
	const flag = Number(raw.seller_flag);
	if (Number.isInteger(flag) && flag > 0) tags.push(`seller_flag:${flag}`);
	const type = nonEmpty(raw.type);
	if (type) tags.push(`trade_type:${type}`);
	return tags;
}

/** One shipment per waybill number; lines without a waybill are not shipped yet. */
function logisticsOf(lines: LineResult[]): Logistics | undefined {
	const byWaybill = new Map<string, Shipment>();
	for (const { line, company, trackingNo, consignTime } of lines) {
		if (!trackingNo) continue;
		const key = `${company ?? ''}\u0000${trackingNo}`;
		const carrier = (company && carrierIdOf(company)) ?? company ?? '';
		const shipment = byWaybill.get(key) ?? compacted<Shipment>({ carrier, trackingNo, lineIds: [], shippedAt: consignTime });
		shipment.lineIds?.push(line.lineId);
		byWaybill.set(key, shipment);
	}
	// Oldest parcel first; the order's own carrier and waybill are the latest parcel's.
	const shipments = [...byWaybill.values()].sort((a, b) => (a.shippedAt ?? '').localeCompare(b.shippedAt ?? ''));
	const latest = shipments.at(-1);
	if (!latest) return undefined;
	const company = lines.find((l) => l.trackingNo === latest.trackingNo)?.company;
	return compacted<Logistics>({
		carrier: company ? carrierIdOf(company) : undefined,
		channelCarrierCode: company,
		trackingNo: latest.trackingNo,
		shipments,
	});
}

function linesOf(raw: RawObject): { items: unknown[]; path: string } | undefined {
	const orders = raw.orders;
	if (Array.isArray(orders)) return { items: orders, path: '.orders' };
	if (isObject(orders) && Array.isArray(orders.order)) return { items: orders.order, path: '.orders.order' };
	return undefined;
}

/** TOP response envelopes that carry trades (channels.md §1.4). */
export const TAOBAO_TRADE_ENVELOPES = [
	'trade_fullinfo_get_response',
	'trades_sold_get_response',
	'trades_sold_increment_get_response',
	'trade_get_response',
] as const;

export interface LocatedPayload {
	raw: unknown;
	/** JSON path of the trade inside the payload. */
	path: string;
}

/**
 * The trades in a payload as TOP or a push delivers it: a response envelope, its inner `trade` or
 * `trades` member (wrapped or simplified), one bare trade, or an array of any of these.
 */
export function taobaoTradesIn(payload: unknown, path = '$'): LocatedPayload[] {
	if (Array.isArray(payload)) return payload.flatMap((entry, i) => taobaoTradesIn(entry, `${path}[${i}]`));
	if (!isObject(payload)) return [{ raw: payload, path }];
	const envelope = TAOBAO_TRADE_ENVELOPES.find((key) => key in payload);
	if (envelope) return taobaoTradesIn(payload[envelope], `${path}.${envelope}`);
	if (looksLikeTrade(payload)) return [{ raw: payload, path }];
	if (isObject(payload.trade)) return [{ raw: payload.trade, path: `${path}.trade` }];
	if ('trades' in payload || 'total_results' in payload || 'has_next' in payload) {
		const trades = payload.trades;
		if (Array.isArray(trades)) return trades.map((raw, i) => ({ raw, path: `${path}.trades[${i}]` }));
		if (isObject(trades) && Array.isArray(trades.trade)) {
			return trades.trade.map((raw, i) => ({ raw, path: `${path}.trades.trade[${i}]` }));
		}
		// TOP leaves the member out or empty when a list has no trades.
		return [];
	}
	return [{ raw: payload, path }];
}

/** True for a payload that is recognisably Taobao's: a TOP trade envelope, or a trade with a TOP status. */
export function isTaobaoPayload(payload: unknown): boolean {
	if (Array.isArray(payload)) return payload.length > 0 && payload.every(isTaobaoPayload);
	if (!isObject(payload)) return false;
	if (TAOBAO_TRADE_ENVELOPES.some((key) => key in payload)) return true;
	if (looksLikeTrade(payload)) return typeof payload.status === 'string' && payload.status in TRADE_STATUS_MAP;
	if (isObject(payload.trade)) return isTaobaoPayload(payload.trade);
	const trades = isObject(payload.trades) ? payload.trades.trade : payload.trades;
	return Array.isArray(trades) && trades.length > 0 && trades.every(isTaobaoPayload);
}

function looksLikeTrade(value: RawObject): boolean {
	return ('tid' in value || 'tid_str' in value) && ('orders' in value || 'status' in value);
}
