import {
	AuthExpiredError,
	InvalidRequestError,
	PermanentError,
	ThrottledError,
	TransientError,
	backoffDelay,
	parseRetryAfter,
	withRetry,
	type ChannelApiError,
	type RetryInfo,
} from '../../../lib/http';

/** A fake clock whose sleep advances time instantly, recording every wait. */
function fakeClock(start = 1_700_000_000_000) {
	let t = start;
	const sleeps: number[] = [];
	return {
		sleeps,
		now: () => t,
		sleep: async (ms: number) => {
			sleeps.push(ms);
			t += ms;
		},
		advance: (ms: number) => (t += ms),
	};
}

/** mulberry32: a small seeded generator so jitter is reproducible. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ctx = { provider: 'taobao', shopId: '12345', method: 'taobao.trades.sold.get' };

function failing(errors: Error[], result = 'ok') {
	let calls = 0;
	const fn = jest.fn(async () => {
		const err = errors[calls++];
		if (err) throw err;
		return result;
	});
	return fn;
}

describe('withRetry backoff', () => {
	it('waits full-jitter exponential delays drawn from the injected random', async () => {
		const clock = fakeClock();
		const fn = failing([1, 2, 3, 4].map(() => new TransientError(ctx)));
		const result = await withRetry(fn, { baseDelayMs: 100, maxDelayMs: 10_000 }, { ...clock, random: seeded(42) });
		expect(result).toBe('ok');
		expect(fn).toHaveBeenCalledTimes(5);
		const replay = seeded(42);
		const expected = [1, 2, 3, 4].map((attempt) => Math.floor(replay() * 100 * 2 ** (attempt - 1)));
		expect(clock.sleeps).toEqual(expected);
		expect(new Set(clock.sleeps).size).toBeGreaterThan(1);
	});

	it('doubles the ceiling each attempt and caps it at maxDelayMs', async () => {
		const clock = fakeClock();
		const fn = failing([1, 2, 3, 4].map(() => new ThrottledError(ctx)));
		await withRetry(fn, { baseDelayMs: 500, maxDelayMs: 1500 }, { ...clock, random: () => 0.5 });
		expect(clock.sleeps).toEqual([250, 500, 750, 750]);
	});

	it('backoffDelay stays below its ceiling for random just under 1', () => {
		expect(backoffDelay(3, { baseDelayMs: 1000, maxDelayMs: 60_000 }, () => 0.999999)).toBe(3999);
	});

	it('reports each retry through onRetry with the attempt, delay and error', async () => {
		const clock = fakeClock();
		const errors = [new TransientError(ctx), new ThrottledError({ ...ctx, retryAfterMs: 3000 })];
		const seen: RetryInfo[] = [];
		await withRetry(failing(errors), { onRetry: (info) => seen.push(info) }, { ...clock, random: () => 0 });
		expect(seen.map((s) => [s.attempt, s.delayMs, s.error.kind])).toEqual([
			[1, 0, 'transient'],
			[2, 3000, 'throttled'],
		]);
	});

	it('passes the attempt number to fn', async () => {
		const clock = fakeClock();
		const attempts: number[] = [];
		await withRetry(
			async (attempt) => {
				attempts.push(attempt);
				if (attempt < 3) throw new TransientError(ctx);
			},
			{},
			{ ...clock, random: () => 0 },
		);
		expect(attempts).toEqual([1, 2, 3]);
	});
});

describe('withRetry honours Retry-After', () => {
	it('never waits less than the error retryAfterMs', async () => {
		const clock = fakeClock();
		const fn = failing([new ThrottledError({ ...ctx, retryAfterMs: 7000 })]);
		await withRetry(fn, { baseDelayMs: 100 }, { ...clock, random: () => 0.9 });
		expect(clock.sleeps).toEqual([7000]);
	});

	it('keeps the jitter delay when it is longer than retryAfterMs', async () => {
		const clock = fakeClock();
		const fn = failing([new ThrottledError({ ...ctx, retryAfterMs: 10 })]);
		await withRetry(fn, { baseDelayMs: 1000 }, { ...clock, random: () => 0.5 });
		expect(clock.sleeps).toEqual([500]);
	});

	it('parses Retry-After seconds and HTTP-dates', () => {
		const now = Date.parse('2024-05-01T10:00:00Z');
		expect(parseRetryAfter('120', now)).toBe(120_000);
		expect(parseRetryAfter(' 2 ', now)).toBe(2000);
		expect(parseRetryAfter('1.5', now)).toBe(1500);
		expect(parseRetryAfter('Wed, 01 May 2024 10:00:30 GMT', now)).toBe(30_000);
		expect(parseRetryAfter('Wed, 01 May 2024 09:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
	});
});

describe('withRetry only retries throttled and transient errors', () => {
	it.each([
		['auth', new AuthExpiredError({ ...ctx, code: 27 })],
		['invalid', new InvalidRequestError({ ...ctx, code: 41 })],
		['permanent', new PermanentError({ ...ctx, code: 99 })],
	])('rethrows %s at once without sleeping', async (_kind, error) => {
		const clock = fakeClock();
		const fn = failing([error]);
		await expect(withRetry(fn, {}, clock)).rejects.toBe(error);
		expect(fn).toHaveBeenCalledTimes(1);
		expect(clock.sleeps).toEqual([]);
		expect(error.attempts).toBe(1);
		expect(error.message).not.toMatch(/attempts/);
	});

	it('rethrows errors without a kind at once', async () => {
		const clock = fakeClock();
		const bug = new TypeError('x is undefined');
		const fn = failing([bug]);
		await expect(withRetry(fn, {}, clock)).rejects.toBe(bug);
		expect(fn).toHaveBeenCalledTimes(1);
	});

	it('stops at an auth error that follows transient ones and says how many attempts were made', async () => {
		const clock = fakeClock();
		const auth = new AuthExpiredError({ ...ctx, code: 27 });
		const fn = failing([new TransientError(ctx), auth]);
		await expect(withRetry(fn, {}, { ...clock, random: () => 0 })).rejects.toBe(auth);
		expect(fn).toHaveBeenCalledTimes(2);
		expect(auth.message).toMatch(/after 2 attempts/);
	});
});

describe('withRetry bounds', () => {
	it('makes at most 5 attempts by default and rethrows the last error with the count', async () => {
		const clock = fakeClock();
		const errors = [1, 2, 3, 4, 5, 6].map((n) => new TransientError({ ...ctx, code: `E${n}` }));
		const fn = failing(errors);
		let thrown: ChannelApiError | undefined;
		await withRetry(fn, {}, { ...clock, random: () => 0 }).catch((e) => (thrown = e));
		expect(fn).toHaveBeenCalledTimes(5);
		expect(thrown).toBe(errors[4]);
		expect(thrown?.attempts).toBe(5);
		expect(thrown?.message).toMatch(/code E5.*gave up after 5 attempts/);
	});

	it('honours a custom maxAttempts', async () => {
		const clock = fakeClock();
		const fn = failing([1, 2, 3].map(() => new ThrottledError(ctx)));
		await expect(withRetry(fn, { maxAttempts: 2 }, { ...clock, random: () => 0 })).rejects.toThrow(/after 2 attempts/);
		expect(fn).toHaveBeenCalledTimes(2);
	});

	it('gives up instead of waiting past the total time budget', async () => {
		const clock = fakeClock();
		const fn = failing([new ThrottledError({ ...ctx, retryAfterMs: 72_000 })]);
		await expect(withRetry(fn, {}, clock)).rejects.toThrow(/gave up after 1 attempt: waiting 72000 ms .* 60000 ms/);
		expect(clock.sleeps).toEqual([]);
		expect(fn).toHaveBeenCalledTimes(1);
	});

	it('counts the time spent inside attempts against the budget', async () => {
		const clock = fakeClock();
		let calls = 0;
		const fn = async () => {
			calls++;
			clock.advance(4000);
			throw new TransientError(ctx);
		};
		const policy = { maxAttempts: 100, maxTotalMs: 10_000, baseDelayMs: 1000, maxDelayMs: 1000 };
		const err = await withRetry(fn, policy, { ...clock, random: () => 0.5 }).catch((e) => e);
		// Attempts end at 4000, 8500 and 13000 ms; the third wait would end at 13500 > 10000, so it stops there.
		expect(calls).toBe(3);
		expect(clock.now() - 1_700_000_000_000).toBeLessThanOrEqual(13_000);
		expect(err.attempts).toBe(3);
	});

	it('retries while the budget allows with the default policy', async () => {
		const clock = fakeClock();
		const fn = failing([1, 2, 3, 4, 5].map(() => new ThrottledError({ ...ctx, retryAfterMs: 25_000 })));
		await expect(withRetry(fn, {}, { ...clock, random: () => 0 })).rejects.toThrow(/gave up after 3 attempts/);
		expect(clock.sleeps).toEqual([25_000, 25_000]);
	});
});
