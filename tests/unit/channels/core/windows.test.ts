import { latestPerWindow, splitWindow, offsetMinutesOf, type TimeWindow } from '../../../../lib/channels/core';
import { toEpochMillis } from '../../../../lib/model';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function spans(windows: Array<{ from: string; to: string }>): number[] {
	return windows.map((w) => toEpochMillis(w.to) - toEpochMillis(w.from));
}

describe('splitWindow', () => {
	it('splits into contiguous windows no longer than maxMs, the last one shorter', () => {
		const windows = splitWindow('2024-05-01T00:00:00+08:00', '2024-05-03T12:00:00+08:00', DAY);
		expect(windows).toEqual([
			{ from: '2024-05-01T00:00:00.000+08:00', to: '2024-05-02T00:00:00.000+08:00' },
			{ from: '2024-05-02T00:00:00.000+08:00', to: '2024-05-03T00:00:00.000+08:00' },
			{ from: '2024-05-03T00:00:00.000+08:00', to: '2024-05-03T12:00:00.000+08:00' },
		]);
	});

	it('covers the range exactly: starts at from, ends at to, each to is the next from', () => {
		const from = '2024-02-28T07:13:05.250+08:00';
		const to = '2024-03-09T01:02:03.004+08:00';
		const windows = splitWindow(from, to, 7 * HOUR + 123);
		expect(toEpochMillis(windows[0].from)).toBe(toEpochMillis(from));
		expect(toEpochMillis(windows.at(-1)!.to)).toBe(toEpochMillis(to));
		for (let i = 1; i < windows.length; i++) expect(windows[i].from).toBe(windows[i - 1].to);
		expect(Math.max(...spans(windows))).toBeLessThanOrEqual(7 * HOUR + 123);
		expect(spans(windows).reduce((a, b) => a + b, 0)).toBe(toEpochMillis(to) - toEpochMillis(from));
	});

	it('gives one window when the range fits, including exactly maxMs', () => {
		expect(splitWindow('2024-05-01T00:00:00+08:00', '2024-05-01T23:59:59+08:00', DAY)).toHaveLength(1);
		expect(splitWindow('2024-05-01T00:00:00+08:00', '2024-05-02T00:00:00+08:00', DAY)).toHaveLength(1);
		expect(splitWindow('2024-05-01T00:00:00+08:00', '2024-05-02T00:00:00.001+08:00', DAY)).toHaveLength(2);
	});

	it('returns [] when from >= to', () => {
		expect(splitWindow('2024-05-01T00:00:00+08:00', '2024-05-01T00:00:00+08:00', DAY)).toEqual([]);
		expect(splitWindow('2024-05-02T00:00:00+08:00', '2024-05-01T00:00:00+08:00', DAY)).toEqual([]);
		// Same instant written in two offsets is still an empty range.
		expect(splitWindow('2024-05-01T08:00:00+08:00', '2024-05-01T00:00:00Z', HOUR)).toEqual([]);
	});

	it('writes every boundary in the offset of from, even when to has another offset', () => {
		const windows = splitWindow('2024-05-01T00:00:00Z', '2024-05-01T10:00:00+08:00', HOUR);
		expect(windows).toEqual([
			{ from: '2024-05-01T00:00:00.000+00:00', to: '2024-05-01T01:00:00.000+00:00' },
			{ from: '2024-05-01T01:00:00.000+00:00', to: '2024-05-01T02:00:00.000+00:00' },
		]);
		const west = splitWindow('2024-05-01T00:00:00-05:30', '2024-05-01T02:00:00-05:30', HOUR);
		expect(west.map((w) => w.from)).toEqual(['2024-05-01T00:00:00.000-05:30', '2024-05-01T01:00:00.000-05:30']);
	});

	it('lists the newest window first when asked, with the same boundaries', () => {
		const from = '2024-05-01T00:00:00+08:00';
		const to = '2024-05-04T00:00:00+08:00';
		const forward = splitWindow(from, to, DAY);
		const backward = splitWindow(from, to, DAY, { newestFirst: true });
		expect(backward).toEqual([...forward].reverse());
		expect(backward[0].to).toBe('2024-05-04T00:00:00.000+08:00');
	});

	it('rejects times without an offset and non-positive window lengths', () => {
		expect(() => splitWindow('2024-05-01 00:00:00', '2024-05-02T00:00:00+08:00', DAY)).toThrow();
		expect(() => splitWindow('2024-05-01T00:00:00+08:00', '2024-05-02T00:00:00+08:00', 0)).toThrow(RangeError);
		expect(() => splitWindow('2024-05-01T00:00:00+08:00', '2024-05-02T00:00:00+08:00', -5)).toThrow(RangeError);
		expect(() => splitWindow('2024-05-01T00:00:00+08:00', '2024-05-02T00:00:00+08:00', 1.5)).toThrow(RangeError);
	});

	it('reads offsets', () => {
		expect(offsetMinutesOf('2024-05-01T00:00:00Z')).toBe(0);
		expect(offsetMinutesOf('2024-05-01T00:00:00+08:00')).toBe(480);
		expect(offsetMinutesOf('2024-05-01T00:00:00-0930')).toBe(-570);
	});
});

describe('latestPerWindow', () => {
	type Listed = { id: string; modified: string };
	const windows: TimeWindow[] = [
		{ from: '2024-05-01T10:00:00+08:00', to: '2024-05-01T10:30:00+08:00' },
		{ from: '2024-05-01T10:30:00+08:00', to: '2024-05-01T11:00:00+08:00' },
	];
	async function collectWindows(pages: Listed[][][]) {
		const out: string[][] = [];
		const pagesOf = async function* (window: TimeWindow) {
			yield* pages[windows.indexOf(window)];
		};
		for await (const { orders } of latestPerWindow(windows, pagesOf, (o) => o.id, (o) => o.modified)) out.push(orders.map((o) => `${o.id}@${o.modified}`));
		return out;
	}

	it('keeps the latest snapshot of an order listed twice in one window', async () => {
		expect(await collectWindows([[[{ id: 'a', modified: '1' }], [{ id: 'a', modified: '2' }]], []])).toEqual([['a@2'], []]);
	});

	it('hands an order listed by two windows (stamped on their shared second) out once, and a later change again', async () => {
		const boundary = { id: 'b', modified: '10:30:00' };
		const pages = [[[{ id: 'a', modified: '10:10:00' }, boundary]], [[boundary, { id: 'a', modified: '10:40:00' }]]];
		expect(await collectWindows(pages)).toEqual([['a@10:10:00', 'b@10:30:00'], ['a@10:40:00']]);
	});
});
