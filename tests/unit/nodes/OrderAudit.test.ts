import type { IDataObject } from 'n8n-workflow';
import { OrderAudit } from '../../../nodes/OrderAudit/OrderAudit.node';
import { sampleOrder } from '../../fixtures/orders';
import { storeKit, type StoreKit } from './OrderStore.kit';
import { jsonOf, runNode } from './ruleNodes.kit';

const node = new OrderAudit();

const auditParams = (rules: IDataObject, extra: Record<string, unknown> = {}) => ({
	mode: 'audit',
	orderField: '',
	rules,
	recordResult: true,
	options: { auditTime: '2024-05-02T00:00:00+08:00' },
	...extra,
});

describe('Order Audit node', () => {
	let kit: StoreKit;
	beforeEach(() => {
		kit = storeKit();
	});
	afterEach(async () => {
		await kit.cleanup();
	});

	it('passes a paid total exactly at the "Amount Above" limit and holds one fen above it', async () => {
		const order = sampleOrder();
		const atLimit = await runNode(kit, node, auditParams({ amountAbove: [{ severity: 'hold', priority: 50, limit: 248 }] }), [order as unknown as IDataObject]);
		expect(atLimit.map((out) => out.length)).toEqual([1, 0, 0]);
		const below = await runNode(kit, node, auditParams({ amountAbove: [{ severity: 'hold', priority: 50, limit: 247.99 }] }), [order as unknown as IDataObject]);
		expect(below.map((out) => out.length)).toEqual([0, 1, 0]);
		expect((below[1][0].json.audit as IDataObject).hits).toEqual([expect.objectContaining({ rule: 'amountAbove', severity: 'hold' })]);
	});

	it('audits stored orders as the Order Store outputs them (Search with customer id, changed-at and cost)', async () => {
		const store = await kit.store();
		await store.upsertOrders([sampleOrder()]);
		const [stored] = (await store.searchOrders({ withCost: true })).orders;
		expect(stored).toMatchObject({ customerId: expect.any(String), changedAt: expect.any(String), cost: expect.any(Object) });
		const out = await runNode(kit, node, auditParams({ amountAbove: [{ severity: 'hold', priority: 50, limit: 247.99 }] }), [stored as unknown as IDataObject]);
		expect(out.map((o) => o.length)).toEqual([0, 1, 0]);
		expect(out[1][0].json).toMatchObject({ id: stored.id, auditRecorded: true });
		expect((await store.getOrder(stored.id))?.audit?.decision).toBe('held');
	});

	it('holds orders paid less than the configured minutes before the audit time, and passes exactly at it', async () => {
		const rules = { paidRecently: [{ name: 'cool-off', minutes: 10 }] };
		const order = sampleOrder() as unknown as IDataObject;
		const exact = await runNode(kit, node, auditParams(rules, { options: { auditTime: '2024-05-01T12:41:05.000+08:00' } }), [order]);
		expect(exact.map((out) => out.length)).toEqual([1, 0, 0]);
		const early = await runNode(kit, node, auditParams(rules, { options: { auditTime: '2024-05-01T12:41:04.000+08:00' } }), [order]);
		expect(early.map((out) => out.length)).toEqual([0, 1, 0]);
	});

	it('routes to Approved, Held and Blocked, with the blacklist kept through the Manage Blacklist mode', async () => {
		const added = await runNode(kit, node, { mode: 'blacklist', blacklistOperation: 'add', kind: 'phone', value: '139 0000 0000', channel: '', reason: '恶意退款' });
		expect(jsonOf(added[0])).toEqual([expect.objectContaining({ added: true, kind: 'phone', value: '13900000000', channel: '*', reason: '恶意退款' })]);

		const clean = sampleOrder({ channelOrderId: '1' });
		const big = sampleOrder({ channelOrderId: '2', totals: { goods: 900000, discount: 0, shippingFee: 0, paid: 900000 } });
		const listed = sampleOrder({ channelOrderId: '3', receiver: { ...sampleOrder().receiver, phone: '13900000000' } });
		const rules = { blacklist: [{ severity: 'block' }], amountAbove: [{ limit: 5000 }] };
		const [approved, held, blocked] = await runNode(kit, node, auditParams(rules), [clean, big, listed] as unknown as IDataObject[]);
		expect(approved.map((i) => i.json.channelOrderId)).toEqual(['1']);
		expect(held.map((i) => i.json.channelOrderId)).toEqual(['2']);
		expect(blocked.map((i) => i.json.channelOrderId)).toEqual(['3']);
		expect(blocked[0].pairedItem).toEqual({ item: 2 });
		expect((blocked[0].json.audit as IDataObject).hits).toEqual([expect.objectContaining({ rule: 'blacklist', message: expect.stringContaining('恶意退款') })]);

		const listedNow = await runNode(kit, node, { mode: 'blacklist', blacklistOperation: 'list' });
		expect(listedNow[0]).toHaveLength(1);
		const removed = await runNode(kit, node, { mode: 'blacklist', blacklistOperation: 'remove', kind: 'phone', value: '13900000000', channel: '' });
		expect(removed[0][0].json).toEqual({ removed: true, kind: 'phone' });
		const again = await runNode(kit, node, auditParams(rules), [listed] as unknown as IDataObject[]);
		expect(again.map((out) => out.length)).toEqual([1, 0, 0]);
	});

	it('records decision and rule version on stored orders, and says when an order is not stored', async () => {
		const store = await kit.store();
		const stored = sampleOrder({ channelOrderId: 's1' });
		await store.upsertOrders([stored]);
		const loose = sampleOrder({ channelOrderId: 'loose' });
		const [approved] = await runNode(kit, node, auditParams({ amountBelow: [{ limit: 1 }] }), [stored, loose] as unknown as IDataObject[]);
		expect(approved.map((i) => i.json.auditRecorded)).toEqual([true, false]);
		const after = await store.getOrder(stored.id);
		expect(after?.audit).toMatchObject({ decision: 'approved', ruleVersion: (approved[0].json.audit as IDataObject).ruleVersion });
		expect((await store.orderHistory(stored.id)).at(-1)).toMatchObject({ kind: 'patch', actor: 'n8n:Rule Node' });
	});

	it('dry run reports what would change over stored orders and writes nothing', async () => {
		const store = await kit.store();
		const orders = [
			sampleOrder({ channelOrderId: 'd1', createdAt: '2024-05-01T10:00:00.000+08:00' }),
			sampleOrder({ channelOrderId: 'd2', createdAt: '2024-05-01T11:00:00.000+08:00', totals: { goods: 900000, discount: 0, shippingFee: 0, paid: 900000 } }),
			sampleOrder({ channelOrderId: 'outside', createdAt: '2024-04-01T11:00:00.000+08:00', totals: { goods: 900000, discount: 0, shippingFee: 0, paid: 900000 } }),
		];
		await store.upsertOrders(orders);
		const historyBefore = await Promise.all(orders.map((o) => store.orderHistory(o.id)));
		const [report, held, blocked] = await runNode(kit, node, {
			mode: 'dryRun',
			rules: { amountAbove: [{ limit: 5000 }] },
			createdFrom: '2024-05-01T00:00:00+08:00',
			createdTo: '2024-05-02T00:00:00+08:00',
			channels: [],
			maxOrders: 100,
			options: {},
		});
		expect(held).toEqual([]);
		expect(blocked).toEqual([]);
		expect(report[0].json).toMatchObject({
			total: 2,
			before: { none: 2 },
			after: { approved: 1, held: 1, blocked: 0 },
			transitions: { 'none->approved': 1, 'none->held': 1 },
			hitsPerRule: { amountAbove: 1 },
			truncated: false,
		});
		for (const [i, order] of orders.entries()) {
			expect((await store.getOrder(order.id))?.audit).toBeUndefined();
			expect(await store.orderHistory(order.id)).toEqual(historyBefore[i]);
		}
	});

	it('names the bad rule setting in a clear error', async () => {
		await expect(runNode(kit, node, auditParams({ refundRate: [{ maxRefundRatePercent: 150 }] }), [sampleOrder() as unknown as IDataObject])).rejects.toThrow(
			/refundRate\[0\]\.maxRefundRatePercent/,
		);
		await expect(runNode(kit, node, auditParams({ amountAbove: [{ enabled: false }] }), [sampleOrder() as unknown as IDataObject])).rejects.toThrow(/No audit rule is enabled/);
	});

	it('sends items that are not unified orders to Held with Continue On Fail', async () => {
		const [approved, held] = await runNode(kit, node, auditParams({ amountBelow: [{}] }), [{ hello: 'world' }, sampleOrder() as unknown as IDataObject], { continueOnFail: true });
		expect(approved).toHaveLength(1);
		expect(held[0].json.error).toMatch(/not a unified order/);
		expect(held[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('Order Audit rule fields', () => {
	it("compile with the editor's defaults to the rule library's own defaults (keywords aside, which the form pre-fills)", async () => {
		const { auditRulesProperty } = await import('../../../nodes/OrderAudit/ruleFields');
		const { compileAudit } = await import('../../../lib/rules');
		const groups = (auditRulesProperty.options ?? []) as Array<{ name: string; values: Array<{ name: string; default: unknown }> }>;
		const fromForm = Object.fromEntries(groups.map((g) => [g.name, [Object.fromEntries(g.values.map((v) => [v.name, v.default]))]]));
		const fromLibrary = Object.fromEntries(groups.map((g) => [g.name, [g.name === 'keywords' ? { keywords: '发票, 改地址, 加急' } : {}]]));
		const form = compileAudit(fromForm);
		expect(form.rules.map((r) => r.type)).toHaveLength(12);
		expect(form.ruleVersion).toBe(compileAudit(fromLibrary).ruleVersion);
	});
});
