import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveMapping, type OwnSiteMapping } from '../../../../lib/channels/ownSite/mapping';
import { FLAG_GOODS_DERIVED, normalizeOwnSiteOrder, ownSiteOrdersIn } from '../../../../lib/channels/ownSite/normalize';
import { parseJsonLossless } from '../../../../lib/json';
import { orderId, validateOrder, type UnifiedOrder } from '../../../../lib/model';
import type { NormalizeResult } from '../../../../lib/channels/core/payload';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/channels/ownSite', name), 'utf8');
const defaultBody = parseJsonLossless<Record<string, unknown>>(fixture('order-default-shape.json'));
const envelope = parseJsonLossless<unknown>(fixture('envelope-custom-shape.json'));

function mappingOf(partial: Parameters<typeof resolveMapping>[0]): OwnSiteMapping {
	const { mapping, problems } = resolveMapping(partial);
	expect(problems).toEqual([]);
	return mapping;
}
const defaults = mappingOf({ defaultShopId: 'tea.example.com' });

function orderOf(result: NormalizeResult): UnifiedOrder {
	if (!result.ok) throw new Error(`not normalized: ${JSON.stringify(result.problems)}`);
	return result.order;
}
const problemsOf = (result: NormalizeResult) => (result.ok ? [] : result.problems);
const clone = <T>(value: T): T => structuredClone(value);

/** The site's own shape from the docs: envelope, nested paths, fen, epoch times, numeric status codes. */
const custom = mappingOf({
	ordersPath: 'data.orders',
	channelOrderId: 'order.no',
	defaultShopId: 'shop-b',
	status: 'order.state',
	statusMap: [{ raw: '2', status: 'paid' }, { raw: '4', status: 'shipped' }],
	createdAt: 'order.placed',
	updatedAt: 'order.modified',
	paidAt: 'order.paid',
	currency: '',
	amountUnit: 'fen',
	totalAmount: 'money.goods',
	paidAmount: 'money.pay',
	shippingFee: 'money.freight',
	discountAmount: 'money.off',
	buyerId: 'customer.uid',
	buyerNick: 'customer.name',
	receiverName: 'shipping.to',
	receiverPhone: 'customer.phone',
	receiverProvince: 'shipping.region[0]',
	receiverCity: 'shipping.region[1]',
	receiverDistrict: 'shipping.region[2]',
	receiverAddress: 'shipping.street',
	receiverPostcode: 'shipping.zip',
	buyerMessage: 'note',
	linesPath: 'products',
	lineId: '',
	lineSkuId: 'sku',
	lineMerchantCode: 'code',
	lineTitle: 'name',
	lineQuantity: 'qty',
	lineUnitPrice: 'price',
	linePaidAmount: 'total',
});

describe('own site normalize: default mapping, yuan', () => {
	const order = orderOf(normalizeOwnSiteOrder(defaultBody, defaults));

	it('reads every field into a valid unified order', () => {
		expect(validateOrder(order)).toEqual([]);
		expect(order).toMatchObject({
			id: orderId('own_site', 'tea.example.com', '9007199254740993123'),
			channel: 'own_site',
			shopId: 'tea.example.com',
			channelOrderId: '9007199254740993123',
			status: 'paid',
			rawStatus: 'paid',
			refundState: 'none',
			currency: 'CNY',
			totals: { goods: 21800, paid: 20850, shippingFee: 1000, discount: 1950 },
			createdAt: '2024-05-01T12:30:00.000+08:00',
			updatedAt: '2024-05-01T13:00:00.000+08:00',
			paidAt: '2024-05-01T12:31:05.000+08:00',
			buyer: { id: '12345678901234567890', nick: '茶友小王' },
			receiver: { name: '王小明', phone: '13812341234', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 90 号 3 幢 501', postcode: '310012', masked: false },
			buyerMessage: '请尽快发货',
			flags: [],
		});
		expect(order.raw).toBeUndefined();
	});

	it('keeps ids beyond 2^53 exact (order, line, SKU, buyer)', () => {
		expect(order.channelOrderId).toBe('9007199254740993123');
		expect(order.lines[0].lineId).toBe('9007199254740993001');
		expect(order.lines[0].channelSkuId).toBe('9007199254740993555');
		expect(order.buyer.id).toBe('12345678901234567890');
	});

	it('reads lines: ids, SKU, merchant code, title, quantity as number or digits, unit price as text or integer yuan, paid, discount', () => {
		expect(order.lines).toEqual([
			{ lineId: '9007199254740993001', channelSkuId: '9007199254740993555', merchantCode: 'LJ-250', title: '龙井 250g', quantity: 2, unitPrice: 8900, discount: 950, paidAmount: 16850, refundState: 'none' },
			{ lineId: 'L2', channelSkuId: 'S-2', merchantCode: 'BC-100', title: '白茶 100g', quantity: 1, unitPrice: 4000, discount: 1000, paidAmount: 3000, refundState: 'none' },
		]);
	});

	it('reads yuan JSON numbers through their decimal form, never rounding through floats', () => {
		const body = clone(defaultBody);
		Object.assign(body, { paid_amount: 208.5, total_amount: 218, shipping_fee: 10, discount_amount: 19.5 });
		expect(orderOf(normalizeOwnSiteOrder(body, defaults)).totals).toEqual({ goods: 21800, paid: 20850, shippingFee: 1000, discount: 1950 });
		Object.assign(body, { paid_amount: 0.1 + 0.2 });
		expect(problemsOf(normalizeOwnSiteOrder(body, defaults))[0]).toMatchObject({ path: '$.paid_amount' });
	});

	it('refuses yuan with more than 2 decimals and fen with a fraction, naming the unit', () => {
		const body = clone(defaultBody);
		body.paid_amount = '208.505';
		const yuan = problemsOf(normalizeOwnSiteOrder(body, defaults));
		expect(yuan).toEqual([expect.objectContaining({ path: '$.paid_amount', message: expect.stringContaining('yuan decimal') })]);
		const fen = problemsOf(normalizeOwnSiteOrder(defaultBody, { ...defaults, amountUnit: 'fen' }));
		expect(fen.map((p) => p.path)).toContain('$.paid_amount');
		expect(fen[0].message).toContain('fen integer');
	});

	it('derives the goods total when it is not mapped, and flags it', () => {
		const derived = orderOf(normalizeOwnSiteOrder(defaultBody, { ...defaults, totalAmount: '' }));
		expect(derived.totals.goods).toBe(20850 - 1000 + 1950);
		expect(derived.flags).toEqual([FLAG_GOODS_DERIVED]);
	});

	it('uses defaults for absent optional values: currency CNY, updatedAt = createdAt, zero shipping and discount, line paid = price x quantity', () => {
		const body = clone(defaultBody);
		for (const key of ['currency', 'updated_at', 'paid_at', 'shipping_fee', 'discount_amount', 'buyer', 'receiver', 'buyer_message']) delete body[key];
		body.paid_amount = '218.00';
		delete (body.items as Array<Record<string, unknown>>)[0].paid_amount;
		const result = orderOf(normalizeOwnSiteOrder(body, defaults));
		expect(result).toMatchObject({ currency: 'CNY', updatedAt: result.createdAt, totals: { shippingFee: 0, discount: 0, paid: 21800 }, buyer: {}, receiver: { masked: false } });
		expect(result.paidAt).toBeUndefined();
		expect(result.lines[0]).toMatchObject({ paidAmount: 17800, discount: 0 });
	});

	it('takes a currency from the order in its own minor unit', () => {
		const body: Record<string, unknown> = { ...clone(defaultBody), currency: 'JPY', total_amount: '2180', paid_amount: '2085', shipping_fee: '100', discount_amount: '195' };
		body.items = [{ id: 1, title: 'tea', quantity: 1, unit_price: '2180', paid_amount: '1985' }];
		expect(orderOf(normalizeOwnSiteOrder(body, defaults))).toMatchObject({ currency: 'JPY', totals: { paid: 2085, goods: 2180 } });
	});

	it('reads the shop id from the order when mapped, else the default', () => {
		const body = { ...clone(defaultBody), shop: { domain: 'b.example.com' } };
		expect(orderOf(normalizeOwnSiteOrder(body, { ...defaults, shopId: 'shop.domain' })).shopId).toBe('b.example.com');
		expect(orderOf(normalizeOwnSiteOrder(defaultBody, { ...defaults, shopId: 'shop.domain' })).shopId).toBe('tea.example.com');
	});

	it('uses the default status when the status field is missing', () => {
		const body = clone(defaultBody);
		delete body.status;
		expect(orderOf(normalizeOwnSiteOrder(body, { ...defaults, defaultStatus: 'paid' }))).toMatchObject({ status: 'paid', rawStatus: '' });
	});
});

describe('own site normalize: custom shape, fen, epoch times', () => {
	const located = ownSiteOrdersIn(envelope, custom.ordersPath);

	it('finds every order of the envelope with its path', () => {
		expect(located.ok && located.orders.map((o) => o.path)).toEqual(['$.data.orders[0]', '$.data.orders[1]']);
	});

	it('maps nested paths, array indexes, fen and status codes', () => {
		const first = located.ok ? located.orders[0] : undefined;
		const order = orderOf(normalizeOwnSiteOrder(first?.raw, custom, { basePath: first?.path }));
		expect(validateOrder(order)).toEqual([]);
		expect(order).toMatchObject({
			channelOrderId: 'SO20240501-0001',
			shopId: 'shop-b',
			status: 'paid',
			rawStatus: '2',
			currency: 'CNY',
			totals: { goods: 21800, paid: 20850, shippingFee: 1000, discount: 1950 },
			createdAt: '2024-05-01T12:30:00.000+08:00',
			updatedAt: '2024-05-01T13:00:00.000+08:00',
			paidAt: '2024-05-01T12:31:05.000+08:00',
			buyer: { id: 'u-88', nick: '小王' },
			receiver: { name: '王小明', phone: '13812341234', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 90 号', postcode: '310012', masked: false },
		});
		expect(order.buyerMessage).toBeUndefined();
		expect(order.lines).toEqual([
			{ lineId: '1', channelSkuId: 'LJ-250', merchantCode: 'LJ-250', title: '龙井 250g', quantity: 2, unitPrice: 8900, discount: 950, paidAmount: 16850, refundState: 'none' },
			{ lineId: '2', channelSkuId: 'BC-100', merchantCode: 'BC-100', title: '白茶 100g', quantity: 1, unitPrice: 4000, discount: 0, paidAmount: 4000, refundState: 'none' },
		]);
	});

	it('reports every problem of an order it cannot map, each at the JSON path it read', () => {
		const second = located.ok ? located.orders[1] : undefined;
		const result = normalizeOwnSiteOrder(second?.raw, custom, { basePath: second?.path });
		expect(result.ok).toBe(false);
		expect(!result.ok && result.channelOrderId).toBe('SO20240501-0002');
		expect(problemsOf(result).map((p) => p.path)).toEqual([
			'$.data.orders[1].order.state',
			'$.data.orders[1].order.placed',
			'$.data.orders[1].money.pay',
			'$.data.orders[1].products',
		]);
		expect(problemsOf(result).map((p) => p.message)).toEqual([
			expect.stringContaining('unknown status "9"'),
			expect.stringContaining('not a time'),
			expect.stringContaining('fen integer'),
			expect.stringContaining('non-empty array'),
		]);
	});
});

describe('own site normalize: problems', () => {
	it('names every missing required field, with the path looked at', () => {
		const result = normalizeOwnSiteOrder({ note: 'nothing useful' }, defaults);
		expect(problemsOf(result).map((p) => [p.path, p.message])).toEqual([
			['$.id', 'Order ID: missing'],
			['$.status', 'Status: missing, and no default status is set'],
			['$.created_at', 'Created At: missing'],
			['$.paid_amount', 'Paid Amount: missing'],
			['$.items', 'Lines Path: expected a non-empty array of lines, found nothing'],
		]);
		expect(problemsOf(result).every((p) => p.source === 'payload')).toBe(true);
	});

	it('asks for a shop id when none is mapped or set', () => {
		const result = normalizeOwnSiteOrder(defaultBody, { ...defaults, defaultShopId: '' });
		expect(problemsOf(result)).toEqual([expect.objectContaining({ path: 'mapping.defaultShopId' })]);
	});

	it('reports a required field that is not mapped at its mapping setting', () => {
		const result = normalizeOwnSiteOrder(defaultBody, { ...defaults, channelOrderId: '', createdAt: '' });
		expect(problemsOf(result).map((p) => [p.path, p.message])).toEqual([
			['mapping.channelOrderId', 'Order ID: not mapped'],
			['mapping.createdAt', 'Created At: not mapped'],
		]);
	});

	it('reports a bad path at its mapping setting', () => {
		const result = normalizeOwnSiteOrder(defaultBody, { ...defaults, receiverPhone: 'receiver..phone' });
		expect(problemsOf(result)).toEqual([expect.objectContaining({ path: 'mapping.receiverPhone', message: expect.stringContaining('bad path') })]);
	});

	it('reports line problems at the line, and unreadable optional values too', () => {
		const body = clone(defaultBody);
		const items = body.items as Array<Record<string, unknown>>;
		items[0].quantity = 0;
		delete items[1].title;
		items[1].unit_price = '4O.00';
		body.buyer_message = { text: 'object' };
		body.id = 1.5;
		expect(problemsOf(normalizeOwnSiteOrder(body, defaults)).map((p) => p.path)).toEqual([
			'$.id',
			'$.buyer_message',
			'$.items[0].quantity',
			'$.items[1].unit_price',
			'$.items[1].title',
		]);
	});

	it('reports an unknown status and a bad currency', () => {
		const body = { ...clone(defaultBody), status: 'wait_ship', currency: 'rmb' };
		expect(problemsOf(normalizeOwnSiteOrder(body, defaults)).map((p) => p.path)).toEqual(['$.status', '$.currency']);
	});

	it('refuses an order id that was rounded by a lossy parse', () => {
		const body = { ...clone(defaultBody), id: 9007199254740993123 };
		expect(problemsOf(normalizeOwnSiteOrder(body, defaults))).toEqual([expect.objectContaining({ path: '$.id', message: expect.stringContaining('not an exact id') })]);
	});

	it('passes model validation problems through (duplicate line ids)', () => {
		const body = clone(defaultBody);
		(body.items as Array<Record<string, unknown>>)[1].id = '9007199254740993001';
		expect(problemsOf(normalizeOwnSiteOrder(body, defaults))).toEqual([expect.objectContaining({ source: 'order', path: '$.lines[1].lineId' })]);
	});

	it('refuses a non-object order', () => {
		expect(problemsOf(normalizeOwnSiteOrder(['x'], defaults))).toEqual([expect.objectContaining({ path: '$' })]);
	});
});

describe('own site orders in a push', () => {
	it('takes one order, an array of orders, or the list at a path', () => {
		expect(ownSiteOrdersIn({ id: 1 }, '')).toEqual({ ok: true, orders: [{ raw: { id: 1 }, path: '$' }] });
		expect(ownSiteOrdersIn([{ id: 1 }, { id: 2 }], '')).toEqual({ ok: true, orders: [{ raw: { id: 1 }, path: '$[0]' }, { raw: { id: 2 }, path: '$[1]' }] });
		expect(ownSiteOrdersIn({ data: { order: { id: 1 } } }, 'data.order')).toEqual({ ok: true, orders: [{ raw: { id: 1 }, path: '$.data.order' }] });
	});

	it('reports a body without orders where the path says', () => {
		expect(ownSiteOrdersIn({ data: {} }, 'data.orders')).toEqual({ ok: false, problems: [expect.objectContaining({ path: '$.data.orders', message: expect.stringContaining('found nothing') })] });
		expect(ownSiteOrdersIn('text', '')).toMatchObject({ ok: false });
		expect(ownSiteOrdersIn({}, 'data..orders')).toMatchObject({ ok: false, problems: [{ path: 'mapping.ordersPath' }] });
	});
});
