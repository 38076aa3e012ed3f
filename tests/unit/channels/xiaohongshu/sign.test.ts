import { signXhs, xhsCredentialsFrom, xhsDataOf, xhsErrorOf, xhsStringToSign, xhsSystemParams, XHS_ENDPOINTS } from '../../../../lib/channels/xiaohongshu/sign';
// Every Xiaohongshu entry of the spec's signing vectors, copied verbatim.
import vectors from '../../../fixtures/channels/xiaohongshu/sign-vectors.json';

const [XHS_VECTOR] = vectors;

describe('Xiaohongshu signing', () => {
	it('has the spec vector', () => expect(vectors.map((v) => v.id)).toEqual(['xhs-ark-md5-derived']));

	it.each(vectors.map((v) => [v.id, v] as const))('reproduces %s', (_id, vector) => {
		expect(xhsStringToSign(vector.inputs)).toBe(vector.expected.string_to_sign);
		expect(signXhs(vector.inputs)).toBe(vector.expected.sign);
	});

	it.each([
		['method', { method: 'order.getOrderLisT' }],
		['appId', { appId: 'testAppID' }],
		['timestamp', { timestamp: '1612518378' }],
		['version', { version: '2.1' }],
		['secret', { appSecret: 'testSecreT' }],
	])('a one-character change of the %s changes the sign', (_what, change) => {
		expect(signXhs({ ...XHS_VECTOR.inputs, ...change })).not.toBe(XHS_VECTOR.expected.sign);
	});

	it('system params: seconds timestamp, lower-hex sign, token unsigned and left out of oauth calls', () => {
		const creds = { appId: 'testAppId', appSecret: 'testSecret', accessToken: 'TOKEN' };
		const params = xhsSystemParams('order.getOrderList', creds, 1612518379_999);
		expect(params).toEqual({ appId: 'testAppId', method: 'order.getOrderList', version: '2.0', timestamp: '1612518379', sign: XHS_VECTOR.expected.sign, accessToken: 'TOKEN' });
		expect(xhsSystemParams('oauth.refreshToken', creds, 1612518379_000).accessToken).toBeUndefined();
	});

	it('reads the credential fields; custom needs a URL', () => {
		const creds = xhsCredentialsFrom({ appId: ' a ', appSecret: 's', accessToken: 't', refreshToken: '', sellerId: 'seller-1' });
		expect(creds).toEqual({ appId: 'a', appSecret: 's', accessToken: 't', refreshToken: undefined, shopId: 'seller-1', url: XHS_ENDPOINTS.production });
		expect(xhsCredentialsFrom({ environment: 'custom', customUrl: 'http://127.0.0.1:18080/xhs/ark/open_api/v3/common_controller' }).url).toContain('/xhs/');
		expect(() => xhsCredentialsFrom({ environment: 'custom' })).toThrow(/no gateway URL/);
	});
});

describe('Xiaohongshu envelopes', () => {
	it('success iff success is true and error_code is 0', () => {
		expect(xhsErrorOf({ success: true, error_code: 0, data: {} })).toBeUndefined();
		expect(xhsErrorOf({ success: false, error_code: -9013, error_msg: '触发Method维度的限流' })).toEqual({ code: -9013, message: '触发Method维度的限流' });
		expect(xhsErrorOf({ success: true, error_code: -1, error_msg: 'x' })).toEqual({ code: -1, message: 'x' });
		expect(xhsErrorOf({ success: false, error_code: 0 })).toMatchObject({ code: 'success=false' });
	});

	it('afterSale.* answers carry a second envelope inside data', () => {
		const ok = { success: true, error_code: 0, data: { code: 0, success: true, msg: '成功', data: { totalCount: 0 } } };
		expect(xhsErrorOf(ok, 'afterSale.listAfterSaleInfos')).toBeUndefined();
		expect(xhsDataOf(ok, 'afterSale.listAfterSaleInfos')).toEqual({ totalCount: 0 });
		expect(xhsDataOf(ok, 'order.getOrderList')).toBe(ok.data);
		const inner = { success: true, error_code: 0, data: { code: 400, success: false, msg: '时间范围错误' } };
		expect(xhsErrorOf(inner, 'afterSale.listAfterSaleInfos')).toEqual({ code: 400, message: '时间范围错误' });
		expect(xhsErrorOf(inner, 'order.getOrderDetail')).toBeUndefined();
	});
});
