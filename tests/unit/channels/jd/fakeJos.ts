// A nock-backed JOS routerjson gateway for unit tests: checks every request's signature, unpacks
// 360buy_param_json, records the call and answers from a handler.
import nock from 'nock';
import { fetchHttpClient } from '../../../../lib/http';
import { parseJsonLossless } from '../../../../lib/json';
import { createJdClient, type JdClient } from '../../../../lib/channels/jd/client';
import { jdResponseKey, signJdParams, type JdCredentials } from '../../../../lib/channels/jd/sign';

export const JOS_HOST = 'http://jos.test';
export const JOS_PATH = '/routerjson';

export const testCredentials: JdCredentials = {
	appKey: 'yourappkey',
	appSecret: 'yourappSecret',
	accessToken: 'token-1',
	refreshToken: 'refresh-1',
	shopId: '10139288',
	url: `${JOS_HOST}${JOS_PATH}`,
	oauthUrl: `${JOS_HOST}/oauth2`,
};

export interface JosCall {
	/** System parameters as sent. */
	params: Record<string, string>;
	method: string;
	/** 360buy_param_json parsed losslessly (big ids as strings). */
	business: Record<string, unknown>;
	/** 360buy_param_json as sent. */
	paramJson: string;
}

export type JosReply = object | { status: number; body: string };
export type JosHandler = (call: JosCall, n: number) => JosReply;

export interface FakeJos {
	calls: JosCall[];
	methods(): string[];
}

/** Every POST to the gateway goes to `handler`; a bad signature fails the test loudly. */
export function fakeJos(handler: JosHandler): FakeJos {
	const calls: JosCall[] = [];
	nock(JOS_HOST)
		.persist()
		.post(JOS_PATH)
		.reply((_uri, body) => {
			const params = Object.fromEntries(new URLSearchParams(String(body)));
			if (params.sign !== signJdParams(params, testCredentials.appSecret)) return [500, `bad signature for ${params.method}`];
			const paramJson = params['360buy_param_json'];
			const call = { params, method: params.method, paramJson, business: parseJsonLossless<Record<string, unknown>>(paramJson) };
			calls.push(call);
			const reply = handler(call, calls.length);
			if ('status' in reply && 'body' in reply) return [reply.status as number, reply.body as string];
			return [200, JSON.stringify(reply), { 'content-type': 'application/json' }];
		});
	return { calls, methods: () => calls.map((c) => c.method) };
}

/** A JD success envelope for `method`: `{<method>_responce: {code: "0", ...members}}`. */
export function josOk(method: string, members: object): object {
	return { [jdResponseKey(method)]: { code: '0', ...members } };
}

export function josError(code: string, zh: string, en: string): object {
	return { error_response: { code, zh_desc: zh, en_desc: en } };
}

export interface TestClient {
	client: JdClient;
	delays: number[];
}

/** A client whose retries do not really wait; `delays` records each backoff asked for. */
export function testClient(overrides: Partial<JdCredentials> = {}): TestClient {
	const delays: number[] = [];
	const client = createJdClient({
		credentials: { ...testCredentials, ...overrides },
		http: fetchHttpClient(),
		retryDeps: { sleep: async (ms) => void delays.push(ms), random: () => 0.5 },
		now: () => Date.parse('2024-05-02T10:00:00+08:00'),
	});
	return { client, delays };
}
