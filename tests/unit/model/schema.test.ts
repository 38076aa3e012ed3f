import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	buildOrderSchema,
	CHANNELS,
	ORDER_FIELDS,
	ORDER_STATUSES,
	REFUND_STATES,
	validateOrder,
	type JsonSchema,
} from '../../../lib/model';
import { renderSchemaFile, SCHEMA_FILE } from '../../../scripts/emit-schema';
import { sampleOrder } from '../../fixtures/orders';
import { checkAgainstSchema } from './schema-check';

const schema = buildOrderSchema();
const defs = schema.$defs as Record<string, JsonSchema>;
const properties = schema.properties as Record<string, JsonSchema>;

describe('docs/unified-order.schema.json', () => {
	it('is exactly what scripts/emit-schema.ts writes (re-run the script after changing the model)', () => {
		const committed = readFileSync(join(__dirname, '..', '..', '..', SCHEMA_FILE), 'utf8');
		expect(committed).toBe(renderSchemaFile());
		expect(committed.endsWith('}\n')).toBe(true);
	});
});

describe('buildOrderSchema', () => {
	it('is a draft 2020-12 schema for UnifiedOrder', () => {
		expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
		expect(schema.title).toBe('UnifiedOrder');
		expect(schema.additionalProperties).toBe(false);
	});

	it('takes its enums from the model constants', () => {
		expect(properties.channel.enum).toEqual([...CHANNELS]);
		expect(properties.status.enum).toEqual([...ORDER_STATUSES]);
		expect(properties.refundState.enum).toEqual([...REFUND_STATES]);
		expect((defs.OrderLine.properties as Record<string, JsonSchema>).refundState.enum).toEqual([...REFUND_STATES]);
	});

	it('requires exactly the fields validateOrder() reports as missing', () => {
		const reportedMissing = validateOrder({})
			.filter((problem) => problem.message === 'is required')
			.map((problem) => problem.path.slice(2));
		expect(schema.required).toEqual(reportedMissing);
		expect(schema.required).toEqual(Object.keys(ORDER_FIELDS).filter((key) => ORDER_FIELDS[key as keyof typeof ORDER_FIELDS].required));
	});

	it('defines every referenced shape', () => {
		const refs = JSON.stringify(schema).match(/#\/\$defs\/\w+/g) ?? [];
		for (const ref of new Set(refs)) expect(defs).toHaveProperty(ref.replace('#/$defs/', ''));
		expect(Object.keys(defs)).toEqual(
			expect.arrayContaining(['OrderTotals', 'OrderLine', 'Buyer', 'Receiver', 'Logistics', 'Shipment', 'AuditResult', 'AuditHit', 'AllocationResult', 'AllocationWarehouse']),
		);
	});
});

describe('schema and validateOrder agree', () => {
	it('both accept the sample order', () => {
		expect(checkAgainstSchema(sampleOrder(), schema)).toEqual([]);
		expect(validateOrder(sampleOrder())).toEqual([]);
	});

	// Structural mistakes: the schema and the validator must both catch each one.
	const mutations: Array<[string, (order: Record<string, unknown>) => void]> = [
		['unknown status', (o) => (o.status = 'shipping')],
		['unknown channel', (o) => (o.channel = 'tmall')],
		['lower-case currency', (o) => (o.currency = 'cny')],
		['time without offset', (o) => (o.updatedAt = '2024-05-01 12:00:00')],
		['fractional amount', (o) => ((o.totals as Record<string, unknown>).paid = 1.5)],
		['negative amount', (o) => ((o.totals as Record<string, unknown>).goods = -1)],
		['zero quantity', (o) => ((o.lines as Array<Record<string, unknown>>)[0].quantity = 0)],
		['no lines', (o) => (o.lines = [])],
		['missing receiver.masked', (o) => delete (o.receiver as Record<string, unknown>).masked],
		['extra field', (o) => (o.extra = true)],
		['numeric tag', (o) => (o.tags = [1])],
		['empty channel order id', (o) => (o.channelOrderId = '')],
		['malformed id', (o) => (o.id = 'order-1')],
	];

	it.each(mutations)('both reject: %s', (_label, mutate) => {
		const order = JSON.parse(JSON.stringify(sampleOrder()));
		mutate(order);
		expect(checkAgainstSchema(order, schema)).not.toEqual([]);
		expect(validateOrder(order)).not.toEqual([]);
	});

	it('leaves cross-field rules to validateOrder, as the schema description says', () => {
		const order = sampleOrder();
		const duplicateLines = { ...order, lines: [order.lines[0], order.lines[0]] };
		expect(checkAgainstSchema(duplicateLines, schema)).toEqual([]);
		expect(validateOrder(duplicateLines).map((problem) => problem.path)).toEqual(['$.lines[1].lineId']);
		expect(String(schema.description)).toMatch(/line ids are unique/);
	});
});
