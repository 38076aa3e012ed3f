import { applyLocal, deepEqual, diffOrders, mergeSnapshot, snapshotHash } from '../../../lib/store/orderMerge';
import { sampleOrder } from '../../fixtures/orders';

describe('order merge rules', () => {
	const stored = sampleOrder({ status: 'approved', tags: ['a'] });
	const audit = { decision: 'approved' as const, ruleVersion: 'r1', hits: [], auditedAt: '2024-05-01T12:40:00+08:00' };

	it('applies our overlay over a channel snapshot', () => {
		const incoming = sampleOrder({ tags: ['a', 'b'], sellerMemo: 'from channel', logistics: { carrier: 'yto', trackingNo: 'Y1' } });
		const out = applyLocal(incoming, { tagsAdded: ['ours'], tagsRemoved: ['b'], sellerMemo: 'ours', logistics: { trackingNo: 'SF1' }, audit });
		expect(out.tags).toEqual(['a', 'ours']);
		expect(out.sellerMemo).toBe('ours');
		expect(out.logistics).toEqual({ carrier: 'yto', trackingNo: 'SF1' });
		expect(out.audit).toBe(audit);
		expect(incoming.tags).toEqual(['a', 'b']);
		expect(applyLocal(incoming, undefined)).toBe(incoming);
	});

	it('keeps the stored rank, the refunded state and resolved master SKUs', () => {
		const withSku = { ...stored, refundState: 'refunded' as const, lines: [{ ...stored.lines[0], masterSku: 'M1' }] };
		const merged = mergeSnapshot(withSku, sampleOrder({ status: 'paid', refundState: 'none' }), 'newer', undefined);
		expect(merged.status).toBe('approved');
		expect(merged.refundState).toBe('refunded');
		expect(merged.lines[0].masterSku).toBe('M1');
		const requested = mergeSnapshot(stored, sampleOrder({ status: 'shipped', refundState: 'requested' }), 'newer', undefined);
		expect([requested.status, requested.refundState]).toEqual(['shipped', 'requested']);
		expect(mergeSnapshot(stored, sampleOrder({ refundState: 'requested' }), 'same', undefined).refundState).toBe('none');
	});

	it('diffs top-level fields regardless of key order and leaves raw out of before/after', () => {
		const a = { ...sampleOrder(), raw: { x: 1 } };
		const b = { ...sampleOrder(), raw: { x: 2 }, totals: { paid: 24800, shippingFee: 0, discount: 1000, goods: 25800 }, status: 'shipped' as const };
		const diff = diffOrders(a, b);
		expect(diff.changes).toEqual(['status', 'raw']);
		expect(diff.before).toEqual({ status: 'paid' });
		expect(diff.after).toEqual({ status: 'shipped' });
	});

	it('compares deeply, treating an undefined key as absent', () => {
		expect(deepEqual({ a: [1, { b: 2 }], c: undefined }, { a: [1, { b: 2 }] })).toBe(true);
		expect(deepEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
		expect(deepEqual([], {})).toBe(false);
		expect(deepEqual(null, {})).toBe(false);
	});

	it('hashes a snapshot by its exact content', () => {
		expect(snapshotHash(sampleOrder())).toBe(snapshotHash(sampleOrder()));
		expect(snapshotHash(sampleOrder({ rawStatus: 'X' }))).not.toBe(snapshotHash(sampleOrder()));
		expect(snapshotHash(sampleOrder())).toMatch(/^[0-9a-f]{32}$/);
	});
});
