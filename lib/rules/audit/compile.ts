// Settings -> a validated, ordered rule list and its version. The version hashes the normalised settings
// (defaults filled, disabled entries dropped), so equivalent settings share a version and any change
// that can alter a decision gives a new one.
import type { AuditSeverity } from '../../model';
import { asSettings, readBoolean, readNumber, readOption, readString, RuleConfigError } from '../configFields';
import { stableHash } from '../stableHash';
import { AUDIT_RULE_TYPES, AUDIT_RULES, type AuditConfig, type AuditRuleType } from './registry';
import { AUDIT_SEVERITIES, type RuleDefinition } from './types';

export interface CompiledRule {
	id: string;
	type: AuditRuleType;
	severity: AuditSeverity;
	priority: number;
	settings: unknown;
	definition: RuleDefinition<unknown>;
}

export interface CompiledAudit {
	ruleVersion: string;
	/** In evaluation order: priority, then rule type order, then position in its list. */
	rules: CompiledRule[];
}

export function isCompiledAudit(value: AuditConfig | CompiledAudit): value is CompiledAudit {
	return typeof (value as CompiledAudit).ruleVersion === 'string' && Array.isArray((value as CompiledAudit).rules);
}

export function compileAudit(config: AuditConfig): CompiledAudit {
	const root = asSettings(config, 'audit');
	for (const key of Object.keys(root)) {
		if (!(AUDIT_RULE_TYPES as string[]).includes(key)) {
			throw new RuleConfigError(key, `unknown rule type (use ${AUDIT_RULE_TYPES.join(', ')})`);
		}
	}
	const rules: Array<CompiledRule & { tie: number }> = [];
	const usedIds = new Set<string>();
	AUDIT_RULE_TYPES.forEach((type, typeIndex) => {
		const entries = root[type] ?? [];
		if (!Array.isArray(entries)) throw new RuleConfigError(type, 'expected a list of rule entries');
		entries.forEach((entry: unknown, index: number) => {
			const path = `${type}[${index}]`;
			const raw = asSettings(entry, path);
			if (!readBoolean(raw, 'enabled', path, true)) return;
			// Each definition reads and evaluates its own settings type; the list holds them side by side.
			const definition = AUDIT_RULES[type] as unknown as RuleDefinition<unknown>;
			let id = readString(raw, 'name', path) || type;
			for (let n = 2; usedIds.has(id); n++) id = `${readString(raw, 'name', path) || type}#${n}`;
			usedIds.add(id);
			rules.push({
				id,
				type,
				severity: readOption(raw, 'severity', path, AUDIT_SEVERITIES, definition.defaultSeverity),
				priority: readNumber(raw, 'priority', path, definition.defaultPriority),
				settings: definition.read(raw, path),
				definition,
				tie: typeIndex * 10_000 + index,
			});
		});
	});
	rules.sort((a, b) => a.priority - b.priority || a.tie - b.tie);
	const normalized = rules.map(({ id, type, severity, priority, settings }) => ({ id, type, severity, priority, settings }));
	return {
		ruleVersion: `rv_${stableHash(normalized)}`,
		rules: rules.map(({ tie: _tie, ...rule }) => rule),
	};
}

/** The version a set of settings would record, e.g. to show beside the form before saving. */
export function auditRuleVersion(config: AuditConfig): string {
	return compileAudit(config).ruleVersion;
}
