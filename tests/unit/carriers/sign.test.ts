// The vectors in tests/fixtures/vectors/carriers.json mirror the published carrier signing vectors
// (Kuaidi100, Kdniao, SF) one for one; they are copied so the tests depend on nothing outside the repo.
import vectors from '../../fixtures/vectors/carriers.json';
import { kdniaoDataSign, kdniaoDataSignFormValue, verifyKdniaoDataSign } from '../../../lib/carriers/kdniao/sign';
import {
	kuaidi100PushSign,
	kuaidi100QuerySign,
	kuaidi100TimedSign,
	verifyKuaidi100PushSign,
} from '../../../lib/carriers/kuaidi100/sign';
import { javaUrlEncode, sfMsgDigest, verifySfMsgDigest } from '../../../lib/carriers/sf/sign';
import { md5Hex } from '../../../lib/carriers/digest';

interface Vector {
	id: string;
	inputs: Record<string, string>;
	expected: Record<string, string>;
}

// JSON imports are typed per entry; the tests read them through one uniform shape.
const VECTORS = vectors as unknown as Vector[];

const byId = (id: string): Vector => {
	const found = VECTORS.find((v) => v.id === id);
	if (!found) throw new Error(`vector ${id} missing from the fixture`);
	return found;
};

/** Each signer as a function of the vector's named inputs, returning the value compared to `expected`. */
const SIGNERS: Record<string, { field: string; sign: (i: Record<string, string>) => string }> = {
	'kuaidi100-query-sign-derived': { field: 'sign', sign: (i) => kuaidi100QuerySign(i.param, i.key, i.customer) },
	'kuaidi100-push-sign-derived': { field: 'sign', sign: (i) => kuaidi100PushSign(i.param, i.salt) },
	'kuaidi100-label-order-sign-derived': {
		field: 'sign',
		sign: (i) => kuaidi100TimedSign(i.param, i.t, i.key, i.secret),
	},
	'kdniao-datasign-derived': { field: 'datasign_base64', sign: (i) => kdniaoDataSign(i.RequestData, i.AppKey) },
	'sf-msgdigest-official': { field: 'msgDigest', sign: (i) => sfMsgDigest(i.msgData, i.timestamp, i.checkWord) },
	'sf-msgdigest-edge-chars-derived': {
		field: 'msgDigest',
		sign: (i) => sfMsgDigest(i.msgData, i.timestamp, i.checkWord),
	},
};

/** Replaces the character at `index` by a different one (never the same character). */
function mutateAt(text: string, index: number): string {
	const chars = [...text];
	chars[index] = chars[index] === 'x' ? 'y' : 'x';
	return chars.join('');
}

describe('carrier signing vectors', () => {
	it('covers every carrier vector in the fixture', () => {
		expect(Object.keys(SIGNERS).sort()).toEqual(VECTORS.map((v) => v.id).sort());
	});

	it.each(Object.keys(SIGNERS))('%s reproduces the expected value', (id) => {
		const vector = byId(id);
		const signer = SIGNERS[id];
		expect(signer.sign(vector.inputs)).toBe(vector.expected[signer.field]);
	});

	it.each(Object.keys(SIGNERS))('%s changes when any one character of any input changes', (id) => {
		const vector = byId(id);
		const signer = SIGNERS[id];
		const original = signer.sign(vector.inputs);
		for (const [name, value] of Object.entries(vector.inputs)) {
			const length = [...value].length;
			for (const index of new Set([0, Math.floor(length / 2), length - 1])) {
				const mutated = { ...vector.inputs, [name]: mutateAt(value, index) };
				expect({ name, index, sign: signer.sign(mutated) }).not.toEqual({ name, index, sign: original });
			}
		}
	});
});

describe('Kdniao DataSign', () => {
	const vector = byId('kdniao-datasign-derived');
	const { RequestData, AppKey } = vector.inputs;

	it('hashes to the published hex before base64', () => {
		expect(md5Hex(RequestData + AppKey)).toBe(vector.expected.md5_hex);
	});

	it('URL-encodes the base64 once for a hand-built form body', () => {
		expect(kdniaoDataSignFormValue(RequestData, AppKey)).toBe(vector.expected.datasign_form_value);
		expect(new URLSearchParams({ DataSign: kdniaoDataSign(RequestData, AppKey) }).toString()).toBe(
			`DataSign=${vector.expected.datasign_form_value}`,
		);
	});

	it('verifies a push sign given plain or URL-encoded, and rejects a wrong key or body', () => {
		expect(verifyKdniaoDataSign(RequestData, vector.expected.datasign_base64, AppKey)).toBe(true);
		expect(verifyKdniaoDataSign(RequestData, vector.expected.datasign_form_value, AppKey)).toBe(true);
		expect(verifyKdniaoDataSign(RequestData, vector.expected.datasign_base64, 'other-key')).toBe(false);
		expect(verifyKdniaoDataSign(RequestData + ' ', vector.expected.datasign_base64, AppKey)).toBe(false);
	});
});

describe('Kuaidi100 push verification', () => {
	const vector = byId('kuaidi100-push-sign-derived');
	const { param, salt } = vector.inputs;

	it('accepts the expected sign in either case and rejects anything else', () => {
		expect(verifyKuaidi100PushSign(param, vector.expected.sign, salt)).toBe(true);
		expect(verifyKuaidi100PushSign(param, vector.expected.sign.toLowerCase(), salt)).toBe(true);
		expect(verifyKuaidi100PushSign(param, vector.expected.sign, 'OTHERSALT')).toBe(false);
		expect(verifyKuaidi100PushSign(param, vector.expected.sign.slice(1), salt)).toBe(false);
		expect(verifyKuaidi100PushSign(param, '', salt)).toBe(false);
	});
});

describe('SF msgDigest and the Java URL encoder', () => {
	const edge = byId('sf-msgdigest-edge-chars-derived');
	const { msgData, timestamp, checkWord } = edge.inputs;

	it('builds the published encoded pre-image', () => {
		expect(javaUrlEncode(msgData + timestamp + checkWord)).toBe(edge.expected.encoded_preimage);
	});

	it('does not produce the digest an encodeURIComponent signer would', () => {
		expect(sfMsgDigest(msgData, timestamp, checkWord)).not.toBe(edge.expected.wrong_if_encodeURIComponent);
		expect(verifySfMsgDigest(msgData, timestamp, checkWord, edge.expected.msgDigest)).toBe(true);
		expect(verifySfMsgDigest(msgData, timestamp, checkWord, edge.expected.wrong_if_encodeURIComponent)).toBe(false);
	});

	it('accepts a numeric timestamp the same as its text', () => {
		expect(sfMsgDigest(msgData, Number(timestamp), checkWord)).toBe(edge.expected.msgDigest);
	});

	it.each([
		[' ', '+'],
		['*', '*'],
		['.', '.'],
		['-', '-'],
		['_', '_'],
		['~', '%7E'],
		['!', '%21'],
		["'", '%27'],
		['(', '%28'],
		[')', '%29'],
		['+', '%2B'],
		['%', '%25'],
		['&', '%26'],
		['=', '%3D'],
		['/', '%2F'],
		[':', '%3A'],
		['"', '%22'],
		['\n', '%0A'],
		['中', '%E4%B8%AD'],
		['é', '%C3%A9'],
		['😀', '%F0%9F%98%80'],
		['\ud800', '%3F'],
		['AZaz09', 'AZaz09'],
	])('encodes %j as %s', (input, expected) => {
		expect(javaUrlEncode(input)).toBe(expected);
	});

	// Both keep '*'; only these five and space separate them.
	it('differs from encodeURIComponent exactly on space and ~ ! \' ( ) among printable ASCII', () => {
		const differing: string[] = [];
		for (let code = 0x20; code < 0x7f; code++) {
			const char = String.fromCharCode(code);
			if (javaUrlEncode(char) !== encodeURIComponent(char)) differing.push(char);
		}
		expect(differing.sort()).toEqual([' ', '!', "'", '(', ')', '~'].sort());
	});
});
