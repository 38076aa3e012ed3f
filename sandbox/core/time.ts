// Time text the Chinese platforms use: zone-less Asia/Shanghai wall time (UTC+8, no DST). Plain Date
// arithmetic because it runs for every field of every rendered page; lib/model does the ISO side.

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** epoch ms -> "yyyy-MM-dd HH:mm:ss" in Asia/Shanghai. */
export function formatShanghai(epochMs: number): string {
	const d = new Date(epochMs + SHANGHAI_OFFSET_MS);
	return (
		`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
		`${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
	);
}

/** "yyyy-MM-dd HH:mm:ss" (Asia/Shanghai) -> epoch ms, or undefined when the text is not exactly that. */
export function parseShanghai(text: string): number | undefined {
	const m = LOCAL_PATTERN.exec(text);
	if (!m) return undefined;
	const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
	const ms = Date.UTC(year, month - 1, day, hour, minute, second) - SHANGHAI_OFFSET_MS;
	// Reject roll-overs such as 2026-02-30.
	return formatShanghai(ms) === text ? ms : undefined;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
