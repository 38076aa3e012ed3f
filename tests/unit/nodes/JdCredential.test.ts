import type { IHttpRequestOptions } from 'n8n-workflow';
import { JdApi } from '../../../credentials/JdApi.credentials';
import { JD_ENDPOINTS, signJdParams } from '../../../lib/channels/jd/sign';

const fields = {
	environment: 'production',
	appKey: 'yourappkey',
	appSecret: 'yourappSecret',
	accessToken: 'token-1',
	shopId: '10139288',
};

type Authenticate = (c: object, r: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

describe('JdApi credential', () => {
	const credential = new JdApi();
	const authenticate = credential.authenticate as Authenticate;

	it('is named after its file, keeps secrets as passwords and has a test', () => {
		expect(credential.name).toBe('jdApi');
		const secret = credential.properties.filter((p) => p.typeOptions?.password).map((p) => p.name);
		expect(secret).toEqual(['appSecret', 'accessToken', 'refreshToken']);
		expect(credential.test.request.body).toMatchObject({ method: 'jingdong.pop.order.search', page_size: '1' });
		expect(credential.test.rules?.map((r) => r.properties.value)).toEqual(['2', '8', '12', '19', '21']);
	});

	it('signs the test request into the routerjson form POST with 360buy_param_json', async () => {
		const signed = await authenticate(fields, { ...(credential.test.request as IHttpRequestOptions), url: 'ignored' });
		expect(signed.url).toBe(JD_ENDPOINTS.production.gateway);
		expect(signed.method).toBe('POST');
		expect(signed.headers?.['content-type']).toMatch(/x-www-form-urlencoded/);
		const params = Object.fromEntries(new URLSearchParams(String(signed.body)));
		expect(params).toMatchObject({ method: 'jingdong.pop.order.search', app_key: 'yourappkey', access_token: 'token-1', v: '2.0', format: 'json' });
		expect(JSON.parse(params['360buy_param_json'])).toEqual({ order_state: 'WAIT_SELLER_STOCK_OUT', optional_fields: 'orderId', page: '1', page_size: '1' });
		expect(params.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(params.sign).toBe(signJdParams(params, 'yourappSecret'));
	});

	it('sends to the custom gateway URL, e.g. the local sandbox', async () => {
		const custom = { ...fields, environment: 'custom', customUrl: 'http://127.0.0.1:18080/jd/routerjson' };
		const signed = await authenticate(custom, { ...(credential.test.request as IHttpRequestOptions), url: 'ignored' });
		expect(signed.url).toBe('http://127.0.0.1:18080/jd/routerjson');
	});

	it('leaves a request without a JOS method alone', async () => {
		const request: IHttpRequestOptions = { url: 'https://example.test/x', method: 'GET' };
		await expect(authenticate(fields, request)).resolves.toBe(request);
	});
});
