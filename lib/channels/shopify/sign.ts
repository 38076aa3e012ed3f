// Shopify's wire protocol (channels.md §8): no request signing, the Admin API access token in a header, and
// webhooks signed with base64 HMAC-SHA256 of the raw body keyed with the app's API secret.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SHOPIFY_API_VERSION } from './codes';

export type ShopifyEnvironment = 'production' | 'custom';

export interface ShopifyCredentials {
	/** e.g. 'my-store.myshopify.com'; names the shop in errors and unified order ids. */
	shopDomain: string;
	accessToken: string;
	/** The app's API secret key, for webhook signatures. */
	apiSecret?: string;
	/** Everything before '/orders.json', e.g. https://my-store.myshopify.com/admin/api/2024-10. */
	baseUrl: string;
}

/** The ShopifyUnifiedApi credential's fields as n8n hands them over. */
export interface ShopifyCredentialFields {
	environment?: unknown;
	customUrl?: unknown;
	shopDomain?: unknown;
	accessToken?: unknown;
	apiSecret?: unknown;
}

export const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** 'https://My-Store.myshopify.com/' or 'my-store' -> 'my-store.myshopify.com'. */
export function normalizeShopDomain(value: string): string {
	const host = value.trim().toLowerCase().replace(/^https?:\/\//, '').split('/')[0];
	return host.includes('.') ? host : `${host}.myshopify.com`;
}

/** The Admin REST base of a shop: production from the domain, custom from the given URL; one API version. */
export function shopifyBaseUrl(environment: ShopifyEnvironment, shopDomain: string, customUrl = ''): string {
	const root = environment === 'custom' ? customUrl.trim().replace(/\/+$/, '') : `https://${shopDomain}`;
	return `${root}/admin/api/${SHOPIFY_API_VERSION}`;
}

export function shopifyCredentialsFrom(fields: ShopifyCredentialFields): ShopifyCredentials {
	const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
	const environment = (text(fields.environment) || 'production') as ShopifyEnvironment;
	if (environment !== 'production' && environment !== 'custom') {
		throw new Error(`Shopify credential: unknown environment ${JSON.stringify(environment)}`);
	}
	const shopDomain = normalizeShopDomain(text(fields.shopDomain));
	if (!SHOP_DOMAIN.test(shopDomain)) {
		throw new Error(`Shopify credential: shop domain ${JSON.stringify(text(fields.shopDomain))} is not like my-store.myshopify.com`);
	}
	if (environment === 'custom' && !text(fields.customUrl)) throw new Error('Shopify credential: the custom base URL is empty');
	return {
		shopDomain,
		accessToken: text(fields.accessToken),
		apiSecret: text(fields.apiSecret) || undefined,
		baseUrl: shopifyBaseUrl(environment, shopDomain, text(fields.customUrl)),
	};
}

/** X-Shopify-Hmac-Sha256 of a webhook body: base64(HMAC-SHA256(key = API secret, msg = raw body bytes)). */
export function shopifyWebhookHmac(rawBody: string | Buffer, secret: string): string {
	return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/** Constant-time check of a webhook signature; false for a missing secret or header. */
export function verifyShopifyWebhook(rawBody: string | Buffer, header: unknown, secret: string | undefined): boolean {
	if (!secret || typeof header !== 'string' || header.trim() === '') return false;
	const expected = Buffer.from(shopifyWebhookHmac(rawBody, secret));
	const given = Buffer.from(header.trim());
	return given.length === expected.length && timingSafeEqual(given, expected);
}
