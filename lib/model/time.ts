// Channel times -> one canonical ISO-8601 form with a numeric offset and milliseconds:
//   yyyy-MM-dd'T'HH:mm:ss.SSS±HH:mm   e.g. 2024-05-01T12:30:00.000+08:00
// Fixed length, never 'Z', so two values in the same offset also sort as strings; compare instants
// with compareIso() all the same, because 'iso' inputs keep their own offset.
import { DateTime, FixedOffsetZone } from 'luxon';

export type ChannelTimeKind = 'shanghai_local' | 'iso' | 'epoch_seconds' | 'epoch_millis';

export class TimeError extends Error {
	constructor(
		readonly value: unknown,
		readonly kind: ChannelTimeKind,
		readonly reason: string,
	) {
		super(`Invalid time ${describeValue(value)} (${kind}): ${reason}`);
		this.name = 'TimeError';
	}
}

/** China has kept UTC+8 without DST since 1991 and the channels document "GMT+8"; a fixed zone needs no tz data. */
export const SHANGHAI_OFFSET_MINUTES = 480;
const SHANGHAI_ZONE = FixedOffsetZone.instance(SHANGHAI_OFFSET_MINUTES);

/** Epoch values at or above this are milliseconds (1e11 s is the year 5138; 1e11 ms is March 1973). */
export const EPOCH_MILLIS_THRESHOLD = 1e11;
/** Luxon's (and ECMAScript's) largest representable instant. */
const MAX_EPOCH_MILLIS = 8.64e15;

const CANONICAL_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSZZ";

/** ISO-8601 date-time that carries an offset: what validate.ts and the JSON Schema accept. */
export const ISO_WITH_OFFSET_PATTERN =
	'^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}(:?\\d{2})?)$';

const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?( ?)(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Reads a channel time and returns the canonical ISO form. 'shanghai_local' and epoch values come out in
 * +08:00; 'iso' keeps the sender's offset. Throws TimeError instead of guessing.
 */
export function parseChannelTime(value: unknown, kind: ChannelTimeKind): string {
	switch (kind) {
		case 'shanghai_local':
		case 'iso':
			return toCanonical(parseDateTimeText(value, kind));
		case 'epoch_seconds':
			return toCanonical(DateTime.fromMillis(parseEpoch(value, kind) * 1000, { zone: SHANGHAI_ZONE }));
		case 'epoch_millis':
			return toCanonical(DateTime.fromMillis(parseEpoch(value, kind), { zone: SHANGHAI_ZONE }));
		default:
			throw new TimeError(value, kind, 'unknown time kind');
	}
}

/** Instant of an ISO-8601 string with offset, in epoch milliseconds. */
export function toEpochMillis(iso: string): number {
	return parseDateTimeText(iso, 'iso').toMillis();
}

/** Compares two ISO strings by instant (not as text): -1, 0 or 1. */
export function compareIso(a: string, b: string): -1 | 0 | 1 {
	const diff = toEpochMillis(a) - toEpochMillis(b);
	return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

/** True when the value is an ISO-8601 date-time with an offset naming a real calendar instant. */
export function isIsoWithOffset(value: unknown): boolean {
	try {
		parseDateTimeText(value, 'iso');
		return true;
	} catch {
		return false;
	}
}

/** Canonical ISO for an epoch-millis instant, in +08:00 unless another offset (minutes) is given. */
export function isoFromMillis(millis: number, offsetMinutes = SHANGHAI_OFFSET_MINUTES): string {
	if (!Number.isInteger(millis) || Math.abs(millis) > MAX_EPOCH_MILLIS) {
		throw new TimeError(millis, 'epoch_millis', 'not an integer epoch in milliseconds');
	}
	return toCanonical(DateTime.fromMillis(millis, { zone: FixedOffsetZone.instance(offsetMinutes) }));
}

/** 'yyyy-MM-dd HH:mm:ss' in Beijing time, the form TOP-style gateways take in query windows. */
export function toShanghaiLocal(iso: string): string {
	return parseDateTimeText(iso, 'iso').setZone(SHANGHAI_ZONE).toFormat('yyyy-MM-dd HH:mm:ss');
}

function toCanonical(dateTime: DateTime): string {
	return dateTime.toFormat(CANONICAL_FORMAT);
}

function parseDateTimeText(value: unknown, kind: 'shanghai_local' | 'iso'): DateTime {
	const fail = (reason: string): never => {
		throw new TimeError(value, kind, reason);
	};
	if (typeof value !== 'string') return fail(`expected a string, got ${value === null ? 'null' : typeof value}`);
	const match = DATE_TIME.exec(value);
	if (!match) return fail('expected yyyy-MM-dd HH:mm:ss (shanghai_local) or yyyy-MM-ddTHH:mm:ss±HH:mm (iso)');
	const [, year, month, day, separator, hour, minute, second, fraction = '', space, offset] = match;
	if (kind === 'iso') {
		if (separator !== 'T') fail("ISO-8601 needs 'T' between date and time");
		if (offset === undefined) fail('an ISO time must carry an offset or Z');
		if (space) fail('no space is allowed before the offset');
	}
	const zone = offset === undefined ? SHANGHAI_ZONE : FixedOffsetZone.instance(parseOffset(offset, fail));
	const fields = {
		year: Number(year),
		month: Number(month),
		day: Number(day),
		hour: Number(hour),
		minute: Number(minute),
		second: Number(second),
		// Channels send at most milliseconds; finer digits are truncated.
		millisecond: Number(fraction.slice(0, 3).padEnd(3, '0')),
	};
	const dateTime = DateTime.fromObject(fields, { zone });
	// Luxon rolls some overflows (hour 24) forward instead of refusing; require every field to survive.
	const exact =
		dateTime.isValid &&
		dateTime.year === fields.year &&
		dateTime.month === fields.month &&
		dateTime.day === fields.day &&
		dateTime.hour === fields.hour &&
		dateTime.minute === fields.minute &&
		dateTime.second === fields.second;
	if (!exact) fail('not a real calendar date and time');
	// A local-kind value that did carry an offset is still reported in Beijing time.
	return kind === 'shanghai_local' ? dateTime.setZone(SHANGHAI_ZONE) : dateTime;
}

function parseOffset(offset: string, fail: (reason: string) => never): number {
	if (offset === 'Z') return 0;
	const digits = offset.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
	if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) fail(`offset ${offset} is out of range`);
	return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function parseEpoch(value: unknown, kind: 'epoch_seconds' | 'epoch_millis'): number {
	const fail = (reason: string): never => {
		throw new TimeError(value, kind, reason);
	};
	let epoch: number;
	if (typeof value === 'number') epoch = value;
	else if (typeof value === 'string' && /^\d+$/.test(value)) epoch = Number(value);
	else if (typeof value === 'string') return fail('expected an unsigned integer string');
	else return fail(`expected a number or numeric string, got ${value === null ? 'null' : typeof value}`);

	if (!Number.isInteger(epoch)) fail('epoch values must be whole numbers');
	// 0 is how several channels say "not set" (e.g. an unpaid order's pay time); the caller must treat it as absent.
	if (epoch <= 0) fail('epoch values must be positive (0 usually means "not set")');
	if (kind === 'epoch_seconds' && epoch >= EPOCH_MILLIS_THRESHOLD) {
		fail('looks like milliseconds, not seconds; use epoch_millis');
	}
	if (kind === 'epoch_millis' && epoch < EPOCH_MILLIS_THRESHOLD) {
		fail('looks like seconds, not milliseconds; use epoch_seconds');
	}
	if (epoch > MAX_EPOCH_MILLIS) fail('beyond the representable range');
	return epoch;
}

function describeValue(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value);
	return value === null ? 'null' : String(value);
}
