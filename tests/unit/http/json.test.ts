import { MalformedResponseError, TransientError } from '../../../lib/http';
import { parseJsonLossless, stringifyWithBigIds } from '../../../lib/json';

describe('parseJsonLossless', () => {
	it('keeps a 19-digit order id exact as a string', () => {
		const parsed = parseJsonLossless<{ tid: unknown }>('{"tid":1234567890123456789}');
		expect(parsed.tid).toBe('1234567890123456789');
		expect((JSON.parse('{"tid":1234567890123456789}') as { tid: number }).tid).not.toBe(1234567890123456789n);
	});

	it('converts every unsafe integer in nested arrays and objects, negative ones included', () => {
		const text =
			'{"trades":{"trade":[{"tid":9007199254740993,"orders":{"order":[{"oid":18446744073709551615,"num":2}]}},' +
			'{"tid":-9223372036854775808,"refund_ids":[9007199254740992,1,-42]}]},"total_results":2}';
		expect(parseJsonLossless(text)).toEqual({
			trades: {
				trade: [
					{ tid: '9007199254740993', orders: { order: [{ oid: '18446744073709551615', num: 2 }] } },
					{ tid: '-9223372036854775808', refund_ids: ['9007199254740992', 1, -42] },
				],
			},
			total_results: 2,
		});
	});

	it('leaves safe integers, floats, exponents and strings untouched', () => {
		const text =
			'{"max":9007199254740991,"min":-9007199254740991,"price":12.3,"big_float":12345678901234567890.5,' +
			'"exp":1e21,"s":"1234567890123456789","zero":0,"neg":-0.25}';
		const parsed = parseJsonLossless<Record<string, unknown>>(text);
		expect(parsed).toEqual(JSON.parse(text));
		expect(parsed.max).toBe(Number.MAX_SAFE_INTEGER);
		expect(typeof parsed.big_float).toBe('number');
		expect(parsed.exp).toBe(1e21);
	});

	it('gives the same result as JSON.parse when nothing is big', () => {
		const text = JSON.stringify({ a: [1, 2.5, 'x', null, true, { b: 123456789012345 }] });
		expect(parseJsonLossless(text)).toEqual(JSON.parse(text));
	});

	it('throws a transient MalformedResponseError naming the call and quoting the body', () => {
		const html = '<html><head><title>502 Bad Gateway</title></head>' + ' '.repeat(400) + 'END';
		let err: unknown;
		try {
			parseJsonLossless(html, { provider: 'jd', shopId: '88', method: 'jingdong.pop.order.search' });
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(MalformedResponseError);
		expect(err).toBeInstanceOf(TransientError);
		const malformed = err as MalformedResponseError;
		expect(malformed.kind).toBe('transient');
		expect(malformed.bodySnippet).toHaveLength(200);
		expect(malformed.message).toMatch(/^jd shop 88: jingdong\.pop\.order\.search failed \(response is not valid JSON/);
		expect(malformed.message).toContain('502 Bad Gateway');
		expect(malformed.message).not.toContain('END');
	});

	it('throws on truncated JSON with big numbers too', () => {
		expect(() => parseJsonLossless('{"tid":1234567890123456789')).toThrow(MalformedResponseError);
		expect(() => parseJsonLossless('')).toThrow(MalformedResponseError);
	});
});

describe('stringifyWithBigIds', () => {
	it('writes bigint values and numeric-key digit strings as bare numbers', () => {
		const text = stringifyWithBigIds(
			{ tid: '1234567890123456789', oid: 1234567890123456788n, title: '1234567890123456789', n: 3 },
			{ numericKeys: ['tid'] },
		);
		expect(text).toBe('{"tid":1234567890123456789,"oid":1234567890123456788,"title":"1234567890123456789","n":3}');
	});

	it('round-trips through parseJsonLossless', () => {
		const value = { list: [{ tid: '98765432109876543210' }, { tid: '-1234567890123456789' }] };
		expect(parseJsonLossless(stringifyWithBigIds(value, { numericKeys: ['tid'] }))).toEqual(value);
	});

	it('keeps strings that are not valid JSON integers as strings', () => {
		expect(stringifyWithBigIds({ tid: '007' }, { numericKeys: ['tid'] })).toBe('{"tid":"007"}');
	});
});
