import { orderId, validateOrder } from '../../../lib/model';
import type { UnifiedOrder } from '../../../lib/model';
import { sampleOrder } from '../../fixtures/orders';

/** The sample order with every optional part filled in, so nested checks run too. */
function fullOrder(): UnifiedOrder {
	const order = sampleOrder();
	const lineId = order.lines[0].lineId;
	return {
		...order,
		shippedAt: '2024-05-02T09:00:00.000+08:00',
		buyerMessage: '请尽快发货',
		sellerMemo: 'VIP',
		tags: ['vip'],
		presale: false,
		lines: [
			{ ...order.lines[0], masterSku: 'SKU-TEE-RED-M', isGift: false },
			{
				lineId: 'gift-1',
				title: '赠品贴纸',
				quantity: 1,
				unitPrice: 0,
				discount: 0,
				paidAmount: 0,
				refundState: 'none',
				isGift: true,
			},
		],
		totals: { ...order.totals, refunded: 0 },
		logistics: {
			carrier: 'sf',
			channelCarrierCode: 'SF',
			trackingNo: 'SF1234567890123',
			trackingStatus: 'in_transit',
			shipments: [{ carrier: 'sf', trackingNo: 'SF1234567890123', lineIds: [lineId, 'gift-1'], shippedAt: '2024-05-02T09:00:00+08:00' }],
		},
		audit: {
			decision: 'approved',
			ruleVersion: '2024-05-01',
			hits: [{ rule: 'address_keywords', severity: 'flag', message: 'address mentions 自提' }],
			auditedAt: '2024-05-01T12:32:00.000+08:00',
		},
		allocation: {
			result: 'single',
			warehouses: [{ warehouseId: 'hz-1', lineIds: [lineId, 'gift-1'] }],
			carrier: 'sf',
			allocatedAt: '2024-05-01T12:33:00.000+08:00',
		},
		flags: ['lines_total_mismatch'],
		raw: { tid: 3947581234567890123n.toString(), anything: [1, { nested: true }] },
	};
}

describe('validateOrder: valid orders', () => {
	it('accepts the minimal sample order', () => {
		expect(validateOrder(sampleOrder())).toEqual([]);
	});

	it('accepts an order with every optional part', () => {
		expect(validateOrder(fullOrder())).toEqual([]);
	});

	it('accepts the order after a JSON round trip', () => {
		expect(validateOrder(JSON.parse(JSON.stringify(fullOrder())))).toEqual([]);
	});

	it('treats an explicit undefined optional field as absent', () => {
		expect(validateOrder({ ...sampleOrder(), paidAt: undefined })).toEqual([]);
	});
});

describe('validateOrder: problems', () => {
	it('reports five different problems with their exact paths', () => {
		const order = fullOrder() as unknown as Record<string, unknown>;
		const lines = order.lines as Array<Record<string, unknown>>;
		lines[1].quantity = 0;
		order.currency = 'rmb';
		order.updatedAt = '2024-05-01 12:31:05';
		order.status = 'shipping';
		order.tags = ['vip', 7];
		expect(validateOrder(order)).toEqual([
			{ path: '$.status', message: expect.stringContaining('must be one of pending_payment, paid') },
			{ path: '$.currency', message: 'must be a 3-letter upper-case ISO 4217 code (got "rmb")' },
			{ path: '$.updatedAt', message: 'must be an ISO-8601 date-time with offset (got "2024-05-01 12:31:05")' },
			{ path: '$.lines[1].quantity', message: 'must be a positive integer (got 0)' },
			{ path: '$.tags[1]', message: 'must be a string (got 7)' },
		]);
	});

	// Mutations reach into arbitrary nested paths of a JSON copy; typing each one would hide the intent.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const cases: Array<[string, (order: Record<string, any>) => void, string, RegExp]> = [
		['missing required field', (o) => delete o.rawStatus, '$.rawStatus', /is required/],
		['missing nested required field', (o) => delete o.receiver.masked, '$.receiver.masked', /is required/],
		['unknown field', (o) => (o.payTime = '2024-05-01T12:00:00+08:00'), '$.payTime', /not a field of UnifiedOrder/],
		['unknown nested field', (o) => (o.lines[0]['sku id'] = 'x'), '$.lines[0]["sku id"]', /not a field of OrderLine/],
		['fractional minor units', (o) => (o.totals.paid = 248.5), '$.totals.paid', /non-negative integer amount/],
		['negative amount', (o) => (o.lines[0].discount = -100), '$.lines[0].discount', /non-negative/],
		['amount as string', (o) => (o.totals.goods = '258.00'), '$.totals.goods', /got "258.00"/],
		['unsafe integer amount', (o) => (o.totals.goods = 2 ** 53), '$.totals.goods', /non-negative integer/],
		['fractional quantity', (o) => (o.lines[0].quantity = 1.5), '$.lines[0].quantity', /positive integer/],
		['time without offset', (o) => (o.createdAt = '2024-05-01T12:30:00'), '$.createdAt', /with offset/],
		['impossible date', (o) => (o.paidAt = '2024-02-30T12:30:00+08:00'), '$.paidAt', /with offset/],
		['empty lines', (o) => (o.lines = []), '$.lines', /at least 1 item/],
		['lines not an array', (o) => (o.lines = {}), '$.lines', /must be an array/],
		['bad channel', (o) => (o.channel = 'tmall'), '$.channel', /must be one of taobao/],
		['bad line refund state', (o) => (o.lines[0].refundState = 'closed'), '$.lines[0].refundState', /one of none/],
		['numeric order id', (o) => (o.channelOrderId = 3947581234567890), '$.channelOrderId', /must be a string/],
		['empty shop id', (o) => (o.shopId = ''), '$.shopId', /must not be empty/],
		['malformed id', (o) => (o.id = 'abc'), '$.id', /must be an order id/],
		['id of another order', (o) => (o.id = orderId('jd', 'shop-1', '1')), '$.id', /must equal orderId/],
		['duplicate line id', (o) => o.lines.push({ ...o.lines[0] }), '$.lines[2].lineId', /duplicates line id .* of \$\.lines\[0\]\.lineId/],
		['flags not strings', (o) => (o.flags = [null]), '$.flags[0]', /must be a string/],
		['tags missing', (o) => delete o.tags, '$.tags', /is required/],
		['buyer not an object', (o) => (o.buyer = 'nick'), '$.buyer', /must be an object/],
		['masked not boolean', (o) => (o.receiver.masked = 'false'), '$.receiver.masked', /true or false/],
		['presale not boolean', (o) => (o.presale = 1), '$.presale', /true or false/],
		['shipment missing tracking no', (o) => delete o.logistics.shipments[0].trackingNo, '$.logistics.shipments[0].trackingNo', /is required/],
		['shipment names unknown line', (o) => o.logistics.shipments[0].lineIds.push('nope'), '$.logistics.shipments[0].lineIds[2]', /names no line/],
		['shipment time without offset', (o) => (o.logistics.shipments[0].shippedAt = 'today'), '$.logistics.shipments[0].shippedAt', /with offset/],
		['audit decision', (o) => (o.audit.decision = 'ok'), '$.audit.decision', /one of approved, held, blocked/],
		['audit hit severity', (o) => (o.audit.hits[0].severity = 'warn'), '$.audit.hits[0].severity', /one of block, hold, flag/],
		['audit time', (o) => delete o.audit.auditedAt, '$.audit.auditedAt', /is required/],
		['allocation result', (o) => (o.allocation.result = 'multi'), '$.allocation.result', /one of single, split, none/],
		['allocation lineIds', (o) => (o.allocation.warehouses[0].lineIds = 'all'), '$.allocation.warehouses[0].lineIds', /must be an array/],
		['allocation names unknown line', (o) => (o.allocation.warehouses[0].lineIds = ['x']), '$.allocation.warehouses[0].lineIds[0]', /names no line/],
		['logistics not an object', (o) => (o.logistics = []), '$.logistics', /must be an object/],
	];

	it.each(cases)('%s', (_label, mutate, path, message) => {
		const order = JSON.parse(JSON.stringify(fullOrder()));
		mutate(order);
		const problems = validateOrder(order);
		expect(problems).toHaveLength(1);
		expect(problems[0].path).toBe(path);
		expect(problems[0].message).toMatch(message);
	});

	it.each([[null], ['order'], [[]], [42]])('reports a non-object %j at the root', (value) => {
		expect(validateOrder(value)).toEqual([{ path: '$', message: expect.stringContaining('must be an object') }]);
	});

	it('reports every missing field of an empty object', () => {
		const paths = validateOrder({}).map((problem) => problem.path);
		expect(paths).toEqual([
			'$.id', '$.channel', '$.shopId', '$.channelOrderId', '$.status', '$.rawStatus', '$.refundState',
			'$.currency', '$.totals', '$.createdAt', '$.updatedAt', '$.lines', '$.buyer', '$.receiver', '$.tags',
			'$.flags',
		]);
	});
});
