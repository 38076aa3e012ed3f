// A nock-backed Pinduoduo gateway for unit tests: checks every request's signature, records the call's
// parameters and answers from a handler.
import nock from 'nock';
import { fetchHttpClient } from '../../../../lib/http';
import { createPinduoduoClient, type PinduoduoClient } from '../../../../lib/channels/pinduoduo/client';
import { PDD_RESPONSE_KEYS, signPddParams, type PinduoduoCredentials } from '../../../../lib/channels/pinduoduo/sign';

export const PDD_HOST = 'http://pdd.test';
export const PDD_PATH = '/api/router';
/** 2024-05-02 10:00:00 +08:00 */
export const NOW_MS = Date.parse('2024-05-02T10:00:00+08:00');

export const testCredentials: PinduoduoCredentials = {
	clientId: 'client-1',
	clientSecret: 'secret-1',
	accessToken: 'token-1',
	refreshToken: 'refresh-1',
	shopId: '9001',
	url: `${PDD_HOST}${PDD_PATH}`,
};

export type PddCall = Record<string, string>;
export type PddReply = object | { status: number; body: string };

export interface FakePdd {
	calls: PddCall[];
	types(): string[];
}

/** Every POST to the gateway goes to `handler`; a bad signature fails the test loudly. */
export function fakePdd(handler: (call: PddCall, n: number) => PddReply): FakePdd {
	const calls: PddCall[] = [];
	nock(PDD_HOST)
		.persist()
		.post(PDD_PATH)
		.reply((_uri, body) => {
			const params = Object.fromEntries(new URLSearchParams(String(body)));
			if (params.sign !== signPddParams(params, testCredentials.clientSecret)) return [500, `bad signature for ${params.type}`];
			calls.push(params);
			const reply = handler(params, calls.length);
			if ('status' in reply && 'body' in reply) return [reply.status as number, reply.body as string];
			return [200, JSON.stringify(reply), { 'content-type': 'application/json' }];
		});
	return { calls, types: () => calls.map((c) => c.type) };
}

/** A success body under the API's own root key. */
export function pddOk(type: string, members: object): object {
	return { [PDD_RESPONSE_KEYS[type]]: { ...members, request_id: 'req-1' } };
}

export function pddError(code: number, msg: string, subMsg = ''): object {
	return { error_response: { error_code: code, error_msg: msg, sub_code: '', sub_msg: subMsg, request_id: 'req-1' } };
}

export function testClient(overrides: Partial<PinduoduoCredentials> = {}): { client: PinduoduoClient; delays: number[] } {
	const delays: number[] = [];
	const client = createPinduoduoClient({
		credentials: { ...testCredentials, ...overrides },
		http: fetchHttpClient(),
		retryDeps: { sleep: async (ms) => void delays.push(ms), random: () => 0.5, now: () => NOW_MS },
		now: () => NOW_MS,
	});
	return { client, delays };
}
