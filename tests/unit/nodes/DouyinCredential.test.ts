import type { IHttpRequestOptions } from 'n8n-workflow';
import { DouyinApi } from '../../../credentials/DouyinApi.credentials';
import { DOUYIN_ERROR_CODE } from '../../../lib/channels/douyin/codes';
import { DOUYIN_ENDPOINTS, signDouyin } from '../../../lib/channels/douyin/sign';

const fields = { environment: 'production', appKey: 'app-1', appSecret: 'testSecret', shopId: '4463798', accessToken: 'token-1', signMethod: 'hmac-sha256' };
type Authenticate = (c: object, r: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

describe('DouyinApi credential', () => {
	const credential = new DouyinApi();
	const authenticate = credential.authenticate as Authenticate;
	const testRequest = (url: string) => ({ ...(credential.test.request as IHttpRequestOptions), url });

	it('is named after its file, keeps secrets as passwords, offers production, Douyin sandbox and custom, and has a test with Douyin codes', () => {
		expect(credential.name).toBe('douyinApi');
		expect(credential.properties.filter((p) => p.typeOptions?.password).map((p) => p.name)).toEqual(['appSecret', 'accessToken', 'refreshToken']);
		const environment = credential.properties.find((p) => p.name === 'environment');
		expect((environment?.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['production', 'sandbox', 'custom']);
		expect(String(credential.test.request.url)).toContain('/order/searchList');
		expect(String(credential.test.request.url)).toContain(DOUYIN_ENDPOINTS.sandbox);
		expect(credential.test.rules?.map((r) => r.properties.value)).toEqual(expect.arrayContaining([DOUYIN_ERROR_CODE.accessTokenExpired, DOUYIN_ERROR_CODE.signInvalid, DOUYIN_ERROR_CODE.permissionDenied]));
	});

	it('signs the test request: method from the path, system params in the query, a one-hour window as param_json', async () => {
		const before = Math.floor(Date.now() / 1000);
		const signed = await authenticate(fields, testRequest(`${DOUYIN_ENDPOINTS.production}/order/searchList`));
		expect(signed.url).toBe(`${DOUYIN_ENDPOINTS.production}/order/searchList`);
		expect(signed.method).toBe('POST');
		const body = JSON.parse(String(signed.body)) as Record<string, number>;
		expect(body.create_time_end - body.create_time_start).toBe(3600);
		expect(body.create_time_end).toBeGreaterThanOrEqual(before);
		expect(Object.keys(body)).toEqual([...Object.keys(body)].sort());
		const qs = signed.qs as Record<string, string>;
		expect(qs).toMatchObject({ app_key: 'app-1', method: 'order.searchList', v: '2', sign_method: 'hmac-sha256', access_token: 'token-1' });
		expect(qs.sign).toBe(signDouyin({ appKey: 'app-1', appSecret: 'testSecret', method: 'order.searchList', paramJson: String(signed.body), timestamp: qs.timestamp }));
	});

	it('sends to the custom base URL, signs md5 when chosen, and leaves a request that names no method alone', async () => {
		const custom = { ...fields, environment: 'custom', customUrl: 'http://127.0.0.1:18080/douyin/', signMethod: 'md5' };
		const signed = await authenticate(custom, testRequest('http://127.0.0.1:18080/douyin/order/searchList'));
		expect(signed.url).toBe('http://127.0.0.1:18080/douyin/order/searchList');
		expect((signed.qs as Record<string, string>).sign).toHaveLength(32);
		const request: IHttpRequestOptions = { url: 'https://example.test/', method: 'GET' };
		await expect(authenticate(fields, request)).resolves.toBe(request);
	});
});
