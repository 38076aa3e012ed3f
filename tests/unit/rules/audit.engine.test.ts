import type { UnifiedOrder } from '../../../lib/model';
import {
	auditOrder,
	auditRuleVersion,
	compileAudit,
	decide,
	dryRunAudit,
	type AuditConfig,
} from '../../../lib/rules/audit';
import { RuleConfigError } from '../../../lib/rules/configFields';
import { line, MINUTE, NOW, ruleOrder, shiftIso, withReceiver } from '../../fixtures/rules/orders';

/** Three problems at once: paid 2 minutes ago, above 100 yuan, a "发票" message. */
const troubled = ruleOrder({ paidAt: shiftIso(NOW, -2 * MINUTE), buyerMessage: '要发票' });
const threeRules: AuditConfig = {
	paidRecently: [{ minutes: 10 }],
	amountAbove: [{ limit: 100, severity: 'flag' }],
	keywords: [{ keywords: '发票' }],
};

describe('evaluation order and collection', () => {
	test('collects every hit, listed in default priority order', () => {
		const result = auditOrder(troubled, threeRules, { now: NOW });
		expect(result.hits.map((hit) => hit.rule)).toEqual(['amountAbove', 'keywords', 'paidRecently']);
		expect(result.hits.map((hit) => hit.priority)).toEqual([50, 70, 100]);
	});

	test('explicit priorities reorder the rules', () => {
		const config: AuditConfig = {
			paidRecently: [{ minutes: 10, priority: 1 }],
			amountAbove: [{ limit: 100, priority: 3 }],
			keywords: [{ keywords: '发票', priority: 2 }],
		};
		expect(auditOrder(troubled, config, { now: NOW }).hits.map((hit) => hit.rule)).toEqual([
			'paidRecently',
			'keywords',
			'amountAbove',
		]);
	});

	test('equal priorities keep rule-type order, then list order', () => {
		const config: AuditConfig = {
			keywords: [{ keywords: '发票', priority: 5 }],
			amountAbove: [
				{ limit: 100, priority: 5 },
				{ limit: 200, priority: 5 },
			],
		};
		expect(auditOrder(troubled, config, { now: NOW }).hits.map((hit) => hit.rule)).toEqual([
			'amountAbove',
			'amountAbove#2',
			'keywords',
		]);
	});

	test('disabled entries do not run', () => {
		const config: AuditConfig = { ...threeRules, keywords: [{ keywords: '发票', enabled: false }] };
		expect(auditOrder(troubled, config, { now: NOW }).hits.map((hit) => hit.rule)).not.toContain('keywords');
	});

	test('named entries keep their names', () => {
		const config: AuditConfig = { amountAbove: [{ name: '大额订单', limit: 100 }] };
		expect(auditOrder(troubled, config, { now: NOW }).hits[0].rule).toBe('大额订单');
	});

	test('the result records rule version and audit time', () => {
		const result = auditOrder(troubled, threeRules, { now: NOW });
		expect(result.ruleVersion).toBe(auditRuleVersion(threeRules));
		expect(result.ruleVersion).toMatch(/^rv_[0-9a-f]{12}$/);
		expect(result.auditedAt).toBe(NOW);
	});
});

describe('decision precedence', () => {
	test.each([
		[[], 'approved'],
		[['flag'], 'approved'],
		[['flag', 'flag'], 'approved'],
		[['flag', 'hold'], 'held'],
		[['hold', 'flag', 'hold'], 'held'],
		[['hold', 'block'], 'blocked'],
		[['flag', 'block'], 'blocked'],
		[['block'], 'blocked'],
	] as const)('%j -> %s', (severities, decision) => {
		expect(decide(severities.map((severity) => ({ severity })))).toBe(decision);
	});

	test('end to end: a block outranks holds and flags', () => {
		const config: AuditConfig = { ...threeRules, address: [{ severity: 'block' }] };
		const order = withReceiver(troubled, { district: undefined });
		const result = auditOrder(order, config, { now: NOW });
		expect(result.hits).toHaveLength(4);
		expect(result.decision).toBe('blocked');
	});

	test('only flags: approved with the flags attached', () => {
		const result = auditOrder(troubled, { amountAbove: [{ limit: 100, severity: 'flag' }] }, { now: NOW });
		expect(result).toMatchObject({ decision: 'approved', hits: [{ severity: 'flag' }] });
	});
});

describe('rule version', () => {
	const config: AuditConfig = { amountAbove: [{ limit: 5000 }], keywords: [{ keywords: '发票, 改地址' }] };

	test('same settings, any key order, same version', () => {
		const reordered: AuditConfig = { keywords: [{ keywords: ['发票', '改地址'] }], amountAbove: [{ limit: 5000 }] };
		expect(auditRuleVersion(reordered)).toBe(auditRuleVersion(config));
	});

	test('spelled-out defaults and disabled entries do not change it', () => {
		const explicit: AuditConfig = {
			amountAbove: [{ limit: 5000, severity: 'hold', priority: 50, enabled: true }],
			keywords: [{ keywords: '发票，改地址', field: 'both', anyText: false }],
			refundRate: [{ enabled: false }],
		};
		expect(auditRuleVersion(explicit)).toBe(auditRuleVersion(config));
	});

	test.each<[string, AuditConfig]>([
		['a changed threshold', { ...config, amountAbove: [{ limit: 5000.01 }] }],
		['a changed severity', { ...config, amountAbove: [{ limit: 5000, severity: 'block' }] }],
		['a changed priority', { ...config, amountAbove: [{ limit: 5000, priority: 1 }] }],
		['an added keyword', { ...config, keywords: [{ keywords: '发票, 改地址, 加急' }] }],
		['an added rule', { ...config, paidRecently: [{}] }],
		['a renamed rule', { ...config, amountAbove: [{ limit: 5000, name: '大额' }] }],
	])('%s gives a new version', (_name, changed) => {
		expect(auditRuleVersion(changed)).not.toBe(auditRuleVersion(config));
	});
});

describe('settings errors name the field', () => {
	test.each<[AuditConfig | Record<string, unknown>, string]>([
		[{ amountOver: [{}] }, 'amountOver'],
		[{ amountAbove: [{ limit: -1 }] }, 'amountAbove[0].limit'],
		[{ amountAbove: [{ limit: 10.001 }] }, 'amountAbove[0].limit'],
		[{ amountAbove: [{ limit: 'lots' }] }, 'amountAbove[0].limit'],
		[{ paidRecently: [{}, { severity: 'stop' }] }, 'paidRecently[1].severity'],
		[{ keywords: [{ keywords: '' }] }, 'keywords[0].keywords'],
		[{ address: [{ requiredFields: 'name, zipcode' }] }, 'address[0].requiredFields'],
		[{ unitPriceFloor: [{ skuFloors: 'SKU-A' }] }, 'unitPriceFloor[0].skuFloors'],
		[{ refundRate: [{ maxRefundRatePercent: 120 }] }, 'refundRate[0].maxRefundRatePercent'],
	])('%j', (config, path) => {
		expect(() => compileAudit(config as AuditConfig)).toThrow(RuleConfigError);
		expect(() => compileAudit(config as AuditConfig)).toThrow(path);
	});

	test('a rule whose lookup is missing fails before auditing', () => {
		expect(() => auditOrder(troubled, { blacklist: [{}] }, { now: NOW })).toThrow('needs the blacklist lookup');
	});

	test('a bad audit instant is refused', () => {
		expect(() => auditOrder(troubled, threeRules, { now: '2024-05-01 13:00' })).toThrow('now');
	});
});

describe('dry run', () => {
	const approvedBefore = (order: UnifiedOrder): UnifiedOrder => ({
		...order,
		audit: { decision: 'approved', ruleVersion: 'rv_old', hits: [], auditedAt: NOW },
	});
	const big = approvedBefore(ruleOrder({ channelOrderId: 'D1', totals: { goods: 900000, discount: 0, shippingFee: 0, paid: 900000 } }));
	const normal = approvedBefore(ruleOrder({ channelOrderId: 'D2' }));
	const neverAudited = ruleOrder({ channelOrderId: 'D3', lines: [line({ masterSku: undefined })] });
	const orders = [big, normal, neverAudited];
	const config: AuditConfig = { amountAbove: [{ limit: 5000 }], unmappedSku: [{ severity: 'block' }], paidRecently: [{}] };

	test('reports decision changes and hits per rule without touching the orders', () => {
		const snapshot = JSON.stringify(orders);
		const report = dryRunAudit(orders, config, { now: NOW });
		expect(JSON.stringify(orders)).toBe(snapshot);
		expect(report).toMatchObject({
			ruleVersion: auditRuleVersion(config),
			total: 3,
			before: { none: 1, approved: 2, held: 0, blocked: 0 },
			after: { approved: 1, held: 1, blocked: 1 },
			transitions: { 'approved->held': 1, 'none->blocked': 1 },
			hitsPerRule: { amountAbove: 1, unmappedSku: 1, paidRecently: 0 },
		});
		expect(report.changed).toEqual([
			{ orderId: big.id, channel: 'taobao', channelOrderId: 'D1', before: 'approved', after: 'held', rules: ['amountAbove'] },
			{ orderId: neverAudited.id, channel: 'taobao', channelOrderId: 'D3', before: 'none', after: 'blocked', rules: ['unmappedSku'] },
		]);
	});

	test('finds duplicates among the given orders when no lookup is passed', () => {
		const first = ruleOrder({ channelOrderId: 'X1', buyer: { id: 'b1' } });
		const second = ruleOrder({ channelOrderId: 'X2', buyer: { id: 'b2' }, createdAt: shiftIso(first.createdAt, MINUTE) });
		const report = dryRunAudit([first, second], { duplicate: [{}] }, { now: NOW }, { includeOutcomes: true });
		expect(report.hitsPerRule).toEqual({ duplicate: 1 });
		expect(report.outcomes?.[second.id].hits[0].orderIds).toEqual([first.id]);
	});
});
