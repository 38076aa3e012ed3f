import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
	PushCryptoError,
	decryptPushMessage,
	encryptPushMessage,
	msgSignature,
	signaturesEqual,
	urlSignature,
	wechatErrorOf,
	wechatShopCredentialsFrom,
} from '../../../../lib/channels/wechatShop/sign';

interface Vector {
	id: string;
	inputs: Record<string, string>;
	expected: Record<string, string>;
}

const vectors: Vector[] = JSON.parse(readFileSync(path.resolve(__dirname, '../../../fixtures/vectors/channels.json'), 'utf8'));
const vector = (id: string) => {
	const found = vectors.find((v) => v.id === id);
	if (!found) throw new Error(`vector ${id} missing`);
	return found;
};

describe('WeChat shop push crypto: published vectors', () => {
	it('encrypts the WxJava plaintext to the published ciphertext', () => {
		const { inputs, expected } = vector('wechat-channels-aes-encrypt-wxjava');
		const encrypt = encryptPushMessage(inputs.plaintext, inputs.encoding_aes_key, inputs.appid, Buffer.from(inputs.random));
		expect(encrypt).toBe(expected.encrypt);
	});

	it('decrypts the WxJava ciphertext back to the plaintext and AppID', () => {
		const { inputs, expected } = vector('wechat-channels-aes-encrypt-wxjava');
		expect(decryptPushMessage(expected.encrypt, inputs.encoding_aes_key, inputs.appid)).toEqual({
			message: inputs.plaintext,
			appId: inputs.appid,
		});
	});

	it('computes the msg_signature vector', () => {
		const { inputs, expected } = vector('wechat-channels-msg-signature-derived');
		expect(msgSignature(inputs.token, inputs.timestamp, inputs.nonce, inputs.encrypt)).toBe(expected.msg_signature);
	});

	it('computes the URL signature vector', () => {
		const { inputs, expected } = vector('wechat-channels-url-signature-derived');
		expect(urlSignature(inputs.token, inputs.timestamp, inputs.nonce)).toBe(expected.signature);
	});
});

describe('WeChat shop push crypto: refusals', () => {
	const key = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

	it('refuses a message for another AppID', () => {
		const encrypt = encryptPushMessage('{"a":1}', key, 'wx-other');
		expect(() => decryptPushMessage(encrypt, key, 'wxb11529c136998cb6')).toThrow(/wx-other/);
	});

	it('refuses a tampered ciphertext (bad padding or length)', () => {
		const encrypt = Buffer.from(encryptPushMessage('{"a":1}', key, 'wx1'), 'base64');
		encrypt[encrypt.length - 1] ^= 0xff;
		expect(() => decryptPushMessage(encrypt.toString('base64'), key, 'wx1')).toThrow(PushCryptoError);
	});

	it('refuses a key that is not 43 characters', () => {
		expect(() => encryptPushMessage('x', 'short', 'wx1')).toThrow(/43/);
	});

	it('compares signatures in constant time and case-insensitively', () => {
		expect(signaturesEqual('abc', 'ABC')).toBe(true);
		expect(signaturesEqual('abc', 'abd')).toBe(false);
		expect(signaturesEqual('abc', 'ab')).toBe(false);
		expect(signaturesEqual('abc', undefined)).toBe(false);
	});
});

describe('WeChat shop credential and envelope', () => {
	it('reads credential fields with production and custom base URLs', () => {
		expect(wechatShopCredentialsFrom({ appId: ' wx1 ', appSecret: 's' })).toMatchObject({
			appId: 'wx1',
			shopId: 'wx1',
			baseUrl: 'https://api.weixin.qq.com',
			tokenMode: 'stable',
		});
		const custom = wechatShopCredentialsFrom({ environment: 'custom', customUrl: 'http://127.0.0.1:18080/wechat/', appId: 'wx1', shopId: 'shop-9', grantMode: 'classic' });
		expect(custom).toMatchObject({ baseUrl: 'http://127.0.0.1:18080/wechat', shopId: 'shop-9', tokenMode: 'classic' });
		expect(() => wechatShopCredentialsFrom({ environment: 'custom', appId: 'wx1' })).toThrow(/base URL/);
	});

	it('reads errcode envelopes: 0 and absent are results', () => {
		expect(wechatErrorOf({ errcode: 0, errmsg: 'ok' })).toBeUndefined();
		expect(wechatErrorOf({ order: {} })).toBeUndefined();
		expect(wechatErrorOf({ errcode: 42001, errmsg: 'access_token expired' })).toEqual({ code: 42001, message: 'access_token expired' });
	});
});
