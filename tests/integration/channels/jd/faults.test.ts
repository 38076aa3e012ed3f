// Faults injected into the JD emulator mid-pull: the pack's client never loses or duplicates an order,
// and an expired token stops the pull with JD's code and what to do about it.
import { AuthExpiredError, TransientError } from '../../../../lib/http';
import { jdProvider } from '../../../../sandbox/providers/jd';
import { JD_DEFAULTS } from '../../../../sandbox/providers/jd/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { formatShanghai } from '../../../../sandbox/core/time';
import { DAY_MS, admin, answeredCalls, collect, iso, sandboxClient, shopCredentials, visibleTruth } from './jdSandbox';

const SEARCH = 'jingdong.pop.order.search';
const SHOP = JD_DEFAULTS.shops[0].shopId;
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ orders: 1_200, seed: 'jd-faults', factories: [jdProvider] });
});
afterAll(() => sandbox.close());
afterEach(() => admin(sandbox, 'DELETE', '/faults'));

const fullWindow = () => {
	const now = sandbox.world.clock.now();
	return { by: 'modified', from: iso(now - 30 * DAY_MS), to: iso(now) } as const;
};

/** The pulled orders against the truth: every order once, each in its latest version. */
function expectExactly(orders: Array<Record<string, unknown>>) {
	const ids = orders.map((o) => String(o.orderId));
	expect(new Set(ids).size).toBe(ids.length);
	const truth = visibleTruth(sandbox, SHOP);
	expect(ids.sort()).toEqual(truth.map((o) => o.channelOrderId).sort());
	const latest = new Map(truth.map((o) => [o.channelOrderId, formatShanghai(sandbox.world.truth.snapshot(o).updatedAt)]));
	expect(orders.filter((o) => o.modified !== latest.get(String(o.orderId)))).toEqual([]);
}

test('orders modified mid-pull, throttling, 5xx pages and a cut-off body: nothing lost, nothing twice', async () => {
	// The first rule that fires takes the call, so the later rules count fewer calls: hence small `after`s.
	const faults = [
		{ kind: 'server_error', status: 502, times: 1, after: 2 },
		{ kind: 'malformed', times: 1, after: 2 },
		{ kind: 'throttle', times: 2, after: 2 },
		{ kind: 'page_shift', probability: 0.5, times: 3, after: 1 },
	];
	for (const fault of faults) await admin(sandbox, 'POST', '/faults', { provider: 'jd', method: SEARCH, seed: 'mid-pull', ...fault });
	const answered = answeredCalls();
	const { client, waits } = sandboxClient(sandbox, shopCredentials(sandbox), { http: answered.http });
	const [window] = await collect(client.listOrderWindows(fullWindow()));
	expectExactly(window.orders);
	const fired = Object.fromEntries((await admin(sandbox, 'GET', '/faults')).faults.map((f: { kind: string; fired: number }) => [f.kind, f.fired]));
	expect(fired).toEqual({ server_error: 1, malformed: 1, throttle: 2, page_shift: 3 });
	// Every failed call was retried once; a moved order costs a walk, not a retry.
	expect(waits.length).toBe(4);
	console.log(JSON.stringify({ bench: 'jd-pull-under-faults', orders: window.orders.length, answeredCalls: answered.total(), retries: waits.length }));
});

test('a pull that fails part-way loses nothing: the same window read again is complete', async () => {
	await admin(sandbox, 'POST', '/faults', { provider: 'jd', method: SEARCH, kind: 'server_error', after: 3, times: 5 });
	const { client } = sandboxClient(sandbox, shopCredentials(sandbox));
	const window = fullWindow();
	const error = await collect(client.listOrders(window)).catch((e) => e);
	expect(error).toBeInstanceOf(TransientError);
	expect(error.message).toMatch(/^jd shop 10139288: jingdong\.pop\.order\.search failed with HTTP 502 .*gave up after 5 attempts\)$/s);
	await admin(sandbox, 'DELETE', '/faults');
	const [again] = await collect(client.listOrderWindows(window));
	expectExactly(again.orders);
});

test('an expired token stops the pull with code 19 and what to do; a refreshed token pulls again', async () => {
	const expired = sandboxClient(sandbox, shopCredentials(sandbox, 0, { accessToken: JD_DEFAULTS.expiredToken })).client;
	const error = await collect(expired.listOrders(fullWindow())).catch((e) => e);
	expect(error).toBeInstanceOf(AuthExpiredError);
	expect(error.message).toBe(
		'jd shop 10139288: jingdong.pop.order.search failed with code 19 (无效access_token / Invalid access_token): ' +
			'the access token was rejected or has expired; re-authorize the shop on the JD open platform (or set a Refresh Token ' +
			'so it is renewed) and update the Access Token in the JD credential',
	);

	await admin(sandbox, 'POST', '/faults', { provider: 'jd', method: SEARCH, kind: 'expired_token', after: 2, times: 1 });
	const { client } = sandboxClient(sandbox, shopCredentials(sandbox));
	await expect(collect(client.listOrders(fullWindow()))).rejects.toMatchObject({ kind: 'auth', code: '19' });

	const refreshed = await client.refreshAccessToken();
	expect(refreshed.accessToken).not.toBe(JD_DEFAULTS.shops[0].token);
	const renewed = sandboxClient(sandbox, shopCredentials(sandbox, 0, { accessToken: refreshed.accessToken })).client;
	const [window] = await collect(renewed.listOrderWindows(fullWindow()));
	expectExactly(window.orders);
});

test('a refresh token JD does not know is refused with a re-authorize message', async () => {
	const { client } = sandboxClient(sandbox, shopCredentials(sandbox, 0, { refreshToken: 'jdrefresh-unknown' }));
	await expect(client.refreshAccessToken()).rejects.toThrow(/code 1004 \(refresh_token无效或已过期\).*re-authorize the shop/);
});

test('App Call Limited from the quota: code 2, backed off and retried once the quota window reopens', async () => {
	await admin(sandbox, 'POST', '/limits', { provider: 'jd', method: SEARCH, calls: 1, windowMs: 2_000 });
	const day = () => ({ by: 'modified', from: iso(sandbox.world.clock.now() - DAY_MS), to: iso(sandbox.world.clock.now()) }) as const;
	const impatient = sandboxClient(sandbox, shopCredentials(sandbox), { retry: { maxAttempts: 1 } }).client;
	await collect(impatient.listOrders(day()));
	await expect(collect(impatient.listOrders(day()))).rejects.toMatchObject({ kind: 'throttled', code: '2' });
	// The sandbox clock is frozen; here each backoff moves it on, as real time would.
	const { client, waits } = sandboxClient(sandbox, shopCredentials(sandbox), { onWait: (ms) => sandbox.world.clock.advance(ms) });
	await expect(collect(client.listOrders(day()))).resolves.toBeInstanceOf(Array);
	expect(waits.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThan(0);
	await admin(sandbox, 'DELETE', '/limits?provider=jd');
});
