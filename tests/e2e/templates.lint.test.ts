// Static checks of the shipped templates (workflows/*.json) against the built package; no n8n needed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_JSON, REPO_ROOT } from './harness';

const WORKFLOWS_DIR = path.join(REPO_ROOT, 'workflows');
const BASE_PREFIX = 'n8n-nodes-base.';
const PACKAGE_PREFIX = `${PACKAGE_JSON.name}.`;
// Credential types of n8n-nodes-base a template may use (none so far besides our own).
const BASE_CREDENTIAL_TYPES: string[] = [];
const FORBIDDEN_TYPES = ['n8n-nodes-base.code', 'n8n-nodes-base.function', 'n8n-nodes-base.functionItem'];

interface TemplateNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id?: string; name?: string }>;
}

interface Template {
	name: string;
	nodes: TemplateNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	settings?: Record<string, unknown>;
	pinData?: Record<string, unknown>;
}

interface Property {
	name: string;
	type: string;
	options?: Array<{ name: string; value?: unknown }>;
}

interface Description {
	name: string;
	version: number | number[];
	properties: Property[];
}

function loadExport(file: string, suffix: RegExp): Record<string, unknown> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(path.join(REPO_ROOT, file)) as Record<string, new () => Record<string, unknown>>;
	return new exported[path.basename(file).replace(suffix, '')]();
}

const descriptions = new Map<string, Description>(
	PACKAGE_JSON.n8n.nodes.map((file) => {
		const description = loadExport(file, /\.node\.js$/).description as Description;
		return [`${PACKAGE_PREFIX}${description.name}`, description];
	}),
);
const credentialTypes = new Set([
	...PACKAGE_JSON.n8n.credentials.map((file) => loadExport(file, /\.credentials\.js$/).name as string),
	...BASE_CREDENTIAL_TYPES,
]);

const files = readdirSync(WORKFLOWS_DIR).filter((file) => file.endsWith('.json')).sort();
const templates = files.map((file) => [file, readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')] as const);

function isExpression(value: unknown): boolean {
	return typeof value === 'string' && value.startsWith('=');
}

/** Parameter names (and option values, and collection keys) a node of our package does not define. */
function unknownParameters(node: TemplateNode, description: Description): string[] {
	const problems: string[] = [];
	for (const [name, value] of Object.entries(node.parameters)) {
		const candidates = description.properties.filter((property) => property.name === name);
		if (!candidates.length) {
			problems.push(`${node.name}: unknown parameter "${name}"`);
			continue;
		}
		if (isExpression(value)) continue;
		if (candidates.every((property) => property.type === 'options')) {
			const allowed = candidates.flatMap((property) => (property.options ?? []).map((option) => option.value));
			if (!allowed.includes(value)) problems.push(`${node.name}: "${name}" = ${JSON.stringify(value)} is not one of its options`);
		}
		if (candidates.every((property) => property.type === 'collection') && value && typeof value === 'object') {
			const keys = candidates.flatMap((property) => (property.options ?? []).map((option) => option.name));
			for (const key of Object.keys(value)) {
				if (!keys.includes(key)) problems.push(`${node.name}: "${name}" has no field "${key}"`);
			}
		}
	}
	return problems;
}

describe('shipped templates (workflows/*.json)', () => {
	it('exist', () => {
		expect(files.length).toBeGreaterThanOrEqual(4);
	});

	describe.each(templates)('%s', (file, text) => {
		const template = JSON.parse(text) as Template;
		const nodeNames = new Set(template.nodes.map((node) => node.name));

		it('is one workflow with a name, nodes, connections, v1 execution order and no pinned data', () => {
			expect(typeof template.name).toBe('string');
			expect(Array.isArray(template.nodes)).toBe(true);
			expect(typeof template.connections).toBe('object');
			expect(template.settings).toEqual(expect.objectContaining({ executionOrder: 'v1' }));
			expect(Object.keys(template.pinData ?? {})).toEqual([]);
			expect(nodeNames.size).toBe(template.nodes.length);
			expect(new Set(template.nodes.map((node) => node.id)).size).toBe(template.nodes.length);
		});

		it('uses only n8n-nodes-base types and nodes of this package, in versions they have, and no code nodes', () => {
			for (const node of template.nodes) {
				expect(FORBIDDEN_TYPES).not.toContain(node.type);
				if (node.type.startsWith(BASE_PREFIX)) continue;
				const description = descriptions.get(node.type);
				expect([node.name, description ? 'known' : `unknown type ${node.type}`]).toEqual([node.name, 'known']);
				expect([node.name, [description!.version].flat()]).toEqual([node.name, expect.arrayContaining([node.typeVersion])]);
			}
		});

		it('refers to credentials by type and name only, types this package defines', () => {
			for (const node of template.nodes) {
				for (const [type, reference] of Object.entries(node.credentials ?? {})) {
					expect([node.name, type, credentialTypes.has(type)]).toEqual([node.name, type, true]);
					expect(reference).toEqual({ name: expect.any(String) });
				}
			}
		});

		it('sets only parameters our nodes define', () => {
			const problems = template.nodes.flatMap((node) => {
				const description = descriptions.get(node.type);
				return description ? unknownParameters(node, description) : [];
			});
			expect(problems).toEqual([]);
		});

		it('has a sticky note in Chinese and English', () => {
			const notes = template.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
			const content = notes.map((note) => String(note.parameters.content ?? '')).join('\n');
			expect(content).toMatch(/[\u4e00-\u9fff]{4,}/);
			expect(content).toMatch(/English/);
			expect(content).toMatch(/Configure|配置/);
		});

		it('connects only nodes that exist, from outputs that exist', () => {
			for (const [source, outputs] of Object.entries(template.connections)) {
				expect([source, nodeNames.has(source)]).toEqual([source, true]);
				for (const target of outputs.main.flat()) {
					expect([source, target.node, nodeNames.has(target.node)]).toEqual([source, target.node, true]);
				}
			}
		});

		it('starts from a trigger, and a scheduled one can also be run by hand (n8n execute needs a Manual Trigger)', () => {
			const types = template.nodes.map((node) => node.type);
			expect(types.some((type) => /trigger$/i.test(type))).toBe(true);
			if (types.includes('n8n-nodes-base.scheduleTrigger')) {
				expect(types).toContain('n8n-nodes-base.manualTrigger');
				const targets = (name: string) => template.connections[name]?.main.flat().map((target) => target.node).sort();
				const schedule = template.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger')!.name;
				const manual = template.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger')!.name;
				expect(targets(manual)).toEqual(targets(schedule));
			}
		});
	});
});
