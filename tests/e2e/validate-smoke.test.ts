// Real n8n runs the smoke workflow (manual trigger -> two orders -> Order Validate) through `n8n execute`.
import { readFileSync } from 'node:fs';
import { executeWorkflow, importWorkflow } from '../../scripts/n8n/cli';
import type { N8nInstance } from '../../scripts/n8n/instance';
import { nodeOutputs, type RunItem } from '../../scripts/n8n/run-data';
import { bootInstance, SETUP_TIMEOUT_MS, shutdown, SMOKE_WORKFLOW, STEP_TIMEOUT_MS, timed } from './harness';

const workflow = JSON.parse(readFileSync(SMOKE_WORKFLOW, 'utf8')) as {
	id: string;
	nodes: Array<{ name: string; parameters: { jsonOutput?: string } }>;
};
const [validOrder, invalidOrder] = (
	JSON.parse(workflow.nodes.find((node) => node.parameters.jsonOutput)!.parameters.jsonOutput!) as {
		orders: Array<Record<string, unknown>>;
	}
).orders;

describe('Order Validate inside n8n (n8n execute)', () => {
	let instance: N8nInstance | undefined;
	let outputs: RunItem[][];

	beforeAll(async () => {
		instance = await bootInstance();
		const booted = instance;
		await timed(booted, 'import', () => importWorkflow(booted, SMOKE_WORKFLOW));
		const { run } = await timed(booted, 'execute', () => executeWorkflow(booted, workflow.id));
		expect(run.data.resultData.error).toBeUndefined();
		outputs = nodeOutputs(run, 'Order Validate');
	}, SETUP_TIMEOUT_MS);

	afterAll(() => shutdown(instance, 'validate-smoke'), STEP_TIMEOUT_MS);

	it('sends the valid order to "Valid" unchanged', () => {
		expect(outputs).toHaveLength(2);
		expect(outputs[0]).toHaveLength(1);
		expect(outputs[0][0].json).toEqual(validOrder);
	});

	it('sends the broken order to "Invalid" with every problem path', () => {
		expect(outputs[1]).toHaveLength(1);
		const { problems, summary, order } = outputs[1][0].json as {
			problems: Array<{ path: string; message: string }>;
			summary: string;
			order: Record<string, unknown>;
		};
		expect(problems.map((problem) => problem.path).sort()).toEqual(['$.currency', '$.id', '$.lines[0].quantity']);
		expect(summary).toContain('$.id: must equal orderId(channel, shopId, channelOrderId) = uo_36d1fdb3b164097de8cefbe7bf26b9d0');
		expect(order).toEqual(invalidOrder);
	});

	it('keeps each output item paired with the input item it came from', () => {
		expect(outputs[0][0].pairedItem).toEqual({ item: 0 });
		expect(outputs[1][0].pairedItem).toEqual({ item: 1 });
	});
});
