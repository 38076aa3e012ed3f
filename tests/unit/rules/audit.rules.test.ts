import type { UnifiedOrder } from '../../../lib/model';
import {
	auditOrder,
	blacklistFromEntries,
	recentOrdersFromList,
	type AuditConfig,
	type AuditContext,
} from '../../../lib/rules/audit';
import { HOUR, line, MINUTE, NOW, ruleOrder, shiftIso, withReceiver } from '../../fixtures/rules/orders';

const base = ruleOrder();

function hitIds(order: UnifiedOrder, config: AuditConfig, context: Partial<AuditContext> = {}): string[] {
	return auditOrder(order, config, { now: NOW, ...context }).hits.map((hit) => hit.rule);
}

interface Case {
	name: string;
	config: AuditConfig;
	order: UnifiedOrder;
	context?: Partial<AuditContext>;
	hit: boolean;
}

function runTable(cases: Case[]): void {
	test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
		const ids = hitIds(c.order, c.config, c.context);
		expect(ids.length > 0).toBe(c.hit);
	});
}

describe('paid total thresholds (paid 248.00)', () => {
	runTable([
		{ name: 'above: limit equal to paid passes', config: { amountAbove: [{ limit: 248 }] }, order: base, hit: false },
		{ name: 'above: one fen over the limit hits', config: { amountAbove: [{ limit: 247.99 }] }, order: base, hit: true },
		{ name: 'above: limit one fen higher passes', config: { amountAbove: [{ limit: 248.01 }] }, order: base, hit: false },
		{ name: 'below: limit equal to paid passes', config: { amountBelow: [{ limit: 248 }] }, order: base, hit: false },
		{ name: 'below: one fen under the limit hits', config: { amountBelow: [{ limit: 248.01 }] }, order: base, hit: true },
		{
			name: 'above: limit in yen for a JPY order (24800 yen > 24799)',
			config: { amountAbove: [{ limit: 24799 }] },
			order: ruleOrder({ currency: 'JPY' }),
			hit: true,
		},
	]);

	test('message names both amounts in yuan', () => {
		const [hit] = auditOrder(base, { amountAbove: [{ limit: 200 }] }, { now: NOW }).hits;
		expect(hit.message).toBe('实付金额 ¥248.00 高于上限 ¥200.00 / paid total ¥248.00 is above the limit ¥200.00');
	});
});

describe('unit price floor (2 x 129.00 listed, 248.00 paid -> 124.00 per unit)', () => {
	const gift = ruleOrder({ lines: [line(), line({ lineId: 'G', isGift: true, unitPrice: 0, paidAmount: 0, quantity: 1 })] });
	runTable([
		{ name: 'paid basis: floor equal to paid unit price passes', config: { unitPriceFloor: [{ minUnitPrice: 124 }] }, order: base, hit: false },
		{ name: 'paid basis: floor one fen higher hits', config: { unitPriceFloor: [{ minUnitPrice: 124.01 }] }, order: base, hit: true },
		{ name: 'list basis: floor equal to list price passes', config: { unitPriceFloor: [{ minUnitPrice: 129, basis: 'list' }] }, order: base, hit: false },
		{ name: 'list basis: floor one fen higher hits', config: { unitPriceFloor: [{ minUnitPrice: 129.01, basis: 'list' }] }, order: base, hit: true },
		{ name: 'per-SKU floor (text form) overrides the general one', config: { unitPriceFloor: [{ minUnitPrice: 1, skuFloors: 'SKU-TEE=125' }] }, order: base, hit: true },
		{ name: 'per-SKU floor matches the merchant code too', config: { unitPriceFloor: [{ skuFloors: [{ sku: 'TEE-RED-M', minUnitPrice: 125 }] }] }, order: base, hit: true },
		{ name: 'per-SKU floor for another SKU leaves this line alone', config: { unitPriceFloor: [{ skuFloors: 'OTHER=500' }] }, order: base, hit: false },
		{ name: 'free gift lines are skipped by default', config: { unitPriceFloor: [{ minUnitPrice: 1 }] }, order: gift, hit: false },
		{ name: 'free gift lines hit when not skipped', config: { unitPriceFloor: [{ minUnitPrice: 1, skipGifts: false }] }, order: gift, hit: true },
	]);

	test('the hit names the offending line', () => {
		const [hit] = auditOrder(base, { unitPriceFloor: [{ minUnitPrice: 130 }] }, { now: NOW }).hits;
		expect(hit.lineIds).toEqual(['L1']);
		expect(hit.message).toContain('第1行「纯棉T恤」实付单价 ¥124.00 低于 ¥130.00');
	});
});

describe('paid less than N minutes ago', () => {
	const paidAgo = (ms: number) => ruleOrder({ paidAt: shiftIso(NOW, -ms) });
	runTable([
		{ name: 'exactly 10 minutes ago passes', config: { paidRecently: [{ minutes: 10 }] }, order: paidAgo(10 * MINUTE), hit: false },
		{ name: '1 ms short of 10 minutes hits', config: { paidRecently: [{ minutes: 10 }] }, order: paidAgo(10 * MINUTE - 1), hit: true },
		{ name: 'paid an hour ago passes', config: { paidRecently: [{}] }, order: base, hit: false },
		{
			name: 'no payment time: judged by the creation time',
			config: { paidRecently: [{ minutes: 10 }] },
			order: ruleOrder({ paidAt: undefined, createdAt: shiftIso(NOW, -5 * MINUTE) }),
			hit: true,
		},
		{ name: '0 minutes turns it off', config: { paidRecently: [{ minutes: 0 }] }, order: paidAgo(0), hit: false },
	]);
});

describe('buyer message and seller memo keywords', () => {
	const msg = (buyerMessage?: string, sellerMemo?: string) => ruleOrder({ buyerMessage, sellerMemo });
	runTable([
		{ name: 'keyword inside the buyer message', config: { keywords: [{ keywords: '发票, 改地址' }] }, order: msg('麻烦开发票谢谢'), hit: true },
		{ name: 'case-insensitive', config: { keywords: [{ keywords: ['invoice'] }] }, order: msg('Need INVOICE please'), hit: true },
		{ name: 'full-width letters fold', config: { keywords: [{ keywords: ['invoice'] }] }, order: msg('ＩＮＶＯＩＣＥ'), hit: true },
		{ name: 'no keyword, no hit', config: { keywords: [{ keywords: ['发票'] }] }, order: msg('尽快发货'), hit: false },
		{ name: 'memo only: buyer message ignored', config: { keywords: [{ keywords: ['发票'], field: 'sellerMemo' }] }, order: msg('发票'), hit: false },
		{ name: 'memo only: memo matched', config: { keywords: [{ keywords: ['加急'], field: 'sellerMemo' }] }, order: msg(undefined, '客户要求加急'), hit: true },
		{ name: 'any text: a plain message hits', config: { keywords: [{ anyText: true }] }, order: msg('谢谢'), hit: true },
		{ name: 'any text: blank message passes', config: { keywords: [{ anyText: true }] }, order: msg('   '), hit: false },
	]);
});

describe('incomplete or suspicious address', () => {
	const addr = (receiver: Partial<UnifiedOrder['receiver']>) => withReceiver(base, receiver);
	const on = { address: [{}] } satisfies AuditConfig;
	runTable([
		{ name: 'the sample address passes', config: on, order: base, hit: false },
		{ name: 'missing district', config: on, order: addr({ district: undefined }), hit: true },
		{ name: 'blank city', config: on, order: addr({ city: '  ' }), hit: true },
		{ name: 'missing phone', config: on, order: addr({ phone: undefined }), hit: true },
		{ name: 'district not required when the operator says so', config: { address: [{ requiredFields: 'name,phone,province,city,address' }] }, order: addr({ district: undefined }), hit: false },
		{ name: 'street of exactly the minimum length passes', config: on, order: addr({ address: '文三路90' }), hit: false },
		{ name: 'street one character short hits', config: on, order: addr({ address: '文三路9' }), hit: true },
		{ name: '测试 in the street', config: on, order: addr({ address: '测试路 1 号测试楼' }), hit: true },
		{ name: '"test" as a name', config: on, order: addr({ name: 'Test' }), hit: true },
		{ name: '"test" inside a word passes', config: on, order: addr({ address: 'Contest Road 12, Block 3' }), hit: false },
		{ name: '10-digit phone', config: on, order: addr({ phone: '1381234123' }), hit: true },
		{ name: 'landline is not a mobile', config: on, order: addr({ phone: '0571-88886666' }), hit: true },
		{ name: 'mobile with +86 and spaces passes', config: on, order: addr({ phone: '+86 138 1234 1234' }), hit: false },
		{ name: 'privacy number with extension passes', config: on, order: addr({ phone: '17012345678-1234' }), hit: false },
		{ name: 'mobile check can be turned off', config: { address: [{ checkMobile: false }] }, order: addr({ phone: '0571-88886666' }), hit: false },
		{
			name: 'masked receiver with a token: stars are not judged',
			config: on,
			order: addr({ masked: true, token: 'oaid123', name: '张*', phone: '138****1234', address: '文***' }),
			hit: false,
		},
		{ name: 'masked receiver still needs a province', config: on, order: addr({ masked: true, token: 't', province: undefined }), hit: true },
		{
			name: 'abroad: no province, district or mobile format required',
			config: on,
			order: addr({ country: 'US', province: undefined, district: undefined, city: 'San Francisco', address: '1 Market St', phone: '+1 415 555 0100' }),
			hit: false,
		},
		{ name: 'PO box allowed by default', config: on, order: addr({ country: 'US', province: undefined, district: undefined, address: 'PO Box 123' }), hit: false },
		{ name: 'PO box refused when asked', config: { address: [{ rejectPoBox: true }] }, order: addr({ address: '邮政信箱 1024 号' }), hit: true },
		{ name: 'parcel locker refused when asked', config: { address: [{ rejectParcelLocker: true }] }, order: addr({ address: '文三路 90 号丰巢柜' }), hit: true },
	]);

	test('every problem is named in one hit', () => {
		const order = addr({ district: undefined, address: '测试', phone: '123' });
		const hits = auditOrder(order, on, { now: NOW }).hits;
		expect(hits).toHaveLength(1);
		expect(hits[0].message).toContain('缺少区县');
		expect(hits[0].message).toContain('详细地址过短');
		expect(hits[0].message).toContain('可疑词「测试」');
		expect(hits[0].message).toContain('不是 11 位手机号');
	});
});

describe('blacklist', () => {
	const blacklist = blacklistFromEntries([
		{ kind: 'phone', value: '139 0000 0000', reason: '恶意退款' },
		{ kind: 'buyer', value: 'BAD-BUYER', channel: 'jd' },
		{ kind: 'receiver', name: '李四', address: '解放路 1 号' },
	]);
	const on = { blacklist: [{}] } satisfies AuditConfig;
	runTable([
		{ name: 'clean order passes', config: on, order: base, context: { blacklist }, hit: false },
		{ name: 'phone listed (spaces and +86 ignored)', config: on, order: withReceiver(base, { phone: '+8613900000000' }), context: { blacklist }, hit: true },
		{ name: 'phone check off', config: { blacklist: [{ checkPhone: false }] }, order: withReceiver(base, { phone: '13900000000' }), context: { blacklist }, hit: false },
		{ name: 'buyer id listed on its channel', config: on, order: ruleOrder({ channel: 'jd', buyer: { id: 'BAD-BUYER' } }), context: { blacklist }, hit: true },
		{ name: 'same buyer id on another channel passes', config: on, order: ruleOrder({ buyer: { id: 'BAD-BUYER' } }), context: { blacklist }, hit: false },
		{ name: 'name + street listed', config: on, order: withReceiver(base, { name: '李四', address: '解放路1号' }), context: { blacklist }, hit: true },
		{ name: 'same street, other name passes', config: on, order: withReceiver(base, { name: '王五', address: '解放路1号' }), context: { blacklist }, hit: false },
	]);

	test('blocks, with the reason from the list', () => {
		const result = auditOrder(withReceiver(base, { phone: '13900000000' }), on, { now: NOW, blacklist });
		expect(result.decision).toBe('blocked');
		expect(result.hits[0].message).toBe('电话在黑名单（恶意退款） / phone is blacklisted (恶意退款)');
	});
});

describe('duplicate orders (same receiver + same SKUs within 24 h)', () => {
	const first = ruleOrder({ channelOrderId: 'A1', buyer: { id: 'other-account' } });
	const later = (ms: number, overrides: Partial<UnifiedOrder> = {}) =>
		ruleOrder({ channelOrderId: 'A2', createdAt: shiftIso(first.createdAt, ms), ...overrides });
	const on = { duplicate: [{ windowHours: 24 }] } satisfies AuditConfig;
	const ctx = (...orders: UnifiedOrder[]) => ({ recentOrders: recentOrdersFromList(orders) });
	const exactly24h = later(24 * HOUR);
	runTable([
		{ name: 'exactly 24 h later is a duplicate', config: on, order: exactly24h, context: ctx(first, exactly24h), hit: true },
		{ name: '24 h + 1 ms later is not', config: on, order: later(24 * HOUR + 1), context: ctx(first), hit: false },
		{ name: 'the earlier order of the pair is not flagged', config: on, order: first, context: ctx(first, later(HOUR)), hit: false },
		{ name: 'different SKU is not a duplicate', config: on, order: later(HOUR, { lines: [line({ masterSku: 'SKU-CAP' })] }), context: ctx(first), hit: false },
		{ name: 'different quantity still is (SKUs compared)', config: on, order: later(HOUR, { lines: [line({ quantity: 5 })] }), context: ctx(first), hit: true },
		{ name: 'different quantity is not when quantities must match', config: { duplicate: [{ sameQuantities: true }] }, order: later(HOUR, { lines: [line({ quantity: 5 })] }), context: ctx(first), hit: false },
		{ name: 'a cancelled earlier order does not count', config: on, order: later(HOUR), context: ctx({ ...first, status: 'cancelled' }), hit: false },
		{ name: 'another receiver is not a duplicate', config: on, order: withReceiver(later(HOUR), { phone: '13700000000' }), context: ctx(first), hit: false },
	]);

	test('the hit lists the earlier order id', () => {
		const result = auditOrder(later(HOUR), on, { now: NOW, ...ctx(first) });
		expect(result.hits[0].orderIds).toEqual([first.id]);
	});
});

describe('mergeable orders (合单: same buyer + address, not shipped)', () => {
	const self = ruleOrder({ channelOrderId: 'M1' });
	const other = (overrides: Partial<UnifiedOrder> = {}) =>
		ruleOrder({ channelOrderId: 'M2', lines: [line({ masterSku: 'SKU-CAP' })], createdAt: shiftIso(self.createdAt, HOUR), ...overrides });
	const on = { mergeable: [{ windowHours: 72 }] } satisfies AuditConfig;
	const ctx = (...orders: UnifiedOrder[]) => ({ recentOrders: recentOrdersFromList([self, ...orders]) });
	runTable([
		{ name: 'another paid order of the same buyer and address', config: on, order: self, context: ctx(other()), hit: true },
		{ name: 'exactly 72 h apart still merges', config: on, order: self, context: ctx(other({ createdAt: shiftIso(self.createdAt, 72 * HOUR) })), hit: true },
		{ name: '72 h + 1 ms apart does not', config: on, order: self, context: ctx(other({ createdAt: shiftIso(self.createdAt, 72 * HOUR + 1) })), hit: false },
		{ name: 'the other order already shipped', config: on, order: self, context: ctx(other({ status: 'shipped' })), hit: false },
		{ name: 'the other order is being refunded', config: on, order: self, context: ctx(other({ refundState: 'refunding' })), hit: false },
		{ name: 'another shop of the same channel', config: on, order: self, context: ctx(other({ shopId: 'shop-2' })), hit: false },
		{ name: 'another address', config: on, order: self, context: ctx(withReceiver(other(), { address: '别的路 8 号 8 幢' })), hit: false },
		{ name: 'presale orders stay apart by default', config: on, order: self, context: ctx(other({ presale: true })), hit: false },
		{ name: 'presale orders join when allowed', config: { mergeable: [{ includePresale: true }] }, order: self, context: ctx(other({ presale: true })), hit: true },
	]);

	test('reports the candidate ids and only flags', () => {
		const candidate = other();
		const result = auditOrder(self, on, { now: NOW, ...ctx(candidate) });
		expect(result.hits[0]).toMatchObject({ rule: 'mergeable', severity: 'flag', orderIds: [candidate.id] });
		expect(result.decision).toBe('approved');
	});
});

describe('unmapped SKU and stock', () => {
	const unmapped = ruleOrder({ lines: [line(), line({ lineId: 'L2', masterSku: undefined, merchantCode: 'NEW-1' })] });
	const refundedUnmapped = ruleOrder({ lines: [line(), line({ lineId: 'L2', masterSku: undefined, refundState: 'refunded' })] });
	const stock = (available: number | undefined) => ({ availableStock: () => available });
	runTable([
		{ name: 'mapped lines pass', config: { unmappedSku: [{}] }, order: base, hit: false },
		{ name: 'a line without master SKU hits', config: { unmappedSku: [{}] }, order: unmapped, hit: true },
		{ name: 'a refunded unmapped line is ignored', config: { unmappedSku: [{}] }, order: refundedUnmapped, hit: false },
		{ name: 'available equal to need passes', config: { stockShortage: [{}] }, order: base, context: stock(2), hit: false },
		{ name: 'one short hits', config: { stockShortage: [{}] }, order: base, context: stock(1), hit: true },
		{ name: 'unknown SKU counts as none available', config: { stockShortage: [{}] }, order: base, context: stock(undefined), hit: true },
		{
			name: 'two lines of one SKU are summed (3 > 2)',
			config: { stockShortage: [{}] },
			order: ruleOrder({ lines: [line(), line({ lineId: 'L2', quantity: 1 })] }),
			context: stock(2),
			hit: true,
		},
	]);

	test('unmapped hit names the line and merchant code', () => {
		const [hit] = auditOrder(unmapped, { unmappedSku: [{}] }, { now: NOW }).hits;
		expect(hit.lineIds).toEqual(['L2']);
		expect(hit.message).toContain('（NEW-1）');
	});
});

describe('high refund-rate customer (above 30%, at least 5 orders)', () => {
	const stats = (orders: number, refunded: number) => ({ customerStats: () => ({ orders, refunded }) });
	const on = { refundRate: [{ maxRefundRatePercent: 30, minOrders: 5 }] } satisfies AuditConfig;
	runTable([
		{ name: 'exactly 30% passes', config: on, order: base, context: stats(10, 3), hit: false },
		{ name: '40% hits', config: on, order: base, context: stats(10, 4), hit: true },
		{ name: 'minimum order count reached (5) hits', config: on, order: base, context: stats(5, 2), hit: true },
		{ name: 'below the minimum order count passes', config: on, order: base, context: stats(4, 4), hit: false },
		{ name: 'unknown customer passes', config: on, order: base, context: { customerStats: () => undefined }, hit: false },
	]);
});
