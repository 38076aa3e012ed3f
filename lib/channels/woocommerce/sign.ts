// WooCommerce's wire protocol (channels.md §9): consumer key/secret over HTTPS, sent as HTTP Basic auth or
// as query parameters; webhooks signed with base64 HMAC-SHA256 of the raw body keyed with the webhook's secret.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type WooEnvironment = 'production' | 'custom';
export type WooAuthMode = 'basic' | 'query';

export interface WooCredentials {
	/** The site's host (shop.example.com); names the shop in errors and unified order ids. */
	siteId: string;
	/** Site root, e.g. https://shop.example.com (the API is under /wp-json/wc/v3). */
	baseUrl: string;
	consumerKey: string;
	consumerSecret: string;
	authMode: WooAuthMode;
	/** The secret webhooks are signed with, when set on the credential. */
	webhookSecret?: string;
}

/** The WooCommerceUnifiedApi credential's fields as n8n hands them over. */
export interface WooCredentialFields {
	environment?: unknown;
	siteUrl?: unknown;
	customUrl?: unknown;
	consumerKey?: unknown;
	consumerSecret?: unknown;
	authMode?: unknown;
	webhookSecret?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** 'shop.example.com/', 'https://Shop.example.com/wp-json/wc/v3' -> 'https://shop.example.com'. */
export function normalizeSiteUrl(value: string): string {
	const trimmed = value.trim().replace(/\/wp-json(\/.*)?$/i, '').replace(/\/+$/, '');
	const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
	const url = new URL(withScheme);
	return `${url.protocol}//${url.host.toLowerCase()}${url.pathname.replace(/\/+$/, '')}`;
}

export function wooCredentialsFrom(fields: WooCredentialFields): WooCredentials {
	const environment = (text(fields.environment) || 'production') as WooEnvironment;
	if (environment !== 'production' && environment !== 'custom') {
		throw new Error(`WooCommerce credential: unknown environment ${JSON.stringify(environment)}`);
	}
	const authMode = (text(fields.authMode) || 'basic') as WooAuthMode;
	if (authMode !== 'basic' && authMode !== 'query') throw new Error(`WooCommerce credential: unknown authentication ${JSON.stringify(authMode)}`);
	if (!text(fields.siteUrl)) throw new Error('WooCommerce credential: the site URL is empty');
	let site: string;
	try {
		site = normalizeSiteUrl(text(fields.siteUrl));
	} catch {
		throw new Error(`WooCommerce credential: site URL ${JSON.stringify(text(fields.siteUrl))} is not a URL like https://shop.example.com`);
	}
	// Over plain HTTP WooCommerce accepts only OAuth 1.0a signatures, which this pack does not send.
	if (environment === 'production' && site.startsWith('http://')) {
		throw new Error('WooCommerce credential: the site URL must use https:// (keys are only accepted over HTTPS)');
	}
	if (environment === 'custom' && !text(fields.customUrl)) throw new Error('WooCommerce credential: the custom base URL is empty');
	const consumerKey = text(fields.consumerKey);
	const consumerSecret = text(fields.consumerSecret);
	if (!consumerKey || !consumerSecret) throw new Error('WooCommerce credential: consumer key and consumer secret are both required');
	return {
		siteId: new URL(site).host + new URL(site).pathname.replace(/\/+$/, ''),
		baseUrl: environment === 'custom' ? text(fields.customUrl).replace(/\/+$/, '') : site,
		consumerKey,
		consumerSecret,
		authMode,
		webhookSecret: text(fields.webhookSecret) || undefined,
	};
}

/** The auth headers or query parameters of every call. */
export function wooAuth(credentials: Pick<WooCredentials, 'consumerKey' | 'consumerSecret' | 'authMode'>): {
	headers?: Record<string, string>;
	qs?: Record<string, string>;
} {
	if (credentials.authMode === 'query') return { qs: { consumer_key: credentials.consumerKey, consumer_secret: credentials.consumerSecret } };
	const basic = Buffer.from(`${credentials.consumerKey}:${credentials.consumerSecret}`).toString('base64');
	return { headers: { authorization: `Basic ${basic}` } };
}

/** X-WC-Webhook-Signature of a delivery: base64(HMAC-SHA256(key = webhook secret, msg = raw body bytes)). */
export function wooWebhookSignature(rawBody: string | Buffer, secret: string): string {
	return createHmac('sha256', decodeSpecialChars(secret)).update(rawBody).digest('base64');
}

/** Constant-time check of a delivery's signature; false for a missing secret or header. */
export function verifyWooWebhook(rawBody: string | Buffer, header: unknown, secret: string | undefined): boolean {
	if (!secret || typeof header !== 'string' || header.trim() === '') return false;
	const expected = Buffer.from(wooWebhookSignature(rawBody, secret));
	const given = Buffer.from(header.trim());
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The creation ping: a form POST `webhook_id=N` with no signature; anything else is a delivery. */
export function isWooPing(contentType: unknown, rawBody: string | Buffer): boolean {
	const body = rawBody.toString();
	return /^webhook_id=\d+$/.test(body.trim()) && (typeof contentType !== 'string' || !contentType.includes('json'));
}

/** WordPress decodes HTML entities in the stored secret (wp_specialchars_decode, ENT_QUOTES) before signing. */
export function decodeSpecialChars(secret: string): string {
	return secret
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#0*39;/g, "'")
		.replace(/&amp;/g, '&');
}
