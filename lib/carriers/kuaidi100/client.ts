// Kuaidi100 calls: real-time query, subscription with a callback, and e-waybill (label) order and cancel.
import { classifyByCode } from '../../channels/core/errors';
import { InvalidRequestError, type ErrorContext } from '../../http';
import { toAggregatorCode } from '../carrierCodes';
import { callCarrier, joinUrl } from '../request';
import { asArray, asRecord, textOf } from '../fields';
import type { CarrierDeps, TrackingTimeline } from '../types';
import {
	KUAIDI100_LABEL_ERRORS,
	KUAIDI100_QUERY_ERRORS,
	KUAIDI100_QUERY_NO_RESULT_CODE,
	KUAIDI100_SUBSCRIBE_DUPLICATE_CODE,
	KUAIDI100_SUBSCRIBE_ERRORS,
} from './codes';
import { kuaidi100Timeline } from './normalize';
import { kuaidi100QuerySign, kuaidi100TimedSign } from './sign';

export const KUAIDI100_BASE_URLS = { poll: 'https://poll.kuaidi100.com', api: 'https://api.kuaidi100.com' } as const;
export const KUAIDI100_PATHS = { query: '/poll/query.do', subscribe: '/poll', label: '/label/order' } as const;
/** Asks for advanced status codes per event and at the top (resultv2=4), which the normalized status needs. */
export const KUAIDI100_RESULT_VERSION = '4';

export interface Kuaidi100Credentials {
	/** 公司编号 (customer), for the real-time query. */
	customer: string;
	/** 授权 key. */
	key: string;
	/** Needed for the label (e-waybill) API only. */
	secret?: string;
}

export interface Kuaidi100ClientOptions extends CarrierDeps {
	credentials: Kuaidi100Credentials;
	/** Host of query and subscription; a custom one (the local sandbox) serves the label API too. */
	baseUrl?: string;
	labelBaseUrl?: string;
}

/** A parcel by our carrier id, or by Kuaidi100's own `com` code for carriers outside our table. */
export interface Kuaidi100Parcel {
	carrier?: string;
	com?: string;
	trackingNo: string;
	/** Sender or receiver phone (last 4 digits accepted): SF and 丰网 require it. */
	phone?: string;
	from?: string;
	to?: string;
}

export interface Kuaidi100Subscription extends Kuaidi100Parcel {
	callbackUrl: string;
	/** Makes Kuaidi100 sign each push; keep it to verify them. */
	salt?: string;
}

export interface Kuaidi100LabelResult {
	taskId?: string;
	trackingNo?: string;
	childTrackingNos: string[];
	returnTrackingNo?: string;
	/** Short URL of the label image or HTML, when printType asks for one. */
	labelUrl?: string;
	/** Everything Kuaidi100 returned in `data` (sort codes, route marks ...). */
	data: Record<string, unknown>;
}

export function kuaidi100Client(options: Kuaidi100ClientOptions) {
	const { credentials } = options;
	const pollBase = options.baseUrl ?? KUAIDI100_BASE_URLS.poll;
	const labelBase = options.labelBaseUrl ?? options.baseUrl ?? KUAIDI100_BASE_URLS.api;
	const now = options.now ?? Date.now;
	const context = (method: string): ErrorContext => ({ provider: 'kuaidi100', method });

	return {
		/** Real-time query (poll/query.do); "no result yet" comes back as a pending timeline without events. */
		async track(parcel: Kuaidi100Parcel): Promise<TrackingTimeline> {
			const ctx = context('poll/query.do');
			const com = comOf(parcel, ctx);
			const param = JSON.stringify({
				com,
				num: parcel.trackingNo,
				phone: parcel.phone,
				from: parcel.from,
				to: parcel.to,
				resultv2: KUAIDI100_RESULT_VERSION,
				show: '0',
				order: 'desc',
			});
			const sign = kuaidi100QuerySign(param, credentials.key, credentials.customer);
			return callCarrier(options, {
				url: joinUrl(pollBase, KUAIDI100_PATHS.query),
				form: { customer: credentials.customer, sign, param },
				context: ctx,
				idempotent: true,
				read: (raw) => {
					const body = asRecord(raw);
					const returnCode = textOf(body.returnCode);
					const failed = body.result === false || (returnCode !== undefined && returnCode !== '200');
					const message = textOf(body.message);
					if (!failed) return kuaidi100Timeline(body, ctx, { com, trackingNo: parcel.trackingNo });
					if (returnCode === KUAIDI100_QUERY_NO_RESULT_CODE) {
						return kuaidi100Timeline({}, ctx, { com, trackingNo: parcel.trackingNo, providerMessage: message });
					}
					throw classifyByCode(KUAIDI100_QUERY_ERRORS, returnCode, undefined, { ...ctx, platformMessage: message });
				},
			});
		},

		/** Subscribes a parcel to pushes; a parcel already subscribed counts as subscribed. */
		async subscribe(request: Kuaidi100Subscription): Promise<{ subscribed: true; alreadySubscribed: boolean }> {
			const ctx = context('poll (subscribe)');
			const com = request.com ?? (request.carrier === undefined ? undefined : toAggregatorCode(request.carrier, 'kuaidi100'));
			const param = JSON.stringify({
				company: com ?? '',
				number: request.trackingNo,
				from: request.from,
				to: request.to,
				key: credentials.key,
				parameters: {
					callbackurl: request.callbackUrl,
					salt: request.salt,
					resultv2: KUAIDI100_RESULT_VERSION,
					autoCom: com === undefined ? '1' : undefined,
					phone: request.phone,
				},
			});
			return callCarrier(options, {
				url: joinUrl(pollBase, KUAIDI100_PATHS.subscribe),
				form: { schema: 'json', param },
				context: ctx,
				idempotent: true,
				read: (raw) => {
					const body = asRecord(raw);
					const returnCode = textOf(body.returnCode);
					if (body.result === true || returnCode === '200') return { subscribed: true, alreadySubscribed: false };
					if (returnCode === KUAIDI100_SUBSCRIBE_DUPLICATE_CODE) return { subscribed: true, alreadySubscribed: true };
					const platformMessage = textOf(body.message);
					throw classifyByCode(KUAIDI100_SUBSCRIBE_ERRORS, returnCode, undefined, { ...ctx, platformMessage });
				},
			});
		},

		/** E-waybill order (label/order, method=order); `param` is Kuaidi100's order object (kuaidicom, recMan ...). */
		async createLabel(param: Record<string, unknown>): Promise<Kuaidi100LabelResult> {
			const data = await labelCall('order', param, false);
			return {
				taskId: textOf(data.taskId),
				trackingNo: textOf(data.kuaidinum),
				childTrackingNos: splitNumbers(data.childNum),
				returnTrackingNo: textOf(data.returnNum),
				labelUrl: textOf(data.label),
				data,
			};
		},

		/** Cancels an e-waybill (label/order, method=cancel); `param` names kuaidicom and kuaidinum. */
		async cancelLabel(param: Record<string, unknown>): Promise<{ cancelled: true; data: Record<string, unknown> }> {
			return { cancelled: true, data: await labelCall('cancel', param, true) };
		},
	};

	async function labelCall(method: string, param: Record<string, unknown>, idempotent: boolean) {
		const ctx = context(`label/order (${method})`);
		if (!credentials.secret) {
			throw new InvalidRequestError({ ...ctx, hint: 'the label API needs the secret of the Kuaidi100 credential' });
		}
		const paramText = JSON.stringify(param);
		const t = String(now());
		const sign = kuaidi100TimedSign(paramText, t, credentials.key, credentials.secret);
		return callCarrier(options, {
			url: joinUrl(labelBase, KUAIDI100_PATHS.label),
			form: { method, key: credentials.key, t, sign, param: paramText },
			context: ctx,
			idempotent,
			read: (raw) => {
				const body = asRecord(raw);
				const code = textOf(body.code);
				if (code === '200') return asRecord(body.data);
				throw classifyByCode(KUAIDI100_LABEL_ERRORS, code, undefined, { ...ctx, platformMessage: textOf(body.message) });
			},
		});
	}
}

export type Kuaidi100Client = ReturnType<typeof kuaidi100Client>;

function comOf(parcel: Kuaidi100Parcel, context: ErrorContext): string {
	if (parcel.com) return parcel.com;
	if (parcel.carrier) return toAggregatorCode(parcel.carrier, 'kuaidi100');
	throw new InvalidRequestError({ ...context, hint: 'name the carrier (or Kuaidi100 com code) of the parcel' });
}

function splitNumbers(value: unknown): string[] {
	if (Array.isArray(value)) return asArray(value).map(textOf).filter((n): n is string => n !== undefined);
	return (textOf(value) ?? '').split(',').map((n) => n.trim()).filter(Boolean);
}
