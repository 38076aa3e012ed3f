// The sandbox clock: frozen unless the admin API moves it, so every run sees the same "now".

export const DEFAULT_SANDBOX_START = Date.parse('2026-03-02T10:00:00+08:00');

export class SandboxClock {
	private current: number;
	/** Bumped on every move; caches of "state as of now" key on it. */
	version = 0;

	constructor(readonly startMs: number = DEFAULT_SANDBOX_START) {
		this.current = startMs;
	}

	now(): number {
		return this.current;
	}

	advance(ms: number): number {
		if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward: advanceMs must be >= 0');
		this.current += Math.floor(ms);
		this.version++;
		return this.current;
	}

	/** Setting backwards is allowed (e.g. to replay a published signing example with its timestamp). */
	set(ms: number): number {
		if (!Number.isFinite(ms)) throw new RangeError('clock time must be a finite epoch millisecond value');
		this.current = Math.floor(ms);
		this.version++;
		return this.current;
	}

	reset(): void {
		this.set(this.startMs);
	}
}
