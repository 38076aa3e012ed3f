import { createAuditor } from '../../../lib/rules/audit';
import { generateAuditScenario, SCENARIO_CONFIG } from '../../fixtures/rules/auditScenario';

describe('5,000 generated orders with injected anomalies', () => {
	test.each([20240601, 7])('seed %i: every anomaly is flagged and nothing else (precision = recall = 1)', (seed) => {
		const { orders, expected, context } = generateAuditScenario(seed, 5000);
		expect(orders).toHaveLength(5000);
		expect(new Set(orders.map((order) => order.id)).size).toBe(5000);

		const audit = createAuditor(SCENARIO_CONFIG, context);
		let truePositives = 0;
		let falsePositives = 0;
		let expectedPairs = 0;
		const mistakes: string[] = [];
		const perRule: Record<string, number> = {};
		for (const order of orders) {
			const want = expected.get(order.id) ?? new Set<string>();
			expectedPairs += want.size;
			const got = new Set(audit(order).hits.map((hit) => hit.rule));
			for (const rule of got) {
				perRule[rule] = (perRule[rule] ?? 0) + 1;
				if (want.has(rule)) truePositives++;
				else {
					falsePositives++;
					mistakes.push(`unexpected ${rule} on ${order.channelOrderId}`);
				}
			}
			for (const rule of want) if (!got.has(rule)) mistakes.push(`missed ${rule} on ${order.channelOrderId}`);
		}
		const precision = truePositives / (truePositives + falsePositives);
		const recall = truePositives / expectedPairs;
		console.log(
			`audit scenario seed ${seed}: ${orders.length} orders, ${expected.size} anomalous, ${expectedPairs} expected hits; ` +
				`precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}; hits per rule ${JSON.stringify(perRule)}`,
		);
		expect(mistakes.slice(0, 10)).toEqual([]);
		// Every rule type was exercised.
		expect(Object.keys(perRule).sort()).toEqual(Object.keys(SCENARIO_CONFIG).sort());
		expect(precision).toBe(1);
		expect(recall).toBe(1);
	});
});
