import type { IHttpRequestOptions } from 'n8n-workflow';
import { XiaohongshuApi } from '../../../credentials/XiaohongshuApi.credentials';
import { XHS_ERROR_CODE } from '../../../lib/channels/xiaohongshu/codes';
import { XHS_ENDPOINTS, signXhs } from '../../../lib/channels/xiaohongshu/sign';

const fields = { environment: 'production', appId: 'testAppId', appSecret: 'testSecret', accessToken: 'token-1', sellerId: 'seller-1' };
type Authenticate = (c: object, r: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

describe('XiaohongshuApi credential', () => {
	const credential = new XiaohongshuApi();
	const authenticate = credential.authenticate as Authenticate;

	it('is named after its file, keeps secrets as passwords and has a test with XHS codes', () => {
		expect(credential.name).toBe('xiaohongshuApi');
		expect(credential.properties.filter((p) => p.typeOptions?.password).map((p) => p.name)).toEqual(['appSecret', 'accessToken', 'refreshToken']);
		expect(credential.test.request.body).toMatchObject({ method: 'order.getOrderList', pageSize: 1 });
		expect(credential.test.rules?.map((r) => r.properties.value)).toContain(XHS_ERROR_CODE.accessTokenExpired);
	});

	it('signs the test request into the JSON gateway body with a one-hour window in seconds', async () => {
		const before = Math.floor(Date.now() / 1000);
		const signed = await authenticate(fields, { ...(credential.test.request as IHttpRequestOptions), url: 'ignored' });
		expect(signed.url).toBe(XHS_ENDPOINTS.production);
		expect(signed.method).toBe('POST');
		const body = signed.body as Record<string, unknown>;
		expect(body).toMatchObject({ method: 'order.getOrderList', appId: 'testAppId', version: '2.0', accessToken: 'token-1', timeType: 1, pageNo: 1 });
		expect(body.secondsAgo).toBeUndefined();
		expect(Number(body.endTime) - Number(body.startTime)).toBe(3600);
		expect(Number(body.endTime)).toBeGreaterThanOrEqual(before);
		expect(body.sign).toBe(signXhs({ method: 'order.getOrderList', appId: 'testAppId', timestamp: String(body.timestamp), appSecret: 'testSecret' }));
	});

	it('sends to the custom gateway URL and leaves a request without a method alone', async () => {
		const custom = { ...fields, environment: 'custom', customUrl: 'http://127.0.0.1:18080/xhs/ark/open_api/v3/common_controller' };
		const signed = await authenticate(custom, { ...(credential.test.request as IHttpRequestOptions), url: 'ignored' });
		expect(signed.url).toBe(custom.customUrl);
		const request: IHttpRequestOptions = { url: 'https://example.test/x', method: 'GET' };
		await expect(authenticate(fields, request)).resolves.toBe(request);
	});
});
