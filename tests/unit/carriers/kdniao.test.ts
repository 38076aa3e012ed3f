// Kdniao client and push handling against nock: the signed RequestData form on the wire, the normalized
// timeline, and each ResultCode mapped to its error class.
import nock from 'nock';
import {
	kdniaoClient,
	kdniaoPushReply,
	parseKdniaoPush,
	untilChinaMidnight,
	KDNIAO_SANDBOX_URL,
} from '../../../lib/carriers/kdniao';
import { kdniaoDataSign } from '../../../lib/carriers/kdniao/sign';
import { PushRejectedError } from '../../../lib/carriers/push';
import { AuthExpiredError, InvalidRequestError, PermanentError, ThrottledError, TransientError } from '../../../lib/http';
import { NOW, recordForms, testDeps } from './helpers';

const HOST = 'https://api.kdniao.com';
const QUERY = '/Ebusiness/EbusinessOrderHandle.aspx';
const credentials = { eBusinessId: '1230000', appKey: 'app-key-1' };
const client = (deps = testDeps()) => kdniaoClient({ ...deps, credentials });

const TRACES = [
	{ AcceptTime: '2024-05-01 20:00:00', AcceptStation: '【杭州市】已揽收', Location: '杭州市', Action: '1' },
	{ AcceptTime: '2024-05-02 09:00:00', AcceptStation: '到达【上海市】', Location: '上海市', Action: '201' },
	{ AcceptTime: '2024-05-02 10:00:00', AcceptStation: '派件中', Remark: '快递员 王五', Action: '202' },
];
const QUERY_OK = {
	EBusinessID: '1230000',
	ShipperCode: 'ZTO',
	LogisticCode: '73100000000000',
	Success: true,
	State: '2',
	StateEx: '202',
	Traces: TRACES,
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('Kdniao track', () => {
	it('posts RequestType 1002 with a DataSign over RequestData and reads the timeline', async () => {
		const seen = recordForms();
		nock(HOST).post(QUERY, seen.match).reply(200, QUERY_OK);
		const timeline = await client().track({ carrier: 'zto', trackingNo: '73100000000000' });
		const form = seen.forms[0];
		expect(form).toMatchObject({ EBusinessID: '1230000', RequestType: '1002', DataType: '2' });
		expect(JSON.parse(form.RequestData)).toEqual({ OrderCode: '', ShipperCode: 'ZTO', LogisticCode: '73100000000000' });
		expect(form.DataSign).toBe(kdniaoDataSign(form.RequestData, 'app-key-1'));
		expect(timeline).toMatchObject({
			provider: 'kdniao',
			carrier: 'zto',
			providerCarrierCode: 'ZTO',
			status: 'out_for_delivery',
			providerCode: '202',
			known: true,
		});
		expect(timeline.events.map((e) => [e.time, e.status, e.subStatus])).toEqual([
			['2024-05-01T20:00:00.000+08:00', 'picked_up', undefined],
			['2024-05-02T09:00:00.000+08:00', 'in_transit', 'arrived_dest_city'],
			['2024-05-02T10:00:00.000+08:00', 'out_for_delivery', undefined],
		]);
		expect(timeline.events[2].description).toBe('派件中 快递员 王五');
	});

	it('uses 8001 for the monitored query and sends CustomerName for SF', async () => {
		const seen = recordForms();
		nock(HOST).post(QUERY, seen.match).reply(200, { ...QUERY_OK, ShipperCode: 'SF' });
		await client().track({ carrier: 'sf', trackingNo: 'SF1', customerName: '1234', monitored: true });
		expect(seen.forms[0].RequestType).toBe('8001');
		expect(JSON.parse(seen.forms[0].RequestData)).toMatchObject({ ShipperCode: 'SF', CustomerName: '1234' });
	});

	it('reads "no traces yet" as pending with the reason', async () => {
		nock(HOST).post(QUERY).reply(200, { EBusinessID: '1230000', ShipperCode: 'YTO', Success: false, Reason: '暂无轨迹信息', State: '0', Traces: [] });
		const timeline = await client().track({ carrier: 'yto', trackingNo: 'YT1' });
		expect(timeline).toMatchObject({ carrier: 'yto', trackingNo: 'YT1', status: 'pending', events: [], providerMessage: '暂无轨迹信息' });
	});

	it('reads 401 without traces as pending, with traces as an exception', async () => {
		nock(HOST).post(QUERY).reply(200, { ...QUERY_OK, State: '4', StateEx: '401', Traces: [] });
		await expect(client().track({ carrier: 'zto', trackingNo: '7' })).resolves.toMatchObject({ status: 'pending' });
		nock(HOST).post(QUERY).reply(200, { ...QUERY_OK, State: '4', StateEx: '401' });
		await expect(client().track({ carrier: 'zto', trackingNo: '7' })).resolves.toMatchObject({
			status: 'exception',
			subStatus: 'timeout_no_update',
		});
	});

	it.each([
		['101', InvalidRequestError],
		['102', AuthExpiredError],
		['103', InvalidRequestError],
		['104', PermanentError],
		['105', PermanentError],
		['404', InvalidRequestError],
	])('maps ResultCode %s to %p', async (code, errorClass) => {
		nock(HOST).post(QUERY).reply(200, { EBusinessID: '1230000', Success: false, ResultCode: code, Reason: '原因' });
		const error = await client().track({ carrier: 'zto', trackingNo: '7' }).catch((e) => e);
		expect(error).toBeInstanceOf(errorClass);
		expect(error.message).toContain(`kdniao: RequestType 1002 failed with code ${code} (原因)`);
	});

	it('fails fast on the daily limit, saying when it resets', async () => {
		const deps = testDeps();
		const scope = nock(HOST).post(QUERY).once().reply(200, { Success: false, ResultCode: '405', Reason: '超出查询次数限制' });
		const error = await client(deps).track({ carrier: 'zto', trackingNo: '7' }).catch((e) => e);
		expect(error).toBeInstanceOf(ThrottledError);
		expect(error.retryAfterMs).toBe(12 * 3_600_000);
		expect(scope.isDone()).toBe(true);
		expect(deps.sleeps).toEqual([]);
	});

	it('computes the time to midnight in China', () => {
		expect(untilChinaMidnight(NOW)).toBe(12 * 3_600_000);
		expect(untilChinaMidnight(Date.parse('2024-05-01T23:59:59+08:00'))).toBe(1000);
		expect(untilChinaMidnight(Date.parse('2024-05-01T00:00:00+08:00'))).toBe(86_400_000);
	});

	it('gives a failure without State or code as permanent', async () => {
		nock(HOST).post(QUERY).reply(200, { Success: false, Reason: '其他错误' });
		await expect(client().track({ carrier: 'zto', trackingNo: '7' })).rejects.toBeInstanceOf(PermanentError);
	});

	it('sends every RequestType to the one sandbox URL', async () => {
		const sandbox = kdniaoClient({ ...testDeps(), credentials, environment: 'sandbox' });
		const url = new URL(KDNIAO_SANDBOX_URL);
		nock(url.origin).post(url.pathname).reply(200, QUERY_OK);
		nock(url.origin).post(url.pathname).reply(200, { Success: true });
		await expect(sandbox.track({ carrier: 'zto', trackingNo: '7' })).resolves.toMatchObject({ status: 'out_for_delivery' });
		await expect(sandbox.subscribe({ carrier: 'zto', trackingNo: '7' })).resolves.toMatchObject({ subscribed: true });
	});
});

describe('Kdniao subscribe', () => {
	it('posts 1008 to api/dist with the callback value', async () => {
		const seen = recordForms();
		nock(HOST).post('/api/dist', seen.match).reply(200, { EBusinessID: '1230000', UpdateTime: '2024-05-01 12:00:00', Success: true });
		await expect(client().subscribe({ carrier: 'sto', trackingNo: '77', callback: 'order-1' })).resolves.toEqual({
			subscribed: true,
			estimatedDeliveryTime: undefined,
		});
		expect(seen.forms[0].RequestType).toBe('1008');
		expect(JSON.parse(seen.forms[0].RequestData)).toEqual({ OrderCode: '', ShipperCode: 'STO', LogisticCode: '77', Callback: 'order-1' });
	});

	it('uses 8008 for monitored subscriptions and classifies failures', async () => {
		const seen = recordForms();
		nock(HOST).post('/api/dist', seen.match).reply(200, { Success: false, ResultCode: '102', Reason: '签名错误' });
		await expect(client().subscribe({ carrier: 'sto', trackingNo: '77', monitored: true })).rejects.toBeInstanceOf(AuthExpiredError);
		expect(seen.forms[0].RequestType).toBe('8008');
	});
});

describe('Kdniao e-waybill', () => {
	const order = { OrderCode: 'O-1', ShipperCode: 'YD', PayType: 1, ExpType: 1, Sender: { Name: '李四' }, Receiver: { Name: '张三' } };

	it('creates a waybill with 1007 on EOrderService', async () => {
		const seen = recordForms();
		nock(HOST)
			.post('/api/EOrderService', seen.match)
			.reply(200, { EBusinessID: '1230000', Success: true, ResultCode: '100', Order: { OrderCode: 'O-1', ShipperCode: 'YD', LogisticCode: '4300000000001' }, PrintTemplate: '<html/>' });
		const waybill = await client().createWaybill(order);
		expect(seen.forms[0].RequestType).toBe('1007');
		expect(JSON.parse(seen.forms[0].RequestData)).toEqual(order);
		expect(waybill).toMatchObject({ orderCode: 'O-1', trackingNo: '4300000000001', carrier: 'yunda', printTemplate: '<html/>', alreadyCreated: false });
	});

	it('returns the existing waybill when the order was already placed', async () => {
		nock(HOST)
			.post('/api/EOrderService')
			.reply(200, { Success: false, ResultCode: '106', Reason: '该订单号已下单成功', Order: { OrderCode: 'O-1', LogisticCode: '4300000000001' } });
		await expect(client().createWaybill(order)).resolves.toMatchObject({ trackingNo: '4300000000001', alreadyCreated: true, carrier: 'yunda' });
	});

	it('does not repeat a create after a timeout-like 5xx', async () => {
		const scope = nock(HOST).post('/api/EOrderService').once().reply(500, 'error');
		await expect(client().createWaybill(order)).rejects.toBeInstanceOf(TransientError);
		expect(scope.isDone()).toBe(true);
	});

	it('cancels with 1147', async () => {
		const seen = recordForms();
		nock(HOST).post('/api/EOrderService', seen.match).reply(200, { Success: true, ResultCode: '100' });
		await expect(client().cancelWaybill({ carrier: 'yunda', orderCode: 'O-1', trackingNo: '4300000000001' })).resolves.toEqual({ cancelled: true });
		expect(seen.forms[0].RequestType).toBe('1147');
		expect(JSON.parse(seen.forms[0].RequestData)).toEqual({ ShipperCode: 'YD', OrderCode: 'O-1', ExpNo: '4300000000001' });
	});

	it('refuses a cancel without carrier before calling out', async () => {
		await expect(client().cancelWaybill({ orderCode: 'O-1', trackingNo: '1' })).rejects.toBeInstanceOf(InvalidRequestError);
	});
});

describe('Kdniao push', () => {
	const requestData = JSON.stringify({
		EBusinessID: '1230000',
		PushTime: '2024-05-02 10:05:00',
		Count: '2',
		Data: [
			{ ...QUERY_OK, CallBack: 'order-1' },
			{ EBusinessID: '1230000', ShipperCode: 'SF', LogisticCode: 'SF1', Success: true, State: '3', StateEx: '311', Traces: [] },
		],
	});

	it('verifies DataSign and reads every parcel', () => {
		const push = parseKdniaoPush({ RequestData: requestData, DataSign: kdniaoDataSign(requestData, 'app-key-1'), RequestType: '101' }, 'app-key-1');
		expect(push).toMatchObject({ eBusinessId: '1230000', pushTime: '2024-05-02 10:05:00', callbacks: ['order-1', undefined] });
		expect(push.timelines.map((t) => [t.carrier, t.trackingNo, t.status, t.subStatus])).toEqual([
			['zto', '73100000000000', 'out_for_delivery', undefined],
			['sf', 'SF1', 'delivered', 'signed_locker'],
		]);
	});

	it('rejects a wrong DataSign or an unreadable body', () => {
		const sign = kdniaoDataSign(requestData, 'other-key');
		expect(() => parseKdniaoPush({ RequestData: requestData, DataSign: sign }, 'app-key-1')).toThrow(PushRejectedError);
		expect(() => parseKdniaoPush({ RequestData: requestData.replace('ZTO', 'YTO'), DataSign: kdniaoDataSign(requestData, 'app-key-1') }, 'app-key-1')).toThrow(/DataSign/);
		expect(() => parseKdniaoPush({ RequestData: 'x', DataSign: kdniaoDataSign('x', 'app-key-1') }, 'app-key-1')).toThrow(/not JSON/);
		expect(() => parseKdniaoPush({}, 'app-key-1')).toThrow(/no RequestData/);
	});

	it('answers with EBusinessID, China-time UpdateTime, Success and Reason', () => {
		expect(JSON.parse(kdniaoPushReply('1230000', NOW))).toEqual({
			EBusinessID: '1230000',
			UpdateTime: '2024-05-01 12:00:00',
			Success: true,
			Reason: '',
		});
		expect(JSON.parse(kdniaoPushReply('1230000', NOW, false, '签名错误'))).toMatchObject({ Success: false, Reason: '签名错误' });
	});
});
