import { AuthExpiredError, InvalidRequestError, MalformedResponseError, type HttpRequest, type HttpResponse } from '../../../../lib/http';
import { createJsonRest, nextLinkParam, nextLinkUrl, type JsonRestConfig } from '../../../../lib/channels/core/rest';

/** A scripted HttpClient: answers in order and keeps every request it got. */
function scripted(answers: HttpResponse[]) {
	const requests: HttpRequest[] = [];
	const http = async (req: HttpRequest) => {
		requests.push(req);
		const next = answers.shift();
		if (!next) throw new Error('no more answers');
		return next;
	};
	return { http, requests };
}
const ok = (body: string, headers: Record<string, string> = {}): HttpResponse => ({ status: 200, headers, body });
const sleeps: number[] = [];
const rest = (http: JsonRestConfig['http'], extra: Partial<JsonRestConfig> = {}) =>
	createJsonRest({ provider: 'demo', shopId: 'shop-1', baseUrl: 'https://api.example/v1/', http, retry: { maxAttempts: 2 }, retryDeps: { sleep: async (ms) => void sleeps.push(ms), random: () => 0 }, ...extra });

beforeEach(() => (sleeps.length = 0));

describe('JSON REST core', () => {
	it('sends auth headers and query parameters, big ids as numbers, and parses answers losslessly', async () => {
		const { http, requests } = scripted([ok('{"id":9007199254740993123}'), ok('[{"id":1}]')]);
		const r = rest(http, { headers: { 'x-token': 't' }, qs: { key: 'k' }, numericKeys: ['id'] });
		const one = await r.request({ method: 'POST', path: '/things', apiMethod: 'POST /things', body: { id: '9007199254740993123', name: 'a' }, qs: { a: 1 } });
		expect(one.body).toEqual({ id: '9007199254740993123' });
		expect(requests[0]).toMatchObject({ url: 'https://api.example/v1/things', qs: { a: 1, key: 'k' }, body: '{"id":9007199254740993123,"name":"a"}' });
		expect(requests[0].headers).toEqual({ accept: 'application/json', 'x-token': 't', 'content-type': 'application/json' });
		expect((await r.request({ method: 'GET', path: '/things', apiMethod: 'GET /things', expect: 'array' })).body).toEqual([{ id: 1 }]);
		expect(r.stats).toEqual({ requests: 2, byMethod: { 'POST /things': 1, 'GET /things': 1 } });
	});

	it("reads the channel's error envelope: its code, its message, and a code-table override of the status class", async () => {
		const readError = (body: string) => {
			const parsed = JSON.parse(body) as { code?: string; message?: string };
			return { code: parsed.code, message: parsed.message };
		};
		const errorTable = { codes: { token_revoked: 'auth' as const }, hints: { auth: 'make a new token', invalid: 'check the id' } };
		const { http } = scripted([
			{ status: 400, headers: {}, body: '{"code":"token_revoked","message":"revoked"}' },
			{ status: 404, headers: {}, body: '{"code":"no_such_thing","message":"Invalid ID."}' },
		]);
		const r = rest(http, { readError, errorTable });
		const auth = await r.request({ method: 'GET', path: '/a', apiMethod: 'GET /a' }).catch((e: unknown) => e);
		expect(auth).toBeInstanceOf(AuthExpiredError);
		expect(auth).toMatchObject({ code: 'token_revoked', httpStatus: 400, platformMessage: 'revoked', hint: 'make a new token' });
		const invalid = await r.request({ method: 'GET', path: '/b', apiMethod: 'GET /b' }).catch((e: unknown) => e);
		expect(invalid).toBeInstanceOf(InvalidRequestError);
		expect(invalid).toMatchObject({ code: 'no_such_thing', hint: 'check the id' });
	});

	it('refuses a body of the wrong shape as malformed (retried as transient)', async () => {
		const { http, requests } = scripted([ok('[1]'), ok('[2]')]);
		await expect(rest(http).request({ method: 'GET', path: '/a', apiMethod: 'GET /a' })).rejects.toBeInstanceOf(MalformedResponseError);
		expect(requests).toHaveLength(2);
	});

	it('waits before the next call when the channel hook asks for a pause', async () => {
		const { http } = scripted([ok('{}', { 'x-full': '1' }), ok('{}')]);
		const r = rest(http, { pauseAfter: (res) => (res.headers['x-full'] ? 500 : undefined) });
		await r.request({ method: 'GET', path: '/a', apiMethod: 'GET /a' });
		expect(sleeps).toEqual([]);
		await r.request({ method: 'GET', path: '/a', apiMethod: 'GET /a' });
		expect(sleeps).toEqual([500]);
	});

	it('reads the rel="next" entry of a Link header', () => {
		const link = '<https://s.example/orders?page=1>; rel="prev", <https://s.example/orders?page=3&per_page=100>; rel="next"';
		expect(nextLinkParam(link, 'page')).toBe('3');
		expect(nextLinkUrl(link)?.pathname).toBe('/orders');
		expect(nextLinkParam('<https://s.example/orders?page=1>; rel="prev"', 'page')).toBeUndefined();
		expect(nextLinkParam(undefined, 'page')).toBeUndefined();
	});
});
