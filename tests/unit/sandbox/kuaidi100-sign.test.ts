import { labelSign, pushSign, querySign, signMatches } from '../../../sandbox/providers/kuaidi100/sign';
import vectors from './vectors.json';

const vector = (id: string) => {
	const found = vectors.find((v) => v.id === id);
	if (!found) throw new Error(`vector ${id} missing`);
	return found as unknown as { inputs: Record<string, string>; expected: { sign: string } };
};

/** One character changed: the last one. */
const mutate = (text: string) => text.slice(0, -1) + (text.endsWith('0') ? '1' : text.endsWith('}') ? ' ' : '0');

const CASES = [
	{ id: 'kuaidi100-query-sign-derived', inputs: ['param', 'key', 'customer'], sign: (i: Record<string, string>) => querySign(i.param, i.key, i.customer) },
	{ id: 'kuaidi100-push-sign-derived', inputs: ['param', 'salt'], sign: (i: Record<string, string>) => pushSign(i.param, i.salt) },
	{ id: 'kuaidi100-label-order-sign-derived', inputs: ['param', 't', 'key', 'secret'], sign: (i: Record<string, string>) => labelSign(i.param, i.t, i.key, i.secret) },
];

describe.each(CASES)('$id', ({ id, inputs, sign }) => {
	const { inputs: given, expected } = vector(id);

	test('the vector is accepted', () => {
		expect(sign(given)).toBe(expected.sign);
		expect(signMatches(expected.sign, sign(given))).toBe(true);
		expect(signMatches(expected.sign.toLowerCase(), sign(given))).toBe(true);
	});

	test.each(inputs)('a one-character change of %s is rejected', (name) => {
		expect(signMatches(expected.sign, sign({ ...given, [name]: mutate(given[name]) }))).toBe(false);
	});

	test('a one-character change of the sign is rejected, and so is a missing sign', () => {
		expect(signMatches(mutate(expected.sign), sign(given))).toBe(false);
		expect(signMatches(undefined, sign(given))).toBe(false);
	});
});
