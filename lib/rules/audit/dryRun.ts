// What a rule set would do to stored orders, before anyone enables it: decision before -> after per order
// and hit counts per rule. Nothing is written; the caller decides what to do with the report.
import type { AuditResult, UnifiedOrder } from '../../model';
import { compileAudit, isCompiledAudit, type CompiledAudit } from './compile';
import { createAuditor } from './engine';
import type { AuditConfig } from './registry';
import { recentOrdersFromList } from './rules/recentOrders';
import type { AuditContext, AuditOutcome } from './types';

export type StoredDecision = AuditResult['decision'] | 'none';
type Decision = AuditResult['decision'];

export interface DryRunChange {
	orderId: string;
	channel: string;
	channelOrderId: string;
	before: StoredDecision;
	after: Decision;
	/** Rule ids that hit under the new settings. */
	rules: string[];
}

export interface DryRunReport {
	ruleVersion: string;
	total: number;
	before: Record<StoredDecision, number>;
	after: Record<Decision, number>;
	/** "approved->held": 3; only transitions that happen. */
	transitions: Record<string, number>;
	/** Hits per rule id, zero for rules that never hit. */
	hitsPerRule: Record<string, number>;
	/** Orders whose decision would differ from the stored one (never audited counts as 'none'). */
	changed: DryRunChange[];
}

export interface DryRunOptions {
	/** Keep every outcome in `outcomes` (large for big batches). */
	includeOutcomes?: boolean;
}

/**
 * Without a recentOrders lookup in the context, duplicates and merge candidates are looked for among the
 * given orders themselves.
 */
export function dryRunAudit(
	orders: readonly UnifiedOrder[],
	rules: AuditConfig | CompiledAudit,
	context: AuditContext,
	options: DryRunOptions = {},
): DryRunReport & { outcomes?: Record<string, AuditOutcome> } {
	const audit = isCompiledAudit(rules) ? rules : compileAudit(rules);
	const auditor = createAuditor(audit, { ...context, recentOrders: context.recentOrders ?? recentOrdersFromList(orders) });
	const report: DryRunReport = {
		ruleVersion: audit.ruleVersion,
		total: orders.length,
		before: { none: 0, approved: 0, held: 0, blocked: 0 },
		after: { approved: 0, held: 0, blocked: 0 },
		transitions: {},
		hitsPerRule: Object.fromEntries(audit.rules.map((rule) => [rule.id, 0])),
		changed: [],
	};
	const outcomes: Record<string, AuditOutcome> = {};
	for (const order of orders) {
		const outcome = auditor(order);
		const before: StoredDecision = order.audit?.decision ?? 'none';
		report.before[before]++;
		report.after[outcome.decision]++;
		for (const hit of outcome.hits) report.hitsPerRule[hit.rule]++;
		if (options.includeOutcomes) outcomes[order.id] = outcome;
		if (before === outcome.decision) continue;
		const transition = `${before}->${outcome.decision}`;
		report.transitions[transition] = (report.transitions[transition] ?? 0) + 1;
		report.changed.push({
			orderId: order.id,
			channel: order.channel,
			channelOrderId: order.channelOrderId,
			before,
			after: outcome.decision,
			rules: outcome.hits.map((hit) => hit.rule),
		});
	}
	return options.includeOutcomes ? { ...report, outcomes } : report;
}
