// Kdniao query answers and push items -> the normalized timeline.
import type { ErrorContext } from '../../http';
import { findAggregatorCarrier } from '../carrierCodes';
import { asArray, asRecord, textOf } from '../fields';
import { normalizeTracking } from '../status';
import { buildTimeline } from '../timeline';
import type { TrackingTimeline } from '../types';
import { kdniaoParcelStatus } from './codes';

/** One query answer or push item: `{ ShipperCode, LogisticCode, State, StateEx, Traces: [...] }`. */
export function kdniaoTimeline(result: unknown, context: ErrorContext, providerMessage?: string): TrackingTimeline {
	const body = asRecord(result);
	const shipperCode = textOf(body.ShipperCode);
	const traces = asArray(body.Traces).map(asRecord);
	const parcel = normalizeTracking('kdniao', body.State, body.StateEx);
	const adjusted = kdniaoParcelStatus(parcel, parcel.providerCode, traces.length);
	return buildTimeline({
		provider: 'kdniao',
		carrier: (shipperCode && findAggregatorCarrier('kdniao', shipperCode)) ?? shipperCode ?? '',
		providerCarrierCode: shipperCode,
		trackingNo: textOf(body.LogisticCode) ?? '',
		code: body.State,
		subCode: body.StateEx,
		events: traces.map((trace) => ({
			time: trace.AcceptTime,
			code: trace.Action,
			description: [textOf(trace.AcceptStation), textOf(trace.Remark)].filter(Boolean).join(' '),
			location: trace.Location,
		})),
		override: adjusted === parcel ? undefined : adjusted,
		providerMessage,
		context,
	});
}
