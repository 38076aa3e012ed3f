import {
	compareIso,
	isIsoWithOffset,
	isoFromMillis,
	parseChannelTime,
	TimeError,
	toEpochMillis,
	toShanghaiLocal,
} from '../../../lib/model';

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/;

describe('parseChannelTime: shanghai_local', () => {
	it.each([
		['2024-05-01 12:30:00', '2024-05-01T12:30:00.000+08:00'],
		['2024-05-01T12:30:00', '2024-05-01T12:30:00.000+08:00'],
		['2024-05-01 12:30:00.683', '2024-05-01T12:30:00.683+08:00'],
		['2024-12-31 23:59:59', '2024-12-31T23:59:59.000+08:00'],
		// A value that does carry an offset is converted to Beijing time.
		['2021-05-07 09:20:39.683+0800', '2021-05-07T09:20:39.683+08:00'],
		['2024-05-01T04:30:00Z', '2024-05-01T12:30:00.000+08:00'],
		['2024-05-01T00:30:00-04:00', '2024-05-01T12:30:00.000+08:00'],
	])('%s -> %s', (value, iso) => {
		expect(parseChannelTime(value, 'shanghai_local')).toBe(iso);
	});

	it('uses +08:00 in summer and winter alike, even in years China once observed DST', () => {
		for (const local of ['2024-01-15 08:00:00', '2024-07-15 08:00:00', '1990-07-15 08:00:00']) {
			expect(parseChannelTime(local, 'shanghai_local')).toBe(`${local.replace(' ', 'T')}.000+08:00`);
		}
		expect(toEpochMillis(parseChannelTime('2024-07-15 08:00:00', 'shanghai_local'))).toBe(
			Date.UTC(2024, 6, 15, 0, 0, 0),
		);
	});

	it.each([
		['impossible day', '2024-02-30 10:00:00', /real calendar/],
		['non-leap 29 February', '2023-02-29 10:00:00', /real calendar/],
		['hour 24', '2024-05-01 24:00:00', /real calendar/],
		['minute 60', '2024-05-01 12:60:00', /real calendar/],
		['month 13', '2024-13-01 12:00:00', /real calendar/],
		['date only', '2024-05-01', /expected yyyy-MM-dd/],
		['unpadded fields', '2024-5-1 12:30:00', /expected yyyy-MM-dd/],
		['slashes', '2024/05/01 12:30:00', /expected yyyy-MM-dd/],
		['empty', '', /expected yyyy-MM-dd/],
		['offset out of range', '2024-05-01 12:30:00+15:00', /out of range/],
		['a number', 1714537800, /expected a string/],
		['null', null, /got null/],
	])('rejects %s', (_label, value, reason) => {
		expect(() => parseChannelTime(value, 'shanghai_local')).toThrow(TimeError);
		expect(() => parseChannelTime(value, 'shanghai_local')).toThrow(reason);
	});

	it('accepts 29 February in a leap year', () => {
		expect(parseChannelTime('2024-02-29 10:00:00', 'shanghai_local')).toBe('2024-02-29T10:00:00.000+08:00');
	});
});

describe('parseChannelTime: iso', () => {
	it.each([
		['2024-05-01T12:30:00+08:00', '2024-05-01T12:30:00.000+08:00'],
		['2024-05-01T00:30:00-04:00', '2024-05-01T00:30:00.000-04:00'],
		['2024-05-01T04:30:00Z', '2024-05-01T04:30:00.000+00:00'],
		['2024-05-01T04:30:00.5+05:30', '2024-05-01T04:30:00.500+05:30'],
		['2024-05-01T04:30:00.123456789+0800', '2024-05-01T04:30:00.123+08:00'],
	])('%s keeps its offset -> %s', (value, iso) => {
		expect(parseChannelTime(value, 'iso')).toBe(iso);
	});

	it.each([
		['no offset', '2024-05-01T12:30:00', /must carry an offset/],
		['space separator', '2024-05-01 12:30:00+08:00', /needs 'T'/],
		['invalid date', '2024-02-30T10:00:00+08:00', /real calendar/],
		['offset minutes 60', '2024-05-01T12:30:00+08:60', /out of range/],
	])('rejects %s', (_label, value, reason) => {
		expect(() => parseChannelTime(value, 'iso')).toThrow(reason);
	});
});

describe('parseChannelTime: epochs', () => {
	const SECONDS = 1714537800; // 2024-05-01T12:30:00+08:00

	it.each([
		[SECONDS, 'epoch_seconds'],
		[String(SECONDS), 'epoch_seconds'],
		[SECONDS * 1000, 'epoch_millis'],
		[String(SECONDS * 1000), 'epoch_millis'],
	] as const)('%j (%s) -> Beijing time', (value, kind) => {
		expect(parseChannelTime(value, kind)).toBe('2024-05-01T12:30:00.000+08:00');
	});

	it('keeps milliseconds', () => {
		expect(parseChannelTime(SECONDS * 1000 + 45, 'epoch_millis')).toBe('2024-05-01T12:30:00.045+08:00');
	});

	it('rejects milliseconds given as seconds and seconds given as milliseconds', () => {
		expect(() => parseChannelTime(SECONDS * 1000, 'epoch_seconds')).toThrow(/looks like milliseconds/);
		expect(() => parseChannelTime(String(SECONDS * 1000), 'epoch_seconds')).toThrow(/looks like milliseconds/);
		expect(() => parseChannelTime(SECONDS, 'epoch_millis')).toThrow(/looks like seconds/);
	});

	it.each([
		['zero ("not set")', 0, 'epoch_seconds', /positive/],
		['negative', -5, 'epoch_seconds', /positive/],
		['fractional seconds', 1714537800.5, 'epoch_seconds', /whole numbers/],
		['decimal string', '1714537800.5', 'epoch_seconds', /unsigned integer string/],
		['signed string', '+1714537800', 'epoch_seconds', /unsigned integer string/],
		['empty string', '', 'epoch_seconds', /unsigned integer string/],
		['NaN', Number.NaN, 'epoch_seconds', /whole numbers/],
		['beyond range', 9e15, 'epoch_millis', /representable/],
		['boolean', true, 'epoch_millis', /got boolean/],
	] as const)('rejects %s', (_label, value, kind, reason) => {
		expect(() => parseChannelTime(value, kind)).toThrow(reason);
	});

	it('names the value and kind in the message', () => {
		expect(() => parseChannelTime(SECONDS, 'epoch_millis')).toThrow(`Invalid time ${SECONDS} (epoch_millis)`);
	});
});

describe('instant helpers', () => {
	it('compares instants, not strings', () => {
		const beijingNoon = '2024-05-01T12:00:00.000+08:00';
		const utcFiveAm = '2024-05-01T05:00:00.000+00:00'; // 13:00 in Beijing, though it sorts first as text
		expect(beijingNoon > utcFiveAm).toBe(true);
		expect(compareIso(beijingNoon, utcFiveAm)).toBe(-1);
		expect(compareIso(utcFiveAm, beijingNoon)).toBe(1);
		expect(compareIso('2024-05-01T04:00:00Z', beijingNoon)).toBe(0);
	});

	it('turns ISO into epoch millis and back', () => {
		expect(toEpochMillis('2024-05-01T12:30:00.045+08:00')).toBe(1714537800045);
		expect(isoFromMillis(1714537800045)).toBe('2024-05-01T12:30:00.045+08:00');
		expect(isoFromMillis(1714537800045, 0)).toBe('2024-05-01T04:30:00.045+00:00');
		expect(() => toEpochMillis('2024-05-01 12:30:00')).toThrow(TimeError);
	});

	it('formats Beijing local time for TOP-style query windows', () => {
		expect(toShanghaiLocal('2024-05-01T04:30:00Z')).toBe('2024-05-01 12:30:00');
	});

	it('tells ISO-with-offset strings apart', () => {
		expect(isIsoWithOffset('2024-05-01T12:30:00+08:00')).toBe(true);
		expect(isIsoWithOffset('2024-05-01T12:30:00')).toBe(false);
		expect(isIsoWithOffset('2024-02-30T12:30:00Z')).toBe(false);
		expect(isIsoWithOffset(42)).toBe(false);
	});

	it('always emits the canonical form', () => {
		for (const kind of ['epoch_seconds', 'epoch_millis'] as const) {
			const value = kind === 'epoch_seconds' ? 1700000000 : 1700000000123;
			expect(parseChannelTime(value, kind)).toMatch(CANONICAL);
		}
		expect(parseChannelTime('2024-05-01T04:30:00Z', 'iso')).toMatch(CANONICAL);
	});
});
