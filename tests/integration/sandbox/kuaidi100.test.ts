// Kuaidi100 emulator: signed query, subscription, pushes with the salt signature, parcels moving with the clock.
import type { Sandbox } from '../../../sandbox/server';
import { startSandbox } from '../../../sandbox/server';
import vectors from '../../unit/sandbox/vectors.json';
import { ACCOUNT, md5Upper, postForm, pushReceiver, queryForm } from './kuaidi100-client';
import { admin, callTop, sandboxShop } from './top-client';

const HOUR = 3_600_000;
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ orders: 200, seed: 'kuaidi100' });
});
afterAll(() => sandbox.close());
afterEach(async () => {
	await admin(sandbox, 'DELETE', '/faults');
	await admin(sandbox, 'POST', '/clock', { set: sandbox.world.clock.startMs });
});

const url = (path: string) => `${sandbox.url}/kuaidi100${path}`;
const vector = (id: string) => vectors.find((v) => v.id === id)!.inputs as unknown as Record<string, string>;
const mutate = (text: string) => text.slice(0, -1) + (text.endsWith('0') ? '1' : '0');

describe('published sign examples through the API', () => {
	const q = vector('kuaidi100-query-sign-derived');
	const queryVector = { customer: q.customer, param: q.param, sign: '7F446061A902137AC073B88652D7C190' };

	test('the query example is accepted and finds its parcel', async () => {
		const res = await postForm(url('/poll/query.do'), queryVector);
		expect(res.body).toEqual(expect.objectContaining({ message: 'ok', status: '200', nu: 'YT0000000000000', com: 'yuantong' }));
		expect(res.body.data.length).toBeGreaterThan(2);
	});

	test.each(['param', 'sign'])('a one-character change of %s fails the sign check (503)', async (field) => {
		const form = { ...queryVector, [field]: field === 'param' ? q.param.replace('YT0000000000000', 'YT0000000000001') : mutate(queryVector.sign) };
		expect((await postForm(url('/poll/query.do'), form)).body).toEqual({ result: false, returnCode: '503', message: '验证签名失败' });
	});

	test('a one-character change of the customer is an unknown customer (400)', async () => {
		const res = await postForm(url('/poll/query.do'), { ...queryVector, customer: 'TESTCUSTOMEr' });
		expect(res.body).toEqual(expect.objectContaining({ result: false, returnCode: '400' }));
	});

	const l = vector('kuaidi100-label-order-sign-derived');
	const labelVector = { method: 'order', key: l.key, t: l.t, param: l.param, sign: '206C4E0A36F3AB314E2CC55DE97123A9' };

	test('the label example is accepted and gets a waybill number', async () => {
		const res = await postForm(url('/label/order'), labelVector);
		expect(res.body).toEqual(expect.objectContaining({ code: 200, message: 'success' }));
		expect(res.body.data.kuaidinum).toMatch(/^7\d{13}$/);
	});

	test.each(['t', 'param', 'sign'])('label: a one-character change of %s is rejected', async (field) => {
		const form = { ...labelVector, [field]: field === 'param' ? l.param.replace('zhongtong', 'zhongtonh') : mutate(labelVector[field as 't' | 'sign']) };
		expect((await postForm(url('/label/order'), form)).body).toEqual(expect.objectContaining({ code: 30002, message: '签名错误' }));
	});
});

test('label: a one-character change of the key is an unknown key (400)', async () => {
	const l = vector('kuaidi100-label-order-sign-derived');
	const res = await postForm(url('/label/order'), { method: 'order', key: 'TESTKEz', t: l.t, param: l.param, sign: '206C4E0A36F3AB314E2CC55DE97123A9' });
	expect(res.body).toEqual(expect.objectContaining({ code: 400, message: 'key不存在' }));
});

describe('query', () => {
	test('a parcel moves with the sandbox clock: nothing yet, collected, in transit, out for delivery, delivered', async () => {
		await admin(sandbox, 'POST', '/parcels', { carrier: 'zto', trackingNo: '73100000000077', scenario: 'normal' });
		const states: string[] = [];
		for (let step = 0; step < 40; step++) {
			const res = await postForm(url('/poll/query.do'), queryForm({ com: 'zhongtong', num: '73100000000077', resultv2: '4' }));
			const state = res.body.returnCode ?? res.body.state;
			if (states.at(-1) !== state) states.push(state);
			await admin(sandbox, 'POST', '/clock', { advanceMs: 3 * HOUR });
		}
		expect(states.slice(0, 2)).toEqual(['500', '103']);
		expect(states.at(-1)).toBe('301');
		const full = await postForm(url('/poll/query.do'), queryForm({ com: 'zhongtong', num: '73100000000077', resultv2: '4', order: 'asc' }));
		expect(full.body.data.map((e: { statusCode: string }) => e.statusCode)).toEqual(['103', '1002', '1002', '1002', '1001', '5', '301']);
		const final = await postForm(url('/poll/query.do'), queryForm({ com: 'zhongtong', num: '73100000000077', order: 'asc' }));
		expect(final.body).toEqual(expect.objectContaining({ state: '3', ischeck: '1' }));
		expect(final.body.data[0].context).toContain('揽收');
		expect(final.body.data[0].ftime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
	});

	test.each([
		['refused', ['14', '6', '4']],
		['locker', ['501', '304']],
		['retry', ['206', '5', '302']],
		['stuck', ['202']],
		['damaged', ['209']],
	])('scenario %s ends with the right advanced codes', async (scenario, tail) => {
		const num = `YT${scenario.length}000000000${tail.length}`.padEnd(15, '9');
		await admin(sandbox, 'POST', '/parcels', { carrier: 'yto', trackingNo: num, scenario });
		await admin(sandbox, 'POST', '/clock', { advanceMs: 20 * 24 * HOUR });
		const res = await postForm(url('/poll/query.do'), queryForm({ com: 'yuantong', num, resultv2: '4', order: 'asc' }));
		const codes = res.body.data.map((e: { statusCode: string }) => e.statusCode);
		expect(codes.slice(-tail.length)).toEqual(tail);
		expect(res.body.state).toBe(tail.at(-1));
	});

	test('a Taobao shipment is trackable; SF needs the last four digits of the phone (408 without)', async () => {
		const [order] = (await admin(sandbox, 'GET', '/orders?channel=taobao&shopId=tb-flagship&status=paid')).orders;
		await callTop(sandboxShop(sandbox), 'taobao.logistics.offline.send', { tid: order.channelOrderId, out_sid: 'SF1000000000042', company_code: 'SF' });
		await admin(sandbox, 'POST', '/clock', { advanceMs: 6 * HOUR });
		const noPhone = await postForm(url('/poll/query.do'), queryForm({ com: 'shunfeng', num: 'SF1000000000042' }));
		expect(noPhone.body).toEqual({ result: false, returnCode: '408', message: '快递公司参数异常：验证码错误' });
		const ok = await postForm(url('/poll/query.do'), queryForm({ com: 'shunfeng', num: 'SF1000000000042', phone: order.receiver.phone.slice(-4) }));
		expect(ok.body.state).toBe('1');
	});

	test('form encoding, missing fields and bad param are 400', async () => {
		const json = await fetch(url('/poll/query.do'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(((await json.json()) as { returnCode: string }).returnCode).toBe('400');
		expect((await postForm(url('/poll/query.do'), { customer: ACCOUNT.customer })).body.returnCode).toBe('400');
		const bad = { customer: ACCOUNT.customer, param: 'nope', sign: md5Upper('nope' + ACCOUNT.key + ACCOUNT.customer) };
		expect((await postForm(url('/poll/query.do'), bad)).body.returnCode).toBe('400');
	});
});

describe('subscription and pushes', () => {
	const subscribe = (param: Record<string, unknown>) => postForm(url('/poll'), { schema: 'json', param: JSON.stringify(param) });

	test('subscribe checks the key, data and duplicates with the real return codes', async () => {
		const base = { company: 'yuantong', number: 'YT0000000000000', key: ACCOUNT.key, parameters: { callbackurl: 'http://127.0.0.1:9/cb', salt: 's' } };
		expect((await subscribe({ ...base, key: 'wrong' })).body).toEqual(expect.objectContaining({ result: false, returnCode: '600' }));
		expect((await subscribe({ ...base, parameters: { callbackurl: 'not a url' } })).body.returnCode).toBe('700');
		expect((await subscribe({ ...base, company: 'nosuch' })).body.returnCode).toBe('700');
		expect((await subscribe({ ...base, company: '', parameters: { ...base.parameters, autoCom: '1' }, number: 'XX1' })).body.returnCode).toBe('702');
		expect((await subscribe(base)).body).toEqual({ result: true, returnCode: '200', message: '提交成功' });
		expect((await subscribe(base)).body).toEqual(expect.objectContaining({ result: false, returnCode: '501' }));
	});

	test('pushes carry param + sign (md5 of param + salt), follow the parcel, and stop after delivery', async () => {
		const receiver = await pushReceiver('salt-42');
		try {
			await admin(sandbox, 'POST', '/parcels', { carrier: 'yunda', trackingNo: '4300000000000042', scenario: 'normal' });
			const sub = await subscribe({ company: '', number: '4300000000000042', key: ACCOUNT.key, parameters: { callbackurl: receiver.url, salt: 'salt-42', resultv2: '4', autoCom: '1' } });
			expect(sub.body.returnCode).toBe('200');
			const pushes: string[] = [];
			for (let step = 0; step < 10; step++) {
				await admin(sandbox, 'POST', '/clock', { advanceMs: 12 * HOUR });
				const { pushes: sent } = await admin(sandbox, 'POST', '/kuaidi100/push', { number: '4300000000000042' });
				pushes.push(...sent.map((p: { pushStatus: string; accepted: boolean }) => `${p.pushStatus}:${p.accepted}`));
			}
			expect(pushes.length).toBeGreaterThan(2);
			expect(pushes.every((p) => p.endsWith(':true'))).toBe(true);
			expect(pushes.at(-1)).toBe('shutdown:true');
			const last = receiver.received.at(-1)!;
			expect(last.sign).toBe(md5Upper(last.param + 'salt-42'));
			expect(last.query).toBe('/kuaidi100/callback?shop=tb-flagship');
			const param = JSON.parse(last.param);
			expect(param).toEqual(expect.objectContaining({ status: 'shutdown', lastResult: expect.objectContaining({ state: '301', ischeck: '1', com: 'yunda', nu: '4300000000000042' }) }));
			const count = receiver.received.length;
			await admin(sandbox, 'POST', '/kuaidi100/push', { number: '4300000000000042' });
			expect(receiver.received.length).toBe(count);
		} finally {
			await receiver.close();
		}
	});

	test('a deliberately wrong signature is rejected by the receiver and the push is retried later', async () => {
		const receiver = await pushReceiver('salt-7');
		try {
			await admin(sandbox, 'POST', '/parcels', { carrier: 'sto', trackingNo: '7700000000000007', scenario: 'normal' });
			await subscribe({ company: 'shentong', number: '7700000000000007', key: ACCOUNT.key, parameters: { callbackurl: receiver.url, salt: 'salt-7' } });
			await admin(sandbox, 'POST', '/clock', { advanceMs: 8 * HOUR });
			const bad = await admin(sandbox, 'POST', '/kuaidi100/push', { number: '7700000000000007', wrongSignature: true });
			expect(bad.pushes).toEqual([expect.objectContaining({ accepted: false, pushStatus: 'polling' })]);
			expect(receiver.received[0].sign).not.toBe(md5Upper(receiver.received[0].param + 'salt-7'));
			const retry = await admin(sandbox, 'POST', '/kuaidi100/push', { number: '7700000000000007' });
			expect(retry.pushes).toEqual([expect.objectContaining({ accepted: true })]);
			expect(receiver.received[1].param).toBe(receiver.received[0].param);
		} finally {
			await receiver.close();
		}
	});

	test('a number with no tracking for three days is pushed as abort', async () => {
		const receiver = await pushReceiver('s');
		try {
			await subscribe({ company: 'ems', number: 'E00000000000CN', key: ACCOUNT.key, parameters: { callbackurl: receiver.url, salt: 's' } });
			expect((await admin(sandbox, 'POST', '/kuaidi100/push', { number: 'E00000000000CN' })).pushes).toEqual([]);
			await admin(sandbox, 'POST', '/clock', { advanceMs: 72 * HOUR });
			const { pushes } = await admin(sandbox, 'POST', '/kuaidi100/push', { number: 'E00000000000CN' });
			expect(pushes).toEqual([expect.objectContaining({ pushStatus: 'abort', accepted: true })]);
			expect(JSON.parse(receiver.received[0].param).message).toBe('3天查询无记录');
		} finally {
			await receiver.close();
		}
	});
});

describe('faults in Kuaidi100 envelopes', () => {
	test('throttle is "server busy" (502), expired key 601, server error an nginx page', async () => {
		await admin(sandbox, 'POST', '/parcels', { carrier: 'zto', trackingNo: '73100000000099', shippedAt: sandbox.world.clock.startMs - 48 * HOUR });
		const form = queryForm({ com: 'zhongtong', num: '73100000000099' });
		await admin(sandbox, 'POST', '/faults', { provider: 'kuaidi100', method: 'query', kind: 'throttle', times: 1 });
		expect((await postForm(url('/poll/query.do'), form)).body).toEqual(expect.objectContaining({ result: false, returnCode: '502' }));
		await admin(sandbox, 'POST', '/faults', { provider: 'kuaidi100', method: 'query', kind: 'expired_token', times: 1 });
		expect((await postForm(url('/poll/query.do'), form)).body.returnCode).toBe('601');
		await admin(sandbox, 'POST', '/faults', { provider: 'kuaidi100', kind: 'server_error', times: 1 });
		const down = await postForm(url('/poll/query.do'), form);
		expect(down.status).toBe(502);
		expect(down.text).toContain('<center>nginx</center>');
		expect((await postForm(url('/poll/query.do'), form)).body.message).toBe('ok');
	});
});
