// The watermark logic every channel's polling trigger shares. Pure apart from the injected source:
// - first activation starts from now (or from "Start From"), never replaying history;
// - each poll reads [watermark - overlap, now) window by window, oldest first, each window complete;
// - orders seen in the overlap are remembered (id + modified time) and not emitted twice;
// - if a window fails, the windows before it are emitted and the watermark stops at the last complete
//   one; if the first fails, the error is thrown and nothing moves. Either way every order is emitted
//   exactly once after the fault clears.
import { isoFromMillis, toEpochMillis } from '../../model';

export type OrderEvent = 'new' | 'updated';
export type EventFilter = OrderEvent | 'all';

/** Kept in the workflow's static data; JSON only. */
export interface PollState {
	/** ISO instant up to which every change has been read. */
	watermark?: string;
	/** Dedup memory for the overlap: 'n:<id>' (announced as new) and 's:<id>@<modified>' -> epoch ms to forget after. */
	seen?: Record<string, number>;
}

export interface PolledWindow<T> {
	/** The window's end: the watermark once this window is emitted. */
	to: string;
	orders: T[];
}

export interface OrderIdentity {
	id: string;
	/** Epoch ms; absent when the channel's value cannot be read (then it counts as changed now). */
	createdMs?: number;
	updatedMs?: number;
}

export interface PollSource<T> {
	/** Complete windows covering [from, to), oldest first. */
	windows(from: string, to: string): AsyncIterable<PolledWindow<T>>;
	identify(order: T): OrderIdentity;
}

export interface PollOptions {
	nowMs: number;
	overlapMs: number;
	events: EventFilter;
	/** ISO start for the first activation; absent = start from now. */
	startFrom?: string;
	/** Stop opening new windows after this many ms (n8n's poll budget); the rest waits for the next poll. */
	budgetMs?: number;
	clock?: () => number;
}

export interface PollOutcome<T> {
	emitted: Array<{ order: T; event: OrderEvent }>;
	state: PollState;
	/** The window error that stopped this poll after earlier windows were emitted. */
	stoppedBy?: unknown;
}

export async function pollOrders<T>(previous: PollState, source: PollSource<T>, options: PollOptions): Promise<PollOutcome<T>> {
	const now = isoFromMillis(options.nowMs);
	if (!previous.watermark && !options.startFrom) return { emitted: [], state: { watermark: now, seen: {} } };
	const from = previous.watermark ? isoFromMillis(toEpochMillis(previous.watermark) - options.overlapMs) : (options.startFrom as string);
	const seen: Record<string, number> = { ...(previous.seen ?? {}) };
	const emitted: PollOutcome<T>['emitted'] = [];
	const fromMs = toEpochMillis(from);
	const clock = options.clock ?? Date.now;
	const started = clock();
	let watermark = previous.watermark ?? from;
	let stoppedBy: unknown;

	const iterator = source.windows(from, now)[Symbol.asyncIterator]();
	for (;;) {
		let next: IteratorResult<PolledWindow<T>>;
		try {
			next = await iterator.next();
		} catch (error) {
			if (emitted.length === 0 && watermark === (previous.watermark ?? from)) throw error;
			stoppedBy = error;
			break;
		}
		if (next.done) break;
		const identified = next.value.orders.map((order) => ({ order, identity: source.identify(order) }));
		// Oldest change first, so downstream sees an order's states in the order they happened.
		identified.sort((a, b) => (a.identity.updatedMs ?? options.nowMs) - (b.identity.updatedMs ?? options.nowMs));
		for (const { order, identity } of identified) {
			const event = classify(identity, seen, fromMs, options.nowMs);
			if (event && (options.events === 'all' || options.events === event)) emitted.push({ order, event });
		}
		watermark = next.value.to;
		if (options.budgetMs !== undefined && clock() - started > options.budgetMs) break;
	}
	const forgetBefore = toEpochMillis(watermark) - options.overlapMs;
	for (const [key, at] of Object.entries(seen)) if (at < forgetBefore) delete seen[key];
	return { emitted, state: { watermark, seen }, stoppedBy };
}

/** 'new' the first time an order created in this poll's range shows up, 'updated' for any other unseen snapshot. */
function classify(identity: OrderIdentity, seen: Record<string, number>, fromMs: number, nowMs: number): OrderEvent | undefined {
	const updatedMs = identity.updatedMs ?? nowMs;
	const snapshotKey = `s:${identity.id}@${updatedMs}`;
	const newKey = `n:${identity.id}`;
	if (seen[snapshotKey] !== undefined) return undefined;
	seen[snapshotKey] = updatedMs;
	const createdMs = identity.createdMs ?? updatedMs;
	if (createdMs >= fromMs && seen[newKey] === undefined) {
		seen[newKey] = Math.max(createdMs, updatedMs);
		return 'new';
	}
	return 'updated';
}
