import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeSpecialChars, isWooPing, verifyWooWebhook, wooAuth, wooCredentialsFrom, wooWebhookSignature } from '../../../../lib/channels/woocommerce/sign';

interface Vector {
	id: string;
	inputs: Record<string, string>;
	expected: Record<string, string>;
}
const vectors: Vector[] = JSON.parse(readFileSync(path.resolve(__dirname, '../../../fixtures/vectors/woocommerce.json'), 'utf8'));
const vector = vectors.find((v) => v.id === 'woocommerce-webhook-signature-derived') as Vector;

describe('WooCommerce webhook signature', () => {
	it('reproduces the spec vector', () => {
		expect(wooWebhookSignature(vector.inputs.body, vector.inputs.secret)).toBe(vector.expected.x_wc_webhook_signature);
		expect(verifyWooWebhook(Buffer.from(vector.inputs.body), vector.expected.x_wc_webhook_signature, vector.inputs.secret)).toBe(true);
	});

	it('refuses a tampered body, a wrong secret, a missing header or secret', () => {
		const { body, secret } = vector.inputs;
		const header = vector.expected.x_wc_webhook_signature;
		expect(verifyWooWebhook(body.replace('jon', 'jan'), header, secret)).toBe(false);
		expect(verifyWooWebhook(body, header, 'other')).toBe(false);
		expect(verifyWooWebhook(body, undefined, secret)).toBe(false);
		expect(verifyWooWebhook(body, header, undefined)).toBe(false);
		expect(verifyWooWebhook(body, 'short', secret)).toBe(false);
	});

	it('signs with the secret as WordPress decodes it (HTML entities)', () => {
		expect(decodeSpecialChars('a&amp;b&quot;c&#039;d&lt;e&gt;')).toBe('a&b"c\'d<e>');
		expect(wooWebhookSignature('{}', 'x&amp;y')).toBe(wooWebhookSignature('{}', 'x&y'));
	});

	it('tells the unsigned creation ping from a delivery', () => {
		expect(isWooPing('application/x-www-form-urlencoded', Buffer.from('webhook_id=31'))).toBe(true);
		expect(isWooPing(undefined, 'webhook_id=7')).toBe(true);
		expect(isWooPing('application/json', '{"webhook_id":31}')).toBe(false);
		expect(isWooPing('application/x-www-form-urlencoded', 'webhook_id=31&x=1')).toBe(false);
	});
});

describe('WooCommerce credential fields', () => {
	const base = { siteUrl: 'Shop.Example.com/', consumerKey: ' ck_1 ', consumerSecret: 'cs_2' };

	it('reads a production site: https added, host as shop id, Basic auth by default', () => {
		const c = wooCredentialsFrom(base);
		expect(c).toMatchObject({ siteId: 'shop.example.com', baseUrl: 'https://shop.example.com', consumerKey: 'ck_1', consumerSecret: 'cs_2', authMode: 'basic' });
		expect(wooAuth(c)).toEqual({ headers: { authorization: `Basic ${Buffer.from('ck_1:cs_2').toString('base64')}` } });
	});

	it('keeps a sub-folder site and drops a pasted /wp-json path', () => {
		expect(wooCredentialsFrom({ ...base, siteUrl: 'https://example.com/shop/wp-json/wc/v3/' })).toMatchObject({ siteId: 'example.com/shop', baseUrl: 'https://example.com/shop' });
	});

	it('puts the keys in the query when asked', () => {
		expect(wooAuth(wooCredentialsFrom({ ...base, authMode: 'query' }))).toEqual({ qs: { consumer_key: 'ck_1', consumer_secret: 'cs_2' } });
	});

	it('uses the custom base URL but keeps the site as shop id', () => {
		expect(wooCredentialsFrom({ ...base, environment: 'custom', customUrl: 'http://127.0.0.1:18080/woocommerce/' })).toMatchObject({ siteId: 'shop.example.com', baseUrl: 'http://127.0.0.1:18080/woocommerce' });
	});

	it('refuses plain HTTP in production, missing keys, unknown modes', () => {
		expect(() => wooCredentialsFrom({ ...base, siteUrl: 'http://shop.example.com' })).toThrow(/https/);
		expect(() => wooCredentialsFrom({ ...base, consumerSecret: '' })).toThrow(/consumer secret/);
		expect(() => wooCredentialsFrom({ ...base, authMode: 'oauth' })).toThrow(/authentication/);
		expect(() => wooCredentialsFrom({ ...base, environment: 'custom' })).toThrow(/custom base URL/);
		expect(() => wooCredentialsFrom({ ...base, siteUrl: '' })).toThrow(/site URL/);
	});
});
