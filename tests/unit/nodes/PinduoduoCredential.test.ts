import type { IHttpRequestOptions } from 'n8n-workflow';
import { PinduoduoApi } from '../../../credentials/PinduoduoApi.credentials';
import { PDD_ENDPOINTS, signPddParams } from '../../../lib/channels/pinduoduo/sign';

const fields = { environment: 'production', clientId: 'client-1', clientSecret: 'secret-1', accessToken: 'token-1', shopId: '9001' };

type Authenticate = (c: object, r: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

describe('PinduoduoApi credential', () => {
	const credential = new PinduoduoApi();
	const authenticate = credential.authenticate as Authenticate;

	it('is named after its file, keeps secrets as passwords and has a test call', () => {
		expect(credential.name).toBe('pinduoduoApi');
		expect(credential.properties.filter((p) => p.typeOptions?.password).map((p) => p.name)).toEqual(['clientSecret', 'accessToken', 'refreshToken']);
		expect(credential.test.request.body).toMatchObject({ type: 'pdd.goods.list.get', page_size: 1 });
		expect(credential.test.rules?.map((r) => r.properties.value)).toEqual([52101, 20004, 20005, 20031, 10019, 10001]);
	});

	it('signs the test request into the gateway form POST', async () => {
		const signed = await authenticate(fields, { ...(credential.test.request as IHttpRequestOptions), url: 'ignored' });
		expect(signed.url).toBe(PDD_ENDPOINTS.production);
		expect(signed.method).toBe('POST');
		const params = Object.fromEntries(new URLSearchParams(String(signed.body)));
		expect(params).toMatchObject({ type: 'pdd.goods.list.get', client_id: 'client-1', access_token: 'token-1', data_type: 'JSON', page: '1', page_size: '1' });
		expect(params.timestamp).toMatch(/^\d{10}$/);
		expect(params.sign).toBe(signPddParams(params, 'secret-1'));
	});

	it('sends to a custom gateway URL and leaves requests without a type alone', async () => {
		const signed = await authenticate({ ...fields, environment: 'custom', customUrl: 'http://127.0.0.1:18080/pinduoduo/api/router' }, { ...(credential.test.request as IHttpRequestOptions), url: 'x' });
		expect(signed.url).toBe('http://127.0.0.1:18080/pinduoduo/api/router');
		const request: IHttpRequestOptions = { url: 'https://example.test/x', method: 'GET' };
		await expect(authenticate(fields, request)).resolves.toBe(request);
	});
});
