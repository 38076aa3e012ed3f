// A running n8n loads every node and credential package.json lists, without a warning, and knows every node type
// the shipped templates and e2e workflows use. Lists come from package.json and the folders, so new nodes and
// templates are checked as they arrive.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { importCredentials, importWorkflows, publishWorkflow, workflowNodeTypes } from '../../scripts/n8n/cli';
import type { N8nInstance } from '../../scripts/n8n/instance';
import { loadedCredentialTypes, loadedNodeTypes, loginOwner, ownerRequest, type LoadedNodeType } from '../../scripts/n8n/rest';
import { readLog, startN8n } from '../../scripts/n8n/server';
import { sampleOrder } from '../fixtures/orders';
import {
	bootInstance,
	expectedCredentialTypes,
	expectedNodeTypes,
	PACKAGE_JSON,
	REPO_ROOT,
	SETUP_TIMEOUT_MS,
	shutdown,
	STEP_TIMEOUT_MS,
	timed,
} from './harness';

function jsonFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => path.join(dir, name));
}

const templates = jsonFiles(path.join(REPO_ROOT, 'workflows'));
const e2eWorkflows = jsonFiles(path.join(__dirname, 'workflows'));
const workflowFiles = [...templates, ...e2eWorkflows];
const WEBHOOK_WORKFLOW_ID = 'e2eWebhookValid1';
// One stored credential per credential type of the package, plus one of n8n's own so the import is always exercised.
const credentialsToImport = [...expectedCredentialTypes().map((credential) => credential.name), 'httpHeaderAuth'].map(
	(type, index) => ({ id: `e2eCredential${String(index).padStart(3, '0')}`, name: `E2E ${type}`, type, data: { e2e: 'not a secret' } }),
);

describe('the package inside a running n8n', () => {
	let instance: N8nInstance | undefined;
	let nodeTypes: LoadedNodeType[];
	let credentialTypes: Array<{ name: string }>;
	let storedCredentials: Array<{ id: string; name: string; type: string }>;

	beforeAll(async () => {
		instance = await bootInstance();
		const booted = instance;
		await timed(booted, 'import', async () => {
			await importWorkflows(booted, workflowFiles);
			await importCredentials(booted, credentialsToImport);
			// Published before the start, so n8n registers the webhook while it boots.
			await publishWorkflow(booted, WEBHOOK_WORKFLOW_ID);
		});
		booted.timings['n8n start'] = await startN8n(booted);
		const session = await loginOwner(booted);
		nodeTypes = await loadedNodeTypes(booted, session);
		credentialTypes = await loadedCredentialTypes(booted, session);
		storedCredentials = await ownerRequest(booted, session, 'GET', '/rest/credentials');
	}, SETUP_TIMEOUT_MS);

	afterAll(() => shutdown(instance, 'package-loaded'), STEP_TIMEOUT_MS);

	it('serves n8n\'s own nodes, so the type list is the real one', () => {
		const names = nodeTypes.map((type) => type.name);
		expect(names).toEqual(expect.arrayContaining(['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.webhook']));
	});

	it.each(expectedNodeTypes())('loads $type from $file', ({ type, versions }) => {
		const loaded = nodeTypes.filter((candidate) => candidate.name === type);
		expect(loaded).not.toHaveLength(0);
		expect(loaded.flatMap((candidate) => [candidate.version].flat()).sort()).toEqual([...versions].sort());
	});

	it('registers exactly the nodes package.json lists under the package name', () => {
		const ours = nodeTypes.filter((type) => type.name.startsWith(`${PACKAGE_JSON.name}.`)).map((type) => type.name);
		expect([...new Set(ours)].sort()).toEqual(expectedNodeTypes().map((node) => node.type).sort());
	});

	it('loads every credential package.json lists', () => {
		const loaded = new Set(credentialTypes.map((type) => type.name));
		const missing = expectedCredentialTypes().filter((credential) => !loaded.has(credential.name));
		expect(missing).toEqual([]);
		// Our nodes may only ask for credential types n8n knows.
		const asked = nodeTypes
			.filter((type) => type.name.startsWith(`${PACKAGE_JSON.name}.`))
			.flatMap((type) => (type.credentials ?? []).map((credential) => credential.name));
		expect(asked.filter((name) => !loaded.has(name))).toEqual([]);
	});

	it('stores imported credentials of every package credential type for the owner', () => {
		const stored = storedCredentials.map(({ id, name, type }) => ({ id, name, type }));
		expect(stored).toEqual(expect.arrayContaining(credentialsToImport.map(({ id, name, type }) => ({ id, name, type }))));
	});

	it('logs no error, warning or unknown type about the package', () => {
		// The n8n cache folder is named after the package too; only lines about the package itself count.
		const log = readLog(instance!).split(instance!.install.home).join('<n8n>');
		expect(log).toContain('Editor is now accessible');
		const complaints = log
			.split('\n')
			.filter((line) => line.includes(PACKAGE_JSON.name) && /error|warn|unknown|unrecognized|fail|skipping/i.test(line));
		expect(complaints).toEqual([]);
	});

	it.each(workflowFiles.map((file) => [path.relative(REPO_ROOT, file), file]))(
		'%s uses only node types and versions n8n knows',
		(_name, file) => {
			const known = new Set(nodeTypes.flatMap((type) => [type.version].flat().map((version) => `${type.name}@${version}`)));
			const unknown = workflowNodeTypes(file)
				.filter((node) => !known.has(`${node.type}@${node.typeVersion}`))
				.map((node) => `${node.name}: ${node.type}@${node.typeVersion}`);
			expect(unknown).toEqual([]);
		},
	);

	it('answers a published webhook workflow that runs Order Validate', async () => {
		const url = `${instance!.baseUrl}/webhook/e2e-validate-order`;
		const post = async (body: unknown) => {
			// n8n may still be registering published webhooks just after it reports ready.
			for (let attempt = 0; ; attempt++) {
				const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
				if (response.status !== 404 || attempt === 20) return response;
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
		};

		const valid = sampleOrder();
		const accepted = await post(valid);
		expect(accepted.status).toBe(200);
		expect(await accepted.json()).toEqual({ valid: true, id: valid.id });

		const rejected = await post({ ...valid, totals: { ...valid.totals, paid: -1 } });
		expect(rejected.status).toBe(422);
		const answer = (await rejected.json()) as { valid: boolean; problems: Array<{ path: string }> };
		expect(answer.valid).toBe(false);
		expect(answer.problems.map((problem) => problem.path)).toEqual(['$.totals.paid']);
	}, STEP_TIMEOUT_MS);
});
