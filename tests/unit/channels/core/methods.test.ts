import { defineMethods, pageSizeFor, splitWindow } from '../../../../lib/channels/core';

const DAY = 86_400_000;

describe('defineMethods', () => {
	const methods = defineMethods({
		listModifiedOrders: {
			apiMethod: 'taobao.trades.sold.increment.get',
			kind: 'list',
			pageSizeMax: 100,
			maxWindowMs: DAY,
			pagingDirection: 'lastToFirst',
		},
		getOrder: { apiMethod: 'taobao.trade.fullinfo.get', kind: 'get' },
		shipOrder: { apiMethod: 'taobao.logistics.offline.send', kind: 'action' },
	});

	it('names each method after its key and keeps its limits', () => {
		expect(methods.listModifiedOrders.name).toBe('listModifiedOrders');
		expect(methods.getOrder).toEqual({ name: 'getOrder', apiMethod: 'taobao.trade.fullinfo.get', kind: 'get' });
		expect(methods.listModifiedOrders.pagingDirection).toBe('lastToFirst');
		expect(Object.isFrozen(methods) && Object.isFrozen(methods.shipOrder)).toBe(true);
	});

	it('drives window splitting and page sizes from the table', () => {
		const windows = splitWindow(
			'2024-05-01T00:00:00+08:00',
			'2024-05-03T06:00:00+08:00',
			methods.listModifiedOrders.maxWindowMs,
		);
		expect(windows).toHaveLength(3);
		expect(pageSizeFor(methods.listModifiedOrders)).toBe(100);
		expect(pageSizeFor(methods.listModifiedOrders, 40)).toBe(40);
		expect(pageSizeFor(methods.listModifiedOrders, 500)).toBe(100);
		expect(pageSizeFor(methods.listModifiedOrders, 0)).toBe(1);
	});

	it.each([
		[{ apiMethod: 'x.list', kind: 'list' }, /needs pageSizeMax/],
		[{ apiMethod: 'x.list', kind: 'list', pageSizeMax: 0 }, /pageSizeMax must be a positive integer/],
		[{ apiMethod: 'x.list', kind: 'list', pageSizeMax: 50, maxWindowMs: -1 }, /maxWindowMs/],
		[{ apiMethod: 'x.get', kind: 'get', pagingDirection: 'lastToFirst' }, /only a list/],
		[{ apiMethod: '', kind: 'get' }, /apiMethod is empty/],
	] as const)('rejects a bad spec %j', (spec, message) => {
		expect(() => defineMethods({ bad: spec })).toThrow(message);
		expect(() => defineMethods({ bad: spec })).toThrow(/^method bad /);
	});
});
