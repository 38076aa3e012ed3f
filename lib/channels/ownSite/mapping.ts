// The field mapping an operator sets in the UI: unified order field -> JSON path in the site's order.
// Path syntax: dotted keys with array indexes, e.g. `customer.phone`, `items[0].sku`, `["order.no"]`;
// an optional leading `$` or `$.`; '' means "not mapped". Reading a path only follows own properties
// of plain objects and in-range array indexes, so no path can reach a prototype or throw.
import { ORDER_STATUSES, type OrderStatus } from '../../model';

export const CHANNEL = 'own_site' as const;

export type PathSegment = string | number;
export type ParsedPath = { ok: true; segments: PathSegment[] } | { ok: false; error: string };

/** How amounts are written: 'yuan' = decimal major units ("12.30" or 12.3), 'fen' = integer minor units (1230). */
export type AmountUnit = 'yuan' | 'fen';
/** 'auto': text is a date-time (zone-less = +08:00), numbers and digit strings are epoch seconds or milliseconds. */
export type TimeFormat = 'auto' | 'text' | 'epoch_seconds' | 'epoch_millis';

export interface StatusMapEntry {
	/** The site's status value, compared as trimmed text (numbers too: 1 matches "1"). */
	raw: string;
	status: OrderStatus;
}

export interface OwnSiteMapping {
	/** Where the order list sits in an envelope, e.g. `data.orders`; '' = the body is one order or an array of orders. */
	ordersPath: string;
	channelOrderId: string;
	shopId: string;
	/** Used when `shopId` is not mapped or the order has no value there. */
	defaultShopId: string;
	status: string;
	statusMap: StatusMapEntry[];
	/** Used when the status field is missing or empty; '' = such an order is a problem. */
	defaultStatus: OrderStatus | '';
	createdAt: string;
	updatedAt: string;
	paidAt: string;
	timeFormat: TimeFormat;
	currency: string;
	defaultCurrency: string;
	amountUnit: AmountUnit;
	/** Goods total before discounts; when not mapped: paid - shipping + discount. */
	totalAmount: string;
	paidAmount: string;
	shippingFee: string;
	discountAmount: string;
	buyerId: string;
	buyerNick: string;
	receiverName: string;
	receiverPhone: string;
	receiverProvince: string;
	receiverCity: string;
	receiverDistrict: string;
	receiverAddress: string;
	receiverPostcode: string;
	buyerMessage: string;
	/** The lines array inside an order. Line paths below are relative to one line. */
	linesPath: string;
	/** '' = lines are numbered 1, 2, 3... in the order they come. */
	lineId: string;
	lineSkuId: string;
	lineMerchantCode: string;
	lineTitle: string;
	lineQuantity: string;
	lineUnitPrice: string;
	/** What the buyer paid for the line; when not mapped: unit price x quantity. */
	linePaidAmount: string;
}

/** The mapping of the shape shown in the docs; every field an operator leaves untouched keeps this value. */
export const DEFAULT_MAPPING: Readonly<OwnSiteMapping> = Object.freeze({
	ordersPath: '',
	channelOrderId: 'id',
	shopId: '',
	defaultShopId: '',
	status: 'status',
	statusMap: [],
	defaultStatus: '',
	createdAt: 'created_at',
	updatedAt: 'updated_at',
	paidAt: 'paid_at',
	timeFormat: 'auto',
	currency: 'currency',
	defaultCurrency: 'CNY',
	amountUnit: 'yuan',
	totalAmount: 'total_amount',
	paidAmount: 'paid_amount',
	shippingFee: 'shipping_fee',
	discountAmount: 'discount_amount',
	buyerId: 'buyer.id',
	buyerNick: 'buyer.nick',
	receiverName: 'receiver.name',
	receiverPhone: 'receiver.phone',
	receiverProvince: 'receiver.province',
	receiverCity: 'receiver.city',
	receiverDistrict: 'receiver.district',
	receiverAddress: 'receiver.address',
	receiverPostcode: 'receiver.postcode',
	buyerMessage: 'buyer_message',
	linesPath: 'items',
	lineId: 'id',
	lineSkuId: 'sku_id',
	lineMerchantCode: 'sku_code',
	lineTitle: 'title',
	lineQuantity: 'quantity',
	lineUnitPrice: 'unit_price',
	linePaidAmount: 'paid_amount',
});

type TextField = {
	[K in keyof OwnSiteMapping]: OwnSiteMapping[K] extends string ? K : never;
}[keyof OwnSiteMapping];

/** Mapping fields that hold JSON paths (the rest are values or options). */
export const PATH_FIELDS = [
	'ordersPath', 'channelOrderId', 'shopId', 'status', 'createdAt', 'updatedAt', 'paidAt', 'currency',
	'totalAmount', 'paidAmount', 'shippingFee', 'discountAmount', 'buyerId', 'buyerNick', 'receiverName',
	'receiverPhone', 'receiverProvince', 'receiverCity', 'receiverDistrict', 'receiverAddress', 'receiverPostcode',
	'buyerMessage', 'linesPath', 'lineId', 'lineSkuId', 'lineMerchantCode', 'lineTitle', 'lineQuantity',
	'lineUnitPrice', 'linePaidAmount',
] as const satisfies readonly TextField[];
export type PathField = (typeof PATH_FIELDS)[number];

/** Mapping problems are reported at `mapping.<field>`. */
export interface MappingProblem {
	path: string;
	message: string;
}

/**
 * The mapping with every field the caller left undefined taken from DEFAULT_MAPPING, and every problem
 * in it (bad path syntax, unknown status, unit or time format).
 */
export function resolveMapping(partial: Partial<Record<keyof OwnSiteMapping, unknown>>): { mapping: OwnSiteMapping; problems: MappingProblem[] } {
	const problems: MappingProblem[] = [];
	const mapping = { ...DEFAULT_MAPPING } as OwnSiteMapping;
	const record = mapping as unknown as Record<string, unknown>;
	for (const [key, value] of Object.entries(partial)) {
		if (value === undefined || !(key in DEFAULT_MAPPING)) continue;
		record[key] = typeof value === 'string' ? value.trim() : value;
	}
	for (const field of PATH_FIELDS) {
		const value = mapping[field];
		if (typeof value !== 'string') {
			problems.push({ path: `mapping.${field}`, message: `must be a JSON path text, got ${JSON.stringify(value)}` });
			continue;
		}
		const parsed = parsePath(value);
		if (!parsed.ok) problems.push({ path: `mapping.${field}`, message: `bad path ${JSON.stringify(value)}: ${parsed.error}` });
	}
	if (!['yuan', 'fen'].includes(mapping.amountUnit)) problems.push({ path: 'mapping.amountUnit', message: `must be yuan or fen, got ${JSON.stringify(mapping.amountUnit)}` });
	if (!['auto', 'text', 'epoch_seconds', 'epoch_millis'].includes(mapping.timeFormat)) {
		problems.push({ path: 'mapping.timeFormat', message: `must be auto, text, epoch_seconds or epoch_millis, got ${JSON.stringify(mapping.timeFormat)}` });
	}
	if (mapping.defaultStatus !== '' && !isOrderStatus(mapping.defaultStatus)) {
		problems.push({ path: 'mapping.defaultStatus', message: `must be one of ${ORDER_STATUSES.join(', ')}` });
	}
	if (!Array.isArray(mapping.statusMap)) {
		problems.push({ path: 'mapping.statusMap', message: 'must be a list of raw value -> status pairs' });
		mapping.statusMap = [];
	}
	mapping.statusMap.forEach((entry, i) => {
		if (!isOrderStatus(entry?.status)) {
			problems.push({ path: `mapping.statusMap[${i}].status`, message: `must be one of ${ORDER_STATUSES.join(', ')}, got ${JSON.stringify(entry?.status)}` });
		}
	});
	return { mapping, problems };
}

export function isOrderStatus(value: unknown): value is OrderStatus {
	return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

/** The site's status value -> unified status: the status map first, then a value that already is a unified status. */
export function mapStatus(raw: string, statusMap: readonly StatusMapEntry[]): OrderStatus | undefined {
	const entry = statusMap.find((e) => String(e.raw).trim() === raw);
	if (entry) return entry.status;
	return isOrderStatus(raw) ? raw : undefined;
}

const NAME = /^[^.[\]"]+/;
const INDEX = /^\[(\d{1,9})\]/;
const QUOTED = /^\[("(?:[^"\\]|\\.)*")\]/;

/** Parses a path: `a.b`, `a[0].b`, `["key.with.dots"]`, optionally after `$` or `$.`; '' is the empty path. */
export function parsePath(text: string): ParsedPath {
	let rest = text.trim();
	if (rest.startsWith('$')) rest = rest.slice(1).replace(/^\./, '');
	const segments: PathSegment[] = [];
	let first = true;
	while (rest !== '') {
		if (!first && rest.startsWith('.')) {
			rest = rest.slice(1);
			const name = NAME.exec(rest);
			if (!name) return { ok: false, error: `a key is expected after '.' at ${JSON.stringify(rest || 'the end')}` };
			segments.push(name[0].trim());
			rest = rest.slice(name[0].length);
			continue;
		}
		const index = INDEX.exec(rest);
		if (index) {
			segments.push(Number(index[1]));
			rest = rest.slice(index[0].length);
		} else if (rest.startsWith('["')) {
			const quoted = QUOTED.exec(rest);
			if (!quoted) return { ok: false, error: `unterminated ["..."] at ${JSON.stringify(rest)}` };
			segments.push(JSON.parse(quoted[1]) as string);
			rest = rest.slice(quoted[0].length);
		} else if (first) {
			const name = NAME.exec(rest);
			if (!name) return { ok: false, error: `unexpected ${JSON.stringify(rest[0])}` };
			segments.push(name[0].trim());
			rest = rest.slice(name[0].length);
		} else {
			return { ok: false, error: `expected '.', [index] or ["key"] at ${JSON.stringify(rest)}` };
		}
		first = false;
	}
	if (segments.some((s) => s === '')) return { ok: false, error: 'empty key' };
	return { ok: true, segments };
}

/** The value at a parsed path; undefined when any step is missing. The empty path is the value itself. */
export function valueAt(root: unknown, segments: readonly PathSegment[]): unknown {
	let current = root;
	for (const segment of segments) {
		if (typeof segment === 'number') {
			if (!Array.isArray(current) || segment >= current.length) return undefined;
			current = current[segment];
		} else {
			if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
			if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
			current = (current as Record<string, unknown>)[segment];
		}
	}
	return current;
}

/** `base` + a mapping path as one JSON path for problem reports: ('$[1]', 'items[0].sku') -> '$[1].items[0].sku'. */
export function joinPath(base: string, segments: readonly PathSegment[]): string {
	return segments.reduce<string>((path, s) => {
		if (typeof s === 'number') return `${path}[${s}]`;
		return /^[A-Za-z_$][\w$]*$/.test(s) ? `${path}.${s}` : `${path}[${JSON.stringify(s)}]`;
	}, base);
}
