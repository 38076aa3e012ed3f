import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHOPIFY_API_VERSION } from '../../../../lib/channels/shopify/codes';
import { shopifyCredentialsFrom, shopifyWebhookHmac, verifyShopifyWebhook } from '../../../../lib/channels/shopify/sign';

interface Vector {
	id: string;
	inputs: Record<string, string>;
	expected: Record<string, string>;
}
const vectors: Vector[] = JSON.parse(readFileSync(path.resolve(__dirname, '../../../fixtures/vectors/channels.json'), 'utf8'));
const vector = vectors.find((v) => v.id === 'shopify-webhook-hmac-derived') as Vector;

describe('Shopify webhook signature', () => {
	it('reproduces the spec vector', () => {
		expect(shopifyWebhookHmac(vector.inputs.body, vector.inputs.secret)).toBe(vector.expected.x_shopify_hmac_sha256);
		expect(verifyShopifyWebhook(Buffer.from(vector.inputs.body), vector.expected.x_shopify_hmac_sha256, vector.inputs.secret)).toBe(true);
	});

	it('refuses a tampered body, a wrong secret, a missing header or secret', () => {
		const { body, secret } = vector.inputs;
		const header = vector.expected.x_shopify_hmac_sha256;
		expect(verifyShopifyWebhook(body.replace('jon', 'jan'), header, secret)).toBe(false);
		expect(verifyShopifyWebhook(body, header, 'other')).toBe(false);
		expect(verifyShopifyWebhook(body, undefined, secret)).toBe(false);
		expect(verifyShopifyWebhook(body, header, undefined)).toBe(false);
		expect(verifyShopifyWebhook(body, 'short', secret)).toBe(false);
	});
});

describe('Shopify credentials', () => {
	it('builds the production base from the shop domain and one API version', () => {
		const c = shopifyCredentialsFrom({ shopDomain: 'https://Tea-House.myshopify.com/', accessToken: ' shpat_1 ', apiSecret: 's' });
		expect(c).toEqual({
			shopDomain: 'tea-house.myshopify.com',
			accessToken: 'shpat_1',
			apiSecret: 's',
			baseUrl: `https://tea-house.myshopify.com/admin/api/${SHOPIFY_API_VERSION}`,
		});
		expect(shopifyCredentialsFrom({ shopDomain: 'tea-house', accessToken: 't' }).shopDomain).toBe('tea-house.myshopify.com');
	});

	it('uses the custom base URL for the local sandbox', () => {
		const c = shopifyCredentialsFrom({ environment: 'custom', customUrl: 'http://127.0.0.1:18080/shopify/', shopDomain: 'a.myshopify.com', accessToken: 't' });
		expect(c.baseUrl).toBe(`http://127.0.0.1:18080/shopify/admin/api/${SHOPIFY_API_VERSION}`);
	});

	it('rejects a domain that is not a myshopify.com shop and an empty custom URL', () => {
		expect(() => shopifyCredentialsFrom({ shopDomain: 'example.com', accessToken: 't' })).toThrow(/myshopify/);
		expect(() => shopifyCredentialsFrom({ environment: 'custom', shopDomain: 'a.myshopify.com' })).toThrow(/custom base URL/);
	});
});
