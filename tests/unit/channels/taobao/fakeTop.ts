// A nock-backed TOP gateway for unit tests: checks every request's signature, records the parameters and
// answers from a handler, so tests read like "this method was called with these parameters".
import nock from 'nock';
import { fetchHttpClient } from '../../../../lib/http';
import { createTaobaoClient, type TaobaoClient } from '../../../../lib/channels/taobao/client';
import { signTopParams, type TaobaoCredentials, type TopSignMethod } from '../../../../lib/channels/taobao/sign';

export const TOP_HOST = 'http://top.test';
export const TOP_PATH = '/router/rest';

export const testCredentials: TaobaoCredentials = {
	appKey: '12345678',
	appSecret: 'helloworld',
	session: 'session-1',
	refreshToken: 'refresh-1',
	shopId: 'shop-1',
	signMethod: 'hmac-sha256',
	url: `${TOP_HOST}${TOP_PATH}`,
};

export type TopReply = object | { status: number; body: string };
export type TopHandler = (params: Record<string, string>, call: number) => TopReply;

export interface FakeTop {
	calls: Array<Record<string, string>>;
	methods(): string[];
	done(): void;
}

/** Every POST to the gateway goes to `handler`; a bad signature fails the test loudly. */
export function fakeTop(handler: TopHandler): FakeTop {
	const calls: Array<Record<string, string>> = [];
	nock(TOP_HOST)
		.persist()
		.post(TOP_PATH)
		.reply((_uri, body) => {
			const params = Object.fromEntries(new URLSearchParams(String(body)));
			const expected = signTopParams(params, testCredentials.appSecret, params.sign_method as TopSignMethod);
			if (params.sign !== expected) return [500, `bad signature for ${params.method}`];
			calls.push(params);
			const reply = handler(params, calls.length);
			if ('status' in reply && 'body' in reply) return [reply.status as number, reply.body as string];
			return [200, JSON.stringify(reply), { 'content-type': 'application/json' }];
		});
	return { calls, methods: () => calls.map((c) => c.method), done: () => nock.cleanAll() };
}

/** A TOP success envelope for `method`. */
export function topOk(method: string, members: object): object {
	const key = `${method.replace(/^taobao\./, '').replace(/\./g, '_')}_response`;
	return { [key]: { ...members, request_id: 'req-1' } };
}

export function topError(code: number, msg: string, subCode?: string, subMsg?: string): object {
	return { error_response: { code, msg, sub_code: subCode, sub_msg: subMsg, request_id: 'req-err' } };
}

export interface TestClient {
	client: TaobaoClient;
	delays: number[];
}

/** A client whose retries do not really wait; `delays` records each backoff asked for. */
export function testClient(overrides: Partial<TaobaoCredentials> = {}): TestClient {
	const delays: number[] = [];
	const client = createTaobaoClient({
		credentials: { ...testCredentials, ...overrides },
		http: fetchHttpClient(),
		retryDeps: { sleep: async (ms) => void delays.push(ms), random: () => 0.5 },
		now: () => Date.parse('2024-05-02T10:00:00+08:00'),
	});
	return { client, delays };
}
