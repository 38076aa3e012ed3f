// Injected faults per provider and method. Each rule draws from its own seeded stream, so the same
// calls in the same order fail the same way on every run.
import { Rng } from './rng';

export const FAULT_KINDS = ['throttle', 'server_error', 'timeout', 'expired_token', 'malformed', 'page_shift'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
	provider: string;
	/** Platform method name (e.g. "taobao.trades.sold.get"), route name, or "*" for every call. */
	method?: string;
	kind: FaultKind;
	/** Chance that a matching call fails, 0..1 (default 1). */
	probability?: number;
	/** Let this many matching calls through before the rule may fire. */
	after?: number;
	/** Fire at most this many times. */
	times?: number;
	seed?: string | number;
	/** timeout: how long the request hangs before the connection is dropped. */
	hangMs?: number;
	/** server_error: HTTP status to answer with (default 502). */
	status?: number;
	/** throttle: how long the ban lasts in the platform's message. */
	banSeconds?: number;
}

export interface FaultRule extends Required<Pick<FaultSpec, 'provider' | 'method' | 'kind' | 'probability'>> {
	id: number;
	spec: FaultSpec;
	matched: number;
	fired: number;
	rng: Rng;
}

export class FaultBook {
	private rules: FaultRule[] = [];
	private nextId = 1;

	constructor(private readonly baseSeed: string | number) {}

	add(spec: FaultSpec): FaultRule {
		if (!FAULT_KINDS.includes(spec.kind)) {
			throw new RangeError(`unknown fault kind "${spec.kind}"; use one of ${FAULT_KINDS.join(', ')}`);
		}
		const probability = spec.probability ?? 1;
		if (!(probability >= 0 && probability <= 1)) throw new RangeError('probability must be within 0..1');
		const rule: FaultRule = {
			id: this.nextId++,
			spec,
			provider: spec.provider,
			method: spec.method ?? '*',
			kind: spec.kind,
			probability,
			matched: 0,
			fired: 0,
			rng: new Rng(this.baseSeed, 'fault', spec.seed ?? '', spec.provider, spec.method ?? '*', spec.kind),
		};
		this.rules.push(rule);
		return rule;
	}

	clear(provider?: string): void {
		this.rules = provider ? this.rules.filter((rule) => rule.provider !== provider) : [];
	}

	list(): Array<FaultSpec & { id: number; matched: number; fired: number }> {
		return this.rules.map((rule) => ({ ...rule.spec, id: rule.id, matched: rule.matched, fired: rule.fired }));
	}

	/** The fault to apply to this call, if any; the first rule that fires wins. */
	decide(provider: string, method: string): FaultRule | undefined {
		for (const rule of this.rules) {
			if (rule.provider !== provider || (rule.method !== '*' && rule.method !== method)) continue;
			rule.matched++;
			if (rule.matched <= (rule.spec.after ?? 0)) continue;
			if (rule.spec.times !== undefined && rule.fired >= rule.spec.times) continue;
			// Draw on every eligible call so the sequence depends only on the call order.
			if (rule.rng.next() < rule.probability) {
				rule.fired++;
				return rule;
			}
		}
		return undefined;
	}
}
