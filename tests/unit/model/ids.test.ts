import { createHash } from 'node:crypto';
import { lineKey, orderId, ORDER_ID_PATTERN } from '../../../lib/model';

describe('orderId', () => {
	it('is uo_ + the first 32 hex digits of sha256 over NUL-joined parts', () => {
		const expected = createHash('sha256').update('taobao\u0000shop-1\u00003947581234567890123').digest('hex');
		expect(orderId('taobao', 'shop-1', '3947581234567890123')).toBe(`uo_${expected.slice(0, 32)}`);
	});

	it('is stable and matches the id pattern', () => {
		const id = orderId('jd', '10086', '280000000001');
		expect(id).toBe(orderId('jd', '10086', '280000000001'));
		expect(id).toMatch(ORDER_ID_PATTERN);
	});

	it('does not collide when characters move between parts', () => {
		expect(orderId('jd', 'ab', 'c')).not.toBe(orderId('jd', 'a', 'bc'));
		expect(orderId('jd', 's', '1')).not.toBe(orderId('taobao', 's', '1'));
	});

	it.each([
		['a number id (lossy parse)', ['taobao', 'shop', 12345]],
		['an empty channel order id', ['taobao', 'shop', '']],
		['an empty shop id', ['taobao', '', '1']],
		['a NUL inside a part', ['taobao', 'sh\u0000op', '1']],
	])('rejects %s', (_label, parts) => {
		expect(() => orderId(...(parts as [string, string, string]))).toThrow(TypeError);
	});
});

describe('lineKey', () => {
	it('joins order id and line id', () => {
		const id = orderId('douyin', 's', '6920000000000000001');
		expect(lineKey(id, '6920000000000000002')).toBe(`${id}:6920000000000000002`);
	});

	it('rejects something that is not an order id', () => {
		expect(() => lineKey('6920000000000000001', 'x')).toThrow(/not an order id/);
		expect(() => lineKey(orderId('jd', 's', '1'), '')).toThrow(/lineId/);
	});
});
