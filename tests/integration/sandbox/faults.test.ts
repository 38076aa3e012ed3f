// Injected faults: each answers in the platform's real envelope, and the same seed fails the same calls.
import type { Sandbox } from '../../../sandbox/server';
import { startSandbox } from '../../../sandbox/server';
import { admin, postForm, sandboxShop, shanghaiText, signedParams, type Json } from './top-client';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ orders: 400, seed: 'faults' });
});
afterAll(() => sandbox.close());
afterEach(() => admin(sandbox, 'DELETE', '/faults'));

const LIST = 'taobao.trades.sold.get';
const call = (method = LIST, business: Record<string, string> = { fields: 'tid,status', page_size: '5' }) =>
	postForm(sandboxShop(sandbox).baseUrl, signedParams(sandboxShop(sandbox), method, business));

test('throttle answers TOP code 7 with the ban length', async () => {
	await admin(sandbox, 'POST', '/faults', { provider: 'taobao', method: LIST, kind: 'throttle', banSeconds: 30 });
	const res = await call();
	expect(res.status).toBe(200);
	expect(JSON.parse(res.text).error_response).toEqual({
		code: 7, msg: 'App Call Limited', sub_code: 'accesscontrol.limited-by-app-access-count',
		sub_msg: 'This ban will last for 30 more seconds', request_id: expect.any(String),
	});
	expect(JSON.parse((await call('taobao.items.onsale.get', { fields: 'num_iid' })).text).error_response).toBeUndefined();
});

test('expired token answers code 27 on a session that is otherwise valid', async () => {
	await admin(sandbox, 'POST', '/faults', { provider: 'taobao', kind: 'expired_token', times: 1 });
	expect(JSON.parse((await call()).text).error_response).toEqual(expect.objectContaining({ code: 27, sub_code: 'sessionkey-expired' }));
	expect(JSON.parse((await call()).text).error_response).toBeUndefined();
});

test('server error answers the gateway\'s HTML error page with a 5xx status', async () => {
	await admin(sandbox, 'POST', '/faults', { provider: 'taobao', kind: 'server_error', status: 503 });
	const res = await call();
	expect(res.status).toBe(503);
	expect(res.text).toContain('<h1>503 Service Temporarily Unavailable</h1>');
});

test('malformed answers a cut-off JSON body with status 200', async () => {
	await admin(sandbox, 'POST', '/faults', { provider: 'taobao', method: LIST, kind: 'malformed' });
	const res = await call();
	expect(res.status).toBe(200);
	expect(res.text.startsWith('{"trades_sold_get_response":')).toBe(true);
	expect(() => JSON.parse(res.text)).toThrow();
});

test('timeout holds the request without an answer', async () => {
	await admin(sandbox, 'POST', '/faults', { provider: 'taobao', kind: 'timeout', hangMs: 5000 });
	const started = Date.now();
	const params = signedParams(sandboxShop(sandbox), LIST, { fields: 'tid' });
	await expect(
		fetch(sandboxShop(sandbox).baseUrl, { method: 'POST', body: new URLSearchParams(params), signal: AbortSignal.timeout(300) }),
	).rejects.toThrow();
	expect(Date.now() - started).toBeLessThan(4000);
});

test('page shift: a page read twice changes between the calls, because an order was modified in between', async () => {
	const now = sandbox.world.clock.now();
	const window = { fields: 'tid_str,modified', start_modified: shanghaiText(now - 86_400_000), end_modified: shanghaiText(now), page_size: '3', page_no: '2' };
	const before = (await call('taobao.trades.sold.increment.get', window)).text;
	await admin(sandbox, 'POST', '/faults', { provider: 'taobao', method: 'taobao.trades.sold.increment.get', kind: 'page_shift' });
	const after = (await call('taobao.trades.sold.increment.get', window)).text;
	const trades = (text: string) => JSON.parse(text).trades_sold_increment_get_response.trades.trade as Json[];
	expect(trades(before)).toHaveLength(3);
	const tids = (text: string) => trades(text).map((t) => t.tid_str);
	expect(tids(after)).not.toEqual(tids(before));
	// The touched order now sorts first, stamped with the current clock time.
	const first = JSON.parse((await call('taobao.trades.sold.increment.get', { ...window, page_no: '1' })).text);
	expect(first.trades_sold_increment_get_response.trades.trade[0].modified).toBe(shanghaiText(now));
});

async function faultPattern(seed: string | number, faultSeed: string) {
	sandbox.reset({ seed });
	await admin(sandbox, 'POST', '/faults', { provider: 'taobao', method: LIST, kind: 'throttle', probability: 0.3, seed: faultSeed });
	await admin(sandbox, 'POST', '/faults', { provider: 'taobao', method: LIST, kind: 'server_error', probability: 0.2, seed: faultSeed });
	const outcomes = [];
	for (let i = 0; i < 30; i++) {
		const res = await call();
		outcomes.push(res.status !== 200 ? String(res.status) : (JSON.parse(res.text).error_response?.code ?? 'ok'));
	}
	return outcomes.join(',');
}

test('the same seeds fail the same calls; another fault seed fails others', async () => {
	const first = await faultPattern('faults', 'a');
	expect(first).toMatch(/7/);
	expect(first).toMatch(/502/);
	expect(first).toMatch(/ok/);
	expect(await faultPattern('faults', 'a')).toBe(first);
	expect(await faultPattern('faults', 'b')).not.toBe(first);
});
