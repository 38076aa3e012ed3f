import { createHash } from 'node:crypto';
import { JD_API_VERSION, jdParamJson, jdTimestamp, signJdParams, signedJdParams } from '../../../../lib/channels/jd/sign';
import vectors from '../../../fixtures/channels/jd/sign-vectors.json';

interface JdVector {
	id: string;
	inputs: { secret: string; params: Record<string, string> };
	expected: { sign: string };
}

const jdVectors = vectors as unknown as JdVector[];
const official = jdVectors.find((v) => v.id === 'jd-jos-md5-official')!;
const withFormat = jdVectors.find((v) => v.id === 'jd-jos-md5-format-json-derived')!;

describe('JD JOS signing', () => {
	it('has both JD vectors', () => {
		expect(jdVectors.map((v) => v.id).sort()).toEqual(['jd-jos-md5-format-json-derived', 'jd-jos-md5-official']);
	});

	it.each(jdVectors.map((v) => [v.id, v] as const))('%s', (_id, vector) => {
		expect(signJdParams(vector.inputs.params, vector.inputs.secret)).toBe(vector.expected.sign);
	});

	it('is MD5(secret + sorted k+v + secret), 360buy_param_json sorting first', () => {
		const { secret, params } = official.inputs;
		const base = Object.keys(params)
			.sort()
			.map((k) => k + params[k])
			.join('');
		expect(base.startsWith('360buy_param_json{')).toBe(true);
		const digest = createHash('md5').update(secret + base + secret, 'utf8').digest('hex').toUpperCase();
		expect(signJdParams(params, secret)).toBe(digest);
	});

	it('ignores a sign parameter already present', () => {
		const { secret, params } = official.inputs;
		expect(signJdParams({ ...params, sign: 'WHATEVER' }, secret)).toBe(official.expected.sign);
	});

	it('signs the exact bytes of 360buy_param_json: re-serialised JSON changes the sign', () => {
		const { secret, params } = official.inputs;
		const spaced = JSON.stringify(JSON.parse(params['360buy_param_json']), null, 1);
		expect(signJdParams({ ...params, '360buy_param_json': spaced }, secret)).not.toBe(official.expected.sign);
	});

	it('signedJdParams reproduces the derived request with format=json', () => {
		const { secret, params } = withFormat.inputs;
		const business = JSON.parse(params['360buy_param_json']) as Record<string, unknown>;
		const signed = signedJdParams(
			params.method,
			business,
			{ appKey: params.app_key, appSecret: secret, accessToken: params.access_token },
			params.timestamp,
		);
		expect(signed).toEqual({ ...params, sign: withFormat.expected.sign });
		expect(signed.v).toBe(JD_API_VERSION);
	});

	it('leaves access_token out for app-level calls', () => {
		const signed = signedJdParams('jingdong.x', { a: 1 }, { appKey: 'k', appSecret: 's' }, '2024-01-01 00:00:00');
		expect(signed).not.toHaveProperty('access_token');
		const { sign, ...rest } = signed;
		expect(sign).toBe(signJdParams(rest, 's'));
	});

	it('writes bigint ids into 360buy_param_json as exact bare numbers', () => {
		expect(jdParamJson({ order_id: 3014567890123456789n, page: '1' })).toBe('{"order_id":3014567890123456789,"page":"1"}');
	});

	it('keeps them bare numbers where BigInt.prototype.toJSON is installed (n8n-workflow does)', () => {
		const proto = BigInt.prototype as unknown as { toJSON?: () => string };
		const before = proto.toJSON;
		proto.toJSON = function (this: bigint) {
			return this.toString();
		};
		try {
			expect(jdParamJson({ orderId: 3014567890123456789n })).toBe('{"orderId":3014567890123456789}');
		} finally {
			if (before) proto.toJSON = before;
			else delete proto.toJSON;
		}
	});

	it('formats the timestamp in Beijing time', () => {
		expect(jdTimestamp(Date.UTC(2021, 4, 7, 1, 20, 39, 683))).toBe('2021-05-07 09:20:39');
	});

	describe('a one-character change changes the sign', () => {
		const { secret, params } = official.inputs;
		const flip = (text: string) => text.slice(0, -1) + (text.endsWith('x') ? 'y' : 'x');
		it('in the secret', () => {
			expect(signJdParams(params, flip(secret))).not.toBe(official.expected.sign);
		});
		it.each(Object.keys(params))('in the value of %s', (key) => {
			expect(signJdParams({ ...params, [key]: flip(params[key]) }, secret)).not.toBe(official.expected.sign);
		});
	});
});
