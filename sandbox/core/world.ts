// Everything one running sandbox knows: clock, registry, truth, faults, quotas and the pushes it received.
import { SandboxClock, DEFAULT_SANDBOX_START, type ClockMode } from './clock';
import { FaultBook } from './faults';
import { RateLimiter } from './rate-limit';
import { WriteRecorder } from './recorder';
import { Registry } from './registry';
import { TruthStore } from '../truth/store';

export interface SandboxOptions {
	seed: string | number;
	/** Orders to generate per sales channel. */
	orders: number;
	/** Clock start (epoch ms); fixed by default so runs are reproducible, the wall clock in live mode. */
	startMs?: number;
	/** 'frozen' (default, for tests) or 'live' (follows the wall clock, for real n8n and the demo). */
	clock?: ClockMode;
	/** How many days before the start the generated orders spread over. */
	windowDays?: number;
}

export class SandboxWorld {
	readonly clock: SandboxClock;
	readonly registry = new Registry();
	readonly truth: TruthStore;
	readonly faults: FaultBook;
	readonly limits = new RateLimiter();
	readonly recorder = new WriteRecorder();
	/** Ids taken across every channel, so generated and admin-made ids never collide. */
	readonly takenIds = new Set<string>();

	constructor(readonly options: Required<SandboxOptions>) {
		this.clock = new SandboxClock(options.startMs, options.clock);
		this.truth = new TruthStore(this.clock);
		this.faults = new FaultBook(options.seed);
	}

	static defaults(partial: Partial<SandboxOptions>): Required<SandboxOptions> {
		return {
			seed: partial.seed ?? 1,
			orders: partial.orders ?? 200,
			startMs: partial.startMs ?? (partial.clock === 'live' ? Date.now() : DEFAULT_SANDBOX_START),
			clock: partial.clock ?? 'frozen',
			windowDays: partial.windowDays ?? 30,
		};
	}
}
