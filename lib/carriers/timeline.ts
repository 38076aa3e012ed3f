// Builds the normalized timeline from a provider's events and top-level status, whatever the provider.
import { parseChannelTime } from '../model/time';
import { PermanentError, type ErrorContext } from '../http';
import {
	mergeTrackingStatus,
	normalizeTracking,
	type NormalizeHints,
	type NormalizedTracking,
	type TrackingMapping,
	type TrackingProvider,
} from './status';
import { textOf } from './fields';
import type { TrackingEvent, TrackingTimeline } from './types';

export interface RawEvent {
	/** China local time text as sent ("2024-05-01 12:30:00"). */
	time: unknown;
	code?: unknown;
	subCode?: unknown;
	description?: unknown;
	location?: unknown;
	hints?: NormalizeHints;
}

export interface TimelineInput {
	provider: TrackingProvider;
	carrier: string;
	providerCarrierCode?: string;
	trackingNo: string;
	/** The provider's parcel-level status, preferred over the events when it is known. */
	code?: unknown;
	subCode?: unknown;
	events: RawEvent[];
	/** Replaces the status read from codes and events (e.g. a Kuaidi100 abort push). */
	override?: TrackingMapping;
	providerMessage?: string;
	context: ErrorContext;
}

function eventTime(value: unknown, context: ErrorContext): string {
	try {
		return parseChannelTime(value, 'shanghai_local');
	} catch (err) {
		throw new PermanentError({ ...context, platformMessage: `unreadable event time ${JSON.stringify(value)}`, cause: err });
	}
}

export function buildTimeline(input: TimelineInput): TrackingTimeline {
	const unknown = new Set<string>();
	const events: TrackingEvent[] = input.events.map((raw) => {
		const hasCode = textOf(raw.code) !== undefined || textOf(raw.subCode) !== undefined;
		const mapped = hasCode ? normalizeTracking(input.provider, raw.code, raw.subCode, raw.hints) : undefined;
		mapped?.unknownCodes.forEach((code) => unknown.add(code));
		const event: TrackingEvent = {
			time: eventTime(raw.time, input.context),
			status: mapped?.status ?? 'unknown',
			description: textOf(raw.description) ?? '',
		};
		if (mapped?.subStatus) event.subStatus = mapped.subStatus;
		if (mapped?.providerCode) event.providerCode = mapped.providerCode;
		const location = textOf(raw.location);
		if (location) event.location = location;
		return event;
	});
	// Providers differ in order (Kuaidi100 newest first, Kdniao and SF oldest first); the ISO form sorts as text.
	const ordered = events
		.map((event, index) => ({ event, index }))
		.sort((a, b) => (a.event.time < b.event.time ? -1 : a.event.time > b.event.time ? 1 : a.index - b.index))
		.map(({ event }) => event);

	const top = textOf(input.code) ?? textOf(input.subCode);
	const parcel = top === undefined ? undefined : normalizeTracking(input.provider, input.code, input.subCode);
	parcel?.unknownCodes.forEach((code) => unknown.add(code));
	const status: ParcelStatus = input.override ?? parcelStatus(parcel, ordered);

	const timeline: TrackingTimeline = {
		provider: input.provider,
		carrier: input.carrier,
		trackingNo: input.trackingNo,
		status: status.status,
		known: unknown.size === 0,
		unknownCodes: [...unknown],
		events: ordered,
	};
	if (input.providerCarrierCode !== undefined) timeline.providerCarrierCode = input.providerCarrierCode;
	if (status.subStatus) timeline.subStatus = status.subStatus;
	if (status.providerCode) timeline.providerCode = status.providerCode;
	if (input.providerMessage) timeline.providerMessage = input.providerMessage;
	return timeline;
}

type ParcelStatus = TrackingMapping & { providerCode?: string };

/**
 * The provider's own parcel status when its code is in the table; otherwise the events in time order:
 * the newest wins, except that a terminal status is never left for a non-terminal one and unknown never
 * wins. No events and no usable code: pending.
 */
function parcelStatus(parcel: NormalizedTracking | undefined, events: TrackingEvent[]): ParcelStatus {
	if (parcel && !parcel.unknownCodes.includes(parcel.providerCode)) return parcel;
	let current: ParcelStatus | undefined;
	for (const event of events) {
		if (event.status === 'unknown') continue;
		if (current && mergeTrackingStatus(current.status, event.status) !== event.status) continue;
		current = { status: event.status, subStatus: event.subStatus, providerCode: event.providerCode };
	}
	return current ?? parcel ?? { status: events.length ? 'unknown' : 'pending' };
}
