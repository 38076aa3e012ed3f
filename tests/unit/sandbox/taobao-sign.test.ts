import { topDigest, topSign, verifyTopSignature } from '../../../sandbox/providers/taobao/sign';
import vectors from './vectors.json';

interface TopVector {
	id: string;
	inputs: { secret: string; params: Record<string, string> };
	expected: { sign: string };
}

const topVectors = vectors.filter((v) => v.id.startsWith('taobao-top-')) as unknown as TopVector[];

/** Changes one character: the last one, to a different character of the same kind. */
function mutate(text: string): string {
	const last = text.slice(-1);
	const replacement = /\d/.test(last) ? String((Number(last) + 1) % 10) : last === 'z' ? 'y' : last === 'Z' ? 'Y' : /[a-y]/i.test(last) ? String.fromCharCode(last.charCodeAt(0) + 1) : 'x';
	return text.slice(0, -1) + replacement;
}

describe('TOP signature verifier', () => {
	test('covers the official vector and its derived siblings', () => {
		expect(topVectors.map((v) => v.id).sort()).toEqual([
			'taobao-top-hmac-md5-derived',
			'taobao-top-hmac-sha256-derived',
			'taobao-top-md5-official',
		]);
	});

	describe.each(topVectors.map((v) => [v.id, v] as const))('%s', (_id, vector) => {
		const signed = () => ({ ...vector.inputs.params, sign: vector.expected.sign });

		test('the published sign is accepted and recomputed exactly', () => {
			expect(topSign(vector.inputs.params, vector.inputs.secret, vector.inputs.params.sign_method as never)).toBe(vector.expected.sign);
			expect(verifyTopSignature(signed(), vector.inputs.secret)).toBe(true);
			expect(verifyTopSignature({ ...signed(), sign: vector.expected.sign.toLowerCase() }, vector.inputs.secret)).toBe(true);
		});

		test.each(Object.keys(vector.inputs.params))('a one-character change of %s is rejected', (name) => {
			const params = signed();
			params[name as keyof typeof params] = mutate(params[name as keyof typeof params]);
			expect(verifyTopSignature(params, vector.inputs.secret)).toBe(false);
		});

		test('a one-character change of the secret or of the sign is rejected', () => {
			expect(verifyTopSignature(signed(), mutate(vector.inputs.secret))).toBe(false);
			expect(verifyTopSignature({ ...signed(), sign: mutate(vector.expected.sign) }, vector.inputs.secret)).toBe(false);
		});

		test('an extra parameter or a dropped one is rejected', () => {
			expect(verifyTopSignature({ ...signed(), partner_id: 'x' }, vector.inputs.secret)).toBe(false);
			const rest: Record<string, string> = signed();
			delete rest.fields;
			expect(verifyTopSignature(rest, vector.inputs.secret)).toBe(false);
		});
	});

	test('RFC 2202 HMAC-MD5 case 1 (the sanity vector TOP SDK tests use)', () => {
		const vector = vectors.find((v) => v.id === 'rfc2202-hmac-md5-case1')!;
		const inputs = vector.inputs as { key_hex: string; msg: string };
		const key = Buffer.from(inputs.key_hex, 'hex').toString('latin1');
		expect(topDigest(inputs.msg, key, 'hmac')).toBe((vector.expected as { digest: string }).digest);
	});

	test('unknown sign methods and a missing sign fail', () => {
		const vector = topVectors[0];
		expect(verifyTopSignature({ ...vector.inputs.params, sign_method: 'sha1', sign: vector.expected.sign }, 'helloworld')).toBe(false);
		expect(verifyTopSignature({ ...vector.inputs.params }, 'helloworld')).toBe(false);
	});

	test('empty values are left out of the signed text, as SDKs leave them out', () => {
		const vector = topVectors[0];
		expect(verifyTopSignature({ ...vector.inputs.params, buyer_nick: '', sign: vector.expected.sign }, 'helloworld')).toBe(true);
	});
});
