// Runs every enabled rule on an order and collects all hits. Decision: blocked if any block, else held if
// any hold, else approved; flags never stop an order.
import { isoFromMillis, toEpochMillis, type UnifiedOrder } from '../../model';
import { majorToMinor, RuleConfigError } from '../configFields';
import { compileAudit, isCompiledAudit, type CompiledAudit } from './compile';
import type { AuditConfig } from './registry';
import type { AuditContext, AuditOutcome, RuleHit, RuleRuntime } from './types';

export function toMillis(now: AuditContext['now']): number {
	let ms = NaN;
	try {
		ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : toEpochMillis(now);
	} catch {
		// reported below with the setting's name
	}
	if (!Number.isInteger(ms)) throw new RuleConfigError('now', `not a valid instant: ${String(now)}`);
	return ms;
}

export function decide(hits: readonly { severity: RuleHit['severity'] }[]): AuditOutcome['decision'] {
	if (hits.some((hit) => hit.severity === 'block')) return 'blocked';
	if (hits.some((hit) => hit.severity === 'hold')) return 'held';
	return 'approved';
}

/** Fails before any order is touched when a rule's lookup was not wired in. */
export function checkContext(audit: CompiledAudit, context: AuditContext): void {
	for (const rule of audit.rules) {
		const needs = rule.definition.needs;
		if (needs && typeof context[needs] !== 'function') {
			throw new RuleConfigError(rule.id, `this rule needs the ${needs} lookup, which was not provided`);
		}
	}
}

function runtimeFor(context: AuditContext): RuleRuntime {
	const minorCache = new Map<string, number>();
	return {
		nowMs: toMillis(context.now),
		context,
		minor(major, currency) {
			const key = `${major}|${currency}`;
			let minor = minorCache.get(key);
			if (minor === undefined) {
				minor = majorToMinor(major, currency, `threshold ${major}`);
				minorCache.set(key, minor);
			}
			return minor;
		},
	};
}

/** Audits many orders with one compiled rule set and one context (the dry run and batch nodes use this). */
export function createAuditor(rules: AuditConfig | CompiledAudit, context: AuditContext) {
	const audit = isCompiledAudit(rules) ? rules : compileAudit(rules);
	checkContext(audit, context);
	const runtime = runtimeFor(context);
	const auditedAt = isoFromMillis(runtime.nowMs);
	return (order: UnifiedOrder): AuditOutcome => {
		const hits: RuleHit[] = [];
		for (const rule of audit.rules) {
			let finding;
			try {
				finding = rule.definition.evaluate(order, rule.settings, runtime);
			} catch (error) {
				const reason = error instanceof Error ? error.message : String(error);
				throw new Error(`Audit rule ${rule.id} failed on order ${order.id} (${order.channel} ${order.channelOrderId}): ${reason}`);
			}
			if (!finding) continue;
			hits.push({
				rule: rule.id,
				severity: rule.severity,
				priority: rule.priority,
				message: `${finding.zh} / ${finding.en}`,
				...(finding.orderIds ? { orderIds: finding.orderIds } : {}),
				...(finding.lineIds ? { lineIds: finding.lineIds } : {}),
				...(finding.skus ? { skus: finding.skus } : {}),
			});
		}
		return { decision: decide(hits), ruleVersion: audit.ruleVersion, hits, auditedAt };
	};
}

export function auditOrder(order: UnifiedOrder, rules: AuditConfig | CompiledAudit, context: AuditContext): AuditOutcome {
	return createAuditor(rules, context)(order);
}
