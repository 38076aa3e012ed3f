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
	const wallMillis = millis + offsetMinutes * 60_000;
	if (wallMillis >= FIRST_FOUR_DIGIT_YEAR_MS && wallMillis < AFTER_FOUR_DIGIT_YEARS_MS) return wallIso(wallMillis) + suffix;
	const wall = new Date(wallMillis);
	const ms = pad(wall.getUTCMilliseconds(), 3);
	return `${datePart(wall)}T${timePart(wall)}.${ms}${suffix}`;
}

/** 0000-01-01T00:00 and 10000-01-01T00:00 as epoch milliseconds: wallIso covers the years between. */
const FIRST_FOUR_DIGIT_YEAR_MS = -62_167_219_200_000;
const AFTER_FOUR_DIGIT_YEARS_MS = 253_402_300_800_000;
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/** 'yyyy-MM-ddTHH:mm:ss.SSS' of epoch milliseconds read as wall time, years 0000-9999, without a Date. */
function wallIso(wallMillis: number): string {
	const days = Math.floor(wallMillis / MILLIS_PER_DAY);
	let rest = wallMillis - days * MILLIS_PER_DAY;
	const ms = rest % 1000;
	rest = (rest - ms) / 1000;
	const second = rest % 60;
	rest = (rest - second) / 60;
	const minute = rest % 60;
	const hour = (rest - minute) / 60;
	// Proleptic Gregorian date of a day number (days since 1970-01-01), the inverse of daysFromCivil.
	const shifted = days + 719_468;
	const era = Math.floor(shifted / 146_097);
	const dayOfEra = shifted - era * 146_097;
	const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
	const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
	const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
	const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
	const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
	const msText = ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : String(ms);
	return `${TWO_DIGITS[Math.floor(year / 100)]}${TWO_DIGITS[year % 100]}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.${msText}`;
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

/** The fields of a date-time text, as DATE_TIME reads them. */
interface DateTimeParts {
	y: number;
	mo: number;
	d: number;
	h: number;
	mi: number;
	sec: number;
	/** 'T' (not a space) between date and time. */
	t: boolean;
	fraction: string;
	/** A space before the offset. */
	space: boolean;
	offset: string | undefined;
}

function matchDateTime(value: string): DateTimeParts | undefined {
	const match = DATE_TIME.exec(value);
	if (!match) return undefined;
	const [, year, month, day, separator, hour, minute, second, fraction = '', space, offset] = match;
	return {
		y: Number(year),
		mo: Number(month),
		d: Number(day),
		h: Number(hour),
		mi: Number(minute),
		sec: Number(second),
		t: separator === 'T',
		fraction,
		space: space !== '',
		offset,
	};
}

/** Two ASCII digits at i as a number, or -1. */
function twoDigits(text: string, i: number): number {
	const a = text.charCodeAt(i) - 48;
	const b = text.charCodeAt(i + 1) - 48;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The same fields as matchDateTime for the forms channels send ('yyyy-MM-dd HH:mm:ss', optional
 * fraction, optional 'Z' / '±HH' / '±HHMM' / '±HH:MM' right after), read by character codes; undefined
 * for anything else, which then goes through DATE_TIME itself.
 */
function scanDateTime(text: string): DateTimeParts | undefined {
	const length = text.length;
	if (length < 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
	const separator = text.charCodeAt(10);
	if ((separator !== 84 && separator !== 32) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
	const century = twoDigits(text, 0);
	const yy = twoDigits(text, 2);
	const mo = twoDigits(text, 5);
	const d = twoDigits(text, 8);
	const h = twoDigits(text, 11);
	const mi = twoDigits(text, 14);
	const sec = twoDigits(text, 17);
	if (century < 0 || yy < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return undefined;
	let i = 19;
	let fraction = '';
	if (text.charCodeAt(i) === 46) {
		let end = i + 1;
		while (end < length && end - i <= 9 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
		if (end === i + 1) return undefined;
		fraction = text.slice(i + 1, end);
		i = end;
	}
	let offset: string | undefined;
	if (i < length) {
		const sign = text.charCodeAt(i);
		const rest = length - i;
		if (sign === 90) {
			if (rest !== 1) return undefined;
		} else if (sign === 43 || sign === 45) {
			if (twoDigits(text, i + 1) < 0) return undefined;
			if (rest === 5 && twoDigits(text, i + 3) < 0) return undefined;
			if (rest === 6 && (text.charCodeAt(i + 3) !== 58 || twoDigits(text, i + 4) < 0)) return undefined;
			if (rest !== 3 && rest !== 5 && rest !== 6) return undefined;
		} else return undefined;
		offset = text.slice(i);
	}
	return { y: century * 100 + yy, mo, d, h, mi, sec, t: separator === 84, fraction, space: false, offset };
}

/** The instant a date-time text names, or why it names none (a string), without throwing. */
function readDateTimeText(value: unknown, kind: 'shanghai_local' | 'iso'): ZonedInstant | string {
	if (typeof value !== 'string') return `expected a string, got ${value === null ? 'null' : typeof value}`;
	const parts = scanDateTime(value) ?? matchDateTime(value);
	if (!parts) return 'expected yyyy-MM-dd HH:mm:ss (shanghai_local) or yyyy-MM-ddTHH:mm:ss±HH:mm (iso)';
	const { fraction, offset } = parts;
	if (kind === 'iso') {
		if (!parts.t) return "ISO-8601 needs 'T' between date and time";
		if (offset === undefined) return 'an ISO time must carry an offset or Z';
		if (parts.space) return 'no space is allowed before the offset';
	}
	let offsetMinutes = SHANGHAI_OFFSET_MINUTES;
	if (offset !== undefined) {
		const parsed = parseOffset(offset);
		if (typeof parsed === 'string') return parsed;
		offsetMinutes = parsed;
	}
	const { y, mo, d, h, mi, sec } = parts;
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
	const wall = shownOffset === offsetMinutes ? `${value.slice(0, 10)}T${value.slice(11, 19)}.${msText}` : undefined;
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
