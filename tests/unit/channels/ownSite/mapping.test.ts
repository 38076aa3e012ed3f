import { DEFAULT_MAPPING, joinPath, mapStatus, parsePath, resolveMapping, valueAt } from '../../../../lib/channels/ownSite/mapping';

describe('own site JSON paths', () => {
	it.each([
		['id', ['id']],
		['customer.phone', ['customer', 'phone']],
		['items[0].sku', ['items', 0, 'sku']],
		['$.data.orders', ['data', 'orders']],
		['$[2]', [2]],
		['[1][0]', [1, 0]],
		['["order.no"].x', ['order.no', 'x']],
		['meta["a \\"b\\""]', ['meta', 'a "b"']],
		['收货人.电话', ['收货人', '电话']],
		['', []],
		['$', []],
	])('parses %j', (text, segments) => {
		expect(parsePath(text)).toEqual({ ok: true, segments });
	});

	it.each(['a..b', 'a.', '.a', 'items[x]', 'items[-1]', 'items[0', '["unterminated', 'a]', 'a"b'])('refuses %j with a reason', (text) => {
		const parsed = parsePath(text);
		expect(parsed.ok).toBe(false);
		expect(parsed.ok === false && parsed.error.length).toBeGreaterThan(0);
	});

	const order = { customer: { phone: '13812341234' }, items: [{ sku: 'A' }, { sku: 'B' }], 'order.no': 'X1', zero: 0 };
	it('reads nested keys and indexes', () => {
		const at = (text: string) => valueAt(order, (parsePath(text) as { segments: Array<string | number> }).segments);
		expect(at('customer.phone')).toBe('13812341234');
		expect(at('items[1].sku')).toBe('B');
		expect(at('["order.no"]')).toBe('X1');
		expect(at('zero')).toBe(0);
		expect(at('')).toBe(order);
	});

	it('never reaches prototypes, array properties or out-of-range items', () => {
		const at = (text: string) => valueAt(order, (parsePath(text) as { segments: Array<string | number> }).segments);
		for (const text of ['constructor', '__proto__', 'toString', 'items.length', 'items[2].sku', 'customer[0]', 'customer.phone.length', 'missing.deeper']) {
			expect(at(text)).toBeUndefined();
		}
	});

	it('joins a base and a path for problem reports', () => {
		expect(joinPath('$[1]', ['items', 0, 'sku'])).toBe('$[1].items[0].sku');
		expect(joinPath('$', ['order.no', '收货'])).toBe('$["order.no"]["收货"]');
	});
});

describe('own site mapping settings', () => {
	it('fills every field left undefined from the defaults and trims paths', () => {
		const { mapping, problems } = resolveMapping({ channelOrderId: ' order.no ', lineTitle: undefined });
		expect(problems).toEqual([]);
		expect(mapping).toEqual({ ...DEFAULT_MAPPING, channelOrderId: 'order.no' });
	});

	it('keeps an emptied field empty: not mapped', () => {
		expect(resolveMapping({ buyerNick: '' }).mapping.buyerNick).toBe('');
	});

	it('reports every bad path, unit, time format and status at the mapping field', () => {
		const { problems } = resolveMapping({
			receiverPhone: 'customer..phone',
			lineSkuId: 'sku[',
			amountUnit: 'jiao',
			timeFormat: 'rfc',
			defaultStatus: 'done' as never,
			statusMap: [{ raw: '2', status: 'paid' }, { raw: '9', status: 'gone' as never }],
		});
		expect(problems.map((p) => p.path)).toEqual([
			'mapping.receiverPhone',
			'mapping.lineSkuId',
			'mapping.amountUnit',
			'mapping.timeFormat',
			'mapping.defaultStatus',
			'mapping.statusMap[1].status',
		]);
		expect(problems[0].message).toContain('customer..phone');
	});

	it('maps statuses through the list first, then accepts unified values as they are', () => {
		const map = [{ raw: '2', status: 'paid' as const }, { raw: 'wait_ship', status: 'paid' as const }, { raw: 'shipped', status: 'completed' as const }];
		expect(mapStatus('2', map)).toBe('paid');
		expect(mapStatus('wait_ship', map)).toBe('paid');
		expect(mapStatus('shipped', map)).toBe('completed');
		expect(mapStatus('cancelled', map)).toBe('cancelled');
		expect(mapStatus('3', map)).toBeUndefined();
	});
});
