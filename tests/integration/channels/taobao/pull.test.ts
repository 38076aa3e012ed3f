// 2,000 seeded orders pulled through the pack's Taobao client from the in-process emulator: every order
// exactly once, field by field equal to the truth as Taobao shows it, in the fewest calls the page size
// allows; a quiet re-poll costs one call; throttling, 5xx and cut-off bodies mid-pull lose nothing.
import { normalizeTaobaoTrade } from '../../../../lib/channels/taobao/normalize';
import { pageCount } from '../../../../lib/channels/core/paginate';
import { taobaoProvider } from '../../../../sandbox/providers/taobao';
import { TAOBAO_DEFAULTS } from '../../../../sandbox/providers/taobao/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { DAY_MS, admin, answeredCalls, collect, defined, expectedOrder, iso, sandboxClient, shopCredentials, visibleTruth } from './taobaoSandbox';
import { orderMismatch } from '../kit';

const ORDERS = 2_000;
const PAGE = 100;
const SHOPS = TAOBAO_DEFAULTS.shops.map((shop, index) => ({ ...shop, index }));
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ orders: ORDERS, seed: 'taobao-pull', factories: [taobaoProvider] });
});
afterAll(() => sandbox.close());
afterEach(() => admin(sandbox, 'DELETE', '/faults'));

const fullWindow = (by: 'created' | 'modified') => {
	const now = sandbox.world.clock.now();
	return { by, from: iso(now - 40 * DAY_MS), to: iso(now + 1000) };
};

function expectTruth(shopId: string, trades: Array<Record<string, unknown>>) {
	const ids = trades.map((t) => String(t.tid));
	expect(new Set(ids).size).toBe(ids.length);
	const truth = visibleTruth(sandbox, shopId);
	expect(ids.slice().sort()).toEqual(truth.map((o) => o.channelOrderId).sort());
	const byId = new Map(trades.map((t) => [String(t.tid), t]));
	const mismatches = [];
	for (const order of truth) {
		const result = normalizeTaobaoTrade(byId.get(order.channelOrderId), { shopId });
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

test(`a created-time pull of ${ORDERS} orders gives every order once, equal to the truth field by field, in the minimum calls`, async () => {
	let calls = 0;
	let minimum = 0;
	let total = 0;
	for (const shop of SHOPS) {
		const answered = answeredCalls();
		const { client } = sandboxClient(sandbox, shopCredentials(sandbox, shop.index), { http: answered.http });
		const trades = await collect(client.listOrders(fullWindow('created')));
		const count = expectTruth(shop.shopId, trades);
		total += count;
		calls += answered.total();
		minimum += Math.max(1, pageCount(count, PAGE));
		// A request lost on a stale keep-alive socket is retried: counted by the client, never answered twice.
		expect(client.stats.requests).toBeGreaterThanOrEqual(answered.total());
	}
	expect(total).toBe(ORDERS);
	console.log(JSON.stringify({ bench: 'taobao-pull-created', orders: total, calls, minimum }));
	expect(calls).toBeLessThanOrEqual(Math.ceil(minimum * 1.05));
});

test('a modified-time pull (one-day windows, last page first) also gives exactly the truth', async () => {
	let calls = 0;
	let bound = 0;
	for (const shop of SHOPS) {
		const answered = answeredCalls();
		const { client } = sandboxClient(sandbox, shopCredentials(sandbox, shop.index), { http: answered.http });
		const windows = await collect(client.listOrderWindows(fullWindow('modified')));
		expectTruth(shop.shopId, windows.flatMap((w) => w.trades));
		calls += answered.total();
		// Per window: one call when it fits a page, else every page plus page 1 read again.
		bound += windows.reduce((sum, w) => sum + (w.trades.length <= PAGE ? 1 : pageCount(w.trades.length, PAGE) + 1), 0);
	}
	console.log(JSON.stringify({ bench: 'taobao-pull-modified', windows: 'one day', calls, bound }));
	expect(calls).toBe(bound);
});

test('re-polling a recent window with nothing new costs one list call', async () => {
	const answered = answeredCalls();
	const { client } = sandboxClient(sandbox, shopCredentials(sandbox), { http: answered.http });
	const now = sandbox.world.clock.now();
	const windows = await collect(client.listOrderWindows({ by: 'modified', from: iso(now - 2 * 60_000), to: iso(now) }));
	expect(windows).toHaveLength(1);
	expect(answered.byMethod).toEqual({ 'taobao.trades.sold.increment.get': 1 });
});

test('throttling, 5xx pages, cut-off bodies and orders changing mid-pull: nothing lost, nothing twice', async () => {
	const method = 'taobao.trades.sold.increment.get';
	const faults = [
		{ kind: 'server_error', status: 502, times: 1, after: 2 },
		{ kind: 'malformed', times: 1, after: 3 },
		{ kind: 'throttle', banSeconds: 1, times: 2, after: 4 },
		{ kind: 'page_shift', probability: 0.5, times: 3, after: 1 },
	];
	for (const fault of faults) await admin(sandbox, 'POST', '/faults', { provider: 'taobao', method, seed: 'mid-pull', ...fault });
	const shop = SHOPS[0];
	const { client, waits } = sandboxClient(sandbox, shopCredentials(sandbox, shop.index));
	const windows = await collect(client.listOrderWindows(fullWindow('modified')));
	const trades = windows.flatMap((w) => w.trades);
	// An order moved by page_shift may sit in two windows; the newest snapshot counts once.
	const latest = new Map<string, Record<string, unknown>>();
	for (const trade of trades) {
		const seen = latest.get(String(trade.tid));
		if (!seen || String(trade.modified) > String(seen.modified)) latest.set(String(trade.tid), trade);
	}
	expectTruth(shop.shopId, [...latest.values()]);
	const fired = Object.fromEntries((await admin(sandbox, 'GET', '/faults')).faults.map((f: { kind: string; fired: number }) => [f.kind, f.fired]));
	expect(fired).toEqual({ server_error: 1, malformed: 1, throttle: 2, page_shift: 3 });
	expect(waits.length).toBe(4);
	expect(waits.filter((ms) => ms >= 2000)).toHaveLength(2);
	console.log(JSON.stringify({ bench: 'taobao-pull-under-faults', orders: latest.size, retries: waits.length, requests: client.stats.requests }));
});
