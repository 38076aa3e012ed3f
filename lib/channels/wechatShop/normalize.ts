// A WeChat shop order (from order/get or a push fetch) -> UnifiedOrder. Pure: the same payload always gives
// the same order. Money is already fen; times are Unix seconds; totals come from price_info, never lines.
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
import { findChannelCarrier } from '../../carriers/carrierCodes';
import { CHANNEL, ORDER_STATUS_MAP } from './codes';

export interface NormalizeOptions {
	/** The shop the order belongs to (the credential's Shop ID or AppID). */
	shopId?: string;
	keepRaw?: boolean;
	/** JSON path of the order inside the payload it came in. */
	basePath?: string;
}

export type { NormalizeProblem, NormalizeResult } from '../core/payload';

export const WECHAT_CURRENCY = 'CNY';
/** Flag set when the lines' real prices plus freight differ from price_info.order_price. */
export const FLAG_LINES_TOTAL_MISMATCH = 'lines_total_mismatch';
/** Flag set when the receiver phone is a virtual (privacy) number. */
export const FLAG_VIRTUAL_PHONE = 'virtual_phone';

const READER = { currency: WECHAT_CURRENCY, moneyUnit: 'minor', timeKind: 'epoch_seconds', emptyTimes: ['0'] } as const;

export function normalizeWechatOrder(raw: unknown, options: NormalizeOptions = {}): NormalizeResult {
	const base = options.basePath ?? '$';
	const problems: NormalizeProblem[] = [];
	if (!isObject(raw)) {
		return { ok: false, problems: [{ source: 'payload', path: base, message: 'a WeChat shop order must be a JSON object' }] };
	}
	const reader = new PayloadReader(raw, base, problems, READER);
	const channelOrderId = reader.id('order_id', true);
	const shopId = nonEmpty(options.shopId);
	if (!shopId) problems.push(payloadProblem(base, 'no shop id: set the Shop ID (or AppID) on the credential'));

	const rawStatus = nonEmpty(raw.status) ?? '';
	if (!rawStatus) reader.fail('status', 'missing');
	const status = ORDER_STATUS_MAP[rawStatus];
	if (rawStatus && !status) problems.push(payloadProblem(`${base}.status`, `unknown WeChat shop order status ${rawStatus}`));

	const createdAt = reader.time('create_time', true);
	const updatedAt = reader.time('update_time', false) ?? createdAt;

	const detail = isObject(raw.order_detail) ? raw.order_detail : undefined;
	const detailPath = `${base}.order_detail`;
	if (!detail) problems.push(payloadProblem(detailPath, 'missing: order/get returns the order with its order_detail'));
	const price = isObject(detail?.price_info) ? detail.price_info : {};
	const priceReader = new PayloadReader(price, `${detailPath}.price_info`, problems, READER);
	const goods = priceReader.money('product_price', true) ?? 0;
	const shippingFee = priceReader.money('freight', false) ?? 0;
	const paid = priceReader.money('order_price', true) ?? 0;
	const discount = priceReader.money('discounted_price', false) ?? Math.max(0, goods + shippingFee - paid);

	const pay = isObject(detail?.pay_info) ? detail.pay_info : {};
	const paidAt = new PayloadReader(pay, `${detailPath}.pay_info`, problems, READER).time('pay_time', false);
	const delivery = isObject(detail?.delivery_info) ? detail.delivery_info : {};
	const deliveryReader = new PayloadReader(delivery, `${detailPath}.delivery_info`, problems, READER);
	const shippedAt = deliveryReader.time('ship_done_time', false);

	const rawLines = Array.isArray(detail?.product_infos) ? detail.product_infos : undefined;
	if (detail && !rawLines) problems.push(payloadProblem(`${detailPath}.product_infos`, 'the order has no product_infos[] lines'));
	const lineIds = new Map<string, number>();
	const lines = (rawLines ?? []).map((line, i) => normalizeLine(line, `${detailPath}.product_infos[${i}]`, problems, lineIds));

	if (problems.length > 0) return { ok: false, problems, channelOrderId };

	const receiver = receiverOf(isObject(delivery.address_info) ? delivery.address_info : {});
	const flags: string[] = [];
	if (lines.reduce((sum, l) => sum + l.paidAmount, 0) + shippingFee !== paid) flags.push(FLAG_LINES_TOTAL_MISMATCH);
	if (receiver.virtual) flags.push(FLAG_VIRTUAL_PHONE);
	const ext = isObject(detail?.ext_info) ? detail.ext_info : {};

	const order: UnifiedOrder = compacted({
		id: orderId(CHANNEL, shopId as string, channelOrderId as string),
		channel: CHANNEL,
		shopId: shopId as string,
		channelOrderId: channelOrderId as string,
		status,
		rawStatus,
		refundState: orderRefundState(lines.map((l) => l.refundState)),
		currency: WECHAT_CURRENCY,
		totals: { goods, discount, shippingFee, paid },
		createdAt: createdAt as string,
		paidAt,
		updatedAt: updatedAt as string,
		shippedAt,
		lines,
		buyer: compacted({ id: nonEmpty(raw.openid) }),
		receiver: receiver.receiver,
		buyerMessage: nonEmpty(ext.customer_notes),
		sellerMemo: nonEmpty(ext.merchant_notes),
		tags: nonEmpty(raw.unionid) ? [`unionid:${nonEmpty(raw.unionid)}`] : [],
		logistics: logisticsOf(delivery, lines),
		flags,
		raw: options.keepRaw ? raw : undefined,
	});
	const invalid = validateOrder(order).map((p): NormalizeProblem => ({ ...p, source: 'order' }));
	if (invalid.length > 0) return { ok: false, problems: invalid, channelOrderId };
	return { ok: true, order };
}

/** WeChat lines have no id of their own: the SKU id is the line id, suffixed when a SKU repeats (gifts). */
function normalizeLine(raw: unknown, path: string, problems: NormalizeProblem[], used: Map<string, number>): OrderLine {
	if (!isObject(raw)) {
		problems.push(payloadProblem(path, 'a line (product_infos entry) must be a JSON object'));
		return { lineId: '', title: '', quantity: 0, unitPrice: 0, discount: 0, paidAmount: 0, refundState: 'none' };
	}
	const reader = new PayloadReader(raw, path, problems, READER);
	const productId = reader.id('product_id', true);
	const skuId = reader.id('sku_id', true);
	const quantity = reader.quantity('sku_cnt') ?? 0;
	const unitPrice = reader.money('sale_price', true) ?? 0;
	const paidAmount = reader.money('real_price', false) ?? unitPrice * quantity;
	const base = skuId ?? productId ?? String(used.size);
	const seen = used.get(base) ?? 0;
	used.set(base, seen + 1);
	const onAfterSale = Number(raw.on_aftersale_sku_cnt ?? 0);
	const finishedAfterSale = Number(raw.finish_aftersale_sku_cnt ?? 0);
	const line: OrderLine = {
		lineId: seen === 0 ? base : `${base}#${seen + 1}`,
		channelItemId: productId,
		channelSkuId: skuId,
		merchantCode: nonEmpty(raw.sku_code) ?? nonEmpty(raw.out_sku_id),
		title: nonEmpty(raw.title) ?? '',
		skuName: skuNameOf(raw.sku_attrs),
		quantity,
		unitPrice,
		discount: Math.max(0, unitPrice * quantity - paidAmount),
		paidAmount,
		refundState: onAfterSale > 0 ? 'refunding' : finishedAfterSale > 0 ? 'refunded' : 'none',
		isGift: raw.is_free_gift === true || raw.is_free_gift === 1 ? true : undefined,
	};
	return compacted(line);
}

function skuNameOf(attrs: unknown): string | undefined {
	if (!Array.isArray(attrs)) return undefined;
	const parts = attrs.filter(isObject).map((a) => `${nonEmpty(a.attr_key) ?? ''}:${nonEmpty(a.attr_value) ?? ''}`);
	return parts.length > 0 ? parts.join(';') : undefined;
}

const MASK_CHAR = /\*/;

/** WeChat masks addresses by default and may hand out a virtual number instead of the buyer's phone. */
function receiverOf(address: RawObject): { receiver: Receiver; virtual: boolean } {
	const virtual = Number(address.use_tel_number) === 1 && nonEmpty(address.virtual_order_tel_number) !== undefined;
	const phone = virtual ? nonEmpty(address.virtual_order_tel_number) : nonEmpty(address.tel_number);
	const name = nonEmpty(address.user_name);
	const street = [nonEmpty(address.detail_info), nonEmpty(address.house_number)].filter(Boolean).join(' ') || undefined;
	const masked = virtual || [name, phone, street].some((v) => v !== undefined && MASK_CHAR.test(v));
	const receiver = compacted<Receiver>({
		name,
		phone,
		province: nonEmpty(address.province_name),
		city: nonEmpty(address.city_name),
		district: nonEmpty(address.county_name),
		address: street,
		postcode: nonEmpty(address.postal_code),
		masked,
		token: nonEmpty(address.hash_code),
	});
	return { receiver, virtual };
}

/** One shipment per waybill in delivery_product_info; product_infos name the lines in each parcel. */
function logisticsOf(delivery: RawObject, lines: OrderLine[]): Logistics | undefined {
	const parcels = Array.isArray(delivery.delivery_product_info) ? delivery.delivery_product_info.filter(isObject) : [];
	const shipments: Shipment[] = [];
	for (const parcel of parcels) {
		const trackingNo = nonEmpty(parcel.waybill_id);
		if (!trackingNo) continue;
		const code = nonEmpty(parcel.delivery_id) ?? '';
		const skus = Array.isArray(parcel.product_infos) ? parcel.product_infos.filter(isObject).map((p) => nonEmpty(p.sku_id)) : [];
		const lineIds = lines.filter((l) => skus.includes(l.channelSkuId)).map((l) => l.lineId);
		const seconds = Number(parcel.delivery_time);
		shipments.push(
			compacted<Shipment>({
				carrier: carrierIdOf(code) ?? code,
				trackingNo,
				lineIds: lineIds.length > 0 ? lineIds : undefined,
				shippedAt: seconds > 0 ? new PayloadReader(parcel, '$', [], READER).time('delivery_time', false) : undefined,
			}),
		);
	}
	if (shipments.length === 0) return undefined;
	const firstCode = nonEmpty(parcels.find((p) => nonEmpty(p.waybill_id))?.delivery_id);
	return compacted<Logistics>({
		carrier: firstCode ? carrierIdOf(firstCode) : undefined,
		channelCarrierCode: firstCode,
		trackingNo: shipments[0].trackingNo,
		shipments,
	});
}

/** Our carrier id for a WeChat delivery_id ("SF", "ZTO"); undefined for OTHER or an unknown code. */
export function carrierIdOf(deliveryId: string): string | undefined {
	return findChannelCarrier(CHANNEL, deliveryId);
}

export interface LocatedPayload {
	raw: unknown;
	path: string;
}

/** Orders in a payload: an order/get body `{errcode, order}`, a bare order, or an array of either. */
export function wechatOrdersIn(payload: unknown, path = '$'): LocatedPayload[] {
	if (Array.isArray(payload)) return payload.flatMap((entry, i) => wechatOrdersIn(entry, `${path}[${i}]`));
	if (isObject(payload) && isObject(payload.order)) return [{ raw: payload.order, path: `${path}.order` }];
	return [{ raw: payload, path }];
}

/** True for a WeChat shop order (or order/get body): an order_id with an order_detail holding price_info. */
export function isWechatShopPayload(payload: unknown): boolean {
	if (Array.isArray(payload)) return payload.length > 0 && payload.every(isWechatShopPayload);
	if (!isObject(payload)) return false;
	if (isObject(payload.order)) return isWechatShopPayload(payload.order);
	return 'order_id' in payload && isObject(payload.order_detail) && isObject(payload.order_detail.price_info);
}
