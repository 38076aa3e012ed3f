// validateOrder: every problem in a candidate UnifiedOrder, each with its JSON path. The field-by-field
// checks come from the shape tables (shape.ts); the checks that span fields are listed below them.
import { orderId, ORDER_ID_PATTERN } from './ids';
import { CURRENCY_CODE_PATTERN } from './money';
import { isIsoWithOffset } from './time';
import { UNIFIED_ORDER_SPEC, type FieldTable, type ValueSpec } from './shape';
import { CHANNELS, type Problem } from './types';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Returns every problem found; [] means the value is a valid UnifiedOrder. */
export function validateOrder(value: unknown): Problem[] {
	const problems: Problem[] = [];
	checkValue(value, UNIFIED_ORDER_SPEC, '$', problems);
	if (isRecord(value)) checkCrossFields(value, problems);
	return problems;
}

/**
 * True when a leaf value passes its spec; objects and arrays say false so the full walk below takes them.
 * The common case (a valid value) then costs no path string.
 */
function leafIsValid(value: unknown, spec: ValueSpec): boolean {
	switch (spec.kind) {
		case 'any':
			return true;
		case 'boolean':
			return typeof value === 'boolean';
		case 'minor':
			return Number.isSafeInteger(value) && (value as number) >= 0;
		case 'positive_int':
			return Number.isSafeInteger(value) && (value as number) >= 1;
		case 'iso':
			return isIsoWithOffset(value);
		case 'currency':
			return typeof value === 'string' && CURRENCY_CODE_PATTERN.test(value);
		case 'enum':
			return typeof value === 'string' && spec.values.includes(value);
		case 'string':
			return (
				typeof value === 'string' &&
				!(spec.nonEmpty && value === '') &&
				(spec.pattern === undefined || patternOf(spec.pattern).test(value))
			);
		default:
			return false;
	}
}

const PATTERNS = new Map<string, RegExp>();

function patternOf(source: string): RegExp {
	let pattern = PATTERNS.get(source);
	if (pattern === undefined) {
		pattern = new RegExp(source);
		PATTERNS.set(source, pattern);
	}
	return pattern;
}

function checkValue(value: unknown, spec: ValueSpec, path: string, problems: Problem[]): void {
	const report = (message: string) => problems.push({ path, message });
	switch (spec.kind) {
		case 'any':
			return;
		case 'boolean':
			if (typeof value !== 'boolean') report(`must be true or false (got ${describeValue(value)})`);
			return;
		case 'minor':
			if (!Number.isSafeInteger(value) || (value as number) < 0) {
				report(`must be a non-negative integer amount in minor units (got ${describeValue(value)})`);
			}
			return;
		case 'positive_int':
			if (!Number.isSafeInteger(value) || (value as number) < 1) {
				report(`must be a positive integer (got ${describeValue(value)})`);
			}
			return;
		case 'iso':
			if (!isIsoWithOffset(value)) report(`must be an ISO-8601 date-time with offset (got ${describeValue(value)})`);
			return;
		case 'currency':
			if (typeof value !== 'string' || !CURRENCY_CODE_PATTERN.test(value)) {
				report(`must be a 3-letter upper-case ISO 4217 code (got ${describeValue(value)})`);
			}
			return;
		case 'enum':
			if (typeof value !== 'string' || !spec.values.includes(value)) {
				report(`must be one of ${spec.values.join(', ')} (got ${describeValue(value)})`);
			}
			return;
		case 'string':
			if (typeof value !== 'string') report(`must be a string (got ${describeValue(value)})`);
			else if (spec.nonEmpty && value === '') report('must not be empty');
			else if (spec.pattern !== undefined && !patternOf(spec.pattern).test(value)) {
				report(`${spec.patternHint ?? `must match ${spec.pattern}`} (got ${describeValue(value)})`);
			}
			return;
		case 'array':
			if (!Array.isArray(value)) {
				report(`must be an array (got ${describeValue(value)})`);
				return;
			}
			if (spec.minItems !== undefined && value.length < spec.minItems) {
				report(`must have at least ${spec.minItems} item${spec.minItems === 1 ? '' : 's'}`);
			}
			for (let index = 0; index < value.length; index++) {
				if (!leafIsValid(value[index], spec.items)) checkValue(value[index], spec.items, `${path}[${index}]`, problems);
			}
			return;
		case 'object':
			if (!isRecord(value)) {
				report(`must be an object (got ${describeValue(value)})`);
				return;
			}
			checkFields(value, spec.name, spec.fields, path, problems);
			return;
	}
}

function checkFields(
	value: Record<string, unknown>,
	typeName: string,
	fields: FieldTable,
	path: string,
	problems: Problem[],
): void {
	for (const [key, field] of entriesOf(fields)) {
		const fieldValue = value[key];
		// An explicit undefined is what JSON drops: the same as absent.
		if (fieldValue === undefined) {
			if (field.required) problems.push({ path: childPath(path, key), message: 'is required' });
			continue;
		}
		if (!leafIsValid(fieldValue, field.value)) checkValue(fieldValue, field.value, childPath(path, key), problems);
	}
	for (const key in value) {
		if (Object.hasOwn(value, key) && !Object.hasOwn(fields, key)) {
			problems.push({ path: childPath(path, key), message: `is not a field of ${typeName}` });
		}
	}
}

// Checks no single field can make: identity, unique line ids, and line references.
function checkCrossFields(order: Record<string, unknown>, problems: Problem[]): void {
	const { id, channel, shopId, channelOrderId } = order;
	// Only when the parts themselves are valid, so one bad field is reported once.
	const identityIsValid =
		(CHANNELS as readonly unknown[]).includes(channel) &&
		[shopId, channelOrderId].every((part) => typeof part === 'string' && part !== '');
	if (typeof id === 'string' && ORDER_ID_PATTERN.test(id) && identityIsValid) {
		const expected = orderId(channel as string, shopId as string, channelOrderId as string);
		if (id !== expected) {
			problems.push({ path: '$.id', message: `must equal orderId(channel, shopId, channelOrderId) = ${expected}` });
		}
	}

	const firstPathOfLine = new Map<string, string>();
	for (const [index, line] of arrayAt(order.lines).entries()) {
		const lineId = isRecord(line) ? line.lineId : undefined;
		if (typeof lineId !== 'string' || lineId === '') continue;
		const path = `$.lines[${index}].lineId`;
		const earlier = firstPathOfLine.get(lineId);
		if (earlier) problems.push({ path, message: `duplicates line id ${JSON.stringify(lineId)} of ${earlier}` });
		else firstPathOfLine.set(lineId, path);
	}

	// Without any valid line there is nothing to refer to; $.lines carries the problem already.
	if (firstPathOfLine.size === 0) return;
	const checkLineRefs = (lineIds: unknown, path: string) => {
		arrayAt(lineIds).forEach((lineId, index) => {
			if (typeof lineId === 'string' && lineId !== '' && !firstPathOfLine.has(lineId)) {
				problems.push({ path: `${path}[${index}]`, message: `names no line of this order (${JSON.stringify(lineId)})` });
			}
		});
	};
	const logistics = isRecord(order.logistics) ? order.logistics : {};
	arrayAt(logistics.shipments).forEach((shipment, index) => {
		if (isRecord(shipment)) checkLineRefs(shipment.lineIds, `$.logistics.shipments[${index}].lineIds`);
	});
	const allocation = isRecord(order.allocation) ? order.allocation : {};
	arrayAt(allocation.warehouses).forEach((warehouse, index) => {
		if (isRecord(warehouse)) checkLineRefs(warehouse.lineIds, `$.allocation.warehouses[${index}].lineIds`);
	});
}

const ENTRIES = new WeakMap<FieldTable, Array<[string, FieldTable[string]]>>();

/** Object.entries of a shape table, listed once per table instead of once per validated object. */
function entriesOf(fields: FieldTable): Array<[string, FieldTable[string]]> {
	let entries = ENTRIES.get(fields);
	if (entries === undefined) {
		entries = Object.entries(fields);
		ENTRIES.set(fields, entries);
	}
	return entries;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayAt(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

function childPath(path: string, key: string): string {
	return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function describeValue(value: unknown): string {
	if (value === undefined) return 'undefined';
	if (typeof value === 'number' || typeof value === 'bigint') return String(value);
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object' && value !== null) return 'an object';
	const json = JSON.stringify(value);
	return json.length > 60 ? `${json.slice(0, 57)}..."` : json;
}
