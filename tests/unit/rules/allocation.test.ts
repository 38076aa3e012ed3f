import { allocateOrder, type AllocationInput, type WarehouseSettings } from '../../../lib/rules/allocation';
import { RuleConfigError } from '../../../lib/rules/configFields';
import { line, NOW, ruleOrder, withReceiver } from '../../fixtures/rules/orders';

// The sample receiver is in 浙江省杭州市.
type Stock = Record<string, Record<string, number>>;
const lookup = (stock: Stock) => (warehouseId: string, sku: string) => stock[warehouseId]?.[sku];
const twoLines = ruleOrder({
	lines: [line({ lineId: 'A', masterSku: 'SKU-A', quantity: 1 }), line({ lineId: 'B', masterSku: 'SKU-B', quantity: 1 })],
});

function allocate(warehouses: WarehouseSettings[], stock: Stock, extra: Partial<AllocationInput> = {}) {
	return allocateOrder({ order: twoLines, warehouses, stock: lookup(stock), now: NOW, ...extra });
}

describe('one warehouse for the whole order: ranking', () => {
	const both = { 'SKU-A': 5, 'SKU-B': 5 };
	test.each<[string, WarehouseSettings[], Stock, string]>([
		[
			'same province beats better priority',
			[{ id: 'national', priority: 1 }, { id: 'east', regions: '浙江, 江苏, 上海', priority: 9 }],
			{ national: both, east: both },
			'east',
		],
		[
			'city match beats province match',
			[{ id: 'zj', regions: ['浙江省'], priority: 1 }, { id: 'hz', regions: ['浙江/杭州'], priority: 9 }],
			{ zj: both, hz: both },
			'hz',
		],
		['lower priority number wins within a locality', [{ id: 'w1', priority: 20 }, { id: 'w2', priority: 10 }], { w1: both, w2: both }, 'w2'],
		[
			'more stock of the order SKUs breaks a priority tie',
			[{ id: 'w1' }, { id: 'w2' }],
			{ w1: both, w2: { 'SKU-A': 50, 'SKU-B': 5 } },
			'w2',
		],
		['id breaks a full tie', [{ id: 'wb' }, { id: 'wa' }], { wa: both, wb: both }, 'wa'],
		[
			'a warehouse that cannot ship everything is passed over, however local',
			[{ id: 'hz', regions: '杭州' }, { id: 'national', priority: 50 }],
			{ hz: { 'SKU-A': 5 }, national: both },
			'national',
		],
		[
			'a warehouse not covering the destination is never used',
			[{ id: 'south', regions: '广东, 广西', priority: 1 }, { id: 'national', priority: 99 }],
			{ south: both, national: both },
			'national',
		],
		['a disabled warehouse is never used', [{ id: 'w1', priority: 1, enabled: false }, { id: 'w2', priority: 2 }], { w1: both, w2: both }, 'w2'],
	])('%s', (_name, warehouses, stock, expected) => {
		const plan = allocate(warehouses, stock);
		expect(plan).toMatchObject({ result: 'single', action: 'allocate_and_reserve' });
		expect(plan.allocation.warehouses).toEqual([{ warehouseId: expected, lineIds: ['A', 'B'] }]);
	});

	test('region preference can be switched off', () => {
		const plan = allocate(
			[{ id: 'national', priority: 1 }, { id: 'east', regions: '浙江', priority: 9 }],
			{ national: both, east: both },
			{ options: { preferSameRegion: false } },
		);
		expect(plan.parcels[0].warehouseId).toBe('national');
	});

	test('region names match with or without 省/市/自治区', () => {
		const order = withReceiver(twoLines, { province: '新疆维吾尔自治区', city: '乌鲁木齐市' });
		const plan = allocateOrder({ order, warehouses: [{ id: 'west', regions: '新疆/乌鲁木齐' }], stock: lookup({ west: both }), now: NOW });
		expect(plan.parcels[0]).toMatchObject({ warehouseId: 'west', locality: 'city' });
	});

	test('stored allocation result', () => {
		expect(allocate([{ id: 'w1', name: '杭州仓' }], { w1: both }).allocation).toEqual({
			result: 'single',
			warehouses: [{ warehouseId: 'w1', lineIds: ['A', 'B'] }],
			allocatedAt: NOW,
		});
	});
});

describe('designated warehouses', () => {
	const both = { 'SKU-A': 5, 'SKU-B': 5 };
	test('a shop designated to a warehouse ships only from it', () => {
		const plan = allocate([{ id: 'main', priority: 1 }, { id: 'tmall', priority: 9, designatedShops: 'taobao:shop-1' }], { main: both, tmall: both });
		expect(plan.parcels.map((parcel) => parcel.warehouseId)).toEqual(['tmall']);
	});

	test('other shops are unaffected by a designation', () => {
		const plan = allocate([{ id: 'main', priority: 1 }, { id: 'tmall', priority: 9, designatedShops: 'shop-9' }], { main: both, tmall: both });
		expect(plan.parcels.map((parcel) => parcel.warehouseId)).toEqual(['main']);
	});

	test('a designated SKU ships only from its warehouse, even if others hold it', () => {
		const plan = allocate([{ id: 'main', priority: 1 }, { id: 'cold', designatedSkus: 'SKU-B' }], { main: both, cold: { 'SKU-B': 5 } });
		expect(plan.result).toBe('split');
		expect(plan.allocation.warehouses).toEqual([
			{ warehouseId: 'main', lineIds: ['A'] },
			{ warehouseId: 'cold', lineIds: ['B'] },
		]);
	});

	test('a designated SKU with no stock at its warehouse cannot be allocated', () => {
		const plan = allocate([{ id: 'main' }, { id: 'cold', designatedSkus: 'SKU-B' }], { main: both, cold: {} });
		expect(plan).toMatchObject({ result: 'none', action: 'hold', shortages: [{ masterSku: 'SKU-B', needed: 1, bestAvailable: 0 }] });
	});
});

describe('split and none', () => {
	test('each warehouse holds one SKU: two parcels', () => {
		const plan = allocate([{ id: 'w1' }, { id: 'w2' }], { w1: { 'SKU-A': 1 }, w2: { 'SKU-B': 1 } });
		expect(plan).toMatchObject({ result: 'split', action: 'split' });
		expect(plan.parcels.map((parcel) => [parcel.warehouseId, parcel.lineIds])).toEqual([
			['w1', ['A']],
			['w2', ['B']],
		]);
	});

	test('greedy takes the warehouse covering most lines first (fewest parcels over locality)', () => {
		const order = ruleOrder({
			lines: ['A', 'B', 'C'].map((id) => line({ lineId: id, masterSku: `SKU-${id}`, quantity: 1 })),
		});
		const plan = allocateOrder({
			order,
			warehouses: [{ id: 'local', regions: '杭州', priority: 1 }, { id: 'big', priority: 5 }, { id: 'small', priority: 9 }],
			stock: lookup({ local: { 'SKU-A': 9 }, big: { 'SKU-A': 9, 'SKU-B': 9 }, small: { 'SKU-C': 9 } }),
			now: NOW,
		});
		expect(plan.parcels.map((parcel) => [parcel.warehouseId, parcel.lineIds])).toEqual([
			['big', ['A', 'B']],
			['small', ['C']],
		]);
	});

	test('two lines of one SKU draw on the same stock', () => {
		const order = ruleOrder({ lines: [line({ lineId: 'X1', quantity: 2 }), line({ lineId: 'X2', quantity: 2 })] });
		const plan = allocateOrder({ order, warehouses: [{ id: 'w1', priority: 1 }, { id: 'w2', priority: 2 }], stock: lookup({ w1: { 'SKU-TEE': 3 }, w2: { 'SKU-TEE': 2 } }), now: NOW });
		expect(plan.allocation.warehouses).toEqual([
			{ warehouseId: 'w1', lineIds: ['X1'] },
			{ warehouseId: 'w2', lineIds: ['X2'] },
		]);
	});

	test('exactly enough stock in one warehouse is a single parcel', () => {
		const order = ruleOrder({ lines: [line({ lineId: 'X1', quantity: 2 }), line({ lineId: 'X2', quantity: 2 })] });
		const plan = allocateOrder({ order, warehouses: [{ id: 'w1' }], stock: lookup({ w1: { 'SKU-TEE': 4 } }), now: NOW });
		expect(plan.result).toBe('single');
	});

	test('splitting switched off: none, with shortages', () => {
		const plan = allocate([{ id: 'w1' }, { id: 'w2' }], { w1: { 'SKU-A': 1 }, w2: { 'SKU-B': 1 } }, { options: { allowSplit: false } });
		expect(plan).toMatchObject({ result: 'none', action: 'hold' });
		expect(plan.shortages).toEqual([
			{ masterSku: 'SKU-A', needed: 1, bestAvailable: 1 },
			{ masterSku: 'SKU-B', needed: 1, bestAvailable: 1 },
		]);
	});

	test('more parcels than allowed: none', () => {
		const plan = allocate([{ id: 'w1' }, { id: 'w2' }], { w1: { 'SKU-A': 1 }, w2: { 'SKU-B': 1 } }, { options: { maxParcels: 1 } });
		expect(plan.result).toBe('none');
		expect(allocate([{ id: 'w1' }, { id: 'w2' }], { w1: { 'SKU-A': 1 }, w2: { 'SKU-B': 1 } }, { options: { maxParcels: 2 } }).result).toBe('split');
	});

	test('not enough anywhere: none, naming what is short', () => {
		const plan = allocate([{ id: 'w1' }, { id: 'w2' }], { w1: { 'SKU-A': 1, 'SKU-B': -3 }, w2: {} });
		expect(plan).toMatchObject({ result: 'none', action: 'hold', shortages: [{ masterSku: 'SKU-B', needed: 1, bestAvailable: 0 }] });
		expect(plan.allocation).toEqual({ result: 'none', warehouses: [], allocatedAt: NOW });
	});

	test('no warehouse covers the destination', () => {
		expect(allocate([{ id: 'south', regions: '广东' }], { south: { 'SKU-A': 9, 'SKU-B': 9 } }).reason).toContain('no warehouse serves');
	});

	test('unmapped lines hold the order', () => {
		const order = ruleOrder({ lines: [line(), line({ lineId: 'U', masterSku: undefined })] });
		const plan = allocateOrder({ order, warehouses: [{ id: 'w1' }], stock: lookup({ w1: { 'SKU-TEE': 9 } }), now: NOW });
		expect(plan).toMatchObject({ result: 'none', unmappedLineIds: ['U'] });
	});

	test('refunded lines are not allocated', () => {
		const order = ruleOrder({ lines: [line(), line({ lineId: 'R', masterSku: 'SKU-GONE', refundState: 'refunded' })] });
		const plan = allocateOrder({ order, warehouses: [{ id: 'w1' }], stock: lookup({ w1: { 'SKU-TEE': 9 } }), now: NOW });
		expect(plan.allocation.warehouses).toEqual([{ warehouseId: 'w1', lineIds: ['L1'] }]);
	});

	test('warehouse settings are validated', () => {
		expect(() => allocate([{ id: 'w1' }, { id: 'w1' }], {})).toThrow(RuleConfigError);
		expect(() => allocate([{ id: '' }], {})).toThrow('warehouses[0].id');
	});
});
