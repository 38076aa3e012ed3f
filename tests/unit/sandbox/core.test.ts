import { FaultBook } from '../../../sandbox/core/faults';
import { RateLimiter } from '../../../sandbox/core/rate-limit';
import { Rng } from '../../../sandbox/core/rng';
import { formatShanghai, parseShanghai } from '../../../sandbox/core/time';
import { RouteTable } from '../../../sandbox/core/provider';
import { getParser, registerParser } from '../../../sandbox/core/parsers';
import { Prerendered, objectText } from '../../../sandbox/core/envelope';
import { bigNumber } from '../../../sandbox/core/json';

describe('seeded random streams', () => {
	test('the same seed draws the same sequence; another seed does not', () => {
		const draw = (seed: string) => {
			const rng = new Rng(seed);
			return [rng.digits(19), rng.token(12), rng.int(1, 6), rng.pick(['a', 'b', 'c'])];
		};
		expect(draw('s1')).toEqual(draw('s1'));
		expect(draw('s1')).not.toEqual(draw('s2'));
	});

	test('digits gives exactly the asked length with the asked leading digit', () => {
		const rng = new Rng(3);
		for (let i = 0; i < 200; i++) {
			const value = rng.digits(19, '234');
			expect(value).toMatch(/^[234]\d{18}$/);
		}
	});

	test('weighted picks follow their weights roughly', () => {
		const rng = new Rng(9);
		let heavy = 0;
		for (let i = 0; i < 10_000; i++) if (rng.weighted([['a', 9], ['b', 1]] as const) === 'a') heavy++;
		expect(heavy).toBeGreaterThan(8700);
		expect(heavy).toBeLessThan(9300);
	});
});

describe('Shanghai wall time', () => {
	test('formats and parses yyyy-MM-dd HH:mm:ss at +08:00', () => {
		const ms = Date.parse('2016-01-01T12:00:00+08:00');
		expect(formatShanghai(ms)).toBe('2016-01-01 12:00:00');
		expect(parseShanghai('2016-01-01 12:00:00')).toBe(ms);
	});

	test.each(['2016-01-01T12:00:00', '2016-02-30 12:00:00', '2016-01-01 24:00:00', '2016-1-1 12:00:00', ''])(
		'rejects %p',
		(text) => expect(parseShanghai(text)).toBeUndefined(),
	);
});

describe('fault book', () => {
	const firing = (seed: number, probability: number) => {
		const book = new FaultBook(seed);
		book.add({ provider: 'taobao', method: 'taobao.trades.sold.get', kind: 'throttle', probability });
		return Array.from({ length: 40 }, () => book.decide('taobao', 'taobao.trades.sold.get')?.kind ?? '-').join('');
	};

	test('the same seed fails the same calls', () => {
		expect(firing(5, 0.3)).toBe(firing(5, 0.3));
		expect(firing(5, 0.3)).not.toBe(firing(6, 0.3));
		expect(firing(5, 0.3)).toMatch(/throttle/);
	});

	test('after and times bound the firing; other methods and providers are untouched', () => {
		const book = new FaultBook(1);
		book.add({ provider: 'taobao', method: 'taobao.trade.fullinfo.get', kind: 'server_error', after: 2, times: 2 });
		const kinds = Array.from({ length: 6 }, () => book.decide('taobao', 'taobao.trade.fullinfo.get')?.kind);
		expect(kinds).toEqual([undefined, undefined, 'server_error', 'server_error', undefined, undefined]);
		expect(book.decide('taobao', 'taobao.trades.sold.get')).toBeUndefined();
		expect(book.decide('jd', 'taobao.trade.fullinfo.get')).toBeUndefined();
	});

	test('unknown kinds and probabilities are refused', () => {
		const book = new FaultBook(1);
		expect(() => book.add({ provider: 'taobao', kind: 'nope' as never })).toThrow(RangeError);
		expect(() => book.add({ provider: 'taobao', kind: 'timeout', probability: 2 })).toThrow(RangeError);
	});
});

describe('rate limiter', () => {
	test('counts per app in clock windows and says how long until the next window', () => {
		const limiter = new RateLimiter();
		limiter.set({ provider: 'taobao', calls: 2, windowMs: 60_000 });
		const at = 1_200_000_020_000; // 20 s into a minute window
		expect(limiter.check('taobao', 'app1', 'm', at).limited).toBe(false);
		expect(limiter.check('taobao', 'app1', 'm', at).limited).toBe(false);
		const third = limiter.check('taobao', 'app1', 'm', at);
		expect(third).toEqual(expect.objectContaining({ limited: true, retryAfterMs: 40_000 }));
		expect(limiter.check('taobao', 'app2', 'm', at).limited).toBe(false);
		expect(limiter.check('taobao', 'app1', 'm', at + 40_000).limited).toBe(false);
	});
});

describe('routing and parsing', () => {
	test('routes capture path parameters and tell a wrong method from a missing path', () => {
		const table = new RouteTable([{ methods: ['GET'], path: '/orders/:id', parser: 'json', handle: () => ({ hangMs: 1 }) }]);
		const hit = table.match('GET', '/orders/abc%20d');
		expect(hit !== 'method' && hit?.pathParams).toEqual({ id: 'abc d' });
		expect(table.match('POST', '/orders/1')).toBe('method');
		expect(table.match('GET', '/other')).toBeUndefined();
	});

	test('form+query merges the body over the query; new parsers plug in by name', () => {
		const parsed = getParser('form+query')(Buffer.from('a=1&b=%E4%B8%AD'), { a: '0', c: '3' }, 'application/x-www-form-urlencoded');
		expect(parsed.params).toEqual({ a: '1', b: '中', c: '3' });
		registerParser('pipe', (raw) => ({ params: Object.fromEntries(raw.toString().split('|').map((kv) => kv.split(':'))) }));
		expect(getParser('pipe')(Buffer.from('x:1|y:2'), {}, '').params).toEqual({ x: '1', y: '2' });
		expect(() => getParser('missing')).toThrow(/no request parser/);
	});

	test('envelopes keep prerendered parts and exact big integers', () => {
		const text = objectText({ a: { trade: new Prerendered('[{"x":1}]') }, id: bigNumber('4012345678901234567'), skip: undefined });
		expect(text).toBe('{"a":{"trade":[{"x":1}]},"id":4012345678901234567}');
	});
});
