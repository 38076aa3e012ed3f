import { createHmac } from 'node:crypto';
import { sortedParamBase } from '../../../../lib/channels/core/sortedParams';
import {
	TAOBAO_ENDPOINTS,
	signTopParams,
	signedTopParams,
	taobaoCredentialsFrom,
	type TopSignMethod,
} from '../../../../lib/channels/taobao/sign';
import vectors from '../../../fixtures/channels/taobao/sign-vectors.json';

interface TopVector {
	id: string;
	inputs: { secret: string; params: Record<string, string> };
	expected: { sign: string };
}

const topVectors = vectors.filter((v) => v.id.startsWith('taobao-top-')) as unknown as TopVector[];

describe('TOP signing', () => {
	it('has the three published Taobao vectors', () => {
		expect(topVectors.map((v) => v.inputs.params.sign_method).sort()).toEqual(['hmac', 'hmac-sha256', 'md5']);
	});

	it.each(topVectors.map((v) => [v.id, v] as const))('%s', (_id, vector) => {
		const { secret, params } = vector.inputs;
		expect(signTopParams(params, secret, params.sign_method as TopSignMethod)).toBe(vector.expected.sign);
	});

	it('HMAC-MD5 primitive matches RFC 2202 case 1', () => {
		const rfc = vectors.find((v) => v.id === 'rfc2202-hmac-md5-case1') as unknown as {
			inputs: { key_hex: string; msg: string };
			expected: { digest: string };
		};
		const digest = createHmac('md5', Buffer.from(rfc.inputs.key_hex, 'hex')).update(rfc.inputs.msg).digest('hex');
		expect(digest.toUpperCase()).toBe(rfc.expected.digest);
	});

	it('sorts by key, drops sign and empty values', () => {
		expect(sortedParamBase({ b: '2', a: '1', sign: 'X', empty: '', missing: undefined, c: 3 })).toBe('a1b2c3');
	});

	it('ignores an existing sign parameter', () => {
		const { secret, params } = topVectors[0].inputs;
		const method = params.sign_method as TopSignMethod;
		expect(signTopParams({ ...params, sign: 'ANYTHING' }, secret, method)).toBe(topVectors[0].expected.sign);
	});

	it('signedTopParams adds the system parameters and reproduces the official request', () => {
		const { secret, params } = topVectors.find((v) => v.id === 'taobao-top-md5-official')!.inputs;
		const signed = signedTopParams(
			'taobao.item.seller.get',
			{ fields: params.fields, num_iid: params.num_iid, empty: '' },
			{ appKey: params.app_key, appSecret: secret, signMethod: 'md5', session: params.session },
			params.timestamp,
		);
		expect(signed).toEqual({ ...params, sign: '66987CB115214E59E6EC978214934FB8' });
	});

	it('refuses an unknown sign method', () => {
		expect(() => signTopParams({ a: '1' }, 's', 'sha1' as TopSignMethod)).toThrow(/md5, hmac or hmac-sha256/);
	});

	describe.each(topVectors.map((v) => [v.id, v] as const))('a one-character change changes the sign (%s)', (_id, vector) => {
		const { secret, params } = vector.inputs;
		const method = params.sign_method as TopSignMethod;
		const original = signTopParams(params, secret, method);
		const flip = (text: string) => text.slice(0, -1) + (text.endsWith('x') ? 'y' : 'x');

		it('in the secret', () => {
			expect(signTopParams(params, flip(secret), method)).not.toBe(original);
		});

		it.each(Object.keys(params).filter((k) => k !== 'sign_method'))('in the value of %s', (key) => {
			expect(signTopParams({ ...params, [key]: flip(params[key]) }, secret, method)).not.toBe(original);
		});

		it.each(Object.keys(params))('in the name of %s', (key) => {
			const renamed: Record<string, string> = { ...params };
			delete renamed[key];
			renamed[flip(key)] = params[key];
			expect(signTopParams(renamed, secret, method)).not.toBe(original);
		});
	});
});

describe('taobaoCredentialsFrom', () => {
	const fields = { appKey: ' 123 ', appSecret: 's', accessToken: 't', shopId: 'shop', signMethod: 'hmac' };

	it('resolves the gateway URL per environment and trims values', () => {
		expect(taobaoCredentialsFrom(fields)).toEqual({
			appKey: '123',
			appSecret: 's',
			session: 't',
			refreshToken: undefined,
			shopId: 'shop',
			signMethod: 'hmac',
			url: TAOBAO_ENDPOINTS.production,
		});
		expect(taobaoCredentialsFrom({ ...fields, environment: 'sandbox' }).url).toBe(TAOBAO_ENDPOINTS.sandbox);
		const custom = { ...fields, environment: 'custom', customUrl: 'http://127.0.0.1:18080/taobao/router/rest' };
		expect(taobaoCredentialsFrom(custom).url).toBe('http://127.0.0.1:18080/taobao/router/rest');
		expect(taobaoCredentialsFrom({ ...fields, signMethod: undefined }).signMethod).toBe('md5');
	});

	it('refuses a custom environment without URL and an unknown sign method', () => {
		expect(() => taobaoCredentialsFrom({ ...fields, environment: 'custom' })).toThrow(/no gateway URL/);
		expect(() => taobaoCredentialsFrom({ ...fields, signMethod: 'sha1' })).toThrow(/unknown sign method/);
	});
});
