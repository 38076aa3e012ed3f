// A full pull of 2,000 seeded Pinduoduo orders through the pack's client against the emulator: every order
// Pinduoduo lists comes back once, normalized field by field like the truth, in exactly the calls the
// 30-minute window and last-to-first paging rules require.
import { pageCount, splitWindow } from '../../../../lib/channels/core';
import { PDD_METHODS, epochSeconds, type PddOrder } from '../../../../lib/channels/pinduoduo/client';
import { normalizePinduoduoOrder } from '../../../../lib/channels/pinduoduo/normalize';
import { pinduoduoProvider } from '../../../../sandbox/providers/pinduoduo';
import { PDD_DEFAULTS } from '../../../../sandbox/providers/pinduoduo/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { DAY_MS, answeredCalls, collect, defined, expectedOrder, iso, sandboxClient, shopCredentials, visibleTruth } from './pddSandbox';

const ORDERS = 2_000;
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ orders: ORDERS, seed: 'pdd-pull', factories: [pinduoduoProvider] });
});
afterAll(() => sandbox.close());

/** Calls the rules allow at least: per window one call when it fits a page, else a probe plus every page last to first. */
function minimumCalls(updatedSeconds: number[], from: string, to: string): number {
	let calls = 0;
	for (const window of splitWindow(from, to, PDD_METHODS.listOrdersByModified.maxWindowMs as number)) {
		const [start, end] = [epochSeconds(window.from), epochSeconds(window.to)];
		const total = updatedSeconds.filter((t) => t >= start && t <= end).length;
		const pages = pageCount(total, 100);
		calls += pages <= 1 ? 1 : 1 + pages;
	}
	return calls;
}

test(`a full pull of ${ORDERS} seeded orders gives back exactly the truth Pinduoduo shows, in the fewest calls the rules allow`, async () => {
	const now = sandbox.world.clock.now();
	const range = { by: 'modified', from: iso(now - 31 * DAY_MS), to: iso(now) } as const;
	const figures = { seeded: ORDERS, listed: 0, windows: 0, calls: 0, minimumCalls: 0, compared: 0 };
	for (const [index, shop] of PDD_DEFAULTS.shops.entries()) {
		const answered = answeredCalls();
		const { client } = sandboxClient(sandbox, shopCredentials(sandbox, index), { http: answered.http });
		const latest = new Map<string, PddOrder>();
		for await (const { orders } of client.listOrderWindows(range)) {
			figures.windows += 1;
			for (const order of orders) {
				const seen = latest.get(String(order.order_sn));
				if (!seen || String(order.updated_at) >= String(seen.updated_at)) latest.set(String(order.order_sn), order);
			}
		}
		const truth = visibleTruth(sandbox, shop.shopId);
		figures.listed += latest.size;
		figures.calls += answered.total();
		const updated = truth.map((o) => Math.floor(sandbox.world.truth.snapshot(o).updatedAt / 1000));
		figures.minimumCalls += minimumCalls(updated, range.from, range.to);
		expect(answered.byMethod).toEqual({ 'pdd.order.number.list.increment.get': answered.total() });
		expect([...latest.keys()].sort()).toEqual(truth.map((o) => o.channelOrderId).sort());

		const byId = new Map(truth.map((o) => [o.channelOrderId, o]));
		for (const raw of latest.values()) {
			const result = normalizePinduoduoOrder(raw, { shopId: shop.shopId });
			if (!result.ok) throw new Error(`order ${String(raw.order_sn)} did not normalize: ${JSON.stringify(result.problems)}`);
			expect(defined(result.order)).toEqual(expectedOrder(sandbox, byId.get(String(raw.order_sn))!));
			figures.compared += 1;
		}
	}
	console.log(JSON.stringify({ bench: 'pinduoduo-full-window-pull', ...figures }));
	expect(figures.compared).toBe(figures.listed);
	expect(figures.listed).toBeGreaterThan(ORDERS * 0.8);
	expect(figures.calls).toBe(figures.minimumCalls);
});

test('a re-poll with nothing new costs one call and finds nothing', async () => {
	// Seeded timelines go on after the start (orders complete later): step to a second in which nothing changes
	// (the increment end is inclusive, so the boundary second itself must be quiet too).
	const changedSince = (ms: number) => visibleTruth(sandbox, PDD_DEFAULTS.shops[0].shopId).filter((o) => sandbox.world.truth.snapshot(o).updatedAt >= ms);
	let previous = sandbox.world.clock.now();
	sandbox.world.clock.advance(1000);
	for (let step = 0; step < 60 && changedSince(previous).length > 0; step++) {
		previous = sandbox.world.clock.now();
		sandbox.world.clock.advance(1000);
	}
	expect(changedSince(previous)).toEqual([]);
	const answered = answeredCalls();
	const { client } = sandboxClient(sandbox, shopCredentials(sandbox, 0), { http: answered.http });
	const orders = await collect(client.listOrders({ by: 'modified', from: iso(previous), to: iso(sandbox.world.clock.now()) }));
	expect(orders).toEqual([]);
	expect(answered.byMethod).toEqual({ 'pdd.order.number.list.increment.get': 1 });
});

test('a confirm-time pull lists the same orders as the increment pull', async () => {
	const now = sandbox.world.clock.now();
	const { client } = sandboxClient(sandbox, shopCredentials(sandbox, 1));
	const orders = await collect(client.listOrders({ by: 'created', from: iso(now - 40 * DAY_MS), to: iso(now) }));
	const truth = visibleTruth(sandbox, PDD_DEFAULTS.shops[1].shopId);
	expect([...new Set(orders.map((o) => String(o.order_sn)))].sort()).toEqual(truth.map((o) => o.channelOrderId).sort());
});
