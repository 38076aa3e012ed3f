// A Taobao trade (from trade.fullinfo.get, a sold/increment list, or a push) -> UnifiedOrder. Pure: the
// same payload always gives the same order. Totals are Taobao's own fields, never recomputed from lines.
import {
	MoneyError,
	TimeError,
	orderId,
	parseChannelTime,
	parseMoney,
	validateOrder,
	type Logistics,
	type OrderLine,
	type Problem,
	type Receiver,
	type RefundState,
	type Shipment,
	type UnifiedOrder,
} from '../../model';
import { CHANNEL, REFUND_STATUS_MAP, TRADE_STATUS_MAP } from './codes';

export interface NormalizeOptions {
	/** The shop the order belongs to (seller nick or id); falls back to the trade's seller_nick. */
	shopId?: string;
	/** Keep the Taobao trade under `raw`. */
	keepRaw?: boolean;
	/** JSON path of the trade inside the payload it came in, so problems point into that payload. */
	basePath?: string;
}

/** A problem in the Taobao payload (`payload`) or in the unified order built from it (`order`). */
export interface NormalizeProblem extends Problem {
	source: 'payload' | 'order';
}

export type NormalizeResult =
	| { ok: true; order: UnifiedOrder }
	| { ok: false; problems: NormalizeProblem[]; channelOrderId?: string };

export const TAOBAO_CURRENCY = 'CNY';

/** Flag set when the lines' paid amounts plus postage differ from the trade's `payment`. */
export const FLAG_LINES_TOTAL_MISMATCH = 'lines_total_mismatch';
/** Flag set when the trade had no `modified` time and `created` stood in for updatedAt. */
export const FLAG_UPDATED_AT_FROM_CREATED = 'updated_at_from_created';

type RawObject = Record<string, unknown>;

export function normalizeTaobaoTrade(raw: unknown, options: NormalizeOptions = {}): NormalizeResult {
	const base = options.basePath ?? '$';
	const problems: NormalizeProblem[] = [];
	if (!isObject(raw)) {
		return { ok: false, problems: [{ source: 'payload', path: base, message: 'a Taobao trade must be a JSON object' }] };
	}
	const reader = new FieldReader(raw, base, problems);

	const channelOrderId = reader.id('tid', 'tid_str', true);
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
	const order: UnifiedOrder = {
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
		buyer: compact({ id: nonEmpty(raw.buyer_open_uid), nick: nonEmpty(raw.buyer_nick) }),
		receiver: receiverOf(raw),
		buyerMessage: nonEmpty(raw.buyer_message),
		sellerMemo: nonEmpty(raw.seller_memo),
		tags: tagsOf(raw),
		presale: nonEmpty(raw.step_trade_status) !== undefined || raw.type === 'step' ? true : undefined,
		logistics: logisticsOf(lineResults),
		flags,
		raw: options.keepRaw ? raw : undefined,
	};
	compact(order);

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
	const reader = new FieldReader(raw, path, problems);
	const lineId = reader.id('oid', 'oid_str', true) ?? '';
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
	const itemId = reader.id('num_iid', undefined, false);
	if (itemId) line.channelItemId = itemId;
	const skuId = reader.id('sku_id', undefined, false);
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

/** The order's refund state from its lines: an open request outranks finished ones. */
export function orderRefundState(states: RefundState[]): RefundState {
	for (const open of ['requested', 'refunding'] as const) if (states.includes(open)) return open;
	if (states.includes('refunded')) return 'refunded';
	if (states.includes('rejected')) return 'rejected';
	return 'none';
}

const MASK_CHAR = /\*/;

function receiverOf(raw: RawObject): Receiver {
	const token = nonEmpty(raw.oaid);
	const name = nonEmpty(raw.receiver_name);
	const phone = nonEmpty(raw.receiver_mobile) ?? nonEmpty(raw.receiver_phone);
	const address = nonEmpty(raw.receiver_address);
	// Taobao masks name, phone and street with '*' and gives an OAID to decrypt them with.
	const masked = token !== undefined || [name, phone, address].some((v) => v !== undefined && MASK_CHAR.test(v));
	return compact({
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
		const shipment = byWaybill.get(key) ?? compact<Shipment>({ carrier: company ?? '', trackingNo, lineIds: [], shippedAt: consignTime });
		shipment.lineIds?.push(line.lineId);
		byWaybill.set(key, shipment);
	}
	const shipments = [...byWaybill.values()];
	if (shipments.length === 0) return undefined;
	// Taobao lines name the carrier ("顺丰速运"), not a company code; it is kept verbatim.
	return compact({ channelCarrierCode: shipments[0].carrier || undefined, trackingNo: shipments[0].trackingNo, shipments });
}

function linesOf(raw: RawObject): { items: unknown[]; path: string } | undefined {
	const orders = raw.orders;
	if (Array.isArray(orders)) return { items: orders, path: '.orders' };
	if (isObject(orders) && Array.isArray(orders.order)) return { items: orders.order, path: '.orders.order' };
	return undefined;
}

/** Reads typed fields of one object, recording a problem (with its JSON path) for every bad value. */
class FieldReader {
	constructor(
		private readonly raw: RawObject,
		private readonly path: string,
		private readonly problems: NormalizeProblem[],
	) {}

	/** An id as an exact string; a number beyond 2^53 means the body was parsed lossily and is refused. */
	id(field: string, stringTwin: string | undefined, required: boolean): string | undefined {
		const twin = stringTwin ? nonEmpty(this.raw[stringTwin]) : undefined;
		const value = this.raw[field];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
		if (typeof value === 'number') {
			if (Number.isSafeInteger(value) && value >= 0) return String(value);
			if (twin) return twin;
			this.fail(field, `${value} is not an exact id (numbers beyond 2^53 are rounded); parse the body losslessly`);
			return undefined;
		}
		if (twin) return twin;
		if (required || (value !== undefined && value !== null && value !== '')) {
			this.fail(field, value === undefined ? 'missing' : `expected an id, got ${JSON.stringify(value)}`);
		}
		return undefined;
	}

	text(field: string, required: boolean): string | undefined {
		const value = nonEmpty(this.raw[field]);
		if (value === undefined && required) this.fail(field, 'missing');
		return value;
	}

	money(field: string, required: boolean): number | undefined {
		const value = this.raw[field];
		if (value === undefined || value === null || value === '') {
			if (required) this.fail(field, 'missing');
			return undefined;
		}
		try {
			return parseMoney(value, { currency: TAOBAO_CURRENCY, unit: 'major', field });
		} catch (err) {
			if (!(err instanceof MoneyError)) throw err;
			this.fail(field, err.message);
			return undefined;
		}
	}

	time(field: string, required: boolean): string | undefined {
		const value = this.raw[field];
		if (value === undefined || value === null || value === '') {
			if (required) this.fail(field, 'missing');
			return undefined;
		}
		try {
			return parseChannelTime(value, 'shanghai_local');
		} catch (err) {
			if (!(err instanceof TimeError)) throw err;
			this.fail(field, err.message);
			return undefined;
		}
	}

	quantity(field: string): number | undefined {
		const value = this.raw[field];
		const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
		if (typeof number === 'number' && Number.isSafeInteger(number) && number > 0) return number;
		this.fail(field, value === undefined ? 'missing' : `expected a positive whole number, got ${JSON.stringify(value)}`);
		return undefined;
	}

	private fail(field: string, message: string): void {
		this.problems.push(payloadProblem(`${this.path}.${field}`, message));
	}
}

function payloadProblem(path: string, message: string): NormalizeProblem {
	return { source: 'payload', path, message };
}

function isObject(value: unknown): value is RawObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

/** Drops undefined properties so outputs carry only what the channel sent. */
function compact<T extends object>(value: T): T {
	for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
	return value;
}
