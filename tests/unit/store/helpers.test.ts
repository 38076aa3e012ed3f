import { canTransition } from '../../../lib/store';
import { phoneHash } from '../../../lib/store/customers';
import { watermarkSortKey } from '../../../lib/store/cursors';
import { chunkFor, likeContains, numberedPlaceholders, rowPlaceholders } from '../../../lib/store/sql';

describe('store helpers', () => {
	it('numbers placeholders outside quoted text', () => {
		expect(numberedPlaceholders(`SELECT '?' AS q, "a?" FROM t WHERE a = ? AND b LIKE ? ESCAPE '\\' AND c = ?`)).toBe(
			`SELECT '?' AS q, "a?" FROM t WHERE a = $1 AND b LIKE $2 ESCAPE '\\' AND c = $3`,
		);
		expect(rowPlaceholders(2, 3)).toBe('(?, ?, ?), (?, ?, ?)');
	});

	it('chunks by the parameter limit', () => {
		expect(chunkFor([1, 2, 3, 4, 5], 2, 4).map((c) => c.length)).toEqual([2, 2, 1]);
		expect(chunkFor([1, 2], 10, 4).map((c) => c.length)).toEqual([1, 1]);
	});

	it('escapes LIKE wildcards and lower-cases the needle', () => {
		expect(likeContains('100%_A\\')).toBe('%100\\%\\_a\\\\%');
	});

	it('sorts watermarks by instant, by integer value, or as text', () => {
		expect(watermarkSortKey('2024-05-01T13:00:00+08:00')).toBe(watermarkSortKey('2024-05-01T05:00:00.000Z'));
		expect(watermarkSortKey('2024-05-01T13:00:01+08:00') > watermarkSortKey('2024-05-01T05:00:00Z')).toBe(true);
		expect(watermarkSortKey('100') > watermarkSortKey('99')).toBe(true);
		expect(watermarkSortKey('0099')).toBe(watermarkSortKey('99'));
		expect(watermarkSortKey('b') > watermarkSortKey('a')).toBe(true);
	});

	it('allows forward moves, holds before shipping, release of a hold, and cancel from anywhere but cancelled', () => {
		expect(canTransition('paid', 'approved')).toBe(true);
		expect(canTransition('approved', 'on_hold')).toBe(true);
		expect(canTransition('on_hold', 'paid')).toBe(true);
		expect(canTransition('shipped', 'on_hold')).toBe(false);
		expect(canTransition('shipped', 'paid')).toBe(false);
		expect(canTransition('completed', 'cancelled')).toBe(true);
		expect(canTransition('cancelled', 'paid')).toBe(false);
		expect(canTransition('paid', 'paid')).toBe(true);
	});

	it('hashes mainland phones the same with or without +86 and separators, never masked ones', () => {
		expect(phoneHash('+86 138-1234-1234', 's')).toBe(phoneHash('13812341234', 's'));
		expect(phoneHash('13812341234', 's')).not.toBe(phoneHash('13812341234', 't'));
		expect(phoneHash('138****1234', 's')).toBeUndefined();
		expect(phoneHash('12345', 's')).toBeUndefined();
	});
});
