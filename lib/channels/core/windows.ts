// Splits a pull range into windows no longer than a channel allows (e.g. Taobao's one-day increment
// window, WeChat's 7 days), so one pull can cover any range.
import { isoFromMillis, toEpochMillis } from '../../model';

export interface TimeWindow {
	from: string;
	to: string;
}

export interface SplitWindowOptions {
	/** Return the newest window first, for channels that must be walked backwards in time. */
	newestFirst?: boolean;
}

/**
 * Windows covering [from, to): each window is half-open, inclusive start and exclusive end, and each
 * window's `to` is the next one's `from`, so there are no gaps. Channels whose API treats the end as
 * inclusive read the boundary instant twice, which idempotent upserts absorb. Every boundary is written
 * in the canonical ISO form (lib/model time) with the offset of `from`; from >= to gives [].
 * Throws TimeError for a value without an offset and RangeError for a non-positive maxMs.
 */
export function splitWindow(
	from: string,
	to: string,
	maxMs: number,
	options: SplitWindowOptions = {},
): TimeWindow[] {
	if (!Number.isInteger(maxMs) || maxMs <= 0) {
		throw new RangeError(`window length must be a positive whole number of ms, got ${maxMs}`);
	}
	const start = toEpochMillis(from);
	const end = toEpochMillis(to);
	const offsetMinutes = offsetMinutesOf(from);
	const windows: TimeWindow[] = [];
	for (let cursor = start; cursor < end; cursor += maxMs) {
		const windowEnd = Math.min(cursor + maxMs, end);
		windows.push({ from: isoFromMillis(cursor, offsetMinutes), to: isoFromMillis(windowEnd, offsetMinutes) });
	}
	return options.newestFirst ? windows.reverse() : windows;
}

/** The offset written at the end of an ISO string, in minutes ('Z' is 0). */
export function offsetMinutesOf(iso: string): number {
	const match = /(Z|([+-])(\d{2}):?(\d{2})?)$/.exec(iso.trim());
	if (!match || match[1] === 'Z') return 0;
	const minutes = Number(match[3]) * 60 + Number(match[4] ?? 0);
	return match[2] === '-' ? -minutes : minutes;
}

/**
 * Each window with its orders once all of its pages are read: the latest snapshot of each order (by
 * `modifiedOf`; on a tie the later copy wins), for callers that move a cursor window by window. Platforms
 * include both ends of a range, so an order stamped on the second two windows share is listed by both: a
 * snapshot handed out in an earlier window is not handed out again (a later change of it is).
 */
export async function* latestPerWindow<T>(
	windows: TimeWindow[],
	pagesOf: (window: TimeWindow) => AsyncIterable<T[]>,
	keyOf: (item: T) => string,
	modifiedOf: (item: T) => string,
): AsyncGenerator<{ window: TimeWindow; orders: T[] }> {
	const handedOut = new Map<string, string>();
	for (const window of windows) {
		const latest = new Map<string, T>();
		for await (const page of pagesOf(window)) {
			for (const item of page) {
				const key = keyOf(item);
				const seen = latest.get(key);
				if (!seen || modifiedOf(item) >= modifiedOf(seen)) latest.set(key, item);
			}
		}
		const orders: T[] = [];
		for (const [key, item] of latest) {
			if (handedOut.get(key) === modifiedOf(item)) continue;
			handedOut.set(key, modifiedOf(item));
			orders.push(item);
		}
		yield { window, orders };
	}
}

/**
 * The items of every window lazily, page by page (a caller that stops early saves calls), each snapshot
 * once: an item whose `snapshotKeyOf` was already yielded, in this or an earlier window, is skipped.
 */
export async function* eachSnapshotOnce<T>(
	windows: TimeWindow[],
	pagesOf: (window: TimeWindow) => AsyncIterable<T[]>,
	snapshotKeyOf: (item: T) => string,
): AsyncGenerator<T> {
	const yielded = new Set<string>();
	for (const window of windows) {
		for await (const page of pagesOf(window)) {
			for (const item of page) {
				const key = snapshotKeyOf(item);
				if (yielded.has(key)) continue;
				yielded.add(key);
				yield item;
			}
		}
	}
}
