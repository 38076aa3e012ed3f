// Kuaidi100 query results and pushes -> the normalized timeline.
import type { ErrorContext } from '../../http';
import { findAggregatorCarrier } from '../carrierCodes';
import { asArray, asRecord, textOf } from '../fields';
import type { TrackingMapping } from '../status';
import { buildTimeline } from '../timeline';
import type { TrackingTimeline } from '../types';
import { KUAIDI100_STATUS_NAMES } from './codes';

export interface Kuaidi100TimelineOptions {
	/** Used when the body does not name them (an empty "no result" answer). */
	com?: string;
	trackingNo?: string;
	override?: TrackingMapping;
	providerMessage?: string;
}

/** A query answer, or a push's `lastResult`: `{ com, nu, state, data: [{ time, ftime, context, ... }] }`. */
export function kuaidi100Timeline(
	result: unknown,
	context: ErrorContext,
	options: Kuaidi100TimelineOptions = {},
): TrackingTimeline {
	const body = asRecord(result);
	const com = textOf(body.com) ?? options.com;
	const trackingNo = textOf(body.nu) ?? options.trackingNo ?? '';
	const events = asArray(body.data).map((item) => {
		const event = asRecord(item);
		const statusName = textOf(event.status);
		return {
			time: textOf(event.ftime) ?? textOf(event.time),
			code: textOf(event.statusCode) ?? (statusName === undefined ? undefined : KUAIDI100_STATUS_NAMES[statusName]),
			description: event.context,
			location: textOf(event.areaName) ?? textOf(event.location),
		};
	});
	return buildTimeline({
		provider: 'kuaidi100',
		carrier: (com && findAggregatorCarrier('kuaidi100', com)) ?? com ?? '',
		providerCarrierCode: com,
		trackingNo,
		code: body.state,
		events,
		override: options.override,
		providerMessage: options.providerMessage,
		context,
	});
}
