// Reading the rule set and the audit instant from the node, with errors that name the bad setting.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { toEpochMillis } from '../../lib/model';
import { compileAudit, RuleConfigError, type AuditConfig, type CompiledAudit } from '../../lib/rules';
import { toIsoWithOffset } from '../shared/time';

export function compileRules(ctx: IExecuteFunctions): CompiledAudit {
	const rules = ctx.getNodeParameter('rules', 0, {}) as AuditConfig;
	let audit: CompiledAudit;
	try {
		audit = compileAudit(rules);
	} catch (error) {
		const path = error instanceof RuleConfigError ? error.path : 'rules';
		throw new NodeOperationError(ctx.getNode(), error as Error, { description: `Check the rule setting ${path}.` });
	}
	if (audit.rules.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'No audit rule is enabled', { description: 'Add at least one rule under "Audit Rules".' });
	}
	return audit;
}

export function auditInstant(ctx: IExecuteFunctions): number {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	return readTime(ctx, options.auditTime, Date.now(), 'Audit Time');
}

export function readTime(ctx: IExecuteFunctions, value: unknown, fallbackMs: number, field: string): number {
	try {
		return toEpochMillis(toIsoWithOffset(value, ctx.getTimezone(), fallbackMs));
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `${field}: ${(error as Error).message}`);
	}
}
