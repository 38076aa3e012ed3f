import nock from 'nock';
import { TransientError, fetchHttpClient, withRetry } from '../../../lib/http';
import { parseJsonLossless } from '../../../lib/json';

const BASE = 'http://gw.shop.test';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('fetchHttpClient against nock', () => {
	it('returns status, lower-case headers and the raw body text', async () => {
		const raw = '{"tid":1234567890123456789,"ok":true}';
		const scope = nock(BASE)
			.get('/router')
			.query({ method: 'taobao.trade.get', page_no: '2' })
			.matchHeader('x-app', 'k1')
			.reply(200, raw, { 'Content-Type': 'application/json', 'X-Request-Id': 'r-9' });
		const res = await fetchHttpClient()({
			method: 'GET',
			url: `${BASE}/router`,
			qs: { method: 'taobao.trade.get', page_no: 2, skipped: undefined },
			headers: { 'x-app': 'k1' },
		});
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe('application/json');
		expect(res.headers['x-request-id']).toBe('r-9');
		expect(res.body).toBe(raw);
		expect(parseJsonLossless<{ tid: string }>(res.body).tid).toBe('1234567890123456789');
		expect(scope.isDone()).toBe(true);
	});

	it('sends objects as JSON and strings as given', async () => {
		nock(BASE)
			.post('/json', { a: 1 })
			.matchHeader('content-type', 'application/json')
			.reply(201, 'created')
			.post('/form', 'a=1&b=2')
			.matchHeader('content-type', 'application/x-www-form-urlencoded')
			.reply(200, 'ok');
		const client = fetchHttpClient();
		expect((await client({ method: 'POST', url: `${BASE}/json`, body: { a: 1 } })).status).toBe(201);
		const form = await client({
			method: 'POST',
			url: `${BASE}/form`,
			body: 'a=1&b=2',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(form.body).toBe('ok');
	});

	it('returns error statuses as responses instead of throwing', async () => {
		nock(BASE).get('/busy').reply(503, 'upstream down', { 'Retry-After': '2' });
		const res = await fetchHttpClient()({ method: 'GET', url: `${BASE}/busy` });
		expect(res).toEqual({ status: 503, headers: expect.objectContaining({ 'retry-after': '2' }), body: 'upstream down' });
	});

	it('turns a timeout into a TransientError naming the call', async () => {
		nock(BASE).get('/slow').delay(800).reply(200, 'late');
		const started = Date.now();
		const err = await fetchHttpClient()({
			method: 'GET',
			url: `${BASE}/slow`,
			timeoutMs: 50,
			context: { provider: 'jd', shopId: '7', method: 'jingdong.pop.order.search' },
		}).catch((e) => e);
		expect(err).toBeInstanceOf(TransientError);
		expect(err.message).toMatch(/^jd shop 7: jingdong\.pop\.order\.search failed .*timed out/);
		expect(Date.now() - started).toBeLessThan(700);
	});

	it('turns a connection reset into a TransientError and withRetry recovers', async () => {
		nock(BASE)
			.get('/flaky')
			.replyWithError({ code: 'ECONNRESET', message: 'socket hang up' })
			.get('/flaky')
			.reply(200, 'fine');
		const client = fetchHttpClient();
		const kinds: string[] = [];
		const res = await withRetry(
			() => client({ method: 'GET', url: `${BASE}/flaky` }),
			{ onRetry: ({ error }) => kinds.push(error.kind) },
			{ sleep: async () => undefined, random: () => 0 },
		);
		expect(res.body).toBe('fine');
		expect(kinds).toEqual(['transient']);
	});

	it('names the host when no context is given', async () => {
		nock(BASE).get('/reset').replyWithError({ code: 'ECONNRESET', message: 'read ECONNRESET' });
		const err = await fetchHttpClient()({ method: 'GET', url: `${BASE}/reset` }).catch((e) => e);
		expect(err).toBeInstanceOf(TransientError);
		expect(err.provider).toBe('gw.shop.test');
		expect(err.code).toBe('ECONNRESET');
	});
});
