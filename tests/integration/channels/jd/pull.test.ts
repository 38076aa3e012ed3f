// A full-window pull of 2,000 seeded JD orders through the pack's JD client against the emulator: every
// order JD shows comes back once, normalized field by field like the truth, in the fewest calls pages allow.
import { pageCount } from '../../../../lib/channels/core';
import { normalizeJdOrder } from '../../../../lib/channels/jd/normalize';
import type { JdRefundApplication } from '../../../../lib/channels/jd/client';
import { jdProvider } from '../../../../sandbox/providers/jd';
import { JD_DEFAULTS } from '../../../../sandbox/providers/jd/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { DAY_MS, answeredCalls, collect, defined, expectedOrder, iso, sandboxClient, shopCredentials, visibleTruth } from './jdSandbox';

const ORDERS = 2_000;
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ orders: ORDERS, seed: 'jd-pull', factories: [jdProvider] });
});
afterAll(() => sandbox.close());

test(`a full-window pull of ${ORDERS} seeded orders gives back exactly the truth JD shows, in the fewest calls`, async () => {
	const now = sandbox.world.clock.now();
	const window = { by: 'modified', from: iso(now - 30 * DAY_MS), to: iso(now) } as const;
	const figures = { seeded: ORDERS, listed: 0, calls: 0, minimumCalls: 0, refundCalls: 0, compared: 0 };
	for (const [index, shop] of JD_DEFAULTS.shops.entries()) {
		const answered = answeredCalls();
		const { client } = sandboxClient(sandbox, shopCredentials(sandbox, index), { http: answered.http });
		const windows = await collect(client.listOrderWindows(window));
		expect(windows).toHaveLength(1);
		const pulled = windows[0].orders;
		const truth = visibleTruth(sandbox, shop.shopId);
		figures.listed += pulled.length;
		figures.calls += answered.total();
		figures.minimumCalls += Math.max(1, pageCount(truth.length, 100));

		const ids = pulled.map((o) => String(o.orderId));
		expect(ids.every((id) => /^\d{19}$/.test(id))).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.sort()).toEqual(truth.map((o) => o.channelOrderId).sort());

		const before = answered.total();
		const refunds = await collect(client.listRefunds({ from: window.from, to: window.to }));
		figures.refundCalls += answered.total() - before;
		const refundsByOrder = new Map<string, JdRefundApplication[]>();
		for (const refund of refunds) refundsByOrder.set(String(refund.orderId), [...(refundsByOrder.get(String(refund.orderId)) ?? []), refund]);

		const byId = new Map(truth.map((o) => [o.channelOrderId, o]));
		for (const raw of pulled) {
			const result = normalizeJdOrder(raw, { shopId: shop.shopId, refunds: refundsByOrder.get(String(raw.orderId)) ?? [] });
			if (!result.ok) throw new Error(`order ${String(raw.orderId)} did not normalize: ${JSON.stringify(result.problems)}`);
			const expected = defined(expectedOrder(sandbox, byId.get(String(raw.orderId))!));
			expect(defined(result.order)).toEqual(expected);
			figures.compared += 1;
		}
	}
	console.log(JSON.stringify({ bench: 'jd-full-window-pull', ...figures }));
	expect(figures.compared).toBe(figures.listed);
	expect(figures.listed).toBeGreaterThan(ORDERS * 0.8);
	expect(figures.calls).toBeLessThanOrEqual(Math.floor(figures.minimumCalls * 1.05));
});

test('a re-poll with nothing new costs one list call and finds nothing', async () => {
	const previous = sandbox.world.clock.now();
	sandbox.world.clock.advance(1000);
	const answered = answeredCalls();
	const { client } = sandboxClient(sandbox, shopCredentials(sandbox, 0), { http: answered.http });
	const changed = visibleTruth(sandbox, JD_DEFAULTS.shops[0].shopId).filter((o) => sandbox.world.truth.snapshot(o).updatedAt > previous);
	expect(changed).toEqual([]);
	// The next poll starts where the last one ended (its end is inclusive, so the boundary is read again).
	const orders = await collect(client.listOrders({ by: 'modified', from: iso(previous), to: iso(sandbox.world.clock.now()) }));
	expect(orders).toEqual([]);
	expect(answered.byMethod).toEqual({ 'jingdong.pop.order.search': 1 });
});

test('a created-time pull lists the same orders as the modified-time pull', async () => {
	const now = sandbox.world.clock.now();
	const { client } = sandboxClient(sandbox, shopCredentials(sandbox, 1));
	const [created] = await collect(client.listOrderWindows({ by: 'created', from: iso(now - 30 * DAY_MS), to: iso(now) }));
	const truth = visibleTruth(sandbox, JD_DEFAULTS.shops[1].shopId);
	expect(created.orders.map((o) => String(o.orderId)).sort()).toEqual(truth.map((o) => o.channelOrderId).sort());
});
