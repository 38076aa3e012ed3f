// Date fields from the node UI or expressions -> ISO-8601 with an offset, the form lib/ takes. A value
// without an offset is read in the workflow's time zone, as the n8n editor shows it.
import { DateTime } from 'luxon';

export function toIsoWithOffset(value: unknown, timezone: string, fallbackMs: number): string {
	if (value === undefined || value === null || value === '') return isoOf(DateTime.fromMillis(fallbackMs, { zone: timezone }));
	if (DateTime.isDateTime(value)) return isoOf(value);
	if (value instanceof Date) return isoOf(DateTime.fromJSDate(value, { zone: timezone }));
	const parsed = DateTime.fromISO(String(value), { zone: timezone, setZone: true });
	if (!parsed.isValid) throw new Error(`"${String(value)}" is not a date and time; use e.g. 2024-05-01T08:00:00`);
	return isoOf(parsed);
}

function isoOf(value: DateTime): string {
	return value.toISO({ suppressMilliseconds: false, includeOffset: true }) as string;
}
