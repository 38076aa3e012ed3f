import {
	AuthExpiredError,
	ChannelApiError,
	InvalidRequestError,
	MalformedResponseError,
	PermanentError,
	ThrottledError,
	TransientError,
	classifyHttpStatus,
	classifyNetworkError,
	errorOfKind,
	httpStatusError,
	toChannelApiError,
	type ErrorKind,
} from '../../../lib/http';

const ctx = { provider: 'taobao', shopId: '12345', method: 'taobao.trades.sold.get' };

describe('error messages', () => {
	it('name provider, shop, method, code, the platform text and the hint', () => {
		const err = new AuthExpiredError({
			...ctx,
			code: 27,
			platformMessage: 'Invalid session',
			hint: 'the access token has expired; re-authorize the shop and update the credential',
		});
		expect(err.message).toBe(
			'taobao shop 12345: taobao.trades.sold.get failed with code 27 (Invalid session): ' +
				'the access token has expired; re-authorize the shop and update the credential',
		);
		expect(err).toBeInstanceOf(ChannelApiError);
		expect(err).toBeInstanceOf(Error);
		expect(err.name).toBe('AuthExpiredError');
		expect(err.kind).toBe('auth');
		expect(err.provider).toBe('taobao');
		expect(err.shopId).toBe('12345');
		expect(err.method).toBe('taobao.trades.sold.get');
		expect(err.code).toBe(27);
	});

	it('adds sub code, order id and HTTP status when known', () => {
		const err = new ThrottledError({
			provider: 'pinduoduo',
			shopId: 'mall-9',
			method: 'pdd.order.information.get',
			orderId: '240501-123456789012345',
			code: 52101,
			subCode: 'isv.limit',
			httpStatus: 429,
		});
		expect(err.message).toMatch(
			/^pinduoduo shop mall-9: pdd\.order\.information\.get for order 240501-123456789012345 failed with code 52101\/isv\.limit \(HTTP 429\): /,
		);
		expect(err.hint).toMatch(/rate limiting/);
	});

	it('falls back to HTTP status and a default hint per kind', () => {
		const err = new TransientError({ provider: 'shopify', httpStatus: 503 });
		expect(err.message).toBe(`shopify: request failed with HTTP 503: ${err.hint}`);
		expect(err.hint).toMatch(/temporary/);
	});

	it('errorOfKind builds the class for each kind', () => {
		const classes: Record<ErrorKind, unknown> = {
			throttled: ThrottledError,
			auth: AuthExpiredError,
			invalid: InvalidRequestError,
			transient: TransientError,
			permanent: PermanentError,
		};
		for (const [kind, cls] of Object.entries(classes)) {
			const err = errorOfKind(kind as ErrorKind, ctx);
			expect(err).toBeInstanceOf(cls as new () => ChannelApiError);
			expect(err.kind).toBe(kind);
		}
	});

	it('MalformedResponseError is transient and keeps the first 200 characters of the body', () => {
		const body = '<html>' + 'x'.repeat(500);
		const err = new MalformedResponseError({ ...ctx, body });
		expect(err).toBeInstanceOf(TransientError);
		expect(err.kind).toBe('transient');
		expect(err.bodySnippet).toBe(body.slice(0, 200));
		expect(err.message).toContain('<html>xxx');
	});
});

describe('classifyHttpStatus', () => {
	it.each([
		[200, undefined],
		[204, undefined],
		[302, undefined],
		[400, 'invalid'],
		[401, 'auth'],
		[403, 'auth'],
		[404, 'invalid'],
		[422, 'invalid'],
		[429, 'throttled'],
		[500, 'transient'],
		[502, 'transient'],
		[503, 'transient'],
	])('%d -> %s', (status, kind) => {
		expect(classifyHttpStatus(status)).toBe(kind);
	});

	it('httpStatusError reads Retry-After and quotes the body', () => {
		const now = Date.parse('2024-05-01T10:00:00Z');
		const err = httpStatusError(
			{ status: 429, headers: { 'retry-after': '3' }, body: '{"errors":"Exceeded 2 calls per second"}' },
			{ provider: 'shopify', shopId: 'demo.myshopify.com', method: 'GET /orders.json' },
			now,
		);
		expect(err).toBeInstanceOf(ThrottledError);
		expect(err?.retryAfterMs).toBe(3000);
		expect(err?.httpStatus).toBe(429);
		expect(err?.message).toContain('shopify shop demo.myshopify.com: GET /orders.json failed with HTTP 429');
		expect(err?.message).toContain('Exceeded 2 calls per second');
		expect(httpStatusError({ status: 200, headers: {}, body: '' }, ctx)).toBeUndefined();
	});
});

describe('classifyNetworkError', () => {
	const withCode = (message: string, code?: string) => Object.assign(new Error(message), { code });

	it.each([
		['reset', withCode('read ECONNRESET', 'ECONNRESET')],
		['timed out', withCode('connect ETIMEDOUT 1.2.3.4:443', 'ETIMEDOUT')],
		['axios timeout', withCode('timeout of 5000ms exceeded', 'ECONNABORTED')],
		['hang up', new Error('socket hang up')],
		['fetch failed', new TypeError('fetch failed', { cause: withCode('other side closed', 'UND_ERR_SOCKET') })],
		['abort timeout', Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' })],
	])('%s is transient', (_name, err) => {
		const classified = classifyNetworkError(err, ctx);
		expect(classified).toBeInstanceOf(TransientError);
		expect(classified?.provider).toBe('taobao');
		expect(classified?.cause).toBe(err);
	});

	it('leaves other errors alone and passes channel errors through', () => {
		expect(classifyNetworkError(new TypeError('x is undefined'), ctx)).toBeUndefined();
		expect(classifyNetworkError('nope', ctx)).toBeUndefined();
		const auth = new AuthExpiredError(ctx);
		expect(classifyNetworkError(auth)).toBe(auth);
	});

	it('toChannelApiError makes unknown host permanent with a hint and anything else permanent', () => {
		const dns = toChannelApiError(withCode('getaddrinfo ENOTFOUND api.example', 'ENOTFOUND'), ctx);
		expect(dns).toBeInstanceOf(PermanentError);
		expect(dns.message).toMatch(/base URL/);
		expect(toChannelApiError(withCode('read ECONNRESET', 'ECONNRESET'), ctx)).toBeInstanceOf(TransientError);
		expect(toChannelApiError(new Error('weird'), ctx).kind).toBe('permanent');
	});
});
