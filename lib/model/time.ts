// Channel times -> one canonical ISO-8601 form with a numeric offset and milliseconds:
//   yyyy-MM-dd'T'HH:mm:ss.SSS±HH:mm   e.g. 2024-05-01T12:30:00.000+08:00
// Fixed length, never 'Z', so two values in the same offset also sort as strings; compare instants
// with compareIso() all the same, because 'iso' inputs keep their own offset.
// Plain Date arithmetic on fixed offsets: normalizing runs this several times per order, and a general
// time library's formatting would cost more than the rest of normalize together.

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

/** Epoch values at or above this are milliseconds (1e11 s is the year 5138; 1e11 ms is March 1973). */
export const EPOCH_MILLIS_THRESHOLD = 1e11;
/** ECMAScript's largest representable instant. */
const MAX_EPOCH_MILLIS = 8.64e15;

/** An instant and the offset (minutes east of UTC) it is shown in. */
interface ZonedInstant {
	millis: number;
	offsetMinutes: number;
	/** 'yyyy-MM-ddTHH:mm:ss.SSS' of the instant in offsetMinutes, when the text already showed it so. */
	wall?: string;
}

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
			return toCanonical({ millis: parseEpoch(value, kind) * 1000, offsetMinutes: SHANGHAI_OFFSET_MINUTES });
		case 'epoch_millis':
			return toCanonical({ millis: parseEpoch(value, kind), offsetMinutes: SHANGHAI_OFFSET_MINUTES });
		default:
			throw new TimeError(value, kind, 'unknown time kind');
	}
}

/** Instant of an ISO-8601 string with offset, in epoch milliseconds. */
export function toEpochMillis(iso: string): number {
	return parseDateTimeText(iso, 'iso').millis;
}

/** Compares two ISO strings by instant (not as text): -1, 0 or 1. */
export function compareIso(a: string, b: string): -1 | 0 | 1 {
	const diff = toEpochMillis(a) - toEpochMillis(b);
	return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

/** True when the value is an ISO-8601 date-time with an offset naming a real calendar instant. */
export function isIsoWithOffset(value: unknown): boolean {
	return typeof readDateTimeText(value, 'iso') !== 'string';
}

/** Canonical ISO for an epoch-millis instant, in +08:00 unless another offset (minutes) is given. */
export function isoFromMillis(millis: number, offsetMinutes = SHANGHAI_OFFSET_MINUTES): string {
	if (!Number.isInteger(millis) || Math.abs(millis) > MAX_EPOCH_MILLIS) {
		throw new TimeError(millis, 'epoch_millis', 'not an integer epoch in milliseconds');
	}
	return toCanonical({ millis, offsetMinutes });
}

/** 'yyyy-MM-dd HH:mm:ss' in Beijing time, the form TOP-style gateways take in query windows. */
export function toShanghaiLocal(iso: string): string {
	const { millis } = parseDateTimeText(iso, 'iso');
	const wall = new Date(millis + SHANGHAI_OFFSET_MINUTES * 60_000);
	return `${datePart(wall)} ${timePart(wall)}`;
}

function toCanonical({ millis, offsetMinutes, wall: wallText }: ZonedInstant): string {
	const suffix = offsetSuffix(offsetMinutes);
	if (wallText !== undefined) return wallText + suffix;
	const wall = new Date(millis + offsetMinutes * 60_000);
	const ms = pad(wall.getUTCMilliseconds(), 3);
	return `${datePart(wall)}T${timePart(wall)}.${ms}${suffix}`;
}

function offsetSuffix(offsetMinutes: number): string {
	if (offsetMinutes === SHANGHAI_OFFSET_MINUTES) return '+08:00';
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	return `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

/** The UTC fields of `wall` (an instant already shifted by the offset) as yyyy-MM-dd. */
function datePart(wall: Date): string {
	const year = wall.getUTCFullYear();
	const yearText = year < 0 ? `-${pad(-year, 6)}` : year > 9999 ? `+${pad(year, 6)}` : pad(year, 4);
	return `${yearText}-${pad(wall.getUTCMonth() + 1, 2)}-${pad(wall.getUTCDate(), 2)}`;
}

function timePart(wall: Date): string {
	return `${pad(wall.getUTCHours(), 2)}:${pad(wall.getUTCMinutes(), 2)}:${pad(wall.getUTCSeconds(), 2)}`;
}

function pad(value: number, width: number): string {
	return String(value).padStart(width, '0');
}

function parseDateTimeText(value: unknown, kind: 'shanghai_local' | 'iso'): ZonedInstant {
	const read = readDateTimeText(value, kind);
	if (typeof read === 'string') throw new TimeError(value, kind, read);
	return read;
}

const MILLIS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (month 1-12), for any year. */
function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The instant a date-time text names, or why it names none (a string), without throwing. */
function readDateTimeText(value: unknown, kind: 'shanghai_local' | 'iso'): ZonedInstant | string {
	if (typeof value !== 'string') return `expected a string, got ${value === null ? 'null' : typeof value}`;
	const match = DATE_TIME.exec(value);
	if (!match) return 'expected yyyy-MM-dd HH:mm:ss (shanghai_local) or yyyy-MM-ddTHH:mm:ss±HH:mm (iso)';
	const [, year, month, day, separator, hour, minute, second, fraction = '', space, offset] = match;
	if (kind === 'iso') {
		if (separator !== 'T') return "ISO-8601 needs 'T' between date and time";
		if (offset === undefined) return 'an ISO time must carry an offset or Z';
		if (space) return 'no space is allowed before the offset';
	}
	let offsetMinutes = SHANGHAI_OFFSET_MINUTES;
	if (offset !== undefined) {
		const parsed = parseOffset(offset);
		if (typeof parsed === 'string') return parsed;
		offsetMinutes = parsed;
	}
	const y = Number(year);
	const mo = Number(month);
	const d = Number(day);
	const h = Number(hour);
	const mi = Number(minute);
	const sec = Number(second);
	// Channels send at most milliseconds; finer digits are truncated.
	const msText = fraction.length === 3 ? fraction : fraction.slice(0, 3).padEnd(3, '0');
	// Every field must name a real calendar date and time (no Feb 30, hour 24 or second 60).
	if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) {
		return 'not a real calendar date and time';
	}
	const wallMillis = daysFromCivil(y, mo, d) * MILLIS_PER_DAY + ((h * 60 + mi) * 60 + sec) * 1000 + Number(msText);
	const millis = wallMillis - offsetMinutes * 60_000;
	if (Math.abs(millis) > MAX_EPOCH_MILLIS) return 'beyond the representable range';
	// A local-kind value that did carry an offset is still reported in Beijing time.
	const shownOffset = kind === 'shanghai_local' ? SHANGHAI_OFFSET_MINUTES : offsetMinutes;
	const wall = shownOffset === offsetMinutes ? `${year}-${month}-${day}T${hour}:${minute}:${second}.${msText}` : undefined;
	return { millis, offsetMinutes: shownOffset, wall };
}

/** Minutes east of UTC for 'Z', '+08', '+0800' or '+08:00', or why the offset is out of range. */
function parseOffset(offset: string): number | string {
	if (offset === 'Z') return 0;
	const digits = offset.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
	if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) return `offset ${offset} is out of range`;
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
