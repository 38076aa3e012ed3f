// The send queue on a virtual clock: bursts are spread so that a robot enforcing the platform's limit
// never has to refuse one, and nothing waits longer than the limit requires.
import { dingtalk, feishu, SendRateLimiter, type SendDeps } from '../../../lib/notify';
import { DINGTALK_RATE_RULES } from '../../../lib/notify/dingtalk';
import { FEISHU_RATE_RULES } from '../../../lib/notify/feishu';
import { FakeClock, fakeHttp, json } from './fake-time';

/** A robot that counts arrivals in every sliding window and refuses beyond the limit, like the real one. */
function strictRobot(clock: FakeClock, rules: Array<{ limit: number; windowMs: number }>, refusal: object, ok: object) {
	const arrivals: number[] = [];
	let refused = 0;
	const http = fakeHttp(() => {
		const now = clock.now();
		const over = rules.some((rule) => arrivals.filter((at) => at > now - rule.windowMs).length >= rule.limit);
		arrivals.push(now);
		if (over) refused++;
		return json(over ? refusal : ok);
	});
	return { http, arrivals, refused: () => refused };
}

function depsFor(clock: FakeClock, http: SendDeps['http'], limiter = new SendRateLimiter()): SendDeps {
	return { http, credentials: { token: 'robot-1', baseUrl: 'http://robot.test' }, now: clock.now, sleep: clock.sleep, limiter };
}

describe('SendRateLimiter', () => {
	it('books at most `limit` slots in any window, stretched by the safety margin', () => {
		const limiter = new SendRateLimiter(0.05);
		const rules = [{ limit: 3, windowMs: 1000 }];
		const slots = Array.from({ length: 7 }, () => limiter.reserve('k', rules, 0));
		expect(slots).toEqual([0, 0, 0, 1050, 1050, 1050, 2100]);
		expect(limiter.reserve('other', rules, 0)).toBe(0);
	});

	it('keeps every rule at once (5 a second and 100 a minute)', () => {
		const limiter = new SendRateLimiter(0);
		const slots = Array.from({ length: 105 }, () => limiter.reserve('k', FEISHU_RATE_RULES, 0));
		for (const [index, at] of slots.entries()) {
			expect(slots.filter((other) => other > at - 1000 && other <= at).length).toBeLessThanOrEqual(5);
			expect(slots.filter((other) => other > at - 60_000 && other <= at).length).toBeLessThanOrEqual(100);
			if (index > 0) expect(at).toBeGreaterThanOrEqual(slots[index - 1]);
		}
		expect(slots[99]).toBe(19_000);
		expect(slots[100]).toBe(60_000);
	});

	it('sends nothing to a paused robot before the pause ends', () => {
		const limiter = new SendRateLimiter();
		limiter.pause('k', 5000);
		expect(limiter.reserve('k', DINGTALK_RATE_RULES, 1000)).toBe(5000);
	});
});

describe('a burst of 100 messages to one robot', () => {
	it('reaches DingTalk without one rate-limit refusal when sent one after another', async () => {
		const clock = new FakeClock();
		const robot = strictRobot(clock, DINGTALK_RATE_RULES, { errcode: 130101, errmsg: 'send too fast' }, { errcode: 0, errmsg: 'ok' });
		const deps = depsFor(clock, robot.http);
		const start = clock.now();
		for (let i = 0; i < 100; i++) {
			const result = await dingtalk.send({ format: 'text', text: `order ${i}` }, deps);
			expect(result.attempts).toBe(1);
		}
		expect(robot.refused()).toBe(0);
		expect(robot.arrivals).toHaveLength(100);
		// Five windows of 20: four waits of one (stretched) minute, and no more.
		const elapsed = clock.now() - start;
		expect(elapsed).toBeGreaterThanOrEqual(4 * 60_000);
		expect(elapsed).toBeLessThanOrEqual(4 * 63_000);
	});

	it('reaches DingTalk without one refusal when all 100 are sent at once, in the order they were queued', async () => {
		const clock = new FakeClock();
		const robot = strictRobot(clock, DINGTALK_RATE_RULES, { errcode: 130101, errmsg: 'send too fast' }, { errcode: 0, errmsg: 'ok' });
		const deps = depsFor(clock, robot.http);
		const results = await Promise.all(Array.from({ length: 100 }, (_, i) => dingtalk.send({ format: 'text', text: `order ${i}` }, deps)));
		expect(results.every((result) => result.attempts === 1)).toBe(true);
		expect(robot.refused()).toBe(0);
		const order = robot.http.requests.map((req) => ((req.body as { text: { content: string } }).text.content));
		expect(order).toEqual(Array.from({ length: 100 }, (_, i) => `order ${i}`));
	});

	it('reaches Feishu within 5 a second and 100 a minute', async () => {
		const clock = new FakeClock();
		const robot = strictRobot(clock, FEISHU_RATE_RULES, { code: 11232, msg: 'frequency limited' }, { code: 0, msg: 'success' });
		const deps = depsFor(clock, robot.http);
		await Promise.all(Array.from({ length: 150 }, (_, i) => feishu.send({ format: 'text', text: `order ${i}` }, deps)));
		expect(robot.refused()).toBe(0);
		expect(robot.arrivals).toHaveLength(150);
	});

	it('is what prevents the refusals: with a queue that never waits, the same robot refuses', async () => {
		const clock = new FakeClock();
		const robot = strictRobot(clock, DINGTALK_RATE_RULES, { errcode: 130101, errmsg: 'send too fast' }, { errcode: 0, errmsg: 'ok' });
		const unlimited = new SendRateLimiter();
		jest.spyOn(unlimited, 'reserve').mockImplementation((_key, _rules, now) => now);
		await Promise.allSettled(Array.from({ length: 30 }, () => dingtalk.send({ format: 'text', text: 'x' }, depsFor(clock, robot.http, unlimited))));
		expect(robot.refused()).toBeGreaterThan(0);
	});
});
