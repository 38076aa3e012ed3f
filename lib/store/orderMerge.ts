// Pure rules for turning an incoming channel snapshot and what is stored into the order to store.
// Our own nodes' fields (tags added or removed, memo, logistics, audit, allocation) live in a separate
// overlay so a channel re-upsert never wipes them; status and refund state follow the model's merge rules.
import { hash } from 'node:crypto';
import {
	type AllocationResult,
	type AuditResult,
	type Logistics,
	mergeRefundState,
	mergeStatus,
	type SnapshotVerdict,
	type UnifiedOrder,
} from '../model';
import { unique } from './util';

/** What our own nodes set on an order; kept apart from the channel's snapshot. */
export interface LocalOverlay {
	tagsAdded?: string[];
	tagsRemoved?: string[];
	sellerMemo?: string;
	logistics?: Partial<Logistics>;
	audit?: AuditResult;
	allocation?: AllocationResult;
}

/** Fields left out of event before/after: the channel payload is large and holds raw contact data. */
const NOT_IN_EVENTS = new Set(['raw']);

/** Identity of a channel snapshot exactly as received; equal hash = nothing new to merge. */
export function snapshotHash(order: UnifiedOrder): string {
	return hashOfJson(JSON.stringify(order));
}

/** snapshotHash of an order already serialized with JSON.stringify. */
export function hashOfJson(json: string): string {
	// One-shot hash: no Hash object per order.
	return hash('sha256', json, 'hex').slice(0, 32);
}

/** The incoming snapshot with our overlay applied. */
export function applyLocal(order: UnifiedOrder, local: LocalOverlay | undefined): UnifiedOrder {
	if (!local) return order;
	const out: UnifiedOrder = { ...order };
	if (local.tagsAdded?.length || local.tagsRemoved?.length) {
		const removed = new Set(local.tagsRemoved ?? []);
		out.tags = unique([...order.tags, ...(local.tagsAdded ?? [])]).filter((tag) => !removed.has(tag));
	}
	if (local.sellerMemo !== undefined) out.sellerMemo = local.sellerMemo;
	if (local.logistics) out.logistics = { ...order.logistics, ...local.logistics };
	if (local.audit) out.audit = local.audit;
	if (local.allocation) out.allocation = local.allocation;
	return out;
}

/** The order to store when a not-stale snapshot arrives for a stored order. */
export function mergeSnapshot(
	stored: UnifiedOrder,
	incoming: UnifiedOrder,
	verdict: SnapshotVerdict,
	local: LocalOverlay | undefined,
): UnifiedOrder {
	const merged = applyLocal(incoming, local);
	merged.status = mergeStatus(stored.status, incoming.status);
	merged.refundState = mergeRefundState(stored.refundState, incoming.refundState, verdict === 'newer');
	const storedSkus = new Map(stored.lines.map((line) => [line.lineId, line.masterSku]));
	merged.lines = incoming.lines.map((line) => {
		const masterSku = line.masterSku ?? storedSkus.get(line.lineId);
		return masterSku === undefined ? line : { ...line, masterSku };
	});
	return merged;
}

export interface OrderDiff {
	changes: string[];
	before: Record<string, unknown>;
	after: Record<string, unknown>;
}

/** Top-level fields whose values differ (key order inside values does not matter). */
export function diffOrders(before: object, after: object): OrderDiff {
	const diff: OrderDiff = { changes: [], before: {}, after: {} };
	const a = before as Record<string, unknown>;
	const b = after as Record<string, unknown>;
	for (const key of unique([...Object.keys(a), ...Object.keys(b)])) {
		if (deepEqual(a[key], b[key])) continue;
		diff.changes.push(key);
		if (NOT_IN_EVENTS.has(key)) continue;
		if (a[key] !== undefined) diff.before[key] = a[key];
		if (b[key] !== undefined) diff.after[key] = b[key];
	}
	return diff;
}

export function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a)) {
		const other = b as unknown[];
		return a.length === other.length && a.every((item, i) => deepEqual(item, other[i]));
	}
	const ra = a as Record<string, unknown>;
	const rb = b as Record<string, unknown>;
	const keys = Object.keys(ra).filter((key) => ra[key] !== undefined);
	if (keys.length !== Object.keys(rb).filter((key) => rb[key] !== undefined).length) return false;
	return keys.every((key) => deepEqual(ra[key], rb[key]));
}
