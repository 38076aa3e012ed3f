// A Shopify order (REST orders.json entry, order get or an orders/* webhook body) -> UnifiedOrder. Pure.
// Amounts are decimal strings in the order's own currency (JPY has no minor unit, KWD three); times are
// ISO 8601 with the shop's offset; totals come from the order's total fields, never from its lines.
import { splitLeadingDistrict } from '../core/address';
import { orderId, validateOrder, type Logistics, type OrderLine, type OrderStatus, type Receiver, type RefundState, type Shipment, type UnifiedOrder } from '../../model';
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
import { CHANNEL, FINANCIAL_STATUS_MAP, FULFILLMENT_STATUS_MAP } from './codes';

export interface NormalizeOptions {
	/** The shop domain (my-store.myshopify.com). */
	shopId?: string;
	keepRaw?: boolean;
	basePath?: string;
}

export type { NormalizeProblem, NormalizeResult } from '../core/payload';

/** Flag set when the lines' paid amounts plus shipping and tax differ from total_price. */
export const FLAG_LINES_TOTAL_MISMATCH = 'lines_total_mismatch';
/** Flag set when the receiver comes from the billing address (the order has no shipping address). */
export const FLAG_BILLING_AS_RECEIVER = 'billing_address_as_receiver';
const CURRENCY = /^[A-Z]{3}$/;

export function normalizeShopifyOrder(raw: unknown, options: NormalizeOptions = {}): NormalizeResult {
	const base = options.basePath ?? '$';
	const problems: NormalizeProblem[] = [];
	if (!isObject(raw)) return { ok: false, problems: [payloadProblem(base, 'a Shopify order must be a JSON object')] };
	const currency = nonEmpty(raw.currency) ?? '';
	if (!CURRENCY.test(currency)) problems.push(payloadProblem(`${base}.currency`, currency ? `${currency} is not an ISO 4217 code` : 'missing'));
	const reading = { currency: CURRENCY.test(currency) ? currency : 'CNY', moneyUnit: 'major', timeKind: 'iso' } as const;
	const reader = new PayloadReader(raw, base, problems, reading);
	const channelOrderId = reader.id('id', true);
	const shopId = nonEmpty(options.shopId);
	if (!shopId) problems.push(payloadProblem(base, 'no shop id: set the shop domain on the credential'));

	const financial = nonEmpty(raw.financial_status) ?? '';
	const fulfillment = nonEmpty(raw.fulfillment_status);
	if (financial && !FINANCIAL_STATUS_MAP[financial]) problems.push(payloadProblem(`${base}.financial_status`, `unknown Shopify financial_status ${financial}`));
	if (!financial) reader.fail('financial_status', 'missing');
	const cancelledAt = reader.time('cancelled_at', false);

	const createdAt = reader.time('created_at', true);
	const updatedAt = reader.time('updated_at', false) ?? createdAt;
	const processedAt = reader.time('processed_at', false);
	const paid = reader.money('total_price', true) ?? 0;
	const discount = reader.money('total_discounts', false) ?? 0;
	const subtotal = reader.money('subtotal_price', false);
	const goods = reader.money('total_line_items_price', false) ?? (subtotal ?? paid) + discount;
	const shippingFee = shippingFeeOf(raw, base, problems, reading);

	const refunded = refundedLines(raw.refunds);
	const rawLines = Array.isArray(raw.line_items) ? raw.line_items : undefined;
	if (!rawLines) problems.push(payloadProblem(`${base}.line_items`, 'the order has no line_items[]'));
	const lines = (rawLines ?? []).map((line, i) => normalizeLine(line, `${base}.line_items[${i}]`, problems, reading, refunded));
	const fulfillments = Array.isArray(raw.fulfillments) ? raw.fulfillments.filter(isObject) : [];
	const shipped = fulfillments.map((f, i) => new PayloadReader(f, `${base}.fulfillments[${i}]`, problems, reading).time('created_at', false));

	if (problems.length > 0) return { ok: false, problems, channelOrderId };

	const flags: string[] = [];
	const tax = new PayloadReader(raw, base, [], reading).money('total_tax', false) ?? 0;
	const taxesIncluded = raw.taxes_included === true;
	if (lines.reduce((sum, l) => sum + l.paidAmount, 0) + shippingFee + (taxesIncluded ? 0 : tax) !== paid) flags.push(FLAG_LINES_TOTAL_MISMATCH);
	const shipping = isObject(raw.shipping_address) ? raw.shipping_address : undefined;
	const billing = isObject(raw.billing_address) ? raw.billing_address : undefined;
	if (!shipping && billing) flags.push(FLAG_BILLING_AS_RECEIVER);
	const customer = isObject(raw.customer) ? raw.customer : {};
	const customerReader = new PayloadReader(customer, `${base}.customer`, [], reading);
	const refundTotal = refundedAmount(raw.refunds, reading);

	const order: UnifiedOrder = compacted({
		id: orderId(CHANNEL, shopId as string, channelOrderId as string),
		channel: CHANNEL,
		shopId: shopId as string,
		channelOrderId: channelOrderId as string,
		status: statusOf(financial, fulfillment, cancelledAt, nonEmpty(raw.closed_at)),
		rawStatus: rawStatusOf(financial, fulfillment, cancelledAt),
		refundState: refundStateOf(financial, lines),
		currency,
		totals: compacted({ goods, discount, shippingFee, paid, refunded: refundTotal }),
		createdAt: createdAt as string,
		paidAt: FINANCIAL_STATUS_MAP[financial] === 'paid' ? processedAt ?? createdAt : undefined,
		updatedAt: updatedAt as string,
		shippedAt: shipped.filter((t): t is string => t !== undefined).sort()[0],
		lines,
		buyer: compacted({ id: customerReader.id('id', false), nick: personName(customer) ?? nonEmpty(raw.email) }),
		receiver: receiverOf(shipping ?? billing ?? {}),
		buyerMessage: nonEmpty(raw.note),
		tags: (nonEmpty(raw.tags) ?? '').split(',').map((t) => t.trim()).filter(Boolean),
		logistics: logisticsOf(fulfillments, lines),
		flags,
		raw: options.keepRaw ? raw : undefined,
	});
	const invalid = validateOrder(order).map((p): NormalizeProblem => ({ ...p, source: 'order' }));
	if (invalid.length > 0) return { ok: false, problems: invalid, channelOrderId };
	return { ok: true, order };
}

/** Cancelled wins; then what has shipped; a fulfilled and closed (archived) order is completed. */
export function statusOf(financial: string, fulfillment: string | undefined, cancelledAt: string | undefined, closedAt?: string): OrderStatus {
	if (cancelledAt) return 'cancelled';
	const shipped = fulfillment ? FULFILLMENT_STATUS_MAP[fulfillment] : undefined;
	if (shipped === 'shipped' && closedAt) return 'completed';
	return shipped ?? FINANCIAL_STATUS_MAP[financial] ?? 'pending_payment';
}

/** e.g. 'paid/partial', 'pending/unfulfilled', 'refunded/fulfilled/cancelled'. */
function rawStatusOf(financial: string, fulfillment: string | undefined, cancelledAt: string | undefined): string {
	return [financial, fulfillment ?? 'unfulfilled', cancelledAt ? 'cancelled' : undefined].filter(Boolean).join('/');
}

function refundStateOf(financial: string, lines: OrderLine[]): RefundState {
	const fromLines = orderRefundState(lines.map((l) => l.refundState));
	if (fromLines !== 'none') return fromLines;
	// A refund of shipping or an amount only names no line, but the financial status still says so.
	return financial === 'refunded' || financial === 'partially_refunded' ? 'refunded' : 'none';
}

type Reading = ConstructorParameters<typeof PayloadReader>[3];

/** total_shipping_price_set.shop_money.amount, else the sum of shipping_lines[].price. */
function shippingFeeOf(raw: RawObject, base: string, problems: NormalizeProblem[], reading: Reading): number {
	const set = isObject(raw.total_shipping_price_set) ? raw.total_shipping_price_set : undefined;
	if (set && isObject(set.shop_money)) {
		return new PayloadReader(set.shop_money, `${base}.total_shipping_price_set.shop_money`, problems, reading).money('amount', false) ?? 0;
	}
	const shippingLines = Array.isArray(raw.shipping_lines) ? raw.shipping_lines.filter(isObject) : [];
	return shippingLines.reduce(
		(sum, line, i) => sum + (new PayloadReader(line, `${base}.shipping_lines[${i}]`, problems, reading).money('price', false) ?? 0),
		0,
	);
}

/** line_item id -> refunded quantity, from refunds[].refund_line_items[]. */
function refundedLines(refunds: unknown): Map<string, number> {
	const refunded = new Map<string, number>();
	for (const refund of Array.isArray(refunds) ? refunds.filter(isObject) : []) {
		for (const item of Array.isArray(refund.refund_line_items) ? refund.refund_line_items.filter(isObject) : []) {
			const id = nonEmpty(item.line_item_id);
			if (id) refunded.set(id, (refunded.get(id) ?? 0) + Number(item.quantity ?? 0));
		}
	}
	return refunded;
}

/** Sum of successful refund transactions, when the order carries its refunds. */
function refundedAmount(refunds: unknown, reading: Reading): number | undefined {
	if (!Array.isArray(refunds) || refunds.length === 0) return undefined;
	let total = 0;
	for (const refund of refunds.filter(isObject)) {
		for (const tx of Array.isArray(refund.transactions) ? refund.transactions.filter(isObject) : []) {
			if (tx.kind === 'refund' && (tx.status === undefined || tx.status === 'success')) {
				total += new PayloadReader(tx, '$', [], reading).money('amount', false) ?? 0;
			}
		}
	}
	return total;
}

function normalizeLine(raw: unknown, path: string, problems: NormalizeProblem[], reading: Reading, refunded: Map<string, number>): OrderLine {
	if (!isObject(raw)) {
		problems.push(payloadProblem(path, 'a line (line_items entry) must be a JSON object'));
		return { lineId: '', title: '', quantity: 0, unitPrice: 0, discount: 0, paidAmount: 0, refundState: 'none' };
	}
	const reader = new PayloadReader(raw, path, problems, reading);
	const lineId = reader.id('id', true) ?? '';
	const quantity = reader.quantity('quantity') ?? 0;
	const unitPrice = reader.money('price', true) ?? 0;
	const allocations = Array.isArray(raw.discount_allocations) ? raw.discount_allocations.filter(isObject) : [];
	const discount =
		allocations.length > 0
			? allocations.reduce((sum, a, i) => sum + (new PayloadReader(a, `${path}.discount_allocations[${i}]`, problems, reading).money('amount', false) ?? 0), 0)
			: reader.money('total_discount', false) ?? 0;
	const refundedQuantity = refunded.get(lineId) ?? 0;
	return compacted<OrderLine>({
		lineId,
		channelItemId: reader.id('product_id', false),
		channelSkuId: reader.id('variant_id', false),
		merchantCode: nonEmpty(raw.sku),
		title: nonEmpty(raw.title) ?? nonEmpty(raw.name) ?? '',
		skuName: nonEmpty(raw.variant_title),
		quantity,
		unitPrice,
		discount,
		paidAmount: unitPrice * quantity - discount,
		refundState: refundedQuantity > 0 ? 'refunded' : 'none',
		isGift: undefined,
	});
}

function personName(person: RawObject): string | undefined {
	const joined = [nonEmpty(person.first_name), nonEmpty(person.last_name)].filter(Boolean).join(' ');
	return nonEmpty(person.name) ?? (joined || undefined);
}

function receiverOf(address: RawObject): Receiver {
	const line = [nonEmpty(address.address1), nonEmpty(address.address2)].filter(Boolean).join(' ') || undefined;
	const where = { province: nonEmpty(address.province), city: nonEmpty(address.city), country: nonEmpty(address.country_code) ?? nonEmpty(address.country) };
	const { district, street } = splitLeadingDistrict(line, where);
	return compacted<Receiver>({
		name: personName(address),
		phone: nonEmpty(address.phone),
		...where,
		district,
		address: street,
		postcode: nonEmpty(address.zip),
		masked: false,
	});
}

/** One shipment per tracking number of each fulfillment; line_items name the lines in it. */
function logisticsOf(fulfillments: RawObject[], lines: OrderLine[]): Logistics | undefined {
	const shipments: Shipment[] = [];
	let firstCompany: string | undefined;
	for (const f of fulfillments) {
		if (nonEmpty(f.status) === 'cancelled') continue;
		const numbers = Array.isArray(f.tracking_numbers) ? f.tracking_numbers.map(nonEmpty) : [nonEmpty(f.tracking_number)];
		const company = nonEmpty(f.tracking_company) ?? '';
		const ids = Array.isArray(f.line_items) ? f.line_items.filter(isObject).map((l) => nonEmpty(l.id)) : [];
		const lineIds = lines.filter((l) => ids.includes(l.lineId)).map((l) => l.lineId);
		for (const trackingNo of numbers) {
			if (!trackingNo) continue;
			firstCompany ??= company;
			shipments.push(compacted<Shipment>({ carrier: carrierIdOf(company) ?? company, trackingNo, lineIds: lineIds.length > 0 ? lineIds : undefined, shippedAt: undefined }));
		}
	}
	if (shipments.length === 0) return undefined;
	return compacted<Logistics>({
		carrier: firstCompany ? carrierIdOf(firstCompany) : undefined,
		channelCarrierCode: firstCompany || undefined,
		trackingNo: shipments[0].trackingNo,
		shipments,
	});
}

/** Our carrier id for a Shopify tracking company ("SF Express"); undefined for one we do not know. */
export function carrierIdOf(company: string): string | undefined {
	return findChannelCarrier(CHANNEL, company);
}

export interface LocatedPayload {
	raw: unknown;
	path: string;
}

/** Orders in a payload: `{order}`, `{orders: [...]}`, a bare order (webhook body) or an array of them. */
export function shopifyOrdersIn(payload: unknown, path = '$'): LocatedPayload[] {
	if (Array.isArray(payload)) return payload.flatMap((entry, i) => shopifyOrdersIn(entry, `${path}[${i}]`));
	if (isObject(payload) && Array.isArray(payload.orders)) return shopifyOrdersIn(payload.orders, `${path}.orders`);
	if (isObject(payload) && isObject(payload.order)) return [{ raw: payload.order, path: `${path}.order` }];
	return [{ raw: payload, path }];
}

/** True for a Shopify order: an id with financial_status, line_items and a total_price. */
export function isShopifyPayload(payload: unknown): boolean {
	if (Array.isArray(payload)) return payload.length > 0 && payload.every(isShopifyPayload);
	if (!isObject(payload)) return false;
	if (Array.isArray(payload.orders)) return isShopifyPayload(payload.orders);
	if (isObject(payload.order)) return isShopifyPayload(payload.order);
	return 'id' in payload && 'financial_status' in payload && Array.isArray(payload.line_items) && 'total_price' in payload;
}
