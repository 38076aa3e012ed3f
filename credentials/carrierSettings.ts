// Reads the carrier credentials (Kuaidi100, Kdniao, SF) into the options lib's carrier clients take, so the
// nodes, the triggers and the credential tests agree on hosts and secrets.
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import type { KdniaoClientOptions, KdniaoCredentials } from '../lib/carriers/kdniao';
import type { Kuaidi100Credentials } from '../lib/carriers/kuaidi100';
import type { SfClientOptions, SfCredentials } from '../lib/carriers/sf';

/** Where the local sandbox serves each carrier (`npm run sandbox`). */
export const CARRIER_SANDBOX_URLS = {
	kuaidi100: 'http://127.0.0.1:18080/kuaidi100',
	kdniao: 'http://127.0.0.1:18080/kdniao',
	sf: 'http://127.0.0.1:18080/sf',
} as const;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value));
const customUrl = (c: ICredentialDataDecryptedObject): string | undefined =>
	c.environment === 'custom' ? text(c.customBaseUrl).replace(/\/+$/, '') || undefined : undefined;

export interface Kuaidi100Settings {
	credentials: Kuaidi100Credentials;
	baseUrl?: string;
	/** Signs subscriptions' pushes; the trigger verifies with it. */
	salt?: string;
}

export function kuaidi100Settings(c: ICredentialDataDecryptedObject): Kuaidi100Settings {
	return {
		credentials: { customer: text(c.customer), key: text(c.authKey), secret: text(c.secret) || undefined },
		baseUrl: customUrl(c),
		salt: text(c.pushSecret) || undefined,
	};
}

export interface KdniaoSettings {
	credentials: KdniaoCredentials;
	environment: NonNullable<KdniaoClientOptions['environment']>;
	baseUrl?: string;
}

export function kdniaoSettings(c: ICredentialDataDecryptedObject): KdniaoSettings {
	return {
		credentials: { eBusinessId: text(c.eBusinessId), appKey: text(c.apiKey) },
		environment: c.environment === 'sandbox' ? 'sandbox' : 'production',
		baseUrl: customUrl(c),
	};
}

export interface SfSettings {
	credentials: SfCredentials;
	environment: NonNullable<SfClientOptions['environment']>;
	baseUrl?: string;
	auth: NonNullable<SfClientOptions['auth']>;
	/** Secret the route push URL must carry (?token=...): SF's JSON route push is not signed. */
	pushToken?: string;
}

export function sfSettings(c: ICredentialDataDecryptedObject): SfSettings {
	return {
		credentials: { partnerId: text(c.partnerId), checkWord: text(c.checkWordSecret) },
		environment: c.environment === 'sandbox' ? 'sandbox' : 'production',
		baseUrl: customUrl(c),
		auth: c.auth === 'oauth' ? 'oauth' : 'digest',
		pushToken: text(c.pushToken) || undefined,
	};
}
