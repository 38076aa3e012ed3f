// Call quotas per app (and optionally per method) in fixed windows of the sandbox clock.

export interface RateLimitSpec {
	provider: string;
	/** "*" = all methods share one quota per app; a method name = a quota for that method only. */
	method?: string;
	calls: number;
	windowMs: number;
}

export type RateDecision = { limited: false } | { limited: true; retryAfterMs: number; spec: RateLimitSpec };

export class RateLimiter {
	private specs: RateLimitSpec[] = [];
	/** One counter per (provider, app, scope) for its current window only, so a live clock never piles up old windows. */
	private readonly counters = new Map<string, { bucket: number; used: number }>();

	set(spec: RateLimitSpec): void {
		if (!(spec.calls >= 0 && spec.windowMs > 0)) throw new RangeError('rate limit needs calls >= 0 and windowMs > 0');
		this.specs = this.specs.filter((s) => !(s.provider === spec.provider && (s.method ?? '*') === (spec.method ?? '*')));
		this.specs.push(spec);
	}

	clear(provider?: string): void {
		this.specs = provider ? this.specs.filter((s) => s.provider !== provider) : [];
		this.counters.clear();
	}

	list(): RateLimitSpec[] {
		return [...this.specs];
	}

	/** Counts the call and tells whether it is over quota. */
	check(provider: string, appKey: string, method: string, now: number): RateDecision {
		for (const spec of this.specs) {
			const scope = spec.method ?? '*';
			if (spec.provider !== provider || (scope !== '*' && scope !== method)) continue;
			const bucket = Math.floor(now / spec.windowMs);
			const key = `${provider}|${appKey}|${scope}`;
			const counter = this.counters.get(key);
			const used = counter && counter.bucket === bucket ? counter.used + 1 : 1;
			this.counters.set(key, { bucket, used });
			if (used > spec.calls) return { limited: true, retryAfterMs: (bucket + 1) * spec.windowMs - now, spec };
		}
		return { limited: false };
	}
}
