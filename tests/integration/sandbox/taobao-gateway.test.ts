// The TOP gateway checks: signature, app key, timestamp, session, version, arguments, quotas.
import type { Sandbox } from '../../../sandbox/server';
import { startSandbox } from '../../../sandbox/server';
import vectors from '../../unit/sandbox/vectors.json';
import { admin, callTop, parseLossless, postForm, sandboxShop, signTop } from './top-client';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ orders: 300, seed: 'gateway' });
});
afterAll(() => sandbox.close());
afterEach(async () => {
	await admin(sandbox, 'POST', '/clock', { set: sandbox.world.clock.startMs });
	await admin(sandbox, 'DELETE', '/limits');
	await admin(sandbox, 'DELETE', '/faults');
});

const topVectors = vectors.filter((v) => v.id.startsWith('taobao-top-')) as Array<{
	id: string;
	inputs: { secret: string; params: Record<string, string> };
	expected: { sign: string };
}>;

function mutate(text: string): string {
	const last = text.slice(-1);
	return text.slice(0, -1) + (/\d/.test(last) ? String((Number(last) + 1) % 10) : last === 'z' ? 'y' : String.fromCharCode(last.charCodeAt(0) + 1));
}

const errorOf = (text: string) => JSON.parse(text).error_response;

describe('published signing vectors through the gateway (clock set to the vector time)', () => {
	beforeEach(() => admin(sandbox, 'POST', '/clock', { set: '2016-01-01T12:00:00+08:00' }));

	test.each(topVectors.map((v) => [v.id, v] as const))('%s is accepted', async (_id, vector) => {
		const res = await postForm(`${sandbox.url}/taobao/router/rest`, { ...vector.inputs.params, sign: vector.expected.sign });
		expect(res.status).toBe(200);
		// Signature, session and app pass; the example's item simply does not exist in this shop.
		expect(errorOf(res.text)).toEqual(expect.objectContaining({ code: 15, sub_code: 'isv.item-not-exist' }));
	});

	const fields = Object.keys(topVectors[0].inputs.params);
	test.each(topVectors.flatMap((v) => fields.map((f) => [v.id, f, v] as const)))(
		'%s: a one-character change of %s is rejected with the real code',
		async (_id, field, vector) => {
			const params = { ...vector.inputs.params, sign: vector.expected.sign };
			params[field as keyof typeof params] = mutate(params[field as keyof typeof params]);
			const error = errorOf((await postForm(`${sandbox.url}/taobao/router/rest`, params)).text);
			// The app key selects the secret, so a changed key is unknown (29); every other change breaks the sign (25).
			if (field === 'app_key') expect(error).toEqual(expect.objectContaining({ code: 29, msg: 'Invalid app Key' }));
			else expect(error).toEqual(expect.objectContaining({ code: 25, msg: 'Invalid signature' }));
			expect(typeof error.request_id).toBe('string');
		},
	);

	test('a one-character change of the sign is rejected with code 25', async () => {
		const vector = topVectors[0];
		const res = await postForm(`${sandbox.url}/taobao/router/rest`, { ...vector.inputs.params, sign: mutate(vector.expected.sign) });
		expect(errorOf(res.text)).toEqual(expect.objectContaining({ code: 25, msg: 'Invalid signature' }));
	});
});

describe('gateway errors', () => {
	const shop = () => sandboxShop(sandbox);
	const fields = { fields: 'tid,status' };

	test('missing sign (24), missing app key (28), unknown app key (29)', async () => {
		const params = { method: 'taobao.trades.sold.get', app_key: '21000001', v: '2.0', format: 'json', timestamp: '2026-03-02 10:00:00' };
		expect(errorOf((await postForm(shop().baseUrl, params)).text).code).toBe(24);
		const { app_key: _k, ...noKey } = params;
		expect(errorOf((await postForm(shop().baseUrl, { ...noKey, sign: 'X' })).text).code).toBe(28);
		expect(errorOf((await postForm(shop().baseUrl, { ...params, app_key: '999', sign: 'X' })).text).code).toBe(29);
	});

	test('system params in the query string and business params in the body sign together', async () => {
		const params: Record<string, string> = {
			method: 'taobao.trades.sold.get', app_key: '21000001', session: 'tbsess-flagship-0001', v: '2.0', format: 'json',
			sign_method: 'hmac-sha256', timestamp: '2026-03-02 10:00:00', fields: 'tid', page_size: '1',
		};
		params.sign = signTop(params, 'sandbox-taobao-secret-0001');
		const { fields: f, page_size: p, ...system } = params;
		const res = await fetch(`${shop().baseUrl}?${new URLSearchParams(system)}`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ fields: f, page_size: p }).toString(),
		});
		expect(parseLossless(await res.text()).trades_sold_get_response.trades.trade).toHaveLength(1);
	});

	test('a timestamp more than 10 minutes off is code 31', async () => {
		const res = await callTop({ ...shop(), now: () => sandbox.world.clock.now() - 11 * 60_000 }, 'taobao.trades.sold.get', fields);
		expect(res.body.error_response).toEqual(expect.objectContaining({ code: 31, msg: 'Invalid timestamp' }));
		const ok = await callTop({ ...shop(), now: () => sandbox.world.clock.now() - 9 * 60_000 }, 'taobao.trades.sold.get', fields);
		expect(ok.body.error_response).toBeUndefined();
	});

	test('sessions: expired (27 sessionkey-expired), unknown (27), another app\'s (27), missing (26)', async () => {
		const expired = await callTop(sandboxShop(sandbox, 'tbsess-expired-0001'), 'taobao.trades.sold.get', fields);
		expect(expired.body.error_response).toEqual(expect.objectContaining({ code: 27, msg: 'Invalid session', sub_code: 'sessionkey-expired' }));
		const unknown = await callTop(sandboxShop(sandbox, 'nope'), 'taobao.trades.sold.get', fields);
		expect(unknown.body.error_response).toEqual(expect.objectContaining({ code: 27, sub_code: 'invalid-sessionkey' }));
		const foreign = await callTop(sandboxShop(sandbox, 'test'), 'taobao.trades.sold.get', fields);
		expect(foreign.body.error_response.code).toBe(27);
		const missing = await callTop(sandboxShop(sandbox, ''), 'taobao.trades.sold.get', fields);
		expect(missing.body.error_response.code).toBe(26);
	});

	test('a session expires when the clock passes its end', async () => {
		await admin(sandbox, 'POST', '/tokens', { provider: 'taobao', token: 'short', shopId: 'tb-cshop', expiresInMs: 3_600_000 });
		expect((await callTop(sandboxShop(sandbox, 'short'), 'taobao.trades.sold.get', fields)).body.error_response).toBeUndefined();
		await admin(sandbox, 'POST', '/clock', { advanceMs: 3_600_000 });
		expect((await callTop(sandboxShop(sandbox, 'short'), 'taobao.trades.sold.get', fields)).body.error_response.code).toBe(27);
	});

	test('unknown method (22), wrong version (33), non-json format (41), missing fields (40)', async () => {
		expect((await callTop(shop(), 'taobao.trades.sold.gett', fields)).body.error_response.code).toBe(22);
		const v1 = await postForm(shop().baseUrl, (() => {
			const p: Record<string, string> = { method: 'taobao.trades.sold.get', app_key: '21000001', session: 'tbsess-flagship-0001', v: '1.0', format: 'json', timestamp: '2026-03-02 10:00:00', fields: 'tid' };
			p.sign = signTop(p, 'sandbox-taobao-secret-0001');
			return p;
		})());
		expect(errorOf(v1.text).code).toBe(33);
		expect((await callTop(shop(), 'taobao.trades.sold.get', { ...fields, format: 'xml' })).body.error_response.code).toBe(41);
		expect((await callTop(shop(), 'taobao.trades.sold.get', {})).body.error_response).toEqual(
			expect.objectContaining({ code: 40, msg: 'Missing required arguments:fields' }),
		);
	});

	test('page size over 100 and an increment window over one day are rejected like the real API (41)', async () => {
		const big = await callTop(shop(), 'taobao.trades.sold.get', { ...fields, page_size: '101' });
		expect(big.body.error_response).toEqual(expect.objectContaining({ code: 41, sub_code: 'isv.invalid-parameter:page_size' }));
		const wide = await callTop(shop(), 'taobao.trades.sold.increment.get', {
			...fields, start_modified: '2026-03-01 09:59:59', end_modified: '2026-03-02 10:00:00',
		});
		expect(wide.body.error_response).toEqual(expect.objectContaining({ code: 41, sub_code: 'isv.invalid-parameter:end_modified' }));
		const day = await callTop(shop(), 'taobao.trades.sold.increment.get', {
			...fields, start_modified: '2026-03-01 10:00:00', end_modified: '2026-03-02 10:00:00',
		});
		expect(day.body.error_response).toBeUndefined();
		const missing = await callTop(shop(), 'taobao.trades.sold.increment.get', fields);
		expect(missing.body.error_response.code).toBe(40);
	});

	test('quota: over the limit answers code 7 with the ban length; the next window is open again', async () => {
		await admin(sandbox, 'POST', '/clock', { set: '2026-03-02T10:00:20+08:00' });
		await admin(sandbox, 'POST', '/limits', { provider: 'taobao', calls: 2, windowMs: 60_000 });
		const codes = [];
		for (let i = 0; i < 3; i++) codes.push((await callTop(shop(), 'taobao.trades.sold.get', fields)).body.error_response?.code);
		expect(codes).toEqual([undefined, undefined, 7]);
		const limited = await callTop(shop(), 'taobao.trades.sold.get', fields);
		expect(limited.body.error_response).toEqual(
			expect.objectContaining({ code: 7, msg: 'App Call Limited', sub_code: 'accesscontrol.limited-by-app-access-count', sub_msg: 'This ban will last for 40 more seconds' }),
		);
		await admin(sandbox, 'POST', '/clock', { advanceMs: 40_000 });
		expect((await callTop(shop(), 'taobao.trades.sold.get', fields)).body.error_response).toBeUndefined();
	});
});
