import { WechatShopApi } from '../../../credentials/WechatShopApi.credentials';
import { WECHAT_ENDPOINTS, wechatShopCredentialsFrom } from '../../../lib/channels/wechatShop/sign';

describe('WechatShopApi credential', () => {
	const credential = new WechatShopApi();

	it('is named after its file, keeps secrets as passwords and tests with a stable token fetch', () => {
		expect(credential.name).toBe('wechatShopApi');
		const secret = credential.properties.filter((p) => p.typeOptions?.password).map((p) => p.name);
		expect(secret).toEqual(['appSecret', 'pushToken', 'pushAesSecret']);
		expect(credential.test.request.method).toBe('POST');
		expect(String(credential.test.request.url)).toMatch(/\/cgi-bin\/stable_token$/);
		expect(String(credential.test.request.url)).toContain(WECHAT_ENDPOINTS.production);
		expect(credential.test.request.body).toMatchObject({ grant_type: 'client_credential', appid: '={{ $credentials.appId }}' });
		expect(credential.test.rules?.map((r) => r.properties.value)).toEqual([40013, 40125, 40164, 45009, -1]);
	});

	it('has exactly the fields lib reads, and their defaults make a working production credential', () => {
		const defaults = Object.fromEntries(credential.properties.map((p) => [p.name, p.default]));
		expect(Object.keys(defaults).sort()).toEqual(['appId', 'appSecret', 'customUrl', 'environment', 'grantMode', 'pushAesSecret', 'pushToken', 'shopId'].sort());
		const read = wechatShopCredentialsFrom({ ...defaults, appId: 'wx1', appSecret: 's' });
		expect(read).toMatchObject({ baseUrl: WECHAT_ENDPOINTS.production, tokenMode: 'stable', shopId: 'wx1' });
		expect(wechatShopCredentialsFrom({ ...defaults, environment: 'custom', appId: 'wx1' }).baseUrl).toBe('http://127.0.0.1:18080/wechat');
	});
});
