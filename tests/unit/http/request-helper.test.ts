import { TransientError, httpClientFromRequestHelper, type RequestHelper } from '../../../lib/http';
import { parseJsonLossless } from '../../../lib/json';

describe('httpClientFromRequestHelper', () => {
	it('asks for the raw body and full response, and returns text with lower-case headers', async () => {
		const seen: Array<Parameters<RequestHelper>[0]> = [];
		const helper: RequestHelper = async (options) => {
			seen.push(options);
			return {
				statusCode: 200,
				headers: { 'Content-Type': 'application/json', 'Set-Cookie': ['a=1', 'b=2'], 'X-Empty': undefined },
				body: Buffer.from('{"tid":1234567890123456789}'),
			};
		};
		const res = await httpClientFromRequestHelper(helper)({
			method: 'POST',
			url: 'https://gw.example/router',
			qs: { method: 'x' },
			body: { a: 1 },
			timeoutMs: 5000,
		});
		expect(seen[0]).toMatchObject({
			json: false,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 5000,
			body: '{"a":1}',
			headers: { 'content-type': 'application/json' },
			qs: { method: 'x' },
		});
		expect(res.headers).toEqual({ 'content-type': 'application/json', 'set-cookie': 'a=1, b=2' });
		expect(parseJsonLossless<{ tid: string }>(res.body).tid).toBe('1234567890123456789');
	});

	it('passes error statuses through and turns an axios timeout into a TransientError', async () => {
		const ok = httpClientFromRequestHelper(async () => ({ statusCode: 429, headers: {}, body: 'slow down' }));
		expect(await ok({ method: 'GET', url: 'https://gw.example/' })).toEqual({ status: 429, headers: {}, body: 'slow down' });
		const timeout = Object.assign(new Error('timeout of 5000ms exceeded'), { code: 'ECONNABORTED' });
		const failing = httpClientFromRequestHelper(async () => Promise.reject(timeout));
		const context = { provider: 'pinduoduo', shopId: 'm1', method: 'pdd.order.list.get' };
		const err = await failing({ method: 'GET', url: 'https://gw.example/', context }).catch((e) => e);
		expect(err).toBeInstanceOf(TransientError);
		expect(err.message).toMatch(/^pinduoduo shop m1: pdd\.order\.list\.get failed with code ECONNABORTED/);
	});
});
