// The Pinduoduo Trigger's poll source on the shared watermark engine, against the emulator: a page that
// stays throttled stops the watermark at the last complete 30-minute window, and every order is delivered
// exactly once after the fault clears.
import { pollOrders, type PollState } from '../../../../lib/channels/core/poll';
import { ThrottledError } from '../../../../lib/http';
import { pinduoduoPollSource } from '../../../../nodes/Pinduoduo/pollSource';
import { pinduoduoProvider } from '../../../../sandbox/providers/pinduoduo';
import { PDD_DEFAULTS, PINDUODUO } from '../../../../sandbox/providers/pinduoduo/models';
import { createOrdersNow } from '../../../../sandbox/truth/actions';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { admin, answeredCalls, iso, sandboxClient, shopCredentials } from './pddSandbox';

const MINUTE = 60_000;
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ orders: 50, seed: 'pdd-trigger', factories: [pinduoduoProvider] });
});
afterAll(() => sandbox.close());

test('a throttled page never moves the watermark past orders not yet emitted', async () => {
	const shopId = PDD_DEFAULTS.shops[0].shopId;
	const clock = sandbox.world.clock;
	const start = clock.now();
	const options = { overlapMs: 0, events: 'all' as const };
	let state: PollState = { watermark: iso(start), seen: {} };

	clock.advance(10 * MINUTE);
	const early = createOrdersNow(sandbox.world, PINDUODUO, { count: 5, shopId, status: 'paid' });
	clock.advance(30 * MINUTE);
	const burst = createOrdersNow(sandbox.world, PINDUODUO, { count: 250, shopId, status: 'paid' });
	clock.advance(5 * MINUTE);

	// Window 1 (one page) and window 2's probe and last page pass; its page 2 stays throttled past the retries.
	await admin(sandbox, 'POST', '/faults', { provider: PINDUODUO, method: 'pdd.order.number.list.increment.get', kind: 'throttle', after: 3, times: 5 });
	const answered = answeredCalls();
	const { client, waits } = sandboxClient(sandbox, shopCredentials(sandbox), { http: answered.http });
	const first = await pollOrders(state, pinduoduoPollSource(client), { ...options, nowMs: clock.now() });
	expect(first.stoppedBy).toBeInstanceOf(ThrottledError);
	expect(waits).toHaveLength(4);
	expect(first.state.watermark).toBe(iso(start + 30 * MINUTE));
	const firstIds = first.emitted.map((e) => String(e.order.order_sn));
	expect(firstIds).toEqual(expect.arrayContaining(early.map((o) => o.channelOrderId)));
	expect(firstIds.filter((id) => burst.some((o) => o.channelOrderId === id))).toEqual([]);
	state = first.state;

	clock.advance(MINUTE);
	const second = await pollOrders(state, pinduoduoPollSource(client), { ...options, nowMs: clock.now() });
	expect(second.stoppedBy).toBeUndefined();
	const secondIds = second.emitted.map((e) => String(e.order.order_sn));
	expect(secondIds.sort()).toEqual(expect.arrayContaining(burst.map((o) => o.channelOrderId).sort()));
	const all = [...firstIds, ...secondIds];
	expect(new Set(all).size).toBe(all.length);
	expect(second.state.watermark).toBe(iso(clock.now()));

	answered.byMethod['pdd.order.number.list.increment.get'] = 0;
	clock.advance(1000);
	const idle = await pollOrders(second.state, pinduoduoPollSource(client), { ...options, nowMs: clock.now() });
	expect(idle.emitted).toEqual([]);
	expect(answered.byMethod).toEqual({ 'pdd.order.number.list.increment.get': 1 });
});
