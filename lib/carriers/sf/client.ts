// SF open platform (丰桥) calls: order create, search, confirm/cancel, route query; signed with msgDigest
// or, in OAuth mode, with an access token fetched and renewed by the client.
import { randomUUID } from 'node:crypto';
import { classifyByCode } from '../../channels/core/errors';
import { isChannelApiError, type ErrorContext } from '../../http';
import { parseJsonLossless } from '../../json';
import { callCarrier, joinUrl } from '../request';
import { asArray, asRecord, textOf } from '../fields';
import type { CarrierDeps, TrackingTimeline } from '../types';
import {
	SF_ALREADY_CANCELLED_CODE,
	SF_BUSINESS_ERRORS,
	SF_BUSINESS_HINTS,
	SF_GATEWAY_ERRORS,
	SF_GATEWAY_HINTS,
} from './codes';
import { sfRouteTimelines } from './normalize';
import { sfMsgDigest } from './sign';

export const SF_URLS = { production: 'https://bspgw.sf-express.com', sandbox: 'https://sfapi-sbox.sf-express.com' } as const;
export const SF_OAUTH_URLS = { production: 'https://sfapi.sf-express.com', sandbox: 'https://sfapi-sbox.sf-express.com' } as const;
export const SF_PATHS = { service: '/std/service', oauth: '/oauth2/accessToken' } as const;
export const SF_SERVICE_CODES = {
	createOrder: 'EXP_RECE_CREATE_ORDER',
	searchOrder: 'EXP_RECE_SEARCH_ORDER_RESP',
	updateOrder: 'EXP_RECE_UPDATE_ORDER',
	searchRoutes: 'EXP_RECE_SEARCH_ROUTES',
} as const;
/** A route query takes at most this many numbers; longer lists are sent in several calls. */
export const SF_ROUTE_QUERY_MAX = 10;
/** [I] used when the token reply has no expiresIn: SF documents a 2-hour token. */
export const SF_TOKEN_DEFAULT_LIFETIME_S = 7200;
/** Renew this long before the token expires, so a call never starts with a token about to lapse. */
const TOKEN_RENEW_MARGIN_MS = 5 * 60_000;

export interface SfCredentials {
	/** 顾客编码 (partnerID). */
	partnerId: string;
	/** 校验码 (checkWord); also the OAuth secret. */
	checkWord: string;
}

export interface SfClientOptions extends CarrierDeps {
	credentials: SfCredentials;
	environment?: 'production' | 'sandbox';
	/** A custom host (the local sandbox) for the service and, unless oauthBaseUrl is set, the token call. */
	baseUrl?: string;
	oauthBaseUrl?: string;
	/** 'digest' signs each call with msgDigest; 'oauth' sends an access token instead. */
	auth?: 'digest' | 'oauth';
	requestId?: () => string;
	language?: string;
}

export interface SfWaybillNo {
	waybillNo: string;
	/** [I] 1 mother, 2 child, 3 signed-return waybill. */
	waybillType?: string;
}

export interface SfOrderResult {
	orderId?: string;
	/** The mother waybill number (or the first one). */
	trackingNo?: string;
	waybillNos: SfWaybillNo[];
	originCode?: string;
	destCode?: string;
	/** [I] 2 = SF can pick up and deliver. */
	filterResult?: string;
	msgData: Record<string, unknown>;
}

export interface SfRouteQuery {
	trackingNumbers: string[];
	/** Look up by our orderId instead of the SF waybill number (trackingType 2). */
	byOrderId?: boolean;
	/** Last 4 digits of the sender's or receiver's phone, needed for waybills of other partners. */
	checkPhoneNo?: string;
}

export function sfClient(options: SfClientOptions) {
	const { credentials } = options;
	const environment = options.environment ?? 'production';
	const serviceUrl = joinUrl(options.baseUrl ?? SF_URLS[environment], SF_PATHS.service);
	const oauthUrl = joinUrl(options.oauthBaseUrl ?? options.baseUrl ?? SF_OAUTH_URLS[environment], SF_PATHS.oauth);
	const now = options.now ?? Date.now;
	const requestId = options.requestId ?? randomUUID;
	const language = options.language ?? 'zh-CN';
	let token: { value: string; renewAt: number } | undefined;

	async function fetchAccessToken(): Promise<{ accessToken: string; expiresAt: number }> {
		const ctx: ErrorContext = { provider: 'sf', method: 'oauth2/accessToken' };
		const startedAt = now();
		return callCarrier(options, {
			url: oauthUrl,
			qs: { partnerID: credentials.partnerId, secret: credentials.checkWord, grantType: 'password' },
			context: ctx,
			idempotent: true,
			read: (raw) => {
				const body = asRecord(raw);
				const accessToken = textOf(body.accessToken);
				if (textOf(body.apiResultCode) !== 'A1000' || !accessToken) throw gatewayError(body, ctx);
				const lifetimeS = Number(textOf(body.expiresIn) ?? SF_TOKEN_DEFAULT_LIFETIME_S);
				return { accessToken, expiresAt: startedAt + lifetimeS * 1000 };
			},
		});
	}

	async function accessToken(): Promise<string> {
		if (token && now() < token.renewAt) return token.value;
		const fresh = await fetchAccessToken();
		token = { value: fresh.accessToken, renewAt: fresh.expiresAt - TOKEN_RENEW_MARGIN_MS };
		return token.value;
	}

	async function service(
		serviceCode: string,
		msgData: object,
		idempotent: boolean,
		onBusinessError?: (code: string | undefined) => Record<string, unknown> | undefined,
	): Promise<Record<string, unknown>> {
		const attempt = async () => {
			const ctx: ErrorContext = { provider: 'sf', method: serviceCode };
			const data = JSON.stringify(msgData);
			const timestamp = String(now());
			const signature =
				options.auth === 'oauth'
					? { accessToken: await accessToken() }
					: { msgDigest: sfMsgDigest(data, timestamp, credentials.checkWord) };
			return callCarrier(options, {
				url: serviceUrl,
				form: { partnerID: credentials.partnerId, requestID: requestId(), serviceCode, timestamp, msgData: data, ...signature },
				context: ctx,
				idempotent,
				read: (raw) => readEnvelope(asRecord(raw), ctx, onBusinessError),
			});
		};
		try {
			return await attempt();
		} catch (err) {
			// An OAuth token can lapse early (revoked, clock skew): renew it once and try again.
			if (options.auth !== 'oauth' || !isChannelApiError(err) || err.code !== 'A1002') throw err;
			token = undefined;
			return attempt();
		}
	}

	return {
		fetchAccessToken,

		/** EXP_RECE_CREATE_ORDER: `msgData` is SF's order (orderId, contactInfoList, cargoDetails, monthlyCard ...). */
		async createOrder(msgData: Record<string, unknown>): Promise<SfOrderResult> {
			return orderResult(await service(SF_SERVICE_CODES.createOrder, { language, ...msgData }, false));
		},

		/** EXP_RECE_SEARCH_ORDER_RESP: the waybill numbers of an order created before. */
		async searchOrder(orderId: string): Promise<SfOrderResult> {
			return orderResult(await service(SF_SERVICE_CODES.searchOrder, { language, orderId }, true));
		},

		/** EXP_RECE_UPDATE_ORDER with dealType 1 (confirm); `extra` adds waybill or weight fields. */
		async confirmOrder(orderId: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
			return service(SF_SERVICE_CODES.updateOrder, { language, orderId, dealType: 1, ...extra }, true);
		},

		/** EXP_RECE_UPDATE_ORDER with dealType 2; an order already cancelled counts as cancelled. */
		async cancelOrder(orderId: string): Promise<{ cancelled: true; alreadyCancelled: boolean; msgData: Record<string, unknown> }> {
			let alreadyCancelled = false;
			const msgData = await service(SF_SERVICE_CODES.updateOrder, { language, orderId, dealType: 2 }, true, (code) => {
				if (code !== SF_ALREADY_CANCELLED_CODE) return undefined;
				alreadyCancelled = true;
				return {};
			});
			return { cancelled: true, alreadyCancelled, msgData };
		},

		/** EXP_RECE_SEARCH_ROUTES: one normalized timeline per waybill, in batches of SF_ROUTE_QUERY_MAX. */
		async routes(query: SfRouteQuery): Promise<TrackingTimeline[]> {
			const timelines: TrackingTimeline[] = [];
			for (let start = 0; start < query.trackingNumbers.length; start += SF_ROUTE_QUERY_MAX) {
				const msgData = await service(
					SF_SERVICE_CODES.searchRoutes,
					{
						language,
						trackingType: query.byOrderId ? 2 : 1,
						trackingNumber: query.trackingNumbers.slice(start, start + SF_ROUTE_QUERY_MAX),
						methodType: 1,
						checkPhoneNo: query.checkPhoneNo,
					},
					true,
				);
				timelines.push(...sfRouteTimelines(msgData, { provider: 'sf', method: SF_SERVICE_CODES.searchRoutes }));
			}
			return timelines;
		},
	};
}

export type SfClient = ReturnType<typeof sfClient>;

function gatewayError(body: Record<string, unknown>, ctx: ErrorContext): Error {
	const code = textOf(body.apiResultCode);
	const hint = code === undefined ? undefined : SF_GATEWAY_HINTS[code];
	return classifyByCode(SF_GATEWAY_ERRORS, code, undefined, { ...ctx, platformMessage: textOf(body.apiErrorMsg), hint });
}

/** The gateway envelope, then the business result inside `apiResultData` (a JSON string). */
function readEnvelope(
	body: Record<string, unknown>,
	ctx: ErrorContext,
	onBusinessError?: (code: string | undefined) => Record<string, unknown> | undefined,
): Record<string, unknown> {
	if (textOf(body.apiResultCode) !== 'A1000') throw gatewayError(body, ctx);
	const resultText = body.apiResultData;
	const result = asRecord(typeof resultText === 'string' ? parseJsonLossless(resultText, ctx) : resultText);
	const code = textOf(result.errorCode);
	if (result.success === true || code === 'S0000') return asRecord(result.msgData);
	const handled = onBusinessError?.(code);
	if (handled) return handled;
	const hint = code === undefined ? undefined : SF_BUSINESS_HINTS[code];
	throw classifyByCode(SF_BUSINESS_ERRORS, code, undefined, { ...ctx, platformMessage: textOf(result.errorMsg), hint });
}

function orderResult(msgData: Record<string, unknown>): SfOrderResult {
	const waybillNos = asArray(msgData.waybillNoInfoList).flatMap((item) => {
		const info = asRecord(item);
		const waybillNo = textOf(info.waybillNo);
		return waybillNo ? [{ waybillNo, waybillType: textOf(info.waybillType) }] : [];
	});
	const mother = waybillNos.find((w) => w.waybillType === '1') ?? waybillNos[0];
	return {
		orderId: textOf(msgData.orderId),
		trackingNo: mother?.waybillNo,
		waybillNos,
		originCode: textOf(msgData.originCode),
		destCode: textOf(msgData.destCode),
		filterResult: textOf(msgData.filterResult),
		msgData,
	};
}
