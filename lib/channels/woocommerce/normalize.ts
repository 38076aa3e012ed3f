// A WooCommerce order (REST v3 /orders entry, order get or an order.* webhook body) -> UnifiedOrder. Pure.
// Amounts are decimal strings in the order's currency (JPY has no minor unit, KWD three); times are read
// from the *_gmt fields (shown at +08:00); totals come from the order's total fields, never from its lines.
import { SHANGHAI_OFFSET_MINUTES, isoFromMillis, orderId, validateOrder, type Logistics, type OrderLine, type OrderStatus, type Receiver, type RefundState, type Shipment, type UnifiedOrder } from '../../model';
import { findChannelCarrier } from '../../carriers/carrierCodes';
import { splitLeadingDistrict } from '../core/address';
import { PayloadReader, compact, isObject, nonEmpty, payloadProblem, type NormalizeProblem, type NormalizeResult, type RawObject } from '../core/payload';
import { CHANNEL, ORDER_STATUS_MAP } from './codes';

export interface NormalizeOptions {
	/** The site (shop.example.com), as the credential names it. */
	shopId?: string;
	keepRaw?: boolean;
	basePath?: string;
}

export type { NormalizeProblem, NormalizeResult } from '../core/payload';

/** Flag set when line totals plus fees, shipping and tax differ from the order total. */
export const FLAG_LINES_TOTAL_MISMATCH = 'lines_total_mismatch';
/** Flag set when the receiver comes from the billing address (the order has no shipping address). */
export const FLAG_BILLING_AS_RECEIVER = 'billing_address_as_receiver';
/** Flag set when a time had no *_gmt twin and was read as Asia/Shanghai local time. */
export const FLAG_LOCAL_TIME_ASSUMED = 'site_local_time_assumed';
/** The order meta key the Shipment Tracking extension keeps its parcels in. */
export const TRACKING_META_KEY = '_wc_shipment_tracking_items';
const CURRENCY = /^[A-Z]{3}$/;

type Reading = ConstructorParameters<typeof PayloadReader>[3];

export function normalizeWooOrder(raw: unknown, options: NormalizeOptions = {}): NormalizeResult {
	const base = options.basePath ?? '$';
	const problems: NormalizeProblem[] = [];
	if (!isObject(raw)) return { ok: false, problems: [payloadProblem(base, 'a WooCommerce order must be a JSON object')] };
	const currency = nonEmpty(raw.currency) ?? '';
	if (!CURRENCY.test(currency)) problems.push(payloadProblem(`${base}.currency`, currency ? `${currency} is not an ISO 4217 code` : 'missing'));
	const reading: Reading = { currency: CURRENCY.test(currency) ? currency : 'CNY', moneyUnit: 'major', timeKind: 'iso' };
	const reader = new PayloadReader(raw, base, problems, reading);
	const channelOrderId = reader.id('id', true);
	const shopId = nonEmpty(options.shopId);
	if (!shopId) problems.push(payloadProblem(base, 'no shop id: set the site URL on the credential'));

	const rawStatus = nonEmpty(raw.status) ?? '';
	if (!rawStatus) reader.fail('status', 'missing');
	else if (!ORDER_STATUS_MAP[rawStatus]) problems.push(payloadProblem(`${base}.status`, `unknown WooCommerce order status ${rawStatus}`));

	const flags: string[] = [];
	const times = new TimeReader(raw, base, problems, flags);
	const createdAt = times.read('date_created', true);
	const updatedAt = times.read('date_modified', false) ?? createdAt;
	const paidAt = times.read('date_paid', false);
	const completedAt = times.read('date_completed', false);

	const paid = reader.money('total', true) ?? 0;
	const shippingFee = reader.money('shipping_total', false) ?? 0;
	const discount = reader.money('discount_total', false) ?? 0;
	const tax = reader.money('total_tax', false) ?? 0;
	const rawLines = Array.isArray(raw.line_items) ? raw.line_items : undefined;
	if (!rawLines) problems.push(payloadProblem(`${base}.line_items`, 'the order has no line_items[]'));
	const fullyRefunded = rawStatus === 'refunded';
	const lines = (rawLines ?? []).map((line, i) => normalizeLine(line, `${base}.line_items[${i}]`, problems, reading, fullyRefunded));
	const fees = sumOf(raw.fee_lines, 'total', `${base}.fee_lines`, problems, reading, true);
	const refunded = sumOf(raw.refunds, 'total', `${base}.refunds`, problems, reading, true);

	if (problems.length > 0) return { ok: false, problems, channelOrderId };

	if (lines.reduce((sum, l) => sum + l.paidAmount, 0) + fees + shippingFee + tax !== paid) flags.push(FLAG_LINES_TOTAL_MISMATCH);
	const shipping = isObject(raw.shipping) && nonEmpty(raw.shipping.address_1) ? raw.shipping : undefined;
	const billing = isObject(raw.billing) ? raw.billing : {};
	if (!shipping && nonEmpty(billing.address_1)) flags.push(FLAG_BILLING_AS_RECEIVER);
	const customerId = nonEmpty(raw.customer_id);
	const status: OrderStatus = ORDER_STATUS_MAP[rawStatus];

	const order: UnifiedOrder = {
		id: orderId(CHANNEL, shopId as string, channelOrderId as string),
		channel: CHANNEL,
		shopId: shopId as string,
		channelOrderId: channelOrderId as string,
		status,
		rawStatus,
		refundState: refundStateOf(rawStatus, raw.refunds),
		currency,
		totals: compact({ goods: lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0), discount, shippingFee, paid, refunded: refunded > 0 ? refunded : undefined }),
		createdAt: createdAt as string,
		paidAt,
		updatedAt: updatedAt as string,
		shippedAt: status === 'completed' || status === 'shipped' || status === 'delivered' ? completedAt : undefined,
		lines,
		buyer: compact({ id: customerId && customerId !== '0' ? customerId : undefined, nick: personName(billing) ?? nonEmpty(billing.email) }),
		receiver: receiverOf(shipping ?? billing, billing),
		buyerMessage: nonEmpty(raw.customer_note),
		tags: [],
		logistics: logisticsOf(raw.meta_data),
		flags,
		raw: options.keepRaw ? raw : undefined,
	};
	compact(order);
	const invalid = validateOrder(order).map((p): NormalizeProblem => ({ ...p, source: 'order' }));
	if (invalid.length > 0) return { ok: false, problems: invalid, channelOrderId };
	return { ok: true, order };
}

/** Reads `<field>_gmt` (UTC without a zone) and falls back to the site-local `<field>` as +08:00, flagged. */
class TimeReader {
	private readonly reader: PayloadReader;
	private readonly local: PayloadReader;

	constructor(
		private readonly raw: RawObject,
		base: string,
		problems: NormalizeProblem[],
		private readonly flags: string[],
	) {
		const withZone: RawObject = {};
		for (const [key, value] of Object.entries(raw)) {
			if (key.endsWith('_gmt') && typeof value === 'string' && value.trim() && !/(Z|[+-]\d\d:?\d\d)$/.test(value.trim())) withZone[key] = `${value.trim()}Z`;
			else withZone[key] = value;
		}
		this.reader = new PayloadReader(withZone, base, problems, { currency: 'CNY', timeKind: 'iso' });
		this.local = new PayloadReader(raw, base, problems, { currency: 'CNY', timeKind: 'shanghai_local' });
	}

	read(field: string, required: boolean): string | undefined {
		const gmt = `${field}_gmt`;
		if (nonEmpty(this.raw[gmt])) {
			const utc = this.reader.time(gmt, required);
			// Shown in Beijing time like every other channel's; the instant is the same.
			return utc === undefined ? undefined : isoFromMillis(Date.parse(utc), SHANGHAI_OFFSET_MINUTES);
		}
		const local = this.local.time(field, required);
		if (local && !this.flags.includes(FLAG_LOCAL_TIME_ASSUMED)) this.flags.push(FLAG_LOCAL_TIME_ASSUMED);
		return local;
	}
}

function refundStateOf(rawStatus: string, refunds: unknown): RefundState {
	if (rawStatus === 'refunded') return 'refunded';
	return Array.isArray(refunds) && refunds.length > 0 ? 'refunded' : 'none';
}

/** Sum of a money field over a list (refund totals are negative: their size counts). */
function sumOf(list: unknown, field: string, path: string, problems: NormalizeProblem[], reading: Reading, absolute: boolean): number {
	if (!Array.isArray(list)) return 0;
	return list.filter(isObject).reduce((sum, entry, i) => {
		const value = typeof entry[field] === 'string' && absolute ? (entry[field] as string).replace(/^-/, '') : entry[field];
		return sum + (new PayloadReader({ [field]: value }, `${path}[${i}]`, problems, reading).money(field, false) ?? 0);
	}, 0);
}

function normalizeLine(raw: unknown, path: string, problems: NormalizeProblem[], reading: Reading, refunded: boolean): OrderLine {
	if (!isObject(raw)) {
		problems.push(payloadProblem(path, 'a line (line_items entry) must be a JSON object'));
		return { lineId: '', title: '', quantity: 0, unitPrice: 0, discount: 0, paidAmount: 0, refundState: 'none' };
	}
	const reader = new PayloadReader(raw, path, problems, reading);
	const lineId = reader.id('id', true) ?? '';
	const quantity = reader.quantity('quantity') ?? 0;
	const subtotal = reader.money('subtotal', true) ?? 0;
	const total = reader.money('total', true) ?? 0;
	// `price` is a float; the exact unit price is subtotal / quantity when it divides evenly.
	const unitPrice = quantity > 0 && subtotal % quantity === 0 ? subtotal / quantity : unitPriceOf(raw.price, reading, subtotal, quantity);
	const productId = reader.id('product_id', false);
	const variationId = reader.id('variation_id', false);
	return compact<OrderLine>({
		lineId,
		channelItemId: productId,
		channelSkuId: variationId && variationId !== '0' ? variationId : productId,
		merchantCode: nonEmpty(raw.sku),
		title: nonEmpty(raw.name) ?? '',
		quantity,
		unitPrice,
		discount: subtotal - total,
		paidAmount: total,
		refundState: refunded ? 'refunded' : 'none',
		isGift: undefined,
	});
}

function unitPriceOf(price: unknown, reading: Reading, subtotal: number, quantity: number): number {
	const exact = new PayloadReader({ price }, '$', [], reading).money('price', false);
	return exact ?? (quantity > 0 ? Math.round(subtotal / quantity) : 0);
}

function personName(person: RawObject): string | undefined {
	const joined = [nonEmpty(person.first_name), nonEmpty(person.last_name)].filter(Boolean).join(' ');
	return joined || nonEmpty(person.company);
}

function receiverOf(address: RawObject, billing: RawObject): Receiver {
	const line = [nonEmpty(address.address_1), nonEmpty(address.address_2)].filter(Boolean).join(' ') || undefined;
	const where = { province: nonEmpty(address.state), city: nonEmpty(address.city), country: nonEmpty(address.country) };
	const { district, street } = splitLeadingDistrict(line, where);
	return compact<Receiver>({
		name: personName(address),
		phone: nonEmpty(address.phone) ?? nonEmpty(billing.phone),
		...where,
		district,
		address: street,
		postcode: nonEmpty(address.postcode),
		masked: false,
	});
}

/** Parcels the Shipment Tracking extension keeps in the order's meta_data. */
function logisticsOf(meta: unknown): Logistics | undefined {
	const entry = Array.isArray(meta) ? meta.filter(isObject).find((m) => m.key === TRACKING_META_KEY) : undefined;
	const items = entry && Array.isArray(entry.value) ? entry.value.filter(isObject) : [];
	const shipments: Shipment[] = [];
	for (const item of items) {
		const trackingNo = nonEmpty(item.tracking_number);
		if (!trackingNo) continue;
		const provider = nonEmpty(item.tracking_provider) ?? nonEmpty(item.custom_tracking_provider) ?? '';
		shipments.push(compact<Shipment>({ carrier: carrierIdOf(provider) ?? provider, trackingNo, lineIds: undefined, shippedAt: undefined }));
	}
	if (shipments.length === 0) return undefined;
	const first = items.find((i) => nonEmpty(i.tracking_number));
	const company = nonEmpty(first?.tracking_provider) ?? nonEmpty(first?.custom_tracking_provider);
	return compact<Logistics>({ carrier: company ? carrierIdOf(company) : undefined, channelCarrierCode: company, trackingNo: shipments[0].trackingNo, shipments });
}

/** Our carrier id for a carrier name as typed in WooCommerce ("顺丰", "SF Express"); undefined when unknown. */
export function carrierIdOf(name: string): string | undefined {
	if (!name.trim()) return undefined;
	return findChannelCarrier(CHANNEL, name);
}

export interface LocatedPayload {
	raw: unknown;
	path: string;
}

/** Orders in a payload: a list response (array), `{order}`, `{orders: [...]}` or a bare order (webhook body). */
export function wooOrdersIn(payload: unknown, path = '$'): LocatedPayload[] {
	if (Array.isArray(payload)) return payload.flatMap((entry, i) => wooOrdersIn(entry, `${path}[${i}]`));
	if (isObject(payload) && Array.isArray(payload.orders)) return wooOrdersIn(payload.orders, `${path}.orders`);
	if (isObject(payload) && isObject(payload.order)) return [{ raw: payload.order, path: `${path}.order` }];
	return [{ raw: payload, path }];
}

/** True for a WooCommerce order: an id, a status, line_items, a total and WooCommerce's order_key or *_gmt dates. */
export function isWooPayload(payload: unknown): boolean {
	if (Array.isArray(payload)) return payload.length > 0 && payload.every(isWooPayload);
	if (!isObject(payload)) return false;
	if (Array.isArray(payload.orders)) return isWooPayload(payload.orders);
	if (isObject(payload.order)) return isWooPayload(payload.order);
	return (
		'id' in payload &&
		typeof payload.status === 'string' &&
		Array.isArray(payload.line_items) &&
		'total' in payload &&
		('order_key' in payload || 'date_created_gmt' in payload) &&
		!('financial_status' in payload)
	);
}
