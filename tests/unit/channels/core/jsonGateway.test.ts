import { createJsonGateway } from '../../../../lib/channels/core/jsonGateway';
import { InvalidRequestError, MalformedResponseError, ThrottledError, TransientError, type HttpRequest, type HttpResponse } from '../../../../lib/http';

type Reply = Partial<HttpResponse> & { body: string };

/** A gateway over a scripted HttpClient that records every request. */
function scripted(replies: Reply[]) {
	const sent: HttpRequest[] = [];
	let clock = 1_700_000_000_000;
	const gateway = createJsonGateway({
		provider: 'demo',
		shopId: 'shop-1',
		url: 'https://gw.test/api',
		http: async (req) => {
			sent.push(req);
			const reply = replies.shift();
			if (!reply) throw new Error('no scripted reply left');
			return { status: 200, headers: {}, ...reply };
		},
		systemParams: (method, nowMs) => ({ method, timestamp: String(Math.floor(nowMs / 1000)), sign: `sig-${method}` }),
		errorOf: (body) => (body.ok === true ? undefined : { code: body.code as number, message: String(body.msg) }),
		errorTable: { codes: { '7': 'throttled', '9': 'invalid' } },
		retry: { maxAttempts: 3 },
		retryDeps: { sleep: async () => undefined, random: () => 0 },
		now: () => (clock += 1000),
	});
	return { gateway, sent };
}

describe('JSON gateway (method in the body)', () => {
	it('posts business and signed system params as one JSON body, re-signed per attempt, and counts calls', async () => {
		const { gateway, sent } = scripted([{ body: '{"ok":false,"code":7,"msg":"slow down"}' }, { body: '{"ok":true,"id":12345678901234567890}' }]);
		const body = await gateway.call('order.get', { orderId: 'P1', method: 'spoofed', skipped: undefined });
		expect(body.id).toBe('12345678901234567890');
		expect(sent.map((r) => [r.method, r.url, r.headers?.['content-type']])).toEqual([
			['POST', 'https://gw.test/api', 'application/json;charset=utf-8'],
			['POST', 'https://gw.test/api', 'application/json;charset=utf-8'],
		]);
		const [first, second] = sent.map((r) => JSON.parse(String(r.body)));
		expect(first).toEqual({ orderId: 'P1', method: 'order.get', timestamp: expect.any(String), sign: 'sig-order.get' });
		expect(second.timestamp).not.toBe(first.timestamp);
		expect(gateway.stats).toEqual({ requests: 2, byMethod: { 'order.get': 2 } });
		gateway.resetStats();
		expect(gateway.stats.requests).toBe(0);
	});

	it('classifies error bodies by the table and names provider, shop and method', async () => {
		const { gateway } = scripted([{ body: '{"ok":false,"code":9,"msg":"bad"}' }]);
		const err = await gateway.call('order.get', {}, { orderId: 'P9' }).catch((e) => e);
		expect(err).toBeInstanceOf(InvalidRequestError);
		expect(err).toMatchObject({ provider: 'demo', shopId: 'shop-1', method: 'order.get', orderId: 'P9', code: 9 });
		const throttled = scripted(Array.from({ length: 3 }, () => ({ body: '{"ok":false,"code":7,"msg":"x"}' })));
		await expect(throttled.gateway.call('a.b', {})).rejects.toBeInstanceOf(ThrottledError);
	});

	it('5xx is transient and retried; a body that is not a JSON object is malformed', async () => {
		const { gateway } = scripted([{ status: 502, body: 'bad gateway' }, { body: '{"ok":true}' }]);
		await expect(gateway.call('a.b', {})).resolves.toEqual({ ok: true });
		const broken = scripted(Array.from({ length: 3 }, () => ({ body: '[1,2]' })));
		const err = await broken.gateway.call('a.b', {}).catch((e) => e);
		expect(err).toBeInstanceOf(MalformedResponseError);
		expect(err).toBeInstanceOf(TransientError);
	});
});
