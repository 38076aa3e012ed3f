// Kuaidi100 client and push handling against nock: the signed form on the wire, the normalized timeline,
// and each returnCode mapped to its error class.
import nock from 'nock';
import { kuaidi100Client, kuaidi100PushReply, parseKuaidi100Push } from '../../../lib/carriers/kuaidi100';
import { kuaidi100PushSign, kuaidi100QuerySign, kuaidi100TimedSign } from '../../../lib/carriers/kuaidi100/sign';
import { PushRejectedError } from '../../../lib/carriers/push';
import {
	AuthExpiredError,
	InvalidRequestError,
	PermanentError,
	TransientError,
} from '../../../lib/http';
import { NOW, recordForms, testDeps } from './helpers';

const POLL = 'https://poll.kuaidi100.com';
const API = 'https://api.kuaidi100.com';
const credentials = { customer: 'CUST01', key: 'KEY01', secret: 'SECRET01' };
const client = (deps = testDeps()) => kuaidi100Client({ ...deps, credentials });

const QUERY_OK = {
	message: 'ok',
	nu: 'YT0000000000000',
	ischeck: '1',
	com: 'yuantong',
	status: '200',
	condition: 'F00',
	state: '301',
	data: [
		{ time: '2024-05-03 09:10:00', ftime: '2024-05-03 09:10:00', context: '已签收，签收人: 本人', areaName: '上海市', statusCode: '301', status: '签收' },
		{ time: '2024-05-02 18:00:00', ftime: '2024-05-02 18:00:00', context: '到达上海转运中心', statusCode: '1002', status: '在途' },
		{ time: '2024-05-01 20:00:00', ftime: '2024-05-01 20:00:00', context: '已揽收', areaName: '杭州市', statusCode: '103', status: '揽收' },
	],
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('Kuaidi100 track', () => {
	it('posts a signed query and returns the normalized timeline, oldest event first', async () => {
		const seen = recordForms();
		const scope = nock(POLL).post('/poll/query.do', seen.match).reply(200, QUERY_OK);
		const timeline = await client().track({ carrier: 'yto', trackingNo: 'YT0000000000000', phone: '1234' });
		expect(scope.isDone()).toBe(true);

		const form = seen.forms[0];
		expect(form.customer).toBe('CUST01');
		expect(form.sign).toBe(kuaidi100QuerySign(form.param, 'KEY01', 'CUST01'));
		expect(JSON.parse(form.param)).toEqual({
			com: 'yuantong',
			num: 'YT0000000000000',
			phone: '1234',
			resultv2: '4',
			show: '0',
			order: 'desc',
		});

		expect(timeline).toMatchObject({
			provider: 'kuaidi100',
			carrier: 'yto',
			providerCarrierCode: 'yuantong',
			trackingNo: 'YT0000000000000',
			status: 'delivered',
			subStatus: 'signed_self',
			providerCode: '301',
			known: true,
		});
		expect(timeline.events).toEqual([
			{ time: '2024-05-01T20:00:00.000+08:00', status: 'picked_up', providerCode: '103', description: '已揽收', location: '杭州市' },
			{ time: '2024-05-02T18:00:00.000+08:00', status: 'in_transit', providerCode: '1002', description: '到达上海转运中心' },
			{
				time: '2024-05-03T09:10:00.000+08:00',
				status: 'delivered',
				subStatus: 'signed_self',
				providerCode: '301',
				description: '已签收，签收人: 本人',
				location: '上海市',
			},
		]);
	});

	it('reports an unknown state but still reads the events', async () => {
		nock(POLL).post('/poll/query.do').reply(200, { ...QUERY_OK, state: '999' });
		const timeline = await client().track({ com: 'yuantong', trackingNo: 'YT0000000000000' });
		expect(timeline).toMatchObject({ status: 'delivered', known: false, unknownCodes: ['999'] });
	});

	it('gives a pending timeline without events when Kuaidi100 has no result yet', async () => {
		nock(POLL).post('/poll/query.do').reply(200, { result: false, returnCode: '500', message: '查询无结果，请隔段时间再查' });
		const timeline = await client().track({ carrier: 'zto', trackingNo: '73100000000000' });
		expect(timeline).toMatchObject({
			carrier: 'zto',
			trackingNo: '73100000000000',
			status: 'pending',
			events: [],
			providerMessage: '查询无结果，请隔段时间再查',
		});
	});

	it.each([
		['400', InvalidRequestError],
		['408', InvalidRequestError],
		['503', AuthExpiredError],
		['601', AuthExpiredError],
		['999', PermanentError],
	])('maps returnCode %s to %p', async (returnCode, errorClass) => {
		nock(POLL).post('/poll/query.do').reply(200, { result: false, returnCode, message: '失败原因' });
		const error = await client().track({ carrier: 'sf', trackingNo: 'SF1', phone: '1234' }).catch((e) => e);
		expect(error).toBeInstanceOf(errorClass);
		expect(error.message).toMatch(new RegExp(`kuaidi100: poll/query.do failed with code ${returnCode} \\(失败原因\\)`));
	});

	it('retries a busy server and then succeeds', async () => {
		const deps = testDeps();
		nock(POLL).post('/poll/query.do').reply(200, { result: false, returnCode: '502', message: '服务器繁忙' });
		nock(POLL).post('/poll/query.do').reply(502, 'Bad Gateway');
		nock(POLL).post('/poll/query.do').reply(200, QUERY_OK);
		await expect(client(deps).track({ carrier: 'yto', trackingNo: 'YT0000000000000' })).resolves.toMatchObject({ status: 'delivered' });
		expect(deps.sleeps).toHaveLength(2);
	});

	it('refuses a parcel without carrier before calling out', async () => {
		await expect(client().track({ trackingNo: 'X1' })).rejects.toBeInstanceOf(InvalidRequestError);
		await expect(client().track({ carrier: 'dhl', trackingNo: 'X1' })).rejects.toThrow(/unknown carrier 'dhl'/);
	});
});

describe('Kuaidi100 subscribe', () => {
	const request = { carrier: 'sf', trackingNo: 'SF1', phone: '1234', callbackUrl: 'https://shop.example/hook?shop=1', salt: 's1' };

	it('posts schema=json and the key inside param', async () => {
		const seen = recordForms();
		nock(POLL).post('/poll', seen.match).reply(200, { result: true, returnCode: '200', message: '提交成功' });
		await expect(client().subscribe(request)).resolves.toEqual({ subscribed: true, alreadySubscribed: false });
		expect(seen.forms[0].schema).toBe('json');
		expect(JSON.parse(seen.forms[0].param)).toEqual({
			company: 'shunfeng',
			number: 'SF1',
			key: 'KEY01',
			parameters: { callbackurl: 'https://shop.example/hook?shop=1', salt: 's1', resultv2: '4', phone: '1234' },
		});
	});

	it('asks Kuaidi100 to detect the carrier when none is given', async () => {
		const seen = recordForms();
		nock(POLL).post('/poll', seen.match).reply(200, { result: true, returnCode: '200', message: '提交成功' });
		await client().subscribe({ trackingNo: 'SF1', callbackUrl: 'https://shop.example/hook' });
		const param = JSON.parse(seen.forms[0].param);
		expect(param.company).toBe('');
		expect(param.parameters.autoCom).toBe('1');
	});

	it('treats a duplicate subscription as subscribed', async () => {
		nock(POLL).post('/poll').reply(200, { result: false, returnCode: '501', message: '重复订阅' });
		await expect(client().subscribe(request)).resolves.toEqual({ subscribed: true, alreadySubscribed: true });
	});

	it.each([
		['600', AuthExpiredError],
		['601', AuthExpiredError],
		['700', InvalidRequestError],
		['702', InvalidRequestError],
		['701', PermanentError],
	])('maps returnCode %s to %p', async (returnCode, errorClass) => {
		nock(POLL).post('/poll').reply(200, { result: false, returnCode, message: 'x' });
		await expect(client().subscribe(request)).rejects.toBeInstanceOf(errorClass);
	});

	it('retries a server error (500) on subscribe', async () => {
		nock(POLL).post('/poll').reply(200, { result: false, returnCode: '500', message: '服务器错误' });
		nock(POLL).post('/poll').reply(200, { result: true, returnCode: '200', message: '提交成功' });
		await expect(client().subscribe(request)).resolves.toMatchObject({ subscribed: true });
	});
});

describe('Kuaidi100 labels', () => {
	const order = { kuaidicom: 'zhongtong', recMan: { name: '张三', mobile: '13800000000', printAddr: '上海市' }, count: 1 };

	it('posts method=order signed with t, key and secret', async () => {
		const seen = recordForms();
		nock(API)
			.post('/label/order', seen.match)
			.reply(200, { code: 200, message: 'success', data: { taskId: 'T1', kuaidinum: '7310001', childNum: '7310002,7310003', label: 'https://k.example/l' } });
		const result = await client().createLabel(order);
		const form = seen.forms[0];
		expect(form).toMatchObject({ method: 'order', key: 'KEY01', t: String(NOW) });
		expect(JSON.parse(form.param)).toEqual(order);
		expect(form.sign).toBe(kuaidi100TimedSign(form.param, String(NOW), 'KEY01', 'SECRET01'));
		expect(result).toMatchObject({ taskId: 'T1', trackingNo: '7310001', childTrackingNos: ['7310002', '7310003'], labelUrl: 'https://k.example/l' });
	});

	it('does not repeat an order after a 5xx, which may have created the waybill', async () => {
		const scope = nock(API).post('/label/order').once().reply(503, 'busy');
		await expect(client().createLabel(order)).rejects.toBeInstanceOf(TransientError);
		expect(scope.isDone()).toBe(true);
	});

	it('classifies a refused order as permanent with the message', async () => {
		nock(API).post('/label/order').reply(200, { code: 30002, message: '电子面单余额不足' });
		await expect(client().createLabel(order)).rejects.toThrow(/code 30002 \(电子面单余额不足\)/);
	});

	it('cancels with method=cancel', async () => {
		const seen = recordForms();
		nock(API).post('/label/order', seen.match).reply(200, { code: 200, message: 'success', data: {} });
		await expect(client().cancelLabel({ kuaidicom: 'zhongtong', kuaidinum: '7310001' })).resolves.toMatchObject({ cancelled: true });
		expect(seen.forms[0].method).toBe('cancel');
	});

	it('needs the secret', async () => {
		const noSecret = kuaidi100Client({ ...testDeps(), credentials: { customer: 'C', key: 'K' } });
		await expect(noSecret.createLabel(order)).rejects.toThrow(/needs the secret/);
	});

	it('sends everything to a custom base URL', async () => {
		const base = 'http://127.0.0.1:9999/kuaidi100';
		const custom = kuaidi100Client({ ...testDeps(), credentials, baseUrl: base + '/' });
		nock('http://127.0.0.1:9999').post('/kuaidi100/label/order').reply(200, { code: 200, data: { kuaidinum: '1' } });
		nock('http://127.0.0.1:9999').post('/kuaidi100/poll/query.do').reply(200, QUERY_OK);
		await expect(custom.createLabel(order)).resolves.toMatchObject({ trackingNo: '1' });
		await expect(custom.track({ carrier: 'yto', trackingNo: 'YT0000000000000' })).resolves.toMatchObject({ status: 'delivered' });
	});
});

describe('Kuaidi100 push', () => {
	const pushParam = (body: object) => JSON.stringify(body);
	const polling = pushParam({ status: 'polling', message: '', lastResult: { ...QUERY_OK, state: '0', data: QUERY_OK.data.slice(1) } });

	it('verifies the sign and reads the timeline', () => {
		const push = parseKuaidi100Push({ param: polling, sign: kuaidi100PushSign(polling, 'SALT') }, 'SALT');
		expect(push.pushStatus).toBe('polling');
		expect(push.timeline).toMatchObject({ carrier: 'yto', status: 'in_transit', providerCode: '0' });
		expect(push.timeline.events).toHaveLength(2);
	});

	it('rejects a wrong or missing sign when a salt is set', () => {
		expect(() => parseKuaidi100Push({ param: polling, sign: kuaidi100PushSign(polling, 'OTHER') }, 'SALT')).toThrow(PushRejectedError);
		expect(() => parseKuaidi100Push({ param: polling }, 'SALT')).toThrow(/sign does not match/);
		expect(() => parseKuaidi100Push({ param: '{oops', sign: kuaidi100PushSign('{oops', 'SALT') }, 'SALT')).toThrow(/not JSON/);
		expect(() => parseKuaidi100Push({}, 'SALT')).toThrow(/no param/);
	});

	it('reads abort pushes as pending or expired', () => {
		const never = pushParam({ status: 'abort', message: '3天查询无记录', lastResult: { com: 'zhongtong', nu: '7', state: '0', data: [] } });
		expect(parseKuaidi100Push({ param: never }).timeline).toMatchObject({ status: 'pending', providerMessage: '3天查询无记录' });
		const stale = pushParam({ status: 'abort', message: '60天无变化', lastResult: { ...QUERY_OK, state: '0' } });
		expect(parseKuaidi100Push({ param: stale }).timeline.status).toBe('expired');
	});

	it('reports a carrier correction', () => {
		const param = pushParam({ status: 'polling', autoCheck: '1', comOld: 'yuantong', comNew: 'zhongtong', lastResult: { com: 'zhongtong', nu: '7', state: '0', data: [] } });
		expect(parseKuaidi100Push({ param }).carrierCorrection).toEqual({ from: 'yuantong', to: 'zhongtong' });
	});

	it('answers exactly as Kuaidi100 expects', () => {
		expect(kuaidi100PushReply()).toBe('{"result":true,"returnCode":"200","message":"成功"}');
		expect(JSON.parse(kuaidi100PushReply(false))).toMatchObject({ result: false });
	});
});
