// A Xiaohongshu order (order.getOrderDetail `data`) -> UnifiedOrder. Pure: the same payload always gives
// the same order. Amounts are fen; each time field's unit comes from XHS_TIME_UNITS; receivers are masked
// by the platform and keep their openAddressId as token.
import { orderId, validateOrder, type Logistics, type OrderLine, type Receiver, type Shipment, type UnifiedOrder } from '../../model';
import { findChannelCarrier } from '../../carriers/carrierCodes';
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
import { AFTER_SALES_STATUS_MAP, CHANNEL, ORDER_STATUS_MAP, PRESALE_ORDER_TYPES, XHS_TIME_UNITS } from './codes';

export interface NormalizeOptions {
	/** The seller id from the credential. */
	shopId?: string;
	keepRaw?: boolean;
	basePath?: string;
}

export type { NormalizeProblem, NormalizeResult } from '../core/payload';

export const XHS_CURRENCY = 'CNY';
/** Flag set when the lines' paid amounts plus shipping differ from totalPayAmount. */
export const FLAG_LINES_TOTAL_MISMATCH = 'lines_total_mismatch';

const BASE_READER = { currency: XHS_CURRENCY, moneyUnit: 'minor', emptyTimes: ['0'] } as const;
type OrderTimeField = keyof typeof XHS_TIME_UNITS.order;

/** Reads one order time field in its declared unit. */
function readTime(raw: RawObject, path: string, problems: NormalizeProblem[], field: OrderTimeField, required: boolean) {
	return new PayloadReader(raw, path, problems, { ...BASE_READER, timeKind: XHS_TIME_UNITS.order[field] }).time(field, required);
}

export function normalizeXhsOrder(raw: unknown, options: NormalizeOptions = {}): NormalizeResult {
	const base = options.basePath ?? '$';
	const problems: NormalizeProblem[] = [];
	if (!isObject(raw)) return { ok: false, problems: [payloadProblem(base, 'a Xiaohongshu order must be a JSON object')] };
	const reader = new PayloadReader(raw, base, problems, { ...BASE_READER, timeKind: 'epoch_millis' });
	const channelOrderId = reader.id('orderId', true);
	const shopId = nonEmpty(options.shopId);
	if (!shopId) problems.push(payloadProblem(base, 'no shop id: set the Seller ID on the credential'));

	const rawStatus = nonEmpty(raw.orderStatus) ?? '';
	if (!rawStatus) reader.fail('orderStatus', 'missing');
	const status = ORDER_STATUS_MAP[rawStatus];
	if (rawStatus && !status) problems.push(payloadProblem(`${base}.orderStatus`, `unknown Xiaohongshu order status ${rawStatus}`));

	const createdAt = readTime(raw, base, problems, 'createdTime', true);
	const updatedAt = readTime(raw, base, problems, 'updateTime', false) ?? createdAt;
	const paidAt = readTime(raw, base, problems, 'paidTime', false);
	const shippedAt = readTime(raw, base, problems, 'deliveryTime', false);

	const paid = reader.money('totalPayAmount', true) ?? 0;
	const shippingFee = reader.money('totalShippingFree', false) ?? 0;
	const discount = (reader.money('totalMerchantDiscount', false) ?? 0) + (reader.money('totalRedDiscount', false) ?? 0);

	const orderAfterSales = nonEmpty(raw.orderAfterSalesStatus);
	const rawLines = Array.isArray(raw.skuList) ? raw.skuList : undefined;
	if (!rawLines) problems.push(payloadProblem(`${base}.skuList`, 'missing: order.getOrderDetail returns the lines in skuList[]'));
	const lineIds = new Map<string, number>();
	const lines = (rawLines ?? []).map((line, i) => normalizeLine(line, `${base}.skuList[${i}]`, problems, lineIds, orderAfterSales));

	if (problems.length > 0) return { ok: false, problems, channelOrderId };

	const flags: string[] = [];
	if (lines.reduce((sum, l) => sum + l.paidAmount, 0) + shippingFee !== paid) flags.push(FLAG_LINES_TOTAL_MISMATCH);
	const orderType = nonEmpty(raw.orderType);
	const order: UnifiedOrder = compacted({
		id: orderId(CHANNEL, shopId as string, channelOrderId as string),
		channel: CHANNEL,
		shopId: shopId as string,
		channelOrderId: channelOrderId as string,
		status,
		rawStatus,
		refundState: orderRefundState(lines.map((l) => l.refundState)),
		currency: XHS_CURRENCY,
		// XHS sends no goods total: it is the paid total with discounts added back and freight taken out.
		totals: { goods: paid + discount - shippingFee, discount, shippingFee, paid },
		createdAt: createdAt as string,
		paidAt,
		updatedAt: updatedAt as string,
		shippedAt,
		lines,
		buyer: compacted({ id: nonEmpty(raw.userId) }),
		receiver: receiverOf(raw),
		buyerMessage: nonEmpty(raw.customerRemark),
		sellerMemo: nonEmpty(raw.sellerRemark),
		tags: [],
		presale: orderType !== undefined && (PRESALE_ORDER_TYPES as readonly string[]).includes(orderType) ? true : undefined,
		logistics: logisticsOf(raw, lines),
		flags,
		raw: options.keepRaw ? raw : undefined,
	});
	const invalid = validateOrder(order).map((p): NormalizeProblem => ({ ...p, source: 'order' }));
	if (invalid.length > 0) return { ok: false, problems: invalid, channelOrderId };
	return { ok: true, order };
}

/** XHS lines have no id of their own: the SKU id is the line id, suffixed when a SKU repeats. */
function normalizeLine(
	raw: unknown,
	path: string,
	problems: NormalizeProblem[],
	used: Map<string, number>,
	orderAfterSales: string | undefined,
): OrderLine {
	if (!isObject(raw)) {
		problems.push(payloadProblem(path, 'a line (skuList entry) must be a JSON object'));
		return { lineId: '', title: '', quantity: 0, unitPrice: 0, discount: 0, paidAmount: 0, refundState: 'none' };
	}
	const reader = new PayloadReader(raw, path, problems, { ...BASE_READER, timeKind: 'epoch_millis' });
	const skuId = reader.id('skuId', true) ?? String(used.size);
	const quantity = reader.quantity('skuQuantity') ?? 0;
	const paidAmount = reader.money('totalPaidAmount', true) ?? 0;
	const discount = (reader.money('totalMerchantDiscount', false) ?? 0) + (reader.money('totalRedDiscount', false) ?? 0);
	const detail = Array.isArray(raw.skuDetailList) ? raw.skuDetailList.find(isObject) : undefined;
	const listed = detail ? new PayloadReader(detail, `${path}.skuDetailList[0]`, problems, { ...BASE_READER, timeKind: 'epoch_millis' }).money('pricePerSku', false) : undefined;
	const unitPrice = listed ?? (quantity > 0 ? Math.round((paidAmount + discount) / quantity) : 0);
	const seen = used.get(skuId) ?? 0;
	used.set(skuId, seen + 1);
	// [I] skuAfterSaleStatus per line; the order's after-sales status when the line does not carry one.
	const afterSales = nonEmpty(raw.skuAfterSaleStatus) ?? orderAfterSales ?? '1';
	return compacted<OrderLine>({
		lineId: seen === 0 ? skuId : `${skuId}#${seen + 1}`,
		channelItemId: nonEmpty(raw.itemId),
		channelSkuId: skuId,
		merchantCode: nonEmpty(raw.erpcode) ?? nonEmpty(detail?.erpCode),
		title: nonEmpty(raw.skuName) ?? '',
		skuName: nonEmpty(raw.skuSpec),
		quantity,
		unitPrice,
		discount,
		paidAmount,
		refundState: AFTER_SALES_STATUS_MAP[afterSales] ?? 'none',
		isGift: raw.isGift === true ? true : undefined,
	});
}

/** XHS always masks the receiver; plain text needs order.getOrderReceiverInfo with the openAddressId. */
function receiverOf(raw: RawObject): Receiver {
	return compacted<Receiver>({
		name: nonEmpty(raw.receiverName),
		phone: nonEmpty(raw.receiverPhone),
		province: nonEmpty(raw.receiverProvinceName),
		city: nonEmpty(raw.receiverCityName),
		district: nonEmpty(raw.receiverDistrictName),
		address: nonEmpty(raw.receiverAddress),
		masked: true,
		token: nonEmpty(raw.openAddressId),
	});
}

/** One shipment per delivery order with a waybill; skuIdList names the lines in each parcel. */
function logisticsOf(raw: RawObject, lines: OrderLine[]): Logistics | undefined {
	const parcels = Array.isArray(raw.simpleDeliveryOrderList) ? raw.simpleDeliveryOrderList.filter(isObject) : [];
	const shipments: Shipment[] = [];
	for (const parcel of parcels) {
		const trackingNo = nonEmpty(parcel.expressTrackingNo);
		if (!trackingNo) continue;
		const code = nonEmpty(parcel.expressCompanyCode) ?? '';
		const skus = Array.isArray(parcel.skuIdList) ? parcel.skuIdList.map(nonEmpty) : [];
		const lineIds = lines.filter((l) => skus.includes(l.channelSkuId)).map((l) => l.lineId);
		shipments.push(compacted<Shipment>({ carrier: carrierIdOf(code) ?? code, trackingNo, lineIds: lineIds.length > 0 ? lineIds : undefined }));
	}
	const topTracking = nonEmpty(raw.expressTrackingNo);
	const topCode = nonEmpty(raw.expressCompanyCode);
	if (shipments.length === 0 && topTracking) shipments.push({ carrier: (topCode && carrierIdOf(topCode)) ?? topCode ?? '', trackingNo: topTracking });
	if (shipments.length === 0) return undefined;
	const firstCode = nonEmpty(parcels.find((p) => nonEmpty(p.expressTrackingNo))?.expressCompanyCode) ?? topCode;
	return compacted<Logistics>({
		carrier: firstCode ? carrierIdOf(firstCode) : undefined,
		channelCarrierCode: firstCode,
		trackingNo: shipments[0].trackingNo,
		shipments,
	});
}

/** Our carrier id for an XHS expressCompanyCode; undefined for an unknown code. */
export function carrierIdOf(code: string): string | undefined {
	return findChannelCarrier(CHANNEL, code);
}

export interface LocatedPayload {
	raw: unknown;
	path: string;
}

/** Orders in a payload: a gateway reply `{success, data}`, a bare order, an orderList page, or an array. */
export function xhsOrdersIn(payload: unknown, path = '$'): LocatedPayload[] {
	if (Array.isArray(payload)) return payload.flatMap((entry, i) => xhsOrdersIn(entry, `${path}[${i}]`));
	if (isObject(payload) && isObject(payload.data)) return xhsOrdersIn(payload.data, `${path}.data`);
	if (isObject(payload) && Array.isArray(payload.orderList)) return xhsOrdersIn(payload.orderList, `${path}.orderList`);
	return [{ raw: payload, path }];
}

/** True for an XHS order detail (or a reply holding one): an orderId with orderStatus and skuList[]. */
export function isXhsPayload(payload: unknown): boolean {
	if (Array.isArray(payload)) return payload.length > 0 && payload.every(isXhsPayload);
	if (!isObject(payload)) return false;
	if (isObject(payload.data)) return isXhsPayload(payload.data);
	if (Array.isArray(payload.orderList)) return isXhsPayload(payload.orderList);
	return 'orderId' in payload && 'orderStatus' in payload && Array.isArray(payload.skuList);
}
