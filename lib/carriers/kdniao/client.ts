// Kdniao calls: instant query (1002 / 8001), subscription (1008 / 8008), e-waybill create (1007) and
// cancel (1147). Every call is one signed form POST of RequestData.
import { classifyByCode } from '../../channels/core/errors';
import { errorOfKind, InvalidRequestError, type ErrorContext } from '../../http';
import { isoFromMillis, toEpochMillis } from '../../model/time';
import { findAggregatorCarrier, toAggregatorCode } from '../carrierCodes';
import { callCarrier, joinUrl } from '../request';
import { asRecord, textOf } from '../fields';
import type { CarrierDeps, TrackingTimeline } from '../types';
import { KDNIAO_DAILY_LIMIT_CODE, KDNIAO_EORDER_ALREADY_CREATED_CODE, KDNIAO_ERRORS } from './codes';
import { kdniaoTimeline } from './normalize';
import { kdniaoDataSign } from './sign';

export const KDNIAO_PATHS = {
	query: '/Ebusiness/EbusinessOrderHandle.aspx',
	subscribe: '/api/dist',
	eorder: '/api/EOrderService',
} as const;
export type KdniaoEndpoint = keyof typeof KDNIAO_PATHS;
export const KDNIAO_PRODUCTION_URL = 'https://api.kdniao.com';
/** Kdniao's sandbox takes every RequestType at one address. */
export const KDNIAO_SANDBOX_URL = 'http://sandboxapi.kdniao.com:8080/kdniaosandbox/gateway/exterfaceInvoke.json';

export const KDNIAO_REQUEST_TYPES = {
	query: '1002',
	monitoredQuery: '8001',
	subscribe: '1008',
	monitoredSubscribe: '8008',
	createWaybill: '1007',
	cancelWaybill: '1147',
} as const;

export interface KdniaoCredentials {
	eBusinessId: string;
	appKey: string;
}

export interface KdniaoClientOptions extends CarrierDeps {
	credentials: KdniaoCredentials;
	environment?: 'production' | 'sandbox';
	/** A custom host (the local sandbox); the production paths are appended to it. */
	baseUrl?: string;
}

export interface KdniaoParcel {
	/** Our carrier id, or `shipperCode` for carriers outside our table. */
	carrier?: string;
	shipperCode?: string;
	trackingNo: string;
	/** SF: last 4 digits of the sender's or receiver's phone; JD: the merchant code. */
	customerName?: string;
	orderCode?: string;
	/** The paid 在途监控 variant (8001 / 8008), which adds StateEx and per-event Action codes. */
	monitored?: boolean;
}

export interface KdniaoSubscription extends KdniaoParcel {
	/** Echoed back in each push as CallBack. */
	callback?: string;
}

export interface KdniaoWaybill {
	orderCode?: string;
	trackingNo?: string;
	shipperCode?: string;
	carrier?: string;
	/** HTML of the printed waybill when IsReturnPrintTemplate was asked for. */
	printTemplate?: string;
	alreadyCreated: boolean;
	order: Record<string, unknown>;
}

export interface KdniaoCancel {
	carrier?: string;
	shipperCode?: string;
	orderCode: string;
	trackingNo: string;
	customerName?: string;
	customerPwd?: string;
}

export function kdniaoClient(options: KdniaoClientOptions) {
	const { credentials } = options;
	const now = options.now ?? Date.now;

	function urlOf(endpoint: KdniaoEndpoint): string {
		if (options.baseUrl) return joinUrl(options.baseUrl, KDNIAO_PATHS[endpoint]);
		if (options.environment === 'sandbox') return KDNIAO_SANDBOX_URL;
		return KDNIAO_PRODUCTION_URL + KDNIAO_PATHS[endpoint];
	}

	function call<T>(
		endpoint: KdniaoEndpoint,
		requestType: string,
		requestData: object,
		idempotent: boolean,
		read: (body: Record<string, unknown>, ctx: ErrorContext) => T,
	): Promise<T> {
		const ctx: ErrorContext = { provider: 'kdniao', method: `RequestType ${requestType}` };
		const data = JSON.stringify(requestData);
		return callCarrier(options, {
			url: urlOf(endpoint),
			form: {
				EBusinessID: credentials.eBusinessId,
				RequestType: requestType,
				RequestData: data,
				DataSign: kdniaoDataSign(data, credentials.appKey),
				DataType: '2',
			},
			context: ctx,
			idempotent,
			read: (raw) => read(asRecord(raw), ctx),
		});
	}

	function failure(body: Record<string, unknown>, ctx: ErrorContext): Error {
		const code = textOf(body.ResultCode);
		const platformMessage = textOf(body.Reason);
		if (code === KDNIAO_DAILY_LIMIT_CODE) {
			const hint = 'the daily Kdniao query limit is used up; queries work again after midnight China time';
			return errorOfKind('throttled', { ...ctx, code, platformMessage, hint, retryAfterMs: untilChinaMidnight(now()) });
		}
		return classifyByCode(KDNIAO_ERRORS, code, undefined, { ...ctx, platformMessage });
	}

	return {
		/** Instant query; a parcel Kdniao has no traces for yet comes back pending, with Kdniao's reason. */
		async track(parcel: KdniaoParcel): Promise<TrackingTimeline> {
			const type = parcel.monitored ? KDNIAO_REQUEST_TYPES.monitoredQuery : KDNIAO_REQUEST_TYPES.query;
			const data = parcelData(parcel, { provider: 'kdniao', method: `RequestType ${type}` });
			return call('query', type, data, true, (body, ctx) => {
				// A failed lookup that still reports a State is an answer ("no traces yet"), not an error.
				if (body.Success !== true && (textOf(body.ResultCode) !== undefined || textOf(body.State) === undefined)) {
					throw failure(body, ctx);
				}
				const answer = { ShipperCode: data.ShipperCode, LogisticCode: parcel.trackingNo, ...body };
				return kdniaoTimeline(answer, ctx, textOf(body.Reason));
			});
		},

		async subscribe(request: KdniaoSubscription): Promise<{ subscribed: true; estimatedDeliveryTime?: string }> {
			const type = request.monitored ? KDNIAO_REQUEST_TYPES.monitoredSubscribe : KDNIAO_REQUEST_TYPES.subscribe;
			const ctx = { provider: 'kdniao', method: `RequestType ${type}` };
			const data = { ...parcelData(request, ctx), Callback: request.callback };
			return call('subscribe', type, data, true, (body, ctx) => {
				if (body.Success !== true) throw failure(body, ctx);
				return { subscribed: true, estimatedDeliveryTime: textOf(body.EstimatedDeliveryTime) };
			});
		},

		/** 1007: `requestData` is Kdniao's e-waybill order (OrderCode, ShipperCode, Sender, Receiver, Commodity ...). */
		async createWaybill(requestData: Record<string, unknown>): Promise<KdniaoWaybill> {
			return call('eorder', KDNIAO_REQUEST_TYPES.createWaybill, requestData, false, (body, ctx) => {
				const alreadyCreated = textOf(body.ResultCode) === KDNIAO_EORDER_ALREADY_CREATED_CODE;
				const order = asRecord(body.Order);
				if (body.Success !== true && !(alreadyCreated && textOf(order.LogisticCode))) throw failure(body, ctx);
				const shipperCode = textOf(order.ShipperCode) ?? textOf(requestData.ShipperCode);
				return {
					orderCode: textOf(order.OrderCode),
					trackingNo: textOf(order.LogisticCode),
					shipperCode,
					carrier: shipperCode && findAggregatorCarrier('kdniao', shipperCode),
					printTemplate: textOf(body.PrintTemplate),
					alreadyCreated,
					order,
				};
			});
		},

		/** 1147 [I field names]: cancels an e-waybill so its number is returned to the account. */
		async cancelWaybill(request: KdniaoCancel): Promise<{ cancelled: true }> {
			const ctx = { provider: 'kdniao', method: `RequestType ${KDNIAO_REQUEST_TYPES.cancelWaybill}` };
			const data = {
				ShipperCode: shipperCodeOf(request, ctx),
				OrderCode: request.orderCode,
				ExpNo: request.trackingNo,
				CustomerName: request.customerName,
				CustomerPwd: request.customerPwd,
			};
			return call('eorder', KDNIAO_REQUEST_TYPES.cancelWaybill, data, true, (body, errorCtx) => {
				if (body.Success !== true) throw failure(body, errorCtx);
				return { cancelled: true };
			});
		},
	};
}

export type KdniaoClient = ReturnType<typeof kdniaoClient>;

function shipperCodeOf(parcel: { carrier?: string; shipperCode?: string }, context: ErrorContext): string {
	if (parcel.shipperCode) return parcel.shipperCode;
	if (parcel.carrier) return toAggregatorCode(parcel.carrier, 'kdniao');
	throw new InvalidRequestError({ ...context, hint: 'name the carrier (or Kdniao ShipperCode) of the parcel' });
}

function parcelData(parcel: KdniaoParcel, context: ErrorContext) {
	return {
		OrderCode: parcel.orderCode ?? '',
		ShipperCode: shipperCodeOf(parcel, context),
		LogisticCode: parcel.trackingNo,
		CustomerName: parcel.customerName,
	};
}

/** Milliseconds from `nowMs` to the next midnight in China (UTC+8), when Kdniao's daily quota resets. */
export function untilChinaMidnight(nowMs: number): number {
	const today = isoFromMillis(nowMs).slice(0, 10);
	return toEpochMillis(`${today}T00:00:00.000+08:00`) + 86_400_000 - nowMs;
}
