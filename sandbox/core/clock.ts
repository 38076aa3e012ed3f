// The sandbox clock: frozen unless the admin API moves it, so every run sees the same "now".
// In live mode it follows the wall clock (plus an offset the admin API moves), because real n8n nodes sign
// requests with the real time and the gateways refuse timestamps minutes off.

export const DEFAULT_SANDBOX_START = Date.parse('2026-03-02T10:00:00+08:00');

export type ClockMode = 'frozen' | 'live';

export class SandboxClock {
	/** Frozen: the current time. Live: the offset added to the wall clock. */
	private base: number;
	/** Bumped on every move; caches of "state as of now" key on it. */
	version = 0;

	constructor(
		readonly startMs: number = DEFAULT_SANDBOX_START,
		readonly mode: ClockMode = 'frozen',
		private readonly wallClock: () => number = Date.now,
	) {
		this.base = mode === 'live' ? startMs - wallClock() : startMs;
	}

	now(): number {
		return this.mode === 'live' ? this.wallClock() + this.base : this.base;
	}

	advance(ms: number): number {
		if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward: advanceMs must be >= 0');
		this.base += Math.floor(ms);
		this.version++;
		return this.now();
	}

	/** Setting backwards is allowed (e.g. to replay a published signing example with its timestamp). */
	set(ms: number): number {
		if (!Number.isFinite(ms)) throw new RangeError('clock time must be a finite epoch millisecond value');
		this.base = this.mode === 'live' ? Math.floor(ms) - this.wallClock() : Math.floor(ms);
		this.version++;
		return this.now();
	}

	reset(): void {
		this.set(this.startMs);
	}
}
