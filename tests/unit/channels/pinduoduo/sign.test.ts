import { createHash } from 'node:crypto';
import {
	PDD_DATA_TYPE,
	pddErrorOf,
	pddResultOf,
	pddTimestamp,
	pddWssSign,
	pddWssUrl,
	pinduoduoCredentialsFrom,
	signPddParams,
	signedPddParams,
} from '../../../../lib/channels/pinduoduo/sign';
import vectors from '../../../fixtures/vectors/channels.json';

interface Vector {
	id: string;
	inputs: Record<string, unknown>;
	expected: { sign: string };
}
const byId = (id: string) => (vectors as unknown as Vector[]).find((v) => v.id === id)!;
const md5 = byId('pdd-md5-official');
const wss = byId('pdd-wss-sign-derived');

describe('Pinduoduo signing', () => {
	it('reproduces the official MD5 vector', () => {
		const { client_secret, params } = md5.inputs as { client_secret: string; params: Record<string, string> };
		expect(signPddParams(params, client_secret)).toBe(md5.expected.sign);
	});

	it('is UPPER(MD5(secret + sorted k+v + secret)) and ignores a sign already present', () => {
		const { client_secret, params } = md5.inputs as { client_secret: string; params: Record<string, string> };
		const base = Object.keys(params).sort().map((k) => k + params[k]).join('');
		const digest = createHash('md5').update(client_secret + base + client_secret, 'utf8').digest('hex').toUpperCase();
		expect(signPddParams({ ...params, sign: 'X' }, client_secret)).toBe(digest);
	});

	it('changes when one character of a parameter or the secret changes', () => {
		const { client_secret, params } = md5.inputs as { client_secret: string; params: Record<string, string> };
		expect(signPddParams({ ...params, page: '2' }, client_secret)).not.toBe(md5.expected.sign);
		expect(signPddParams(params, `${client_secret}x`)).not.toBe(md5.expected.sign);
	});

	it('signs every sent parameter, system ones included, with Unix-second timestamps', () => {
		const signed = signedPddParams('pdd.order.information.get', { order_sn: '231126-123' }, { clientId: 'c1', clientSecret: 's1', accessToken: 't1' }, pddTimestamp(1_700_000_000_999));
		expect(signed).toMatchObject({ type: 'pdd.order.information.get', client_id: 'c1', access_token: 't1', timestamp: '1700000000', data_type: PDD_DATA_TYPE, order_sn: '231126-123' });
		const { sign, ...rest } = signed;
		expect(sign).toBe(signPddParams(rest, 's1'));
	});

	it('leaves the access token out of app-level calls', () => {
		const signed = signedPddParams('pdd.pop.auth.token.refresh', { refresh_token: 'r' }, { clientId: 'c1', clientSecret: 's1' }, '1');
		expect(signed).not.toHaveProperty('access_token');
	});

	it('reproduces the derived message WebSocket sign vector', () => {
		const { client_id, timestamp_ms, client_secret } = wss.inputs as Record<string, string>;
		expect(pddWssSign(client_id, timestamp_ms, client_secret)).toBe(wss.expected.sign);
		expect(pddWssUrl(client_id, Number(timestamp_ms), client_secret)).toBe(`wss://message-api.pinduoduo.com/message/${client_id}/${timestamp_ms}/${wss.expected.sign}`);
	});
});

describe('Pinduoduo envelopes and credentials', () => {
	it('reads error_response codes, messages and sub codes', () => {
		expect(pddErrorOf({ error_response: { error_code: 10019, error_msg: 'access_token已过期', sub_code: '', sub_msg: '', request_id: 'r' } })).toEqual({
			code: 10019,
			subCode: undefined,
			message: 'access_token已过期',
		});
		expect(pddErrorOf({ order_info_get_response: {} })).toBeUndefined();
	});

	it('finds results under the per-API root key only', () => {
		expect(pddResultOf({ order_info_get_response: { order_info: {} } }, 'pdd.order.information.get')).toEqual({ order_info: {} });
		expect(pddResultOf({ order_list_get_response: {} }, 'pdd.order.information.get')).toBeUndefined();
		expect(pddResultOf({ x: {} }, 'pdd.unknown.api')).toBeUndefined();
	});

	it('reads credentials: production by default, a custom URL when chosen', () => {
		const fields = { clientId: ' c ', clientSecret: 's', accessToken: 't', shopId: '123' };
		expect(pinduoduoCredentialsFrom(fields).url).toBe('https://gw-api.pinduoduo.com/api/router');
		expect(pinduoduoCredentialsFrom({ ...fields, environment: 'custom', customUrl: 'http://127.0.0.1:1/pinduoduo/api/router' })).toEqual({
			clientId: 'c',
			clientSecret: 's',
			accessToken: 't',
			refreshToken: undefined,
			shopId: '123',
			url: 'http://127.0.0.1:1/pinduoduo/api/router',
		});
		expect(() => pinduoduoCredentialsFrom({ ...fields, environment: 'custom', customUrl: '' })).toThrow(/no gateway URL/);
	});
});
