import type { IHttpRequestOptions } from 'n8n-workflow';
import { TaobaoApi } from '../../../credentials/TaobaoApi.credentials';
import { TAOBAO_ENDPOINTS, signTopParams, type TopSignMethod } from '../../../lib/channels/taobao/sign';

const fields = {
	environment: 'sandbox',
	appKey: '12345678',
	appSecret: 'helloworld',
	accessToken: 'session-1',
	shopId: 'shop-1',
	signMethod: 'hmac',
};

describe('TaobaoApi credential', () => {
	const credential = new TaobaoApi();

	it('is named after its file, keeps secrets as passwords and has a test', () => {
		expect(credential.name).toBe('taobaoApi');
		const secret = credential.properties.filter((p) => p.typeOptions?.password).map((p) => p.name);
		expect(secret).toEqual(['appSecret', 'accessToken', 'refreshToken']);
		expect(credential.test.request.body).toMatchObject({ method: 'taobao.trades.sold.get', page_size: 1 });
		expect(credential.test.rules?.map((r) => r.properties.value)).toEqual([7, 11, 12, 25, 26, 27, 29, 31]);
	});

	it('signs the test request into the TOP form POST for the chosen environment', async () => {
		const authenticate = credential.authenticate as (c: object, r: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
		const signed = await authenticate(fields, { ...(credential.test.request as IHttpRequestOptions), url: 'ignored' });
		expect(signed.url).toBe(TAOBAO_ENDPOINTS.sandbox);
		expect(signed.method).toBe('POST');
		expect(signed.headers?.['content-type']).toMatch(/x-www-form-urlencoded/);
		const params = Object.fromEntries(new URLSearchParams(String(signed.body)));
		expect(params).toMatchObject({
			method: 'taobao.trades.sold.get',
			app_key: '12345678',
			session: 'session-1',
			sign_method: 'hmac',
			fields: 'tid',
			page_size: '1',
			v: '2.0',
			format: 'json',
		});
		expect(params.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(params.sign).toBe(signTopParams(params, 'helloworld', params.sign_method as TopSignMethod));
	});

	it('leaves a request without a TOP method alone', async () => {
		const authenticate = credential.authenticate as (c: object, r: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
		const request: IHttpRequestOptions = { url: 'https://example.test/x', method: 'GET' };
		await expect(authenticate(fields, request)).resolves.toBe(request);
	});
});
