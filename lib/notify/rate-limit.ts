// Keeps each robot under its platform's rate limits by queueing sends, so a burst is delivered late
// instead of being refused (DingTalk even blocks a robot for 10 minutes after its 21st message in a minute).
import type { RateRule } from './types';

/**
 * Windows are stretched by this fraction: the platform counts arrivals on its own clock, and network
 * jitter can bring two of our sends closer together than we spaced them.
 */
export const RATE_WINDOW_MARGIN = 0.05;

export interface LimiterClock {
	now: () => number;
	sleep: (ms: number) => Promise<void>;
}

/**
 * A sliding-window queue per robot: never more than `limit` sends in any `windowMs`, whatever the platform's
 * window alignment (a token bucket that refills continuously would exceed a strict per-minute window).
 */
export class SendRateLimiter {
	private readonly slots = new Map<string, number[]>();
	private readonly pausedUntil = new Map<string, number>();

	constructor(private readonly margin = RATE_WINDOW_MARGIN) {}

	/**
	 * Books the earliest send time (epoch ms) that keeps every rule. Synchronous on purpose: concurrent
	 * callers get consecutive slots in call order.
	 */
	reserve(key: string, rules: RateRule[], now: number): number {
		const windows = rules.map((rule) => ({ limit: rule.limit, windowMs: Math.ceil(rule.windowMs * (1 + this.margin)) }));
		const longest = Math.max(0, ...windows.map((rule) => rule.windowMs));
		const booked = (this.slots.get(key) ?? []).filter((at) => at > now - longest);
		let at = Math.max(now, booked.at(-1) ?? now, this.pausedUntil.get(key) ?? now);
		for (const { limit, windowMs } of windows) {
			// The limit-th most recent send must have left the window before this one goes out.
			if (booked.length >= limit) at = Math.max(at, booked[booked.length - limit] + windowMs);
		}
		booked.push(at);
		this.slots.set(key, booked);
		return at;
	}

	/** Waits for a booked slot; resolves with how long it waited (ms). */
	async acquire(key: string, rules: RateRule[], clock: LimiterClock): Promise<number> {
		const start = clock.now();
		const at = this.reserve(key, rules, start);
		const wait = at - start;
		if (wait > 0) await clock.sleep(wait);
		return Math.max(0, wait);
	}

	/** After the platform said "too fast": nothing more goes to this robot before `untilMs`. */
	pause(key: string, untilMs: number): void {
		this.pausedUntil.set(key, Math.max(this.pausedUntil.get(key) ?? 0, untilMs));
	}
}

/** One queue per process: every Team Notify execution in this n8n process shares it. */
export const sharedSendRateLimiter = new SendRateLimiter();
