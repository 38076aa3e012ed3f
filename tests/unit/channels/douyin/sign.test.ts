import { douyinErrorOf, douyinCredentialsFrom, douyinParamJson, douyinPath, douyinRequest, douyinStringToSign, RawJsonNumber, signDouyin, DOUYIN_ENDPOINTS } from '../../../../lib/channels/douyin/sign';
import { douyinPushSign, parseDouyinPush, verifyDouyinPush } from '../../../../lib/channels/douyin/push';
import vectors from '../../../fixtures/vectors/channels.json';

type Vector = { id: string; inputs: Record<string, string>; expected: Record<string, string> };
const byId = (id: string) => (vectors as unknown as Vector[]).find((v) => v.id === id) as Vector;
const HMAC = byId('douyin-hmac-sha256-derived');
const MD5 = byId('douyin-md5-legacy-derived');
const PUSH = byId('douyin-push-event-sign-derived');

const signInput = (v: Vector) => ({
	appKey: v.inputs.app_key,
	appSecret: v.inputs.app_secret,
	method: v.inputs.method,
	paramJson: v.inputs.param_json,
	timestamp: v.inputs.timestamp,
	v: v.inputs.v,
	signMethod: v.inputs.sign_method as 'hmac-sha256' | 'md5',
});

describe('Douyin request signing', () => {
	it('has the three Douyin vectors', () => expect([HMAC, MD5, PUSH].every(Boolean)).toBe(true));

	it.each([HMAC, MD5].map((v) => [v.id, v] as const))('reproduces %s', (_id, vector) => {
		expect(signDouyin(signInput(vector))).toBe(vector.expected.sign);
	});

	it('signs secret + app_key…v + secret', () => {
		expect(douyinStringToSign(signInput(HMAC))).toBe(
			`testSecretapp_key1234567890123456789methodorder.searchListparam_json${HMAC.inputs.param_json}timestamp1612518379v2testSecret`,
		);
	});

	it.each([
		['method', { method: 'order.searchLisT' }],
		['timestamp', { timestamp: '1612518378' }],
		['param_json', { paramJson: HMAC.inputs.param_json.replace('10', '11') }],
		['secret', { appSecret: 'testSecreT' }],
	])('a one-character change of the %s changes the sign', (_what, change) => {
		expect(signDouyin({ ...signInput(HMAC), ...change })).not.toBe(HMAC.expected.sign);
	});

	it('param_json of the vector params comes out byte for byte, whatever the key order', () => {
		const params = { update_time_start: 1612518379, size: 10, page: 0, update_time_end: 1612520179, order_by: 'update_time' };
		expect(douyinParamJson(params)).toBe(HMAC.inputs.param_json);
	});

	it('param_json: keys sorted at every depth, compact, unescaped UTF-8, numbers as written, big ids exact', () => {
		const text = douyinParamJson({ z: { b: [{ y: 1, x: '<a&b>' }], a: '抖店' }, id: 4900000000000000001n, price: new RawJsonNumber('1.50'), n: 1.0, skip: undefined });
		expect(text).toBe('{"id":4900000000000000001,"n":1,"price":1.50,"z":{"a":"抖店","b":[{"x":"<a&b>","y":1}]}}');
		expect(douyinParamJson({})).toBe('{}');
		expect(() => douyinParamJson({ bad: Number.NaN })).toThrow(/NaN/);
	});

	it('the wire request: path from the method, signed system params in the query, param_json as body, no token for token calls', () => {
		const creds = { appKey: HMAC.inputs.app_key, appSecret: 'testSecret', accessToken: 'TOKEN', baseUrl: 'https://gw.example', signMethod: 'hmac-sha256' as const };
		const wire = douyinRequest('order.searchList', { order_by: 'update_time', page: 0, size: 10, update_time_end: 1612520179, update_time_start: 1612518379 }, creds, 1612518379_500);
		expect(douyinPath('afterSale.List')).toBe('/afterSale/List');
		expect(wire.url).toBe('https://gw.example/order/searchList');
		expect(wire.body).toBe(HMAC.inputs.param_json);
		expect(wire.qs).toEqual({ app_key: HMAC.inputs.app_key, method: 'order.searchList', timestamp: '1612518379', v: '2', sign: HMAC.expected.sign, sign_method: 'hmac-sha256', access_token: 'TOKEN' });
		expect(douyinRequest('token.refresh', {}, creds, 0).qs?.access_token).toBeUndefined();
		expect(douyinRequest('order.searchList', { order_by: 'update_time', page: 0, size: 10, update_time_end: 1612520179, update_time_start: 1612518379 }, { ...creds, signMethod: 'md5' }, 1612518379_000).qs?.sign).toBe(MD5.expected.sign);
	});

	it('reads the credential fields; environments and custom URL', () => {
		const creds = douyinCredentialsFrom({ appKey: ' k ', appSecret: 's', shopId: 123, accessToken: 't', refreshToken: '' });
		expect(creds).toEqual({ appKey: 'k', appSecret: 's', accessToken: 't', refreshToken: undefined, shopId: '123', baseUrl: DOUYIN_ENDPOINTS.production, signMethod: 'hmac-sha256' });
		expect(douyinCredentialsFrom({ environment: 'sandbox' }).baseUrl).toBe(DOUYIN_ENDPOINTS.sandbox);
		expect(douyinCredentialsFrom({ environment: 'custom', customUrl: 'http://127.0.0.1:1/douyin/' }).baseUrl).toBe('http://127.0.0.1:1/douyin');
		expect(() => douyinCredentialsFrom({ environment: 'custom' })).toThrow(/no gateway URL/);
	});

	it('envelope: 10000 is success; anything else is an error with code, sub code and log id', () => {
		expect(douyinErrorOf({ code: 10000, msg: 'success', data: {} })).toBeUndefined();
		expect(douyinErrorOf({ code: 30002, msg: 'access_token已过期', sub_code: 'isv.access-token-expired', sub_msg: '过期', log_id: 'L1' })).toEqual({
			code: 30002,
			subCode: 'isv.access-token-expired',
			message: 'access_token已过期: 过期 (log_id L1)',
		});
		expect(douyinErrorOf({ data: {} })?.code).toBe('no_code');
	});
});

describe('Douyin push event-sign', () => {
	const app = { appKey: PUSH.inputs.app_key, appSecret: PUSH.inputs.app_secret };

	it('reproduces douyin-push-event-sign-derived', () => {
		expect(douyinPushSign(app.appKey, PUSH.inputs.body, app.appSecret)).toBe(PUSH.expected.event_sign);
	});

	it('accepts the signed body (any header case), rejects a forged sign, a tampered body, another app or a missing header', () => {
		const body = PUSH.inputs.body;
		expect(verifyDouyinPush({ 'Event-Sign': PUSH.expected.event_sign, 'App-Id': app.appKey }, body, app)).toEqual({ ok: true });
		expect(verifyDouyinPush({ 'event-sign': PUSH.expected.event_sign }, Buffer.from(body), app)).toEqual({ ok: true });
		expect(verifyDouyinPush({ 'event-sign': 'f'.repeat(32) }, body, app).ok).toBe(false);
		expect(verifyDouyinPush({ 'event-sign': PUSH.expected.event_sign }, body.replace('1234567', '1234568'), app).ok).toBe(false);
		expect(verifyDouyinPush({ 'event-sign': PUSH.expected.event_sign, 'app-id': '42' }, body, app).ok).toBe(false);
		expect(verifyDouyinPush({}, body, app)).toEqual({ ok: false, reason: 'no event-sign header' });
		expect(verifyDouyinPush({ 'event-sign': PUSH.expected.event_sign }, body, { ...app, appSecret: 'other' }).ok).toBe(false);
	});

	it('parses the messages with ids above 2^53 exact; a single object is tolerated', () => {
		const [message] = parseDouyinPush(PUSH.inputs.body);
		expect(message).toEqual({ tag: '101', event: 'order_paid', msgId: '7000000000000000001', data: { p_id: '4900000000000000000', shop_id: 1234567 }, orderId: '4900000000000000000', shopId: '1234567' });
		expect(parseDouyinPush('{"tag":"0","msg_id":"1","data":"{}"}')).toEqual([{ tag: '0', event: 'url_check', msgId: '1', data: {}, orderId: undefined, shopId: undefined }]);
	});
});
