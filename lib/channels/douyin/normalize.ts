// A Douyin shop order (order.searchList `shop_order_list[]` entry or order.orderDetail `shop_order_detail`)
// -> UnifiedOrder. Pure: the same payload always gives the same order. Amounts are fen, times Unix seconds,
// each sub-order (sku_order_list[].order_id) is a line; the receiver stays encrypted: the masked text is
// shown and encrypt_post_receiver kept as the token (order.batchDecrypt turns it into plain text).
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
import { AFTERSALE_STATUS_MAP, CHANNEL, DOUYIN_TIME_UNITS, NOT_PRESALE_PRESELL_TYPES, ORDER_STATUS_MAP } from './codes';
import { DOUYIN_PUSH_TAGS } from './push';

export interface NormalizeOptions {
	/** The shop id from the credential; the order's own shop_id when absent. */
	shopId?: string;
	keepRaw?: boolean;
	basePath?: string;
}

export type { NormalizeProblem, NormalizeResult } from '../core/payload';

export const DOUYIN_CURRENCY = 'CNY';
/** Flag set when the lines' paid amounts plus shipping differ from pay_amount. */
export const FLAG_LINES_TOTAL_MISMATCH = 'lines_total_mismatch';

const READER = { currency: DOUYIN_CURRENCY, moneyUnit: 'minor', timeKind: DOUYIN_TIME_UNITS.order.create_time, emptyTimes: ['0'] } as const;

export function normalizeDouyinOrder(raw: unknown, options: NormalizeOptions = {}): NormalizeResult {
	const base = options.basePath ?? '$';
	const problems: NormalizeProblem[] = [];
	if (isPushMessage(raw)) return pushProblem(raw as RawObject, base);
	if (!isObject(raw)) return { ok: false, problems: [payloadProblem(base, 'a Douyin shop order must be a JSON object')] };
	const reader = new PayloadReader(raw, base, problems, READER);
	const channelOrderId = reader.id('order_id', true);
	const shopId = nonEmpty(options.shopId) ?? nonEmpty(raw.shop_id);
	if (!shopId) problems.push(payloadProblem(base, 'no shop id: set the Shop ID on the credential'));

	const rawStatus = nonEmpty(raw.order_status) ?? '';
	if (!rawStatus) reader.fail('order_status', 'missing');
	const status = ORDER_STATUS_MAP[rawStatus];
	if (rawStatus && !status) problems.push(payloadProblem(`${base}.order_status`, `unknown Douyin order status ${rawStatus}`));

	const createdAt = reader.time('create_time', true);
	const updatedAt = reader.time('update_time', false) ?? createdAt;
	const paidAt = reader.time('pay_time', false);
	const shippedAt = reader.time('ship_time', false);

	const paid = reader.money('pay_amount', true) ?? 0;
	const shippingFee = reader.money('post_amount', false) ?? 0;
	const discount = reader.money('promotion_amount', false) ?? 0;

	const rawLines = Array.isArray(raw.sku_order_list) ? raw.sku_order_list : undefined;
	if (!rawLines) problems.push(payloadProblem(`${base}.sku_order_list`, 'missing: order.searchList and order.orderDetail return the lines in sku_order_list[]'));
	const lines = (rawLines ?? []).map((line, i) => normalizeLine(line, `${base}.sku_order_list[${i}]`, problems));

	if (problems.length > 0) return { ok: false, problems, channelOrderId };

	const flags: string[] = [];
	if (lines.reduce((sum, l) => sum + l.paidAmount, 0) + shippingFee !== paid) flags.push(FLAG_LINES_TOTAL_MISMATCH);
	const presell = nonEmpty(raw.presell_type);
	const order: UnifiedOrder = compacted({
		id: orderId(CHANNEL, shopId as string, channelOrderId as string),
		channel: CHANNEL,
		shopId: shopId as string,
		channelOrderId: channelOrderId as string,
		status,
		rawStatus,
		refundState: orderRefundState(lines.map((l) => l.refundState)),
		currency: DOUYIN_CURRENCY,
		// The goods total is the paid total with discounts added back and freight taken out.
		totals: { goods: paid + discount - shippingFee, discount, shippingFee, paid },
		createdAt: createdAt as string,
		paidAt,
		updatedAt: updatedAt as string,
		shippedAt,
		lines,
		buyer: compacted({ id: nonEmpty(raw.doudian_open_id) ?? nonEmpty(raw.open_id) }),
		receiver: receiverOf(raw),
		buyerMessage: nonEmpty(raw.buyer_words),
		sellerMemo: nonEmpty(raw.seller_words),
		tags: [],
		presale: presell !== undefined && !(NOT_PRESALE_PRESELL_TYPES as readonly string[]).includes(presell) ? true : undefined,
		logistics: logisticsOf(raw, lines),
		flags,
		raw: options.keepRaw ? raw : undefined,
	});
	const invalid = validateOrder(order).map((p): NormalizeProblem => ({ ...p, source: 'order' }));
	if (invalid.length > 0) return { ok: false, problems: invalid, channelOrderId };
	return { ok: true, order };
}

function normalizeLine(raw: unknown, path: string, problems: NormalizeProblem[]): OrderLine {
	if (!isObject(raw)) {
		problems.push(payloadProblem(path, 'a line (sku_order_list entry) must be a JSON object'));
		return { lineId: '', title: '', quantity: 0, unitPrice: 0, discount: 0, paidAmount: 0, refundState: 'none' };
	}
	const reader = new PayloadReader(raw, path, problems, READER);
	const lineId = reader.id('order_id', true) ?? '';
	const quantity = reader.quantity('item_num') ?? 0;
	const unitPrice = reader.money('origin_amount', true) ?? 0;
	const paidAmount = reader.money('pay_amount', true) ?? 0;
	const listed = reader.money('promotion_amount', false);
	const sum = reader.money('sum_amount', false) ?? unitPrice * quantity;
	const info = isObject(raw.after_sale_info) ? raw.after_sale_info : {};
	const afterSale = nonEmpty(info.after_sale_status) ?? '0';
	const spec = Array.isArray(raw.spec) ? raw.spec.filter(isObject).map((s) => [nonEmpty(s.name), nonEmpty(s.value)].filter(Boolean).join(':')).join(';') : nonEmpty(raw.spec);
	return compacted<OrderLine>({
		lineId,
		channelItemId: reader.id('product_id', false),
		channelSkuId: reader.id('sku_id', false),
		merchantCode: nonEmpty(raw.code) ?? nonEmpty(raw.out_sku_id),
		title: nonEmpty(raw.product_name) ?? '',
		skuName: spec || undefined,
		quantity,
		unitPrice,
		discount: listed ?? Math.max(0, sum - paidAmount),
		paidAmount,
		refundState: AFTERSALE_STATUS_MAP[afterSale] ?? 'refunding',
		isGift: raw.is_gift === true || raw.given_product_type === 'FREE' ? true : undefined,
	});
}

const place = (value: unknown) => (isObject(value) ? nonEmpty(value.name) : nonEmpty(value));

function receiverOf(raw: RawObject): Receiver {
	const addr = isObject(raw.post_addr) ? raw.post_addr : {};
	const masked = isObject(raw.mask_post_addr) ? raw.mask_post_addr : {};
	return compacted<Receiver>({
		name: nonEmpty(raw.mask_post_receiver),
		phone: nonEmpty(raw.mask_post_tel),
		province: place(addr.province) ?? place(masked.province),
		city: place(addr.city) ?? place(masked.city),
		district: place(addr.town) ?? place(masked.town),
		town: place(addr.street) ?? place(masked.street),
		address: nonEmpty(masked.detail) ?? nonEmpty(addr.detail),
		masked: true,
		token: nonEmpty(raw.encrypt_post_receiver),
	});
}

/** One shipment per logistics_info entry; product_info[].sku_order_id names the lines in a parcel [I]. */
function logisticsOf(raw: RawObject, lines: OrderLine[]): Logistics | undefined {
	const parcels = Array.isArray(raw.logistics_info) ? raw.logistics_info.filter(isObject) : [];
	const shipments: Shipment[] = [];
	for (const parcel of parcels) {
		const trackingNo = nonEmpty(parcel.tracking_no);
		if (!trackingNo) continue;
		const code = nonEmpty(parcel.company) ?? '';
		const named = Array.isArray(parcel.product_info) ? parcel.product_info.filter(isObject).map((p) => nonEmpty(p.sku_order_id)) : [];
		const lineIds = lines.filter((l) => named.includes(l.lineId)).map((l) => l.lineId);
		const partial = lineIds.length > 0 && lineIds.length < lines.length;
		shipments.push(compacted<Shipment>({ carrier: carrierIdOf(code) ?? code, trackingNo, lineIds: partial ? lineIds : undefined }));
	}
	if (shipments.length === 0) return undefined;
	const firstCode = nonEmpty(parcels.find((p) => nonEmpty(p.tracking_no))?.company);
	return compacted<Logistics>({
		carrier: firstCode ? carrierIdOf(firstCode) : undefined,
		channelCarrierCode: firstCode,
		trackingNo: shipments[0].trackingNo,
		shipments,
	});
}

/** Our carrier id for a Douyin company code; undefined for an unknown code. */
export function carrierIdOf(code: string): string | undefined {
	return findChannelCarrier(CHANNEL, code);
}

/** A push message {tag, msg_id, data}: it names an order but carries none of its lines. */
function isPushMessage(raw: unknown): boolean {
	return isObject(raw) && 'tag' in raw && 'msg_id' in raw && 'data' in raw;
}

function pushProblem(raw: RawObject, path: string): NormalizeResult {
	let data: RawObject = {};
	if (isObject(raw.data)) data = raw.data;
	else if (typeof raw.data === 'string') {
		// Ids in push data are 19-digit numbers: read their digits, not a rounded float.
		const id = /"p_id"\s*:\s*"?(\d+)/.exec(raw.data)?.[1];
		data = id ? { p_id: id } : {};
	}
	const channelOrderId = nonEmpty(data.p_id);
	const tag = String(raw.tag);
	const event = DOUYIN_PUSH_TAGS[tag] ?? `tag ${tag}`;
	const message = `a Douyin push message (${event}) only names order ${channelOrderId ?? '(none)'}; get the order (Douyin node, Order → Get) and normalize that`;
	return { ok: false, problems: [payloadProblem(`${path}.data`, message)], channelOrderId };
}

export interface LocatedPayload {
	raw: unknown;
	path: string;
}

/**
 * Orders in a payload: a gateway reply {code, data: {shop_order_list | shop_order_detail}}, a list page, a
 * bare shop order, a push delivery (each message, which normalizes to a problem naming its order), or an array.
 */
export function douyinOrdersIn(payload: unknown, path = '$'): LocatedPayload[] {
	if (Array.isArray(payload)) return payload.flatMap((entry, i) => douyinOrdersIn(entry, `${path}[${i}]`));
	if (isObject(payload) && isObject(payload.data) && !isPushMessage(payload)) return douyinOrdersIn(payload.data, `${path}.data`);
	if (isObject(payload) && Array.isArray(payload.shop_order_list)) return douyinOrdersIn(payload.shop_order_list, `${path}.shop_order_list`);
	if (isObject(payload) && isObject(payload.shop_order_detail)) return [{ raw: payload.shop_order_detail, path: `${path}.shop_order_detail` }];
	return [{ raw: payload, path }];
}

/** True for a Douyin shop order, a reply or list holding them, or a push delivery. */
export function isDouyinPayload(payload: unknown): boolean {
	if (Array.isArray(payload)) return payload.length > 0 && payload.every(isDouyinPayload);
	if (!isObject(payload)) return false;
	if (isPushMessage(payload)) return typeof payload.tag === 'string' || typeof payload.tag === 'number';
	if (isObject(payload.data)) return isDouyinPayload(payload.data);
	if (Array.isArray(payload.shop_order_list)) return payload.shop_order_list.length > 0 && isDouyinPayload(payload.shop_order_list);
	if (isObject(payload.shop_order_detail)) return isDouyinPayload(payload.shop_order_detail);
	return 'order_id' in payload && 'order_status' in payload && Array.isArray(payload.sku_order_list);
}
