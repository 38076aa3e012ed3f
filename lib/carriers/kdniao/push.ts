// Kdniao pushes (RequestType 101): verify DataSign, read every parcel, and answer the way Kdniao expects.
import { isoFromMillis } from '../../model/time';
import { parseJsonLossless } from '../../json';
import { PushRejectedError } from '../push';
import { asArray, asRecord, textOf } from '../fields';
import type { TrackingTimeline } from '../types';
import { kdniaoTimeline } from './normalize';
import { verifyKdniaoDataSign } from './sign';

export interface KdniaoPush {
	eBusinessId?: string;
	pushTime?: string;
	requestType?: string;
	timelines: TrackingTimeline[];
	/** Each item's CallBack value, in the order of `timelines`. */
	callbacks: Array<string | undefined>;
}

/** Reads a push's form fields (already form-decoded). Throws PushRejectedError for a bad DataSign or body. */
export function parseKdniaoPush(form: Record<string, string | undefined>, appKey: string): KdniaoPush {
	const requestData = form.RequestData;
	if (!requestData) throw new PushRejectedError('kdniao', 'malformed', 'no RequestData field');
	if (!verifyKdniaoDataSign(requestData, form.DataSign ?? '', appKey)) {
		throw new PushRejectedError('kdniao', 'signature', 'DataSign does not match RequestData + AppKey');
	}
	const context = { provider: 'kdniao', method: 'push' };
	let body: Record<string, unknown>;
	try {
		body = asRecord(parseJsonLossless(requestData, context));
	} catch {
		throw new PushRejectedError('kdniao', 'malformed', 'RequestData is not JSON');
	}
	const items = asArray(body.Data).map(asRecord);
	return {
		eBusinessId: textOf(body.EBusinessID),
		pushTime: textOf(body.PushTime),
		requestType: form.RequestType,
		timelines: items.map((item) => kdniaoTimeline(item, context, textOf(item.Reason))),
		callbacks: items.map((item) => textOf(item.CallBack)),
	};
}

/** `{ EBusinessID, UpdateTime: "yyyy-MM-dd HH:mm:ss" (China time), Success, Reason }`. */
export function kdniaoPushReply(eBusinessId: string, nowMs: number, accepted = true, reason = ''): string {
	const updateTime = isoFromMillis(nowMs).slice(0, 19).replace('T', ' ');
	return JSON.stringify({ EBusinessID: eBusinessId, UpdateTime: updateTime, Success: accepted, Reason: reason });
}
