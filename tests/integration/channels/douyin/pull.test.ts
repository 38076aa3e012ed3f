// 2,000 seeded orders pulled through the pack's Douyin client from the in-process emulator: every order
// exactly once, field by field equal to the truth as Douyin shows it, in list pages only (order.searchList
// carries whole orders, so no detail call is needed: the minimum the API allows); a quiet re-poll costs one
// list call; a throttled page never moves the watermark; an expired token fails clearly or is refreshed.
import { isDeepStrictEqual } from 'node:util';
import { pageCount } from '../../../../lib/channels/core/paginate';
import { pollOrders, type PollSource, type PollState } from '../../../../lib/channels/core/poll';
import { DOUYIN_METHODS, type DouyinClient, type DouyinOrder } from '../../../../lib/channels/douyin/client';
import { DOUYIN_ERROR_CODE } from '../../../../lib/channels/douyin/codes';
import { normalizeDouyinOrder } from '../../../../lib/channels/douyin/normalize';
import { AuthExpiredError, ThrottledError } from '../../../../lib/http';
import { toEpochMillis } from '../../../../lib/model';
import { douyinProvider } from '../../../../sandbox/providers/douyin';
import { DOUYIN, DOUYIN_DEFAULTS } from '../../../../sandbox/providers/douyin/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import type { TruthOrder } from '../../../../sandbox/truth/types';
import { DAY_MS, admin, collect, defined, expectedOrder, iso, sandboxClient, visibleTruth } from './douyinSandbox';

const ORDERS = 2_000;
const PAGE = 100;
const LIST = DOUYIN_METHODS.listOrdersByCreated.apiMethod;
const GET = DOUYIN_METHODS.getOrder.apiMethod;
const SLOW_MS = 300_000;
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ orders: ORDERS, seed: 'douyin-pull', factories: [douyinProvider] });
});
afterAll(() => sandbox.close());
afterEach(() => admin(sandbox, 'DELETE', '/faults'));

const fullWindow = (by: 'created' | 'modified', days = 40) => {
	const now = sandbox.world.clock.now();
	return { by, from: iso(now - days * DAY_MS), to: iso(now + 1000) };
};

function expectTruth(orders: DouyinOrder[], sinceMs?: number, by: 'created' | 'modified' = 'created') {
	const ids = orders.map((o) => String(o.order_id));
	expect(new Set(ids).size).toBe(ids.length);
	const at = (o: TruthOrder) => Math.floor((by === 'created' ? o.createdAt : sandbox.world.truth.snapshot(o).updatedAt) / 1000) * 1000;
	const truth = visibleTruth(sandbox).filter((o) => sinceMs === undefined || at(o) >= sinceMs);
	expect(ids.slice().sort()).toEqual(truth.map((o) => o.channelOrderId).sort());
	const byId = new Map(orders.map((o) => [String(o.order_id), o]));
	const mismatches = [];
	for (const order of truth) {
		const result = normalizeDouyinOrder(byId.get(order.channelOrderId), { shopId: DOUYIN_DEFAULTS.shop.shopId });
		if (!result.ok) {
			mismatches.push({ id: order.channelOrderId, problems: result.problems });
			continue;
		}
		const expected = expectedOrder(sandbox, order);
		const actual = defined(result.order);
		const keys = Object.keys({ ...actual, ...expected }) as Array<keyof typeof actual>;
		const differing = keys.filter((k) => !isDeepStrictEqual(actual[k], expected[k]));
		if (differing.length) mismatches.push({ id: order.channelOrderId, differing, actual: pick(actual, differing), expected: pick(expected, differing) });
	}
	expect(mismatches.slice(0, 3)).toEqual([]);
	return truth.length;
}

function pick<T extends object>(value: T, keys: Array<keyof T>): Partial<T> {
	return Object.fromEntries(keys.map((k) => [k, value[k]])) as Partial<T>;
}

function pollSource(client: DouyinClient): PollSource<DouyinOrder> {
	return {
		async *windows(from, to) {
			for await (const { window, orders } of client.listOrderWindows({ by: 'modified', from, to })) yield { to: window.to, orders };
		},
		identify: (o) => ({ id: String(o.order_id), createdMs: Number(o.create_time) * 1000, updatedMs: Number(o.update_time) * 1000 }),
	};
}

test(`a full pull of ${ORDERS} orders gives every order once, equal to the truth field by field, in list pages only`, async () => {
	const { client } = sandboxClient(sandbox);
	const windows = await collect(client.listOrderWindows(fullWindow('created')));
	const orders = windows.flatMap((w) => w.orders);
	const count = expectTruth(orders);
	expect(count).toBe(ORDERS);
	// Ids beyond 2^53 came through exact.
	expect(orders.every((o) => typeof o.order_id === 'string' && /^\d{19}$/.test(o.order_id as string))).toBe(true);
	const minimum = windows.reduce((sum, w) => sum + Math.max(1, pageCount(w.orders.length, PAGE)), 0);
	const stats = client.stats.byMethod;
	console.log(JSON.stringify({ bench: 'douyin-pull-created', orders: count, windows: windows.length, listCalls: stats[LIST], detailCalls: stats[GET] ?? 0, requests: client.stats.requests, minimum }));
	expect(stats[GET]).toBeUndefined();
	expect(client.stats.requests).toBe(minimum);
}, SLOW_MS);

test('an update-time pull of the last day (last page first) gives the truth; a quiet re-poll is one list call', async () => {
	const { client } = sandboxClient(sandbox);
	const orders = (await collect(client.listOrderWindows(fullWindow('modified', 1)))).flatMap((w) => w.orders);
	expectTruth(orders, sandbox.world.clock.now() - DAY_MS, 'modified');
	client.resetStats();
	const now = sandbox.world.clock.now();
	const state: PollState = { watermark: iso(now - 60_000), seen: {} };
	const outcome = await pollOrders(state, pollSource(client), { nowMs: now, overlapMs: 0, events: 'all' });
	expect(outcome.emitted).toEqual([]);
	expect(client.stats.byMethod).toEqual({ [LIST]: 1 });
}, SLOW_MS);

test('a throttled page never advances the watermark: the poll fails whole, and the next poll delivers every order once', async () => {
	const now = sandbox.world.clock.now();
	const start = iso(now - 3 * DAY_MS);
	// The throttle outlasts the retries: the first window cannot complete.
	await admin(sandbox, 'POST', '/faults', { provider: DOUYIN, method: LIST, kind: 'throttle', after: 1 });
	const { client } = sandboxClient(sandbox, { retry: { maxAttempts: 2 } });
	const err = await pollOrders<DouyinOrder>({ watermark: start, seen: {} }, pollSource(client), { nowMs: now, overlapMs: 0, events: 'all' }).catch((e) => e);
	expect(err).toBeInstanceOf(ThrottledError);
	expect(err.code).toBe(DOUYIN_ERROR_CODE.throttled);
	await admin(sandbox, 'DELETE', '/faults');
	const state: PollState = { watermark: start, seen: {} };
	const outcome = await pollOrders<DouyinOrder>(state, pollSource(client), { nowMs: now, overlapMs: 0, events: 'all' });
	const ids = outcome.emitted.map((e) => String(e.order.order_id));
	const expected = visibleTruth(sandbox).filter((o) => Math.floor(sandbox.world.truth.snapshot(o).updatedAt / 1000) * 1000 >= toEpochMillis(start));
	expect(ids.sort()).toEqual(expected.map((o) => o.channelOrderId).sort());
	expect(outcome.state.watermark).toBe(iso(now));
}, SLOW_MS);

test('throttling, 5xx and cut-off bodies mid-pull are retried: every order once', async () => {
	const faults = [
		{ method: LIST, kind: 'server_error', status: 502, times: 2, after: 3 },
		{ method: LIST, kind: 'malformed', times: 2, after: 5 },
		{ method: LIST, kind: 'throttle', times: 2, after: 1 },
	];
	for (const fault of faults) await admin(sandbox, 'POST', '/faults', { provider: DOUYIN, seed: 'mid-pull', ...fault });
	const { client, waits } = sandboxClient(sandbox);
	const orders = (await collect(client.listOrderWindows(fullWindow('created', 10)))).flatMap((w) => w.orders);
	expectTruth(orders, Math.floor((sandbox.world.clock.now() - 10 * DAY_MS) / 1000) * 1000);
	const fired = Object.fromEntries((await admin(sandbox, 'GET', '/faults')).faults.map((f: { kind: string; fired: number }) => [f.kind, f.fired]));
	expect(fired).toEqual({ server_error: 2, malformed: 2, throttle: 2 });
	expect(waits.length).toBe(6);
}, SLOW_MS);

test('orders modified while an update-time window is paged (walked last page first) are neither lost nor repeated', async () => {
	const since = sandbox.world.clock.now() - 2 * DAY_MS;
	const before = new Set(visibleTruth(sandbox).filter((o) => sandbox.world.truth.snapshot(o).updatedAt >= since).map((o) => o.channelOrderId));
	expect(before.size).toBeGreaterThan(PAGE * 2);
	await admin(sandbox, 'POST', '/faults', { provider: DOUYIN, method: LIST, kind: 'page_shift', seed: 'shift', times: 3, after: 1 });
	const { client } = sandboxClient(sandbox);
	const orders = (await collect(client.listOrderWindows({ by: 'modified', from: iso(since), to: iso(sandbox.world.clock.now() + 1000) }))).flatMap((w) => w.orders);
	const ids = orders.map((o) => String(o.order_id));
	expect(new Set(ids).size).toBe(ids.length);
	expect(ids.sort()).toEqual([...before].sort());
	const fired = (await admin(sandbox, 'GET', '/faults')).faults.map((f: { kind: string; fired: number }) => f.fired);
	expect(fired).toEqual([3]);
}, SLOW_MS);

test('legacy md5 signing is accepted by the gateway', async () => {
	const { client } = sandboxClient(sandbox, { signMethod: 'md5' });
	const id = visibleTruth(sandbox)[0].channelOrderId;
	await expect(client.getOrder(id)).resolves.toMatchObject({ order_id: id });
});

test("an expired token fails with Douyin's code and what to do; with a refresh token it is renewed once", async () => {
	sandbox.world.registry.expireToken(DOUYIN, DOUYIN_DEFAULTS.token.accessToken, sandbox.world.clock.now());
	const id = visibleTruth(sandbox)[0].channelOrderId;
	const err = await sandboxClient(sandbox).client.getOrder(id).catch((e) => e);
	expect(err).toBeInstanceOf(AuthExpiredError);
	expect(err.code).toBe(DOUYIN_ERROR_CODE.accessTokenExpired);
	expect(err.message).toContain(String(DOUYIN_ERROR_CODE.accessTokenExpired));
	expect(err.message).toMatch(/Refresh Token|re-authorize/);
	const renewed: string[] = [];
	const { client } = sandboxClient(sandbox, { refreshToken: DOUYIN_DEFAULTS.token.refreshToken, onTokenRefreshed: (t) => renewed.push(t.accessToken) });
	await expect(client.getOrder(id)).resolves.toMatchObject({ order_id: id });
	expect(renewed).toHaveLength(1);
	expect(client.stats.byMethod).toEqual({ [GET]: 2, 'token.refresh': 1 });
}, SLOW_MS);
