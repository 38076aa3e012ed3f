// The item a tracking operation outputs: the normalized timeline, the same shape for every provider.
import type { IDataObject } from 'n8n-workflow';
import type { TrackingTimeline } from '../../../lib/carriers/types';

export function timelineJson(timeline: TrackingTimeline, raw?: unknown): IDataObject {
	const json: IDataObject = {
		carrier: timeline.carrier,
		trackingNo: timeline.trackingNo,
		status: timeline.status,
		subStatus: timeline.subStatus ?? null,
		events: timeline.events.map((event) => ({ ...event }) as IDataObject),
		provider: timeline.provider,
		providerCarrierCode: timeline.providerCarrierCode ?? null,
		providerCode: timeline.providerCode ?? null,
		lastEventAt: timeline.events.length ? timeline.events[timeline.events.length - 1].time : null,
	};
	if (timeline.providerMessage) json.providerMessage = timeline.providerMessage;
	if (!timeline.known) json.unknownCodes = timeline.unknownCodes;
	if (raw !== undefined) json.raw = raw as IDataObject;
	return json;
}
