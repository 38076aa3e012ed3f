// 2,000 seeded orders pulled through the pack's WeChat shop client from the in-process emulator: every
// order exactly once, field by field equal to the truth as WeChat shows it, in list pages plus one detail
// per order (the minimum the API allows); a quiet re-poll costs one list call; faults mid-pull lose nothing.
import { pageCount } from '../../../../lib/channels/core/paginate';
import { pollOrders, type PollSource, type PollState } from '../../../../lib/channels/core/poll';
import { WECHAT_METHODS, type WechatOrder } from '../../../../lib/channels/wechatShop/client';
import { normalizeWechatOrder } from '../../../../lib/channels/wechatShop/normalize';
import { toEpochMillis } from '../../../../lib/model';
import { wechatProvider } from '../../../../sandbox/providers/wechat';
import { WECHAT_DEFAULTS } from '../../../../sandbox/providers/wechat/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import type { TruthOrder } from '../../../../sandbox/truth/types';
import { DAY_MS, admin, collect, defined, expectedOrder, iso, sandboxClient, visibleTruth } from './wechatSandbox';
import { orderMismatch } from '../kit';

const ORDERS = 2_000;
const PAGE = 100;
const LIST = WECHAT_METHODS.listOrders.apiMethod;
const GET = WECHAT_METHODS.getOrder.apiMethod;
// One order/get per order makes these pulls thousands of calls; on a busy machine that takes minutes.
const SLOW_MS = 600_000;
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ orders: ORDERS, seed: 'wechat-pull', factories: [wechatProvider] });
});
afterAll(() => sandbox.close());
afterEach(() => admin(sandbox, 'DELETE', '/faults'));

const fullWindow = (by: 'created' | 'modified', days = 40) => {
	const now = sandbox.world.clock.now();
	return { by, from: iso(now - days * DAY_MS), to: iso(now + 1000) };
};

function expectTruth(orders: WechatOrder[], sinceMs?: number, by: 'created' | 'modified' = 'created') {
	const ids = orders.map((o) => String(o.order_id));
	expect(new Set(ids).size).toBe(ids.length);
	const at = (o: TruthOrder) => (by === 'created' ? o.createdAt : sandbox.world.truth.snapshot(o).updatedAt);
	const truth = visibleTruth(sandbox).filter((o) => sinceMs === undefined || at(o) >= sinceMs);
	expect(ids.slice().sort()).toEqual(truth.map((o) => o.channelOrderId).sort());
	const byId = new Map(orders.map((o) => [String(o.order_id), o]));
	const mismatches = [];
	for (const order of truth) {
		const result = normalizeWechatOrder(byId.get(order.channelOrderId), { shopId: WECHAT_DEFAULTS.shop.shopId });
		if (!result.ok) {
			mismatches.push({ id: order.channelOrderId, problems: result.problems });
			continue;
		}
		const mismatch = orderMismatch(order.channelOrderId, defined(result.order), expectedOrder(sandbox, order));
		if (mismatch) mismatches.push(mismatch);
	}
	expect(mismatches.slice(0, 3)).toEqual([]);
	return truth.length;
}

test(`a full pull of ${ORDERS} orders gives every order once, equal to the truth field by field, in list pages + one detail each`, async () => {
	const { client } = sandboxClient(sandbox);
	const windows = await collect(client.listOrderWindows(fullWindow('created')));
	const orders = windows.flatMap((w) => w.orders);
	const count = expectTruth(orders);
	expect(count).toBe(ORDERS);
	const listMinimum = windows.reduce((sum, w) => sum + Math.max(1, pageCount(w.orders.length, PAGE)), 0);
	const minimum = listMinimum + count + 1;
	const stats = client.stats.byMethod;
	console.log(JSON.stringify({ bench: 'wechat-pull-created', orders: count, windows: windows.length, listCalls: stats[LIST], detailCalls: stats[GET], requests: client.stats.requests, minimum }));
	expect(stats[GET]).toBe(count);
	expect(client.stats.requests).toBeLessThanOrEqual(Math.ceil(minimum * 1.05));
}, SLOW_MS);

test('an update-time pull of the last 7 days also gives exactly the truth, and a quiet re-poll costs one list call', async () => {
	const { client } = sandboxClient(sandbox);
	const orders = (await collect(client.listOrderWindows(fullWindow('modified', 7)))).flatMap((w) => w.orders);
	expectTruth(orders, sandbox.world.clock.now() - 7 * DAY_MS, 'modified');
	client.resetStats();
	const now = sandbox.world.clock.now();
	const state: PollState = { watermark: iso(now - 60_000), seen: {} };
	const outcome = await pollOrders(state, pollSource(client), { nowMs: now, overlapMs: 0, events: 'all' });
	expect(outcome.emitted).toEqual([]);
	expect(client.stats.byMethod).toEqual({ [LIST]: 1 });
}, SLOW_MS);

function pollSource(client: ReturnType<typeof sandboxClient>['client']): PollSource<WechatOrder> {
	return {
		async *windows(from, to) {
			for await (const { window, orders } of client.listOrderWindows({ by: 'modified', from, to })) yield { to: window.to, orders };
		},
		identify: (o) => ({ id: String(o.order_id), createdMs: Number(o.create_time) * 1000, updatedMs: Number(o.update_time) * 1000 }),
	};
}

test('throttling, 5xx, cut-off bodies and an expired token mid-pull are retried: every order once', async () => {
	const faults = [
		{ method: GET, kind: 'server_error', status: 502, times: 2, after: 20 },
		{ method: GET, kind: 'malformed', times: 2, after: 100 },
		{ method: LIST, kind: 'throttle', times: 2, after: 1 },
		{ method: GET, kind: 'expired_token', times: 1, after: 200 },
		{ method: LIST, kind: 'page_shift', times: 3, after: 1 },
	];
	for (const fault of faults) await admin(sandbox, 'POST', '/faults', { provider: 'wechat', seed: 'mid-pull', ...fault });
	const { client, waits } = sandboxClient(sandbox);
	const orders = (await collect(client.listOrderWindows(fullWindow('created', 10)))).flatMap((w) => w.orders);
	expectTruth(orders, sandbox.world.clock.now() - 10 * DAY_MS);
	const fired = Object.fromEntries((await admin(sandbox, 'GET', '/faults')).faults.map((f: { kind: string; fired: number }) => [f.kind, f.fired]));
	expect(fired).toEqual({ server_error: 2, malformed: 2, throttle: 2, expired_token: 1, page_shift: 3 });
	expect(waits.length).toBe(6);
	expect(client.stats.byMethod['/cgi-bin/stable_token']).toBe(2);
	console.log(JSON.stringify({ bench: 'wechat-pull-under-faults', orders: orders.length, retries: waits.length, requests: client.stats.requests }));
}, SLOW_MS);

test('a poll stopped by a lasting outage resumes from its watermark: no order lost or repeated', async () => {
	const now = sandbox.world.clock.now();
	// Three 7-day windows of about five pages each; the outage starts on the second window's second page.
	const from = now - 20 * DAY_MS;
	await admin(sandbox, 'POST', '/faults', { provider: 'wechat', method: LIST, kind: 'server_error', status: 503, after: 6 });
	const { client } = sandboxClient(sandbox, { retry: { maxAttempts: 2 } });
	const first = await pollOrders<WechatOrder>({}, pollSource(client), { nowMs: now, overlapMs: 0, events: 'all', startFrom: iso(from) });
	expect(first.stoppedBy).toBeDefined();
	expect(first.emitted.length).toBeGreaterThan(0);
	expect(toEpochMillis(first.state.watermark as string)).toBeLessThan(now);
	await admin(sandbox, 'DELETE', '/faults');
	const second = await pollOrders<WechatOrder>(first.state, pollSource(client), { nowMs: now, overlapMs: 2 * 60_000, events: 'all' });
	expect(second.stoppedBy).toBeUndefined();
	const ids = [...first.emitted, ...second.emitted].map((e) => String(e.order.order_id));
	expect(new Set(ids).size).toBe(ids.length);
	const expected = visibleTruth(sandbox)
		.filter((o) => sandbox.world.truth.snapshot(o).updatedAt >= from)
		.map((o) => o.channelOrderId)
		.sort();
	expect(ids.sort()).toEqual(expected);
}, SLOW_MS);
