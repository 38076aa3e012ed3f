// A JD orderInfo (from pop.order.get, pop.order.search or a push) -> UnifiedOrder. Pure: the same payload
// always gives the same order. Totals are JD's own fields, never recomputed from lines.
import { findChannelCarrier } from '../../carriers/carrierCodes';
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
import { CHANNEL, JD_CURRENCY, JD_EMPTY_TIMES, ORDER_STATE_MAP } from './codes';
import { applyRefundsToLines, type JdRefundInput } from './refunds';

export type { NormalizeProblem, NormalizeResult } from '../core/payload';

export interface NormalizeOptions {
	/** The shop the order belongs to (venderId); falls back to the order's venderId. */
	shopId?: string;
	/** Keep the JD orderInfo under `raw`. */
	keepRaw?: boolean;
	/** JSON path of the order inside the payload it came in, so problems point into that payload. */
	basePath?: string;
	/** The order's refund applications, when the caller fetched them: JD orders carry no refund state. */
	refunds?: readonly JdRefundInput[];
}

/** Flag set when the lines' amounts plus freight differ from JD's `orderPayment`. */
export const FLAG_LINES_TOTAL_MISMATCH = 'lines_total_mismatch';
/** Flag set when the order had no `modified` time and `orderStartTime` stood in for updatedAt. */
export const FLAG_UPDATED_AT_FROM_CREATED = 'updated_at_from_created';

/** [I] `orderType` values that mark a presale order; none is confirmed yet, so presale is not detected. */
export const PRESALE_ORDER_TYPES: readonly string[] = [];

/** Whole-order and line-level amounts come as yuan strings; times as Beijing `yyyy-MM-dd HH:mm:ss`. */
const READER = { currency: JD_CURRENCY, moneyUnit: 'major', timeKind: 'shanghai_local', emptyTimes: JD_EMPTY_TIMES } as const;

export function normalizeJdOrder(raw: unknown, options: NormalizeOptions = {}): NormalizeResult {
	const base = options.basePath ?? '$';
	const problems: NormalizeProblem[] = [];
	if (!isObject(raw)) {
		return { ok: false, problems: [payloadProblem(base, 'a JD orderInfo must be a JSON object')] };
	}
	const reader = new PayloadReader(raw, base, problems, READER);

	const channelOrderId = reader.id('orderId', true);
	const shopId = nonEmpty(options.shopId) ?? reader.id('venderId', false);
	if (!shopId) problems.push(payloadProblem(`${base}.venderId`, 'no shop id: set the Shop ID (venderId) or include venderId'));

	const rawStatus = reader.text('orderState', true) ?? '';
	const status = ORDER_STATE_MAP[rawStatus];
	if (rawStatus && !status) problems.push(payloadProblem(`${base}.orderState`, `unknown JD order state ${JSON.stringify(rawStatus)}`));

	const createdAt = reader.time('orderStartTime', true);
	const modifiedAt = reader.time('modified', false);
	const flags: string[] = [];
	if (!modifiedAt && createdAt) flags.push(FLAG_UPDATED_AT_FROM_CREATED);

	const totals = {
		goods: reader.money('orderTotalPrice', true) ?? 0,
		discount: reader.money('sellerDiscount', false) ?? 0,
		shippingFee: reader.money('freightPrice', false) ?? 0,
		paid: reader.money('orderPayment', true) ?? 0,
	};

	const items = raw.itemInfoList;
	if (!Array.isArray(items)) problems.push(payloadProblem(`${base}.itemInfoList`, 'the order has no itemInfoList[]; request the itemInfoList field'));
	const coupons = couponsBySku(raw.couponDetailList, `${base}.couponDetailList`, problems);
	const lines = (Array.isArray(items) ? items : []).map((item, i) => normalizeLine(item, i, `${base}.itemInfoList[${i}]`, coupons, problems));
	assignCoupons(lines, coupons);

	if (problems.length > 0) return { ok: false, problems, channelOrderId };
	applyRefundsToLines(lines, options.refunds ?? [], channelOrderId as string);
	if (linesDisagreeWithTotal(lines, totals.paid, totals.shippingFee)) flags.push(FLAG_LINES_TOTAL_MISMATCH);

	const orderType = nonEmpty(raw.orderType);
	const order: UnifiedOrder = compacted({
		id: orderId(CHANNEL, shopId as string, channelOrderId as string),
		channel: CHANNEL,
		shopId: shopId as string,
		channelOrderId: channelOrderId as string,
		status,
		rawStatus,
		refundState: orderRefundState(lines.map((l) => l.refundState)),
		currency: JD_CURRENCY,
		totals,
		createdAt: createdAt as string,
		paidAt: reader.time('paymentConfirmTime', false),
		updatedAt: modifiedAt ?? (createdAt as string),
		lines,
		buyer: compacted({ id: nonEmpty(raw.open_id_buyer) ?? nonEmpty(raw.xid_buyer), nick: nonEmpty(raw.pin) }),
		receiver: receiverOf(raw),
		buyerMessage: nonEmpty(raw.orderRemark),
		sellerMemo: nonEmpty(raw.venderRemark),
		tags: orderType ? [`order_type:${orderType}`] : [],
		presale: orderType && PRESALE_ORDER_TYPES.includes(orderType) ? true : undefined,
		logistics: logisticsOf(nonEmpty(raw.logisticsId), nonEmpty(raw.waybill)),
		flags,
		raw: options.keepRaw ? raw : undefined,
	});

	const invalid = validateOrder(order).map((p): NormalizeProblem => ({ ...p, source: 'order' }));
	if (invalid.length > 0) return { ok: false, problems: invalid, channelOrderId };
	return { ok: true, order };
}

/**
 * JD items have no line id of their own: the line id is the item's position, from 1, which JD keeps
 * stable for an order. A line's paid amount is its price times quantity less the coupons on its SKU.
 */
function normalizeLine(raw: unknown, index: number, path: string, coupons: CouponTable, problems: NormalizeProblem[]): OrderLine {
	const line: OrderLine = { lineId: String(index + 1), title: '', quantity: 0, unitPrice: 0, discount: 0, paidAmount: 0, refundState: 'none' };
	if (!isObject(raw)) {
		problems.push(payloadProblem(path, 'an item (itemInfoList entry) must be a JSON object'));
		return line;
	}
	const reader = new PayloadReader(raw, path, problems, READER);
	line.quantity = reader.quantity('itemTotal') ?? 0;
	line.unitPrice = reader.money('jdPrice', true) ?? 0;
	line.paidAmount = line.unitPrice * line.quantity;
	line.title = reader.text('skuName', true) ?? '';
	const skuId = reader.id('skuId', true);
	if (skuId) {
		line.channelSkuId = skuId;
		coupons.lines.push({ skuId, line });
	}
	const wareId = reader.id('wareId', false);
	if (wareId) line.channelItemId = wareId;
	const merchantCode = nonEmpty(raw.outerSkuId) ?? nonEmpty(raw.productNo);
	if (merchantCode) line.merchantCode = merchantCode;
	return line;
}

interface CouponTable {
	/** Coupon amounts per SKU id, in the order JD lists them. */
	bySku: Map<string, number[]>;
	lines: Array<{ skuId: string; line: OrderLine }>;
}

function couponsBySku(value: unknown, path: string, problems: NormalizeProblem[]): CouponTable {
	const table: CouponTable = { bySku: new Map(), lines: [] };
	if (value === undefined || value === null) return table;
	if (!Array.isArray(value)) {
		problems.push(payloadProblem(path, 'couponDetailList must be an array'));
		return table;
	}
	value.forEach((entry, i) => {
		if (!isObject(entry)) {
			problems.push(payloadProblem(`${path}[${i}]`, 'a coupon must be a JSON object'));
			return;
		}
		const reader = new PayloadReader(entry, `${path}[${i}]`, problems, READER);
		// Order-level coupons (no skuId) are already in sellerDiscount and the order total.
		const skuId = reader.id('skuId', false);
		const amount = reader.money('couponPrice', true);
		if (skuId && amount !== undefined) table.bySku.set(skuId, [...(table.bySku.get(skuId) ?? []), amount]);
	});
	return table;
}

/** A SKU's coupons go to that SKU's lines in order; any extra ones add to its last line. */
function assignCoupons(lines: OrderLine[], coupons: CouponTable): void {
	for (const [skuId, amounts] of coupons.bySku) {
		const owners = coupons.lines.filter((entry) => entry.skuId === skuId).map((entry) => entry.line);
		if (owners.length === 0) continue;
		amounts.forEach((amount, i) => {
			const line = owners[Math.min(i, owners.length - 1)];
			line.discount += amount;
		});
	}
	for (const line of lines) line.paidAmount = Math.max(0, line.unitPrice * line.quantity - line.discount);
}

function linesDisagreeWithTotal(lines: OrderLine[], paid: number, freight: number): boolean {
	if (lines.length === 0) return false;
	return lines.reduce((sum, line) => sum + line.paidAmount, 0) + freight !== paid;
}

const MASK_CHAR = /\*/;

/** JD sends consignee fields masked (order.search) or encrypted (enSearch) and an OAID to decrypt with. */
function receiverOf(raw: RawObject): Receiver {
	const info = isObject(raw.consigneeInfo) ? raw.consigneeInfo : {};
	const token = nonEmpty(raw.oaid) ?? nonEmpty(info.oaid);
	const name = nonEmpty(info.fullname);
	const phone = nonEmpty(info.mobile) ?? nonEmpty(info.telephone);
	const address = nonEmpty(info.fullAddress);
	const masked = token !== undefined || [name, phone, address].some((v) => v !== undefined && MASK_CHAR.test(v));
	return compacted({
		name,
		phone,
		province: nonEmpty(info.province),
		city: nonEmpty(info.city),
		district: nonEmpty(info.county),
		town: nonEmpty(info.town),
		address,
		masked,
		token,
	});
}

/**
 * `logisticsId` lists carriers separated by '|', `waybill` lists each carrier's waybills the same way,
 * several waybills of one carrier separated by ','. JD ships whole orders, so shipments carry no line ids.
 */
export function logisticsOf(logisticsId: string | undefined, waybill: string | undefined): Logistics | undefined {
	if (!waybill) return undefined;
	const companies = (logisticsId ?? '').split('|').map((c) => c.trim());
	const groups = waybill.split('|').map((group) => group.split(',').map((no) => no.trim()).filter(Boolean));
	const shipments: Shipment[] = [];
	groups.forEach((numbers, i) => {
		const company = companies.length === groups.length ? companies[i] : companies[0];
		for (const trackingNo of numbers) shipments.push({ carrier: ourCarrier(company) ?? company, trackingNo });
	});
	const last = shipments.at(-1);
	if (!last) return undefined;
	const lastCompany = companies.length === groups.length ? companies.at(-1) : companies[0];
	return compacted({ carrier: ourCarrier(lastCompany), channelCarrierCode: lastCompany || undefined, trackingNo: last.trackingNo, shipments });
}

/** JD's numeric carrier id -> our carrier id, or undefined when the carrier table does not know it. */
function ourCarrier(code: string | undefined): string | undefined {
	return code ? findChannelCarrier(CHANNEL, code) : undefined;
}

/** JOS response envelopes that carry orders, and the member path to their orderInfo (channels.md §2.4). */
export const JD_ORDER_ENVELOPES = [
	'jingdong_pop_order_get_responce',
	'jingdong_pop_order_enGet_responce',
	'jingdong_pop_order_search_responce',
	'jingdong_pop_order_enSearch_responce',
] as const;

export interface LocatedPayload {
	raw: unknown;
	/** JSON path of the order inside the payload. */
	path: string;
}

/**
 * The orders in a payload as JD or a push delivers it: a response envelope, its `orderDetailInfo` /
 * `searchorderinfo_result` member, an `orderInfo` or `orderInfoList`, one bare orderInfo, or an array.
 */
export function jdOrdersIn(payload: unknown, path = '$'): LocatedPayload[] {
	if (Array.isArray(payload)) return payload.flatMap((entry, i) => jdOrdersIn(entry, `${path}[${i}]`));
	if (!isObject(payload)) return [{ raw: payload, path }];
	const envelope = JD_ORDER_ENVELOPES.find((key) => key in payload);
	if (envelope) return jdOrdersIn(payload[envelope], `${path}.${envelope}`);
	if (looksLikeOrder(payload)) return [{ raw: payload, path }];
	for (const member of ['orderDetailInfo', 'searchorderinfo_result'] as const) {
		if (isObject(payload[member])) return jdOrdersIn(payload[member], `${path}.${member}`);
	}
	if (isObject(payload.orderInfo)) return [{ raw: payload.orderInfo, path: `${path}.orderInfo` }];
	if (Array.isArray(payload.orderInfoList)) return payload.orderInfoList.map((raw, i) => ({ raw, path: `${path}.orderInfoList[${i}]` }));
	// JD leaves the list out when a search finds nothing.
	if ('orderTotal' in payload || 'apiResult' in payload) return [];
	return [{ raw: payload, path }];
}

/** True for a payload that is recognisably JD's: a JOS order envelope, or an orderInfo with a JD state. */
export function isJdPayload(payload: unknown): boolean {
	if (Array.isArray(payload)) return payload.length > 0 && payload.every(isJdPayload);
	if (!isObject(payload)) return false;
	if (JD_ORDER_ENVELOPES.some((key) => key in payload)) return true;
	// A bare orderInfo counts only when it could be normalized: a JD state and its items.
	if (looksLikeOrder(payload)) {
		return typeof payload.orderState === 'string' && payload.orderState in ORDER_STATE_MAP && Array.isArray(payload.itemInfoList);
	}
	if (isObject(payload.orderDetailInfo)) return isJdPayload(payload.orderDetailInfo);
	if (isObject(payload.searchorderinfo_result)) return isJdPayload(payload.searchorderinfo_result);
	if (isObject(payload.orderInfo)) return isJdPayload(payload.orderInfo);
	const list = payload.orderInfoList;
	return Array.isArray(list) && list.length > 0 && list.every(isJdPayload);
}

function looksLikeOrder(value: RawObject): boolean {
	return 'orderId' in value && ('orderState' in value || 'itemInfoList' in value);
}
