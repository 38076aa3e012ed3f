import { decideSnapshot, mergeRefundState, mergeStatus, ORDER_STATUSES, STATUS_RANK } from '../../../lib/model';
import type { OrderStatus, RefundState } from '../../../lib/model';

const T1 = '2024-05-01T12:00:00.000+08:00';
const T2 = '2024-05-01T12:05:00.000+08:00';

describe('STATUS_RANK', () => {
	it('follows ORDER_STATUSES order', () => {
		ORDER_STATUSES.forEach((status, index) => expect(STATUS_RANK[status]).toBe(index));
		expect(STATUS_RANK.cancelled).toBeGreaterThan(STATUS_RANK.completed);
		expect(STATUS_RANK.on_hold).toBeGreaterThan(STATUS_RANK.paid);
	});
});

describe('decideSnapshot', () => {
	it('ignores a snapshot that arrives late (out of order)', () => {
		const stored = { updatedAt: T2, status: 'shipped' as const };
		expect(decideSnapshot(stored, { updatedAt: T1, status: 'paid' })).toBe('older');
		// Even a "higher" status is stale when its time is older.
		expect(decideSnapshot(stored, { updatedAt: T1, status: 'cancelled' })).toBe('older');
		expect(decideSnapshot({ updatedAt: T1, status: 'paid' }, { updatedAt: T2, status: 'shipped' })).toBe('newer');
	});

	it('compares instants across offsets', () => {
		const stored = { updatedAt: '2024-05-01T12:00:00.000+08:00', status: 'paid' as const };
		// 05:00Z is 13:00 in Beijing: newer, although it sorts first as text.
		expect(decideSnapshot(stored, { updatedAt: '2024-05-01T05:00:00.000+00:00', status: 'paid' })).toBe('newer');
		expect(decideSnapshot(stored, { updatedAt: '2024-05-01T04:00:00Z', status: 'paid' })).toBe('same');
	});

	it.each([
		['paid', 'shipped', 'newer'],
		['shipped', 'paid', 'older'],
		['shipped', 'shipped', 'same'],
		['shipped', 'cancelled', 'newer'],
	] as const)('equal times: stored %s, incoming %s -> %s', (stored, incoming, verdict) => {
		expect(decideSnapshot({ updatedAt: T1, status: stored }, { updatedAt: T1, status: incoming })).toBe(verdict);
	});
});

describe('mergeStatus', () => {
	it.each([
		['on_hold', 'paid', 'on_hold'],
		['approved', 'paid', 'approved'],
		['allocated', 'paid', 'allocated'],
		['allocated', 'shipped', 'shipped'],
		['paid', 'partially_shipped', 'partially_shipped'],
		['shipped', 'cancelled', 'cancelled'],
		['completed', 'cancelled', 'cancelled'],
		['cancelled', 'paid', 'cancelled'],
		['cancelled', 'shipped', 'cancelled'],
		['delivered', 'shipped', 'delivered'],
		['pending_payment', 'paid', 'paid'],
	] as const)('%s + %s -> %s', (stored, incoming, merged) => {
		expect(mergeStatus(stored, incoming)).toBe(merged);
	});

	it('never lowers the rank, for every pair', () => {
		for (const stored of ORDER_STATUSES) {
			for (const incoming of ORDER_STATUSES) {
				const merged = mergeStatus(stored, incoming);
				expect(STATUS_RANK[merged]).toBeGreaterThanOrEqual(STATUS_RANK[stored]);
				expect([stored, incoming]).toContain(merged);
			}
		}
	});

	it('rejects an unknown status instead of ranking it as undefined', () => {
		expect(() => mergeStatus('paid', 'WAIT_SELLER_SEND_GOODS' as OrderStatus)).toThrow(/unknown order status/);
	});
});

describe('mergeRefundState', () => {
	it.each([
		['none', 'requested', true, 'requested'],
		['requested', 'rejected', true, 'rejected'],
		['rejected', 'requested', true, 'requested'],
		['requested', 'none', true, 'none'],
		['refunding', 'refunded', true, 'refunded'],
		['refunded', 'requested', true, 'refunded'],
		['refunded', 'none', true, 'refunded'],
		['requested', 'none', false, 'requested'],
		['rejected', 'requested', false, 'rejected'],
		['none', 'refunded', false, 'none'],
	] as Array<[RefundState, RefundState, boolean, RefundState]>)(
		'%s + %s (newer: %s) -> %s',
		(stored, incoming, newer, merged) => {
			expect(mergeRefundState(stored, incoming, newer)).toBe(merged);
		},
	);
});
