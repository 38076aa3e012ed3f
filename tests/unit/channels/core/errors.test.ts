import { classifyByCode, kindOfCode, type ErrorCodeTable } from '../../../../lib/channels/core';
import {
	AuthExpiredError,
	InvalidRequestError,
	PermanentError,
	ThrottledError,
	TransientError,
	withRetry,
} from '../../../../lib/http';

const LISTS: ErrorCodeTable = {
	throttled: [7, '8', 52101],
	auth: [26, 27, 10019],
	invalid: [40, 41],
	transient: [10, '52102'],
	subCodes: { 'accesscontrol.limited-by-app-access-count': 'throttled', 'invalid-sessionkey': 'auth' },
	subCodePrefixes: [
		['isp.', 'transient'],
		['isv.', 'invalid'],
	],
	hints: { auth: 'the session key has expired; re-authorize the shop and update the credential' },
};

const MAP: ErrorCodeTable = { codes: { '-9013': 'throttled', '-1': 'auth' } };

describe('kindOfCode', () => {
	it.each([
		[7, undefined, 'throttled'],
		['7', undefined, 'throttled'],
		[8, undefined, 'throttled'],
		[27, undefined, 'auth'],
		[41, undefined, 'invalid'],
		[52102, undefined, 'transient'],
		[15, 'isp.remote-service-timeout', 'transient'],
		[15, 'isv.invalid-parameter', 'invalid'],
		[41, 'invalid-sessionkey', 'auth'],
		[15, 'accesscontrol.limited-by-app-access-count', 'throttled'],
		[15, 'unheard-of', 'permanent'],
		[999, undefined, 'permanent'],
		[undefined, undefined, 'permanent'],
	])('code %s sub %s -> %s', (code, subCode, kind) => {
		expect(kindOfCode(LISTS, code, subCode)).toBe(kind);
	});

	it('reads a code -> kind map the same way', () => {
		expect(kindOfCode(MAP, -9013)).toBe('throttled');
		expect(kindOfCode(MAP, '-1')).toBe('auth');
		expect(kindOfCode(MAP, -2)).toBe('permanent');
	});
});

describe('classifyByCode', () => {
	const ctx = { provider: 'taobao', shopId: '12345', method: 'taobao.trades.sold.get' };

	it('returns the class for the kind with provider, shop, method, code and the table hint', () => {
		const err = classifyByCode(LISTS, 27, undefined, { ...ctx, platformMessage: 'Invalid session' });
		expect(err).toBeInstanceOf(AuthExpiredError);
		expect(err.message).toBe(
			'taobao shop 12345: taobao.trades.sold.get failed with code 27 (Invalid session): ' +
				'the session key has expired; re-authorize the shop and update the credential',
		);
	});

	it('builds each class and keeps sub code and retry-after', () => {
		expect(classifyByCode(LISTS, 41, undefined, ctx)).toBeInstanceOf(InvalidRequestError);
		expect(classifyByCode(LISTS, 10, undefined, ctx)).toBeInstanceOf(TransientError);
		expect(classifyByCode(LISTS, 1234, undefined, ctx)).toBeInstanceOf(PermanentError);
		const throttled = classifyByCode(LISTS, 7, 'accesscontrol.limited-by-app-access-count', {
			...ctx,
			retryAfterMs: 72_000,
			platformMessage: 'App Call Limited',
		});
		expect(throttled).toBeInstanceOf(ThrottledError);
		expect(throttled.subCode).toBe('accesscontrol.limited-by-app-access-count');
		expect(throttled.retryAfterMs).toBe(72_000);
		expect(throttled.message).toContain('code 7/accesscontrol.limited-by-app-access-count (App Call Limited)');
	});

	it('lets the caller hint win over the table hint', () => {
		const err = classifyByCode(LISTS, 27, undefined, { ...ctx, hint: 'ask the shop owner to log in again' });
		expect(err.hint).toBe('ask the shop owner to log in again');
	});

	it('feeds withRetry: an unknown code is not retried, a throttle code is', async () => {
		const sleeps: number[] = [];
		const deps = { sleep: async (ms: number) => void sleeps.push(ms), random: () => 0 };
		let calls = 0;
		await expect(
			withRetry(async () => {
				calls++;
				throw classifyByCode(LISTS, 4242, undefined, ctx);
			}, {}, deps),
		).rejects.toBeInstanceOf(PermanentError);
		expect(calls).toBe(1);
		calls = 0;
		const result = await withRetry(async () => {
			if (++calls === 1) throw classifyByCode(LISTS, 7, undefined, { ...ctx, retryAfterMs: 2000 });
			return 'ok';
		}, {}, deps);
		expect(result).toBe('ok');
		expect(sleeps).toEqual([2000]);
	});
});
