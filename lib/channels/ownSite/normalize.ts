// A site's own order JSON -> UnifiedOrder, through the operator's field mapping (mapping.ts). Pure.
// Every value that is missing or unreadable becomes a problem naming the unified field and the JSON path
// it was read from, so an order that cannot be mapped is reported whole, never dropped.
import { MoneyError, TimeError, orderId, parseChannelTime, parseMoney, validateOrder, type OrderLine, type UnifiedOrder } from '../../model';
import { EPOCH_MILLIS_THRESHOLD } from '../../model/time';
import { compact, isObject, payloadProblem, type NormalizeProblem, type NormalizeResult } from '../core/payload';
import type { LocatedOrder } from '../registry';
import { CHANNEL, joinPath, mapStatus, parsePath, valueAt, type OwnSiteMapping, type PathField } from './mapping';

export type { NormalizeProblem, NormalizeResult } from '../core/payload';

/** Flag set when the goods total was not mapped and is derived as paid - shipping + discount. */
export const FLAG_GOODS_DERIVED = 'goods_total_derived';

export interface OwnSiteNormalizeOptions {
	/** JSON path of the order inside the pushed body, for problem reports. Default '$'. */
	basePath?: string;
	keepRaw?: boolean;
}

export type OrdersInResult = { ok: true; orders: LocatedOrder[] } | { ok: false; problems: NormalizeProblem[] };

/** The orders of a pushed body: at `ordersPath` when set, else the body itself (one order or an array of orders). */
export function ownSiteOrdersIn(payload: unknown, ordersPath: string): OrdersInResult {
	const parsed = parsePath(ordersPath);
	if (!parsed.ok) return { ok: false, problems: [payloadProblem('mapping.ordersPath', `bad path ${JSON.stringify(ordersPath)}: ${parsed.error}`)] };
	const base = joinPath('$', parsed.segments);
	const found = valueAt(payload, parsed.segments);
	if (Array.isArray(found)) return { ok: true, orders: found.map((raw, i) => ({ raw, path: `${base}[${i}]` })) };
	if (isObject(found)) return { ok: true, orders: [{ raw: found, path: base }] };
	const what = found === undefined ? 'nothing' : JSON.stringify(found);
	return { ok: false, problems: [payloadProblem(base, `expected an order object or an array of orders, found ${what}`)] };
}

/** Reads mapped values of one object, recording a problem for every missing required or unreadable value. */
class MappedReader {
	constructor(
		private readonly raw: unknown,
		private readonly base: string,
		private readonly mapping: OwnSiteMapping,
		private readonly problems: NormalizeProblem[],
	) {}

	/** The value a mapping field points at; undefined (and no problem) when the field is not mapped. */
	value(field: PathField): { value: unknown; at: string } | undefined {
		const text = this.mapping[field] as string;
		if (text === '') return undefined;
		const parsed = parsePath(text);
		if (!parsed.ok) {
			this.problems.push(payloadProblem(`mapping.${field}`, `bad path ${JSON.stringify(text)}: ${parsed.error}`));
			return undefined;
		}
		const found = valueAt(this.raw, parsed.segments);
		return { value: isBlank(found) ? undefined : found, at: joinPath(this.base, parsed.segments) };
	}

	fail(field: PathField, at: string | undefined, message: string): void {
		this.problems.push(payloadProblem(at ?? `mapping.${field}`, `${label(field)}: ${message}`));
	}

	/** A missing required value: at the path it was looked for, or at the mapping field when not mapped. */
	private need(field: PathField, found: { at: string } | undefined): undefined {
		this.fail(field, found?.at, found ? 'missing' : 'not mapped');
		return undefined;
	}

	id(field: PathField, required: boolean): string | undefined {
		const found = this.value(field);
		const value = found?.value;
		if (value === undefined) return required ? this.need(field, found) : undefined;
		if (typeof value === 'string') return value.trim();
		if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
		this.fail(field, found?.at, `${JSON.stringify(value)} is not an exact id (a string or a whole number)`);
		return undefined;
	}

	text(field: PathField, required = false): string | undefined {
		const found = this.value(field);
		const value = found?.value;
		if (value === undefined) return required ? this.need(field, found) : undefined;
		if (typeof value === 'string') return value.trim();
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
		this.fail(field, found?.at, `expected text, got ${JSON.stringify(value)}`);
		return undefined;
	}

	money(field: PathField, currency: string, required: boolean): number | undefined {
		const found = this.value(field);
		const value = found?.value;
		if (value === undefined) return required ? this.need(field, found) : undefined;
		// Yuan may arrive as a JSON number (12.3): read through its shortest decimal form, never rounded.
		const unit = this.mapping.amountUnit === 'fen' ? 'minor' : typeof value === 'number' ? 'float_major' : 'major';
		try {
			return parseMoney(value, { currency, unit, field: found?.at });
		} catch (err) {
			if (!(err instanceof MoneyError)) throw err;
			this.fail(field, found?.at, `${err.message} (amount unit: ${this.mapping.amountUnit === 'fen' ? 'fen integer' : 'yuan decimal'})`);
			return undefined;
		}
	}

	time(field: PathField, required: boolean): string | undefined {
		const found = this.value(field);
		const value = found?.value;
		if (value === undefined) return required ? this.need(field, found) : undefined;
		try {
			return parseChannelTime(value, timeKindOf(value, this.mapping.timeFormat));
		} catch (err) {
			if (!(err instanceof TimeError)) throw err;
			this.fail(field, found?.at, err.message);
			return undefined;
		}
	}

	quantity(field: PathField): number | undefined {
		const found = this.value(field);
		const value = found?.value;
		if (value === undefined) return this.need(field, found);
		const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
		if (typeof number === 'number' && Number.isSafeInteger(number) && number > 0) return number;
		this.fail(field, found?.at, `expected a positive whole number, got ${JSON.stringify(value)}`);
		return undefined;
	}
}

export function normalizeOwnSiteOrder(raw: unknown, mapping: OwnSiteMapping, options: OwnSiteNormalizeOptions = {}): NormalizeResult {
	const base = options.basePath ?? '$';
	const problems: NormalizeProblem[] = [];
	if (!isObject(raw)) return { ok: false, problems: [payloadProblem(base, `an order must be a JSON object, got ${JSON.stringify(raw)}`)] };
	const read = new MappedReader(raw, base, mapping, problems);

	const channelOrderId = read.id('channelOrderId', true);
	const shopId = read.id('shopId', false) || mapping.defaultShopId || undefined;
	if (!shopId) problems.push(payloadProblem('mapping.defaultShopId', 'Shop ID: no value; set a default shop ID or map a field that holds one'));

	const rawStatus = read.text('status', false);
	const status = rawStatus !== undefined ? mapStatus(rawStatus, mapping.statusMap) : mapping.defaultStatus || undefined;
	if (rawStatus !== undefined && !status) {
		read.fail('status', read.value('status')?.at, `unknown status ${JSON.stringify(rawStatus)}; add it to the status values`);
	} else if (!status) {
		read.fail('status', read.value('status')?.at, 'missing, and no default status is set');
	}

	const currency = read.text('currency', false) || mapping.defaultCurrency;
	const currencyOk = /^[A-Z]{3}$/.test(currency);
	if (!currencyOk) read.fail('currency', read.value('currency')?.at, `${JSON.stringify(currency)} is not a 3-letter ISO 4217 code`);
	const moneyCurrency = currencyOk ? currency : 'CNY';

	const createdAt = read.time('createdAt', true);
	const updatedAt = read.time('updatedAt', false) ?? createdAt;
	const paidAt = read.time('paidAt', false);

	const paid = read.money('paidAmount', moneyCurrency, true);
	const shippingFee = read.money('shippingFee', moneyCurrency, false) ?? 0;
	const discount = read.money('discountAmount', moneyCurrency, false) ?? 0;
	const mappedGoods = read.money('totalAmount', moneyCurrency, false);
	const goods = mappedGoods ?? (paid !== undefined ? paid - shippingFee + discount : undefined);
	if (goods !== undefined && goods < 0) read.fail('totalAmount', undefined, `paid - shipping + discount is negative (${goods}); map the goods total`);

	const buyer = compact({ id: read.id('buyerId', false), nick: read.text('buyerNick') });
	const receiver = compact({
		name: read.text('receiverName'),
		phone: read.text('receiverPhone'),
		province: read.text('receiverProvince'),
		city: read.text('receiverCity'),
		district: read.text('receiverDistrict'),
		address: read.text('receiverAddress'),
		postcode: read.text('receiverPostcode'),
		masked: false,
	});
	const buyerMessage = read.text('buyerMessage');
	const lines = linesOf(raw, base, mapping, moneyCurrency, problems);

	if (problems.length > 0) return { ok: false, problems, channelOrderId };

	const order: UnifiedOrder = {
		id: orderId(CHANNEL, shopId as string, channelOrderId as string),
		channel: CHANNEL,
		shopId: shopId as string,
		channelOrderId: channelOrderId as string,
		status: status as UnifiedOrder['status'],
		rawStatus: rawStatus ?? '',
		refundState: 'none',
		currency,
		totals: { goods: goods as number, discount, shippingFee, paid: paid as number },
		createdAt: createdAt as string,
		paidAt,
		updatedAt: updatedAt as string,
		lines,
		buyer,
		receiver,
		buyerMessage,
		tags: [],
		flags: mappedGoods === undefined ? [FLAG_GOODS_DERIVED] : [],
		raw: options.keepRaw ? raw : undefined,
	};
	compact(order);
	const invalid = validateOrder(order).map((p): NormalizeProblem => ({ ...p, source: 'order' }));
	if (invalid.length > 0) return { ok: false, problems: invalid, channelOrderId };
	return { ok: true, order };
}

function linesOf(raw: unknown, base: string, mapping: OwnSiteMapping, currency: string, problems: NormalizeProblem[]): OrderLine[] {
	const found = new MappedReader(raw, base, mapping, problems).value('linesPath');
	if (!found) {
		problems.push(payloadProblem('mapping.linesPath', `${label('linesPath')}: not mapped`));
		return [];
	}
	if (!Array.isArray(found.value) || found.value.length === 0) {
		problems.push(payloadProblem(found.at, `${label('linesPath')}: expected a non-empty array of lines, found ${found.value === undefined ? 'nothing' : JSON.stringify(found.value)}`));
		return [];
	}
	return found.value.map((line, i) => {
		const at = `${found.at}[${i}]`;
		const read = new MappedReader(line, at, mapping, problems);
		const lineId = mapping.lineId === '' ? String(i + 1) : read.id('lineId', true);
		const quantity = read.quantity('lineQuantity');
		const unitPrice = read.money('lineUnitPrice', currency, true);
		const listAmount = quantity !== undefined && unitPrice !== undefined ? quantity * unitPrice : undefined;
		const paidAmount = read.money('linePaidAmount', currency, false) ?? listAmount;
		return compact({
			lineId: lineId as string,
			channelSkuId: read.id('lineSkuId', false),
			merchantCode: read.text('lineMerchantCode'),
			title: read.text('lineTitle', true) as string,
			quantity: quantity as number,
			unitPrice: unitPrice as number,
			discount: listAmount !== undefined && paidAmount !== undefined ? Math.max(0, listAmount - paidAmount) : 0,
			paidAmount: paidAmount as number,
			refundState: 'none' as const,
		});
	});
}

function timeKindOf(value: unknown, format: OwnSiteMapping['timeFormat']): Parameters<typeof parseChannelTime>[1] {
	if (format === 'epoch_seconds' || format === 'epoch_millis') return format;
	if (format === 'text') return 'shanghai_local';
	const epoch = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
	if (epoch === undefined) return 'shanghai_local';
	return epoch >= EPOCH_MILLIS_THRESHOLD ? 'epoch_millis' : 'epoch_seconds';
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

const LABELS: Record<PathField, string> = {
	ordersPath: 'Orders Path',
	channelOrderId: 'Order ID',
	shopId: 'Shop ID',
	status: 'Status',
	createdAt: 'Created At',
	updatedAt: 'Updated At',
	paidAt: 'Paid At',
	currency: 'Currency',
	totalAmount: 'Goods Total',
	paidAmount: 'Paid Amount',
	shippingFee: 'Shipping Fee',
	discountAmount: 'Discount',
	buyerId: 'Buyer ID',
	buyerNick: 'Buyer Nick',
	receiverName: 'Receiver Name',
	receiverPhone: 'Receiver Phone',
	receiverProvince: 'Receiver Province',
	receiverCity: 'Receiver City',
	receiverDistrict: 'Receiver District',
	receiverAddress: 'Receiver Address',
	receiverPostcode: 'Receiver Postcode',
	buyerMessage: 'Buyer Message',
	linesPath: 'Lines Path',
	lineId: 'Line ID',
	lineSkuId: 'Line SKU ID',
	lineMerchantCode: 'Line Merchant Code',
	lineTitle: 'Line Title',
	lineQuantity: 'Line Quantity',
	lineUnitPrice: 'Line Unit Price',
	linePaidAmount: 'Line Paid Amount',
};

/** The UI name of a mapping field, so a problem says which setting to look at. */
export function label(field: PathField): string {
	return LABELS[field];
}
