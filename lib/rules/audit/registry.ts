// Every audit rule type, in the order that breaks priority ties.
import { address } from './rules/address';
import { amountAbove, amountBelow } from './rules/amount';
import { blacklist } from './rules/blacklist';
import { keywords } from './rules/keywords';
import { paidRecently } from './rules/paidRecently';
import { duplicate, mergeable } from './rules/recentOrders';
import { refundRate } from './rules/refundRate';
import { stockShortage, unmappedSku } from './rules/skuChecks';
import { unitPriceFloor } from './rules/unitPrice';
import type { CommonRuleSettings } from './types';

export const AUDIT_RULES = {
	blacklist,
	address,
	unmappedSku,
	unitPriceFloor,
	amountAbove,
	amountBelow,
	duplicate,
	keywords,
	refundRate,
	stockShortage,
	paidRecently,
	mergeable,
};

export type AuditRuleType = keyof typeof AUDIT_RULES;
export const AUDIT_RULE_TYPES = Object.keys(AUDIT_RULES) as AuditRuleType[];

/** One entry of a rule list: the common settings plus the type's own fields (see each rule file). */
export type AuditRuleSettings = CommonRuleSettings & Record<string, unknown>;

/** The audit settings as an n8n fixedCollection delivers them: one list of entries per rule type. */
export type AuditConfig = Partial<Record<AuditRuleType, readonly AuditRuleSettings[]>>;
