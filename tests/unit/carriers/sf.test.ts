// SF client and route pushes against nock: the signed (or token-bearing) form on the wire, the two-level
// envelope, gateway and business codes mapped to error classes, and the normalized route timelines.
import nock from 'nock';
import { parseSfRoutePush, parseSfSignedRoutePush, sfClient, sfPushReply, type SfClientOptions } from '../../../lib/carriers/sf';
import { sfMsgDigest } from '../../../lib/carriers/sf/sign';
import { PushRejectedError } from '../../../lib/carriers/push';
import { AuthExpiredError, InvalidRequestError, PermanentError, ThrottledError, TransientError } from '../../../lib/http';
import { NOW, recordForms, testDeps } from './helpers';

const HOST = 'https://bspgw.sf-express.com';
const OAUTH = 'https://sfapi.sf-express.com';
const credentials = { partnerId: 'PARTNER1', checkWord: 'check-word-1' };

function client(extra: Partial<SfClientOptions> = {}, deps = testDeps()) {
	let n = 0;
	return sfClient({ ...deps, credentials, requestId: () => `req-${++n}`, ...extra });
}

/** The gateway envelope around a business result, as SF sends it (apiResultData is a JSON string). */
function envelope(result: object, apiResultCode = 'A1000', apiErrorMsg = '') {
	return { apiResultCode, apiErrorMsg, apiResponseID: '0123456789abcdef0123456789abcdef', apiResultData: JSON.stringify(result) };
}
const ok = (msgData: object) => envelope({ success: true, errorCode: 'S0000', errorMsg: null, msgData });
const businessError = (errorCode: string, errorMsg = '错误') => envelope({ success: false, errorCode, errorMsg, msgData: null });

const ORDER = {
	orderId: 'QIAO-1',
	monthlyCard: '7551234567',
	contactInfoList: [
		{ contactType: 1, contact: '李四', mobile: '13800000000', province: '广东省', city: '深圳市', county: '南山区', address: '科技园' },
		{ contactType: 2, contact: '张三', mobile: '13900000000', province: '上海市', city: '上海市', county: '浦东新区', address: '世纪大道 1 号' },
	],
	cargoDetails: [{ name: '茶叶', count: 1 }],
};
const CREATED = {
	orderId: 'QIAO-1',
	originCode: '755',
	destCode: '021',
	filterResult: 2,
	waybillNoInfoList: [
		{ waybillType: 2, waybillNo: 'SF2000000000002' },
		{ waybillType: 1, waybillNo: 'SF1000000000001' },
	],
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('SF orders', () => {
	it('posts a msgDigest-signed form and reads the waybill numbers', async () => {
		const seen = recordForms();
		nock(HOST).post('/std/service', seen.match).reply(200, ok(CREATED));
		const result = await client().createOrder(ORDER);
		const form = seen.forms[0];
		expect(form).toMatchObject({ partnerID: 'PARTNER1', requestID: 'req-1', serviceCode: 'EXP_RECE_CREATE_ORDER', timestamp: String(NOW) });
		expect(JSON.parse(form.msgData)).toEqual({ language: 'zh-CN', ...ORDER });
		expect(form.msgDigest).toBe(sfMsgDigest(form.msgData, String(NOW), 'check-word-1'));
		expect(form.accessToken).toBeUndefined();
		expect(result).toMatchObject({
			orderId: 'QIAO-1',
			trackingNo: 'SF1000000000001',
			originCode: '755',
			destCode: '021',
			filterResult: '2',
			waybillNos: [
				{ waybillNo: 'SF2000000000002', waybillType: '2' },
				{ waybillNo: 'SF1000000000001', waybillType: '1' },
			],
		});
	});

	it('searches an order by orderId', async () => {
		const seen = recordForms();
		nock(HOST).post('/std/service', seen.match).reply(200, ok(CREATED));
		await expect(client().searchOrder('QIAO-1')).resolves.toMatchObject({ trackingNo: 'SF1000000000001' });
		expect(seen.forms[0].serviceCode).toBe('EXP_RECE_SEARCH_ORDER_RESP');
		expect(JSON.parse(seen.forms[0].msgData)).toEqual({ language: 'zh-CN', orderId: 'QIAO-1' });
	});

	it('cancels with dealType 2 and treats "already cancelled" as cancelled', async () => {
		const seen = recordForms();
		nock(HOST).post('/std/service', seen.match).reply(200, ok({ orderId: 'QIAO-1', resStatus: 2 }));
		await expect(client().cancelOrder('QIAO-1')).resolves.toMatchObject({ cancelled: true, alreadyCancelled: false });
		expect(JSON.parse(seen.forms[0].msgData)).toEqual({ language: 'zh-CN', orderId: 'QIAO-1', dealType: 2 });
		nock(HOST).post('/std/service').reply(200, businessError('8037', '订单已取消'));
		await expect(client().cancelOrder('QIAO-1')).resolves.toMatchObject({ cancelled: true, alreadyCancelled: true });
	});

	it('confirms with dealType 1', async () => {
		const seen = recordForms();
		nock(HOST).post('/std/service', seen.match).reply(200, ok({ orderId: 'QIAO-1', resStatus: 2 }));
		await client().confirmOrder('QIAO-1', { totalWeight: 1.5 });
		expect(JSON.parse(seen.forms[0].msgData)).toEqual({ language: 'zh-CN', orderId: 'QIAO-1', dealType: 1, totalWeight: 1.5 });
	});

	it.each([
		['A1001', InvalidRequestError],
		['A1003', PermanentError],
		['A1004', AuthExpiredError],
		['A1006', AuthExpiredError],
		['A1010', PermanentError],
		['A1999', PermanentError],
	])('maps gateway code %s to %p', async (code, errorClass) => {
		nock(HOST).post('/std/service').reply(200, { apiResultCode: code, apiErrorMsg: '网关错误', apiResultData: null });
		const error = await client().searchOrder('QIAO-1').catch((e) => e);
		expect(error).toBeInstanceOf(errorClass);
		expect(error.message).toContain(`sf: EXP_RECE_SEARCH_ORDER_RESP failed with code ${code} (网关错误)`);
	});

	it('says what to check on a bad digest', async () => {
		nock(HOST).post('/std/service').reply(200, { apiResultCode: 'A1006', apiErrorMsg: '数字签名无效' });
		await expect(client().searchOrder('QIAO-1')).rejects.toThrow(/check word/);
	});

	it('retries a rate-limited or failing gateway on idempotent calls', async () => {
		const deps = testDeps();
		nock(HOST).post('/std/service').reply(200, { apiResultCode: 'A1005', apiErrorMsg: '流量受控' });
		nock(HOST).post('/std/service').reply(200, { apiResultCode: 'A1099', apiErrorMsg: '系统异常' });
		nock(HOST).post('/std/service').reply(200, ok(CREATED));
		await expect(client({}, deps).searchOrder('QIAO-1')).resolves.toMatchObject({ trackingNo: 'SF1000000000001' });
		expect(deps.sleeps).toHaveLength(2);
	});

	it('does not repeat an order create after a system error, but does after a throttle answer', async () => {
		const once = nock(HOST).post('/std/service').once().reply(200, { apiResultCode: 'A1099', apiErrorMsg: '系统异常' });
		await expect(client().createOrder(ORDER)).rejects.toBeInstanceOf(TransientError);
		expect(once.isDone()).toBe(true);
		nock(HOST).post('/std/service').reply(200, { apiResultCode: 'A1005', apiErrorMsg: '流量受控' });
		nock(HOST).post('/std/service').reply(200, ok(CREATED));
		await expect(client().createOrder(ORDER)).resolves.toMatchObject({ trackingNo: 'SF1000000000001' });
	});

	it.each([
		['8016', InvalidRequestError, /already used/],
		['8119', InvalidRequestError, /monthly card/],
		['1014', InvalidRequestError, /code 1014/],
		['6150', PermanentError, /code 6150/],
		['8252', PermanentError, /already confirmed/],
		['9999', PermanentError, /code 9999 \(错误\)/],
	])('maps business code %s to %p', async (code, errorClass, message) => {
		nock(HOST).post('/std/service').reply(200, businessError(code));
		const error = await client().createOrder(ORDER).catch((e) => e);
		expect(error).toBeInstanceOf(errorClass);
		expect(error.message).toMatch(message);
	});

	it('uses the sandbox host', async () => {
		nock('https://sfapi-sbox.sf-express.com').post('/std/service').reply(200, ok(CREATED));
		await expect(client({ environment: 'sandbox' }).searchOrder('QIAO-1')).resolves.toMatchObject({ orderId: 'QIAO-1' });
	});
});

describe('SF routes', () => {
	const routesFor = (mailNo: string) => ({
		mailNo,
		routes: [
			{ acceptTime: '2024-05-02 08:00:00', acceptAddress: '上海市', remark: '快件到达【上海浦东集散中心】', opCode: '31' },
			{ acceptTime: '2024-05-01 18:00:00', acceptAddress: '深圳市', remark: '顺丰速运 已收取快件', opCode: '50' },
			{ acceptTime: '2024-05-02 14:00:00', acceptAddress: '上海市', remark: '快件已签收, 签收人: 本人', opCode: '9001' },
		],
	});

	it('queries in batches of ten and returns one timeline per waybill', async () => {
		const seen = recordForms();
		const numbers = Array.from({ length: 12 }, (_, i) => `SF${String(i).padStart(13, '0')}`);
		nock(HOST).post('/std/service', seen.match).reply(200, ok({ routeResps: numbers.slice(0, 10).map(routesFor) }));
		nock(HOST).post('/std/service', seen.match).reply(200, ok({ routeResps: numbers.slice(10).map(routesFor) }));
		const timelines = await client().routes({ trackingNumbers: numbers, checkPhoneNo: '1234' });
		expect(seen.forms.map((f) => JSON.parse(f.msgData).trackingNumber.length)).toEqual([10, 2]);
		expect(JSON.parse(seen.forms[0].msgData)).toMatchObject({ trackingType: 1, methodType: 1, checkPhoneNo: '1234' });
		expect(timelines.map((t) => t.trackingNo)).toEqual(numbers);
		const [first] = timelines;
		expect(first).toMatchObject({ provider: 'sf', carrier: 'sf', status: 'delivered', known: false, unknownCodes: ['9001'] });
		expect(first.events.map((e) => [e.time, e.status, e.providerCode, e.location])).toEqual([
			['2024-05-01T18:00:00.000+08:00', 'picked_up', '50', '深圳市'],
			['2024-05-02T08:00:00.000+08:00', 'in_transit', '31', '上海市'],
			['2024-05-02T14:00:00.000+08:00', 'delivered', '9001', '上海市'],
		]);
	});

	it('looks up by orderId with trackingType 2', async () => {
		const seen = recordForms();
		nock(HOST).post('/std/service', seen.match).reply(200, ok({ routeResps: [] }));
		await expect(client().routes({ trackingNumbers: ['QIAO-1'], byOrderId: true })).resolves.toEqual([]);
		expect(JSON.parse(seen.forms[0].msgData).trackingType).toBe(2);
	});
});

describe('SF OAuth', () => {
	const tokenReply = (accessToken: string) => ({ apiResultCode: 'A1000', apiErrorMsg: '', accessToken, expiresIn: 7200 });

	it('fetches a token once and sends it instead of msgDigest', async () => {
		const token = nock(OAUTH)
			.post('/oauth2/accessToken')
			.query({ partnerID: 'PARTNER1', secret: 'check-word-1', grantType: 'password' })
			.once()
			.reply(200, tokenReply('TOKEN-1'));
		const seen = recordForms();
		nock(HOST).post('/std/service', seen.match).times(2).reply(200, ok(CREATED));
		const sf = client({ auth: 'oauth' });
		await sf.searchOrder('QIAO-1');
		await sf.searchOrder('QIAO-1');
		expect(token.isDone()).toBe(true);
		expect(seen.forms.map((f) => [f.accessToken, f.msgDigest])).toEqual([
			['TOKEN-1', undefined],
			['TOKEN-1', undefined],
		]);
	});

	it('renews the token when it nears expiry', async () => {
		let clock = NOW;
		const deps = { ...testDeps(), now: () => clock };
		nock(OAUTH).post('/oauth2/accessToken').query(true).reply(200, tokenReply('TOKEN-1'));
		nock(OAUTH).post('/oauth2/accessToken').query(true).reply(200, tokenReply('TOKEN-2'));
		const seen = recordForms();
		nock(HOST).post('/std/service', seen.match).times(2).reply(200, ok(CREATED));
		const sf = client({ auth: 'oauth' }, deps);
		await sf.searchOrder('QIAO-1');
		clock += 7200_000 - 60_000;
		await sf.searchOrder('QIAO-1');
		expect(seen.forms.map((f) => f.accessToken)).toEqual(['TOKEN-1', 'TOKEN-2']);
	});

	it('renews once after A1002 and retries the call', async () => {
		nock(OAUTH).post('/oauth2/accessToken').query(true).reply(200, tokenReply('OLD'));
		nock(OAUTH).post('/oauth2/accessToken').query(true).reply(200, tokenReply('NEW'));
		const seen = recordForms();
		nock(HOST).post('/std/service', seen.match).reply(200, { apiResultCode: 'A1002', apiErrorMsg: 'token过期' });
		nock(HOST).post('/std/service', seen.match).reply(200, ok(CREATED));
		await expect(client({ auth: 'oauth' }).createOrder(ORDER)).resolves.toMatchObject({ trackingNo: 'SF1000000000001' });
		expect(seen.forms.map((f) => f.accessToken)).toEqual(['OLD', 'NEW']);
	});

	it('gives up with AuthExpiredError when the fresh token is refused too', async () => {
		nock(OAUTH).post('/oauth2/accessToken').query(true).times(2).reply(200, tokenReply('T'));
		nock(HOST).post('/std/service').times(2).reply(200, { apiResultCode: 'A1002', apiErrorMsg: 'token过期' });
		await expect(client({ auth: 'oauth' }).searchOrder('QIAO-1')).rejects.toBeInstanceOf(AuthExpiredError);
	});

	it('classifies a refused token request', async () => {
		nock(OAUTH).post('/oauth2/accessToken').query(true).reply(200, { apiResultCode: 'A1004', apiErrorMsg: '无权限' });
		await expect(client({ auth: 'oauth' }).fetchAccessToken()).rejects.toThrow(/oauth2\/accessToken failed with code A1004/);
	});

	it('reports throttling of the token call', async () => {
		nock(OAUTH).post('/oauth2/accessToken').query(true).times(5).reply(200, { apiResultCode: 'A1005', apiErrorMsg: '流量受控' });
		await expect(client({ auth: 'oauth' }).fetchAccessToken()).rejects.toBeInstanceOf(ThrottledError);
	});
});

describe('SF route push', () => {
	const push = {
		Body: {
			WaybillRoute: [
				{ id: '1', mailno: 'SF1', orderid: 'QIAO-1', acceptTime: '2024-05-01 18:00:00', acceptAddress: '深圳市', remark: '已收取快件', opCode: '50' },
				{ id: '2', mailno: 'SF2', orderid: 'QIAO-2', acceptTime: '2024-05-01 19:00:00', acceptAddress: '深圳市', remark: '已收取快件', opCode: '54' },
				{ id: '3', mailno: 'SF1', orderid: 'QIAO-1', acceptTime: '2024-05-02 09:00:00', acceptAddress: '上海市', remark: '派送中', opCode: '44' },
			],
		},
	};

	it('groups the routes per waybill', () => {
		const { parcels } = parseSfRoutePush(JSON.stringify(push));
		expect(parcels.map((p) => [p.trackingNo, p.orderId, p.timeline.status, p.timeline.events.length])).toEqual([
			['SF1', 'QIAO-1', 'out_for_delivery', 2],
			['SF2', 'QIAO-2', 'picked_up', 1],
		]);
	});

	it('rejects a body that is not a route push', () => {
		expect(() => parseSfRoutePush('<xml/>')).toThrow(PushRejectedError);
		expect(() => parseSfRoutePush({ Body: {} })).toThrow(/no Body.WaybillRoute/);
	});

	it('verifies the form-signed variant', () => {
		const msgData = JSON.stringify(push);
		const msgDigest = sfMsgDigest(msgData, '1714536000000', 'check-word-1');
		expect(parseSfSignedRoutePush({ msgData, msgDigest, timestamp: '1714536000000' }, 'check-word-1').parcels).toHaveLength(2);
		expect(() => parseSfSignedRoutePush({ msgData, msgDigest, timestamp: '1714536000001' }, 'check-word-1')).toThrow(/msgDigest/);
	});

	it('answers exactly as SF expects', () => {
		expect(sfPushReply()).toBe('{"return_code":"0000","return_msg":"成功"}');
		expect(JSON.parse(sfPushReply(false, 'bad'))).toEqual({ return_code: '1000', return_msg: 'bad' });
	});
});
