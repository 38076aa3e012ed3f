// JSON Schema (draft 2020-12) of UnifiedOrder, built from the same shape tables validateOrder() walks.
// scripts/emit-schema.ts writes it to docs/unified-order.schema.json.
import { CURRENCY_CODE_PATTERN } from './money';
import { UNIFIED_ORDER_SPEC, type FieldTable, type ValueSpec } from './shape';
import { ISO_WITH_OFFSET_PATTERN } from './time';

export type JsonSchema = { [keyword: string]: unknown };

/** Reusable leaf definitions, referenced from every field of that kind. */
const LEAF_DEFS = {
	MinorUnits: {
		description: 'Integer amount in the minor unit of the order currency (fen for CNY).',
		type: 'integer',
		minimum: 0,
		maximum: Number.MAX_SAFE_INTEGER,
	},
	IsoDateTime: {
		description: 'ISO-8601 date-time with an offset, e.g. 2024-05-01T12:30:00.000+08:00.',
		type: 'string',
		format: 'date-time',
		pattern: ISO_WITH_OFFSET_PATTERN,
	},
	CurrencyCode: {
		description: 'ISO 4217 currency code.',
		type: 'string',
		pattern: CURRENCY_CODE_PATTERN.source,
	},
} as const;

const ROOT_DESCRIPTION =
	'One order from any sales channel. Generated from lib/model/shape.ts; do not edit by hand. ' +
	'validateOrder() also checks what a schema cannot: id equals orderId(channel, shopId, channelOrderId), ' +
	'line ids are unique, shipment and allocation lineIds name lines of the order, and dates are real calendar dates.';

/** Builds the schema; the result is plain JSON. */
export function buildOrderSchema(): JsonSchema {
	if (UNIFIED_ORDER_SPEC.kind !== 'object') throw new TypeError('the order spec must be an object');
	const defs: Record<string, JsonSchema> = {};
	const root = objectSchema(UNIFIED_ORDER_SPEC.fields, defs);
	return {
		$schema: 'https://json-schema.org/draft/2020-12/schema',
		title: UNIFIED_ORDER_SPEC.name,
		description: ROOT_DESCRIPTION,
		...root,
		$defs: { ...defs, ...LEAF_DEFS },
	};
}

function objectSchema(fields: FieldTable, defs: Record<string, JsonSchema>): JsonSchema {
	const properties: Record<string, JsonSchema> = {};
	for (const [key, field] of Object.entries(fields)) properties[key] = valueSchema(field.value, defs);
	return {
		type: 'object',
		properties,
		required: Object.entries(fields)
			.filter(([, field]) => field.required)
			.map(([key]) => key),
		additionalProperties: false,
	};
}

function valueSchema(spec: ValueSpec, defs: Record<string, JsonSchema>): JsonSchema {
	switch (spec.kind) {
		case 'any':
			return {};
		case 'boolean':
			return { type: 'boolean' };
		case 'minor':
			return { $ref: '#/$defs/MinorUnits' };
		case 'positive_int':
			return { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER };
		case 'iso':
			return { $ref: '#/$defs/IsoDateTime' };
		case 'currency':
			return { $ref: '#/$defs/CurrencyCode' };
		case 'enum':
			return { type: 'string', enum: [...spec.values] };
		case 'string':
			return {
				type: 'string',
				...(spec.nonEmpty ? { minLength: 1 } : {}),
				...(spec.pattern !== undefined ? { pattern: spec.pattern } : {}),
			};
		case 'array':
			return {
				type: 'array',
				items: valueSchema(spec.items, defs),
				...(spec.minItems !== undefined ? { minItems: spec.minItems } : {}),
			};
		case 'object':
			// Named shapes become $defs so the file reads like types.ts; first definition wins.
			if (!(spec.name in defs)) {
				defs[spec.name] = {};
				defs[spec.name] = objectSchema(spec.fields, defs);
			}
			return { $ref: `#/$defs/${spec.name}` };
	}
}
