// The shape tables must follow types.ts. The @ts-expect-error lines are checked by `npm run typecheck`:
// if a guard stopped working, the directive would be unused and the type check would fail.
import { everyMemberOf, ORDER_FIELDS, UNIFIED_ORDER_SPEC } from '../../../lib/model';
import type { Buyer, FieldsOf, UnifiedOrder } from '../../../lib/model';

const text = { kind: 'string' } as const;

describe('shape tables', () => {
	it('name every key of UnifiedOrder at run time too', () => {
		const sample: Record<keyof UnifiedOrder, true> = {
			id: true, channel: true, shopId: true, channelOrderId: true, status: true, rawStatus: true,
			refundState: true, currency: true, totals: true, createdAt: true, paidAt: true, updatedAt: true,
			shippedAt: true, lines: true, buyer: true, receiver: true, buyerMessage: true, sellerMemo: true,
			tags: true, presale: true, logistics: true, audit: true, allocation: true, flags: true, raw: true,
		};
		expect(Object.keys(ORDER_FIELDS).sort()).toEqual(Object.keys(sample).sort());
		expect(UNIFIED_ORDER_SPEC).toMatchObject({ kind: 'object', name: 'UnifiedOrder' });
	});

	it('refuse tables that drift from the types (checked by tsc)', () => {
		const complete: FieldsOf<Buyer> = { id: { required: false, value: text }, nick: { required: false, value: text } };
		// @ts-expect-error a key of Buyer is missing
		const missing: FieldsOf<Buyer> = { id: { required: false, value: text } };
		const extra: FieldsOf<Buyer> = {
			...complete,
			// @ts-expect-error Buyer has no such key
			email: { required: false, value: text },
		};
		// @ts-expect-error id is optional in Buyer, so the table may not require it
		const wrongOptionality: FieldsOf<Buyer> = { ...complete, id: { required: true, value: text } };
		// @ts-expect-error a string field cannot be checked as minor units
		const wrongKind: FieldsOf<Buyer> = { ...complete, nick: { required: false, value: { kind: 'minor' } } };
		// @ts-expect-error 'flag' is missing from the list of severities
		const incomplete = everyMemberOf<'block' | 'hold' | 'flag'>()(['block', 'hold']);
		expect([complete, missing, extra, wrongOptionality, wrongKind, incomplete]).toHaveLength(6);
	});
});
