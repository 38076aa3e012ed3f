// The audit engine's contract: settings come in as plain data (one list per rule type, the shape of an n8n
// fixedCollection), store facts come in through small lookups, and every hit says why in 中文 and English.
import type { AuditHit, AuditResult, AuditSeverity, ChannelId, UnifiedOrder } from '../../model';
import type { RawSettings } from '../configFields';

export const AUDIT_SEVERITIES: readonly AuditSeverity[] = ['block', 'hold', 'flag'];

/** Settings every rule entry has; each rule type adds its own fields (see the rule files). */
export interface CommonRuleSettings {
	/** Shown in hits and reports; defaults to the rule type (a second entry of a type gets "#2"). */
	name?: string;
	/** Default true. */
	enabled?: boolean;
	severity?: AuditSeverity;
	/** Lower runs first and lists first; each type has a default. */
	priority?: number;
}

export type BlacklistKind = 'phone' | 'buyer' | 'receiver';
export interface BlacklistQuery {
	kind: BlacklistKind;
	/** Normalised the way blacklistKeys() does it. */
	value: string;
	channel: ChannelId;
}
/** true or a reason text when listed; false or undefined when not. */
export type BlacklistLookup = (query: BlacklistQuery) => boolean | string | undefined;

export interface RecentOrdersQuery {
	order: UnifiedOrder;
	/** ISO instants: return at least every order of the same buyer or receiver created in [since, until]. */
	since: string;
	until: string;
	/** The same bounds in epoch milliseconds (the store keeps times that way). */
	sinceMs: number;
	untilMs: number;
}
/** Extra orders are fine (the rules filter precisely); the order itself may be included. */
export type RecentOrdersLookup = (query: RecentOrdersQuery) => readonly UnifiedOrder[];

/** Available quantity of a master SKU over the order's warehouses (on hand - reserved - safety). */
export type AvailableStockLookup = (masterSku: string, order: UnifiedOrder) => number | undefined;

export interface CustomerStats {
	orders: number;
	refunded: number;
}
export type CustomerStatsLookup = (order: UnifiedOrder) => CustomerStats | undefined;

export interface AuditContext {
	/** The audit instant: ISO string, epoch milliseconds or Date. */
	now: string | number | Date;
	blacklist?: BlacklistLookup;
	recentOrders?: RecentOrdersLookup;
	availableStock?: AvailableStockLookup;
	customerStats?: CustomerStatsLookup;
}

/** What one rule found; the engine adds id, severity and priority. */
export interface RuleFinding {
	zh: string;
	en: string;
	orderIds?: string[];
	lineIds?: string[];
	skus?: string[];
}

/** An AuditHit with the evidence behind it; still assignable to the stored AuditHit. */
export interface RuleHit extends AuditHit {
	priority: number;
	orderIds?: string[];
	lineIds?: string[];
	skus?: string[];
}

export interface AuditOutcome extends AuditResult {
	hits: RuleHit[];
}

export interface RuleRuntime {
	nowMs: number;
	context: AuditContext;
	/** A threshold in major units as minor units of the order's currency. */
	minor(major: number, currency: string): number;
}

/** One rule type: how to read its settings and how to test an order. */
export interface RuleDefinition<S = unknown> {
	defaultSeverity: AuditSeverity;
	defaultPriority: number;
	/** The lookup this rule cannot run without. */
	needs?: keyof Omit<AuditContext, 'now'>;
	/** Validated settings with defaults filled, JSON-only (they are hashed into the rule version). */
	read(raw: RawSettings, path: string): S;
	evaluate(order: UnifiedOrder, settings: S, runtime: RuleRuntime): RuleFinding | undefined;
}
