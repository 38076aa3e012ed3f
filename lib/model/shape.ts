// The unified order's shape as data: validate.ts walks it and schema.ts turns it into JSON Schema, so the
// two cannot disagree. FieldsOf<T> makes tsc fail when a table misses a key of types.ts, names one that is
// not there, gets its optionality wrong, or gives it a kind that does not fit its TypeScript type.
import { ORDER_ID_PATTERN } from './ids';
import {
	CHANNELS,
	ORDER_STATUSES,
	REFUND_STATES,
	type AllocationResult,
	type AuditHit,
	type AuditResult,
	type Buyer,
	type Logistics,
	type OrderLine,
	type OrderTotals,
	type Receiver,
	type Shipment,
	type UnifiedOrder,
} from './types';

export interface StringSpec {
	kind: 'string';
	nonEmpty?: boolean;
	/** ECMAScript regular expression source, valid in JSON Schema too. */
	pattern?: string;
	/** What the pattern means, for problem messages. */
	patternHint?: string;
}

/** Non-generic view of a value's spec, for code that walks the tables. */
export type ValueSpec =
	| { kind: 'any' }
	| { kind: 'boolean' }
	| { kind: 'minor' }
	| { kind: 'positive_int' }
	| { kind: 'iso' }
	| { kind: 'currency' }
	| { kind: 'enum'; values: readonly string[] }
	| StringSpec
	| { kind: 'array'; items: ValueSpec; minItems?: number }
	| { kind: 'object'; name: string; fields: FieldTable };

export interface FieldSpec {
	required: boolean;
	value: ValueSpec;
}
export type FieldTable = Readonly<Record<string, FieldSpec>>;

/** The specs that fit a TypeScript value type. */
type SpecFor<V> = unknown extends V
	? { kind: 'any' }
	: NonNullable<V> extends ReadonlyArray<infer Item>
		? { kind: 'array'; items: SpecFor<Item>; minItems?: number }
		: NonNullable<V> extends number
			? { kind: 'minor' } | { kind: 'positive_int' }
			: NonNullable<V> extends boolean
				? { kind: 'boolean' }
				: NonNullable<V> extends string
					? StringSpec | { kind: 'iso' } | { kind: 'currency' } | { kind: 'enum'; values: readonly NonNullable<V>[] }
					: { kind: 'object'; name: string; fields: FieldsOf<NonNullable<V>> };

/** One entry per key of T, required exactly when T requires it. */
export type FieldsOf<T> = {
	[K in keyof T]-?: { required: Partial<Pick<T, K>> extends Pick<T, K> ? false : true; value: SpecFor<T[K]> };
};

/** Returns the list unchanged, and does not compile unless it names every member of the union U. */
export function everyMemberOf<U extends string>() {
	return <const L extends readonly U[]>(list: L & ([U] extends [L[number]] ? unknown : never)): L => list;
}

export const AUDIT_DECISIONS = everyMemberOf<AuditResult['decision']>()(['approved', 'held', 'blocked']);
export const AUDIT_SEVERITIES = everyMemberOf<AuditHit['severity']>()(['block', 'hold', 'flag']);
export const ALLOCATION_RESULTS = everyMemberOf<AllocationResult['result']>()(['single', 'split', 'none']);

const text = { kind: 'string' } as const;
const id = { kind: 'string', nonEmpty: true } as const;
const minor = { kind: 'minor' } as const;
const iso = { kind: 'iso' } as const;
const strings = { kind: 'array', items: text } as const;
const ids = { kind: 'array', items: id } as const;
const required = <S>(value: S) => ({ required: true as const, value });
const optional = <S>(value: S) => ({ required: false as const, value });

const TOTALS_FIELDS: FieldsOf<OrderTotals> = {
	goods: required(minor),
	discount: required(minor),
	shippingFee: required(minor),
	paid: required(minor),
	refunded: optional(minor),
};

const LINE_FIELDS: FieldsOf<OrderLine> = {
	lineId: required(id),
	channelItemId: optional(id),
	channelSkuId: optional(id),
	merchantCode: optional(text),
	masterSku: optional(id),
	title: required(text),
	skuName: optional(text),
	quantity: required({ kind: 'positive_int' }),
	unitPrice: required(minor),
	discount: required(minor),
	paidAmount: required(minor),
	refundState: required({ kind: 'enum', values: REFUND_STATES }),
	isGift: optional({ kind: 'boolean' }),
};

const BUYER_FIELDS: FieldsOf<Buyer> = {
	id: optional(text),
	nick: optional(text),
};

const RECEIVER_FIELDS: FieldsOf<Receiver> = {
	name: optional(text),
	phone: optional(text),
	province: optional(text),
	city: optional(text),
	district: optional(text),
	town: optional(text),
	address: optional(text),
	postcode: optional(text),
	country: optional(text),
	masked: required({ kind: 'boolean' }),
	token: optional(text),
};

const SHIPMENT_FIELDS: FieldsOf<Shipment> = {
	carrier: required(id),
	trackingNo: required(id),
	lineIds: optional(ids),
	shippedAt: optional(iso),
	trackingStatus: optional(text),
};

const LOGISTICS_FIELDS: FieldsOf<Logistics> = {
	carrier: optional(text),
	channelCarrierCode: optional(text),
	trackingNo: optional(text),
	trackingStatus: optional(text),
	shipments: optional({ kind: 'array', items: { kind: 'object', name: 'Shipment', fields: SHIPMENT_FIELDS } }),
};

const AUDIT_HIT_FIELDS: FieldsOf<AuditHit> = {
	rule: required(id),
	severity: required({ kind: 'enum', values: AUDIT_SEVERITIES }),
	message: required(text),
};

const AUDIT_FIELDS: FieldsOf<AuditResult> = {
	decision: required({ kind: 'enum', values: AUDIT_DECISIONS }),
	ruleVersion: required(text),
	hits: required({ kind: 'array', items: { kind: 'object', name: 'AuditHit', fields: AUDIT_HIT_FIELDS } }),
	auditedAt: required(iso),
};

const WAREHOUSE_FIELDS: FieldsOf<AllocationResult['warehouses'][number]> = {
	warehouseId: required(id),
	lineIds: required(ids),
};

const ALLOCATION_FIELDS: FieldsOf<AllocationResult> = {
	result: required({ kind: 'enum', values: ALLOCATION_RESULTS }),
	warehouses: required({
		kind: 'array',
		items: { kind: 'object', name: 'AllocationWarehouse', fields: WAREHOUSE_FIELDS },
	}),
	carrier: optional(text),
	allocatedAt: required(iso),
};

export const ORDER_FIELDS: FieldsOf<UnifiedOrder> = {
	id: required({
		kind: 'string',
		pattern: ORDER_ID_PATTERN.source,
		patternHint: 'must be an order id (uo_ + 32 lower-case hex digits)',
	}),
	channel: required({ kind: 'enum', values: CHANNELS }),
	shopId: required(id),
	channelOrderId: required(id),
	status: required({ kind: 'enum', values: ORDER_STATUSES }),
	rawStatus: required(text),
	refundState: required({ kind: 'enum', values: REFUND_STATES }),
	currency: required({ kind: 'currency' }),
	totals: required({ kind: 'object', name: 'OrderTotals', fields: TOTALS_FIELDS }),
	createdAt: required(iso),
	paidAt: optional(iso),
	updatedAt: required(iso),
	shippedAt: optional(iso),
	lines: required({ kind: 'array', items: { kind: 'object', name: 'OrderLine', fields: LINE_FIELDS }, minItems: 1 }),
	buyer: required({ kind: 'object', name: 'Buyer', fields: BUYER_FIELDS }),
	receiver: required({ kind: 'object', name: 'Receiver', fields: RECEIVER_FIELDS }),
	buyerMessage: optional(text),
	sellerMemo: optional(text),
	tags: required(strings),
	presale: optional({ kind: 'boolean' }),
	logistics: optional({ kind: 'object', name: 'Logistics', fields: LOGISTICS_FIELDS }),
	audit: optional({ kind: 'object', name: 'AuditResult', fields: AUDIT_FIELDS }),
	allocation: optional({ kind: 'object', name: 'AllocationResult', fields: ALLOCATION_FIELDS }),
	flags: required(strings),
	raw: optional({ kind: 'any' }),
};

/** The whole order as one spec, the root for validate.ts and schema.ts. */
export const UNIFIED_ORDER_SPEC: ValueSpec = { kind: 'object', name: 'UnifiedOrder', fields: ORDER_FIELDS };
