// The Pinduoduo gateway protocol (channels.md §6.1, §6.2, §6.8, §6.9): where the gateway is and which
// credentials a call carries, the shared sorted-parameter MD5 over every sent parameter, the per-API
// response root keys, the `error_response` reader and the message WebSocket sign.
import { createHash } from 'node:crypto';
import type { GatewayError, JsonObject } from '../core/formGateway';
import { compactParams, signSortedParams, type WireParams } from '../core/sortedParams';

/** Pinduoduo has no sandbox ("目前只提供正式环境"): production, or a custom URL such as the local emulator. */
export const PDD_ENDPOINTS = { production: 'https://gw-api.pinduoduo.com/api/router' } as const;
export type PddEnvironment = keyof typeof PDD_ENDPOINTS | 'custom';

/** `data_type`: JSON answers (XML is the other choice). */
export const PDD_DATA_TYPE = 'JSON';

export interface PinduoduoCredentials {
	clientId: string;
	clientSecret: string;
	accessToken: string;
	refreshToken?: string;
	/** The shop (mall) id: names the shop in errors and unified order ids. */
	shopId: string;
	/** The full gateway URL, e.g. PDD_ENDPOINTS.production or a local sandbox's /api/router. */
	url: string;
}

/** The PinduoduoApi credential's fields, as n8n hands them over (names shared by credential, node and test). */
export interface PinduoduoCredentialFields {
	environment?: unknown;
	customUrl?: unknown;
	clientId?: unknown;
	clientSecret?: unknown;
	accessToken?: unknown;
	refreshToken?: unknown;
	shopId?: unknown;
}

export function pinduoduoCredentialsFrom(fields: PinduoduoCredentialFields): PinduoduoCredentials {
	const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
	const environment = text(fields.environment) || 'production';
	const url = environment === 'custom' ? text(fields.customUrl) : PDD_ENDPOINTS[environment as keyof typeof PDD_ENDPOINTS];
	if (!url) throw new Error(`Pinduoduo credential: no gateway URL for environment ${JSON.stringify(environment)}`);
	return {
		clientId: text(fields.clientId),
		clientSecret: text(fields.clientSecret),
		accessToken: text(fields.accessToken),
		refreshToken: text(fields.refreshToken) || undefined,
		shopId: text(fields.shopId),
		url,
	};
}

/** The `sign` of these parameters: UPPER(MD5(client_secret + sorted key+value pairs + client_secret)). */
export function signPddParams(params: WireParams, clientSecret: string): string {
	return signSortedParams(params, clientSecret, 'md5');
}

/** `timestamp`: Unix seconds; the gateway allows 10 minutes of skew. */
export function pddTimestamp(nowMs: number): string {
	return String(Math.floor(nowMs / 1000));
}

export interface PddSigner {
	clientId: string;
	clientSecret: string;
	/** The shop's access token; omitted for app-level calls (token refresh). */
	accessToken?: string;
}

/**
 * The complete, signed parameters of one call: the business parameters flat beside the system
 * parameters (type, client_id, access_token, timestamp, data_type), then `sign`.
 */
export function signedPddParams(type: string, business: WireParams, signer: PddSigner, timestamp: string): Record<string, string> {
	const params = compactParams({
		...business,
		type,
		client_id: signer.clientId,
		access_token: signer.accessToken,
		timestamp,
		data_type: PDD_DATA_TYPE,
	});
	return { ...params, sign: signPddParams(params, signer.clientSecret) };
}

/**
 * Success bodies use per-API root keys that cannot be derived from the API name (channels.md §6.9).
 * [I] marks keys the spec does not name.
 */
export const PDD_RESPONSE_KEYS: Readonly<Record<string, string>> = {
	'pdd.order.number.list.increment.get': 'order_sn_increment_get_response',
	'pdd.order.list.get': 'order_list_get_response',
	'pdd.order.information.get': 'order_info_get_response',
	'pdd.logistics.online.send': 'logistics_online_send_response',
	'pdd.logistics.companies.get': 'logistics_companies_get_response',
	'pdd.goods.quantity.update': 'goods_quantity_update_response',
	'pdd.refund.list.increment.get': 'refund_increment_get_response',
	'pdd.refund.information.get': 'refund_information_get_response', // [I]
	'pdd.goods.list.get': 'goods_list_get_response',
	'pdd.pop.auth.token.refresh': 'pop_auth_token_refresh_response',
	'pdd.order.note.update': 'response',
};

/** The result member of a success body; undefined when the method has no registered key or it is absent. */
export function pddResultOf(body: JsonObject, apiMethod: string): JsonObject | undefined {
	const key = PDD_RESPONSE_KEYS[apiMethod];
	const result = key ? body[key] : undefined;
	return result && typeof result === 'object' && !Array.isArray(result) ? (result as JsonObject) : undefined;
}

/** `{"error_response": {error_code, error_msg, sub_code, sub_msg, request_id}}`; HTTP status is 200 either way. */
export function pddErrorOf(body: JsonObject): GatewayError | undefined {
	const error = body.error_response as JsonObject | undefined;
	if (!error || typeof error !== 'object') return undefined;
	const parts = [error.error_msg, error.sub_msg].filter((part) => typeof part === 'string' && part !== '');
	const code = error.error_code;
	return {
		code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
		subCode: typeof error.sub_code === 'string' && error.sub_code !== '' ? error.sub_code : undefined,
		message: parts.length > 0 ? [...new Set(parts)].join(': ') : undefined,
	};
}

/** Message WebSocket sign: base64 of the lower-case hex MD5 of client_id + timestamp (ms) + client_secret. */
export function pddWssSign(clientId: string, timestampMs: string | number, clientSecret: string): string {
	const hex = createHash('md5').update(`${clientId}${timestampMs}${clientSecret}`, 'utf8').digest('hex');
	return Buffer.from(hex, 'utf8').toString('base64');
}

/** wss://message-api.pinduoduo.com/message/{client_id}/{timestamp_ms}/{sign} */
export function pddWssUrl(clientId: string, timestampMs: number, clientSecret: string): string {
	return `wss://message-api.pinduoduo.com/message/${clientId}/${timestampMs}/${pddWssSign(clientId, timestampMs, clientSecret)}`;
}
