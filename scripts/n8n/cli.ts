// n8n's CLI against an instance's database: import workflows and credentials, publish, and run a workflow once.
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { N8nInstance } from './instance';
import { seconds } from './log';
import { nodeBinary } from './paths';
import { run, tail, type RunResult } from './proc';
import { findRunData, type WorkflowRun } from './run-data';

// The first command on a new database runs every migration; on a busy machine that alone can take two minutes.
const COMMAND_TIMEOUT_MS = 300_000;

/** Runs `n8n <args>` with the instance's environment; output is appended to the instance log. */
export async function n8nCommand(instance: N8nInstance, args: string[]): Promise<RunResult> {
	appendFileSync(instance.logFile, `\n$ n8n ${args.join(' ')}\n`);
	const outcome = await run(nodeBinary(), [instance.install.entry, ...args], {
		cwd: instance.userFolder,
		env: instance.env,
		logFile: instance.logFile,
		timeoutMs: COMMAND_TIMEOUT_MS,
	});
	if (outcome.timedOut) throw new Error(`n8n ${args[0]} did not finish within ${COMMAND_TIMEOUT_MS / 1000} s`);
	return outcome;
}

async function n8nCommandOk(instance: N8nInstance, args: string[]): Promise<RunResult> {
	const outcome = await n8nCommand(instance, args);
	if (outcome.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} exited ${outcome.code ?? outcome.signal}:\n${tail(`${outcome.stdout}\n${outcome.stderr}`)}`);
	}
	return outcome;
}

/** Imports one workflow file (a workflow object or an array of them); ids in the file are kept. */
export async function importWorkflow(instance: N8nInstance, file: string): Promise<void> {
	await n8nCommandOk(instance, ['import:workflow', `--input=${path.resolve(file)}`]);
}

/** Imports many workflow files with one n8n run (each n8n command boots n8n, which takes seconds). */
export async function importWorkflows(instance: N8nInstance, files: string[]): Promise<void> {
	const dir = mkdtempSync(path.join(instance.userFolder, 'workflows-'));
	try {
		// Numbered copies: files from different folders may share a name.
		files.forEach((file, index) => copyFileSync(file, path.join(dir, `${String(index).padStart(3, '0')}-${path.basename(file)}`)));
		await n8nCommandOk(instance, ['import:workflow', '--separate', `--input=${dir}`]);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Imports credentials given as objects (`{ id, name, type, data }`; data in plain text, n8n encrypts it). */
export async function importCredentials(instance: N8nInstance, credentials: object | object[]): Promise<void> {
	const dir = mkdtempSync(path.join(instance.userFolder, 'credentials-'));
	const file = path.join(dir, 'credentials.json');
	try {
		writeFileSync(file, JSON.stringify(Array.isArray(credentials) ? credentials : [credentials]));
		await n8nCommandOk(instance, ['import:credentials', `--input=${file}`]);
	} finally {
		// The file holds secrets in plain text; it never outlives the import.
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Marks the workflow published in the database; a running n8n picks it up only after a restart. */
export async function publishWorkflow(instance: N8nInstance, workflowId: string): Promise<void> {
	await n8nCommandOk(instance, ['publish:workflow', `--id=${workflowId}`]);
}

export interface ExecuteResult {
	run: WorkflowRun;
	seconds: number;
}

/** `n8n execute --id`: runs the workflow from its manual trigger and returns the run data it prints. */
export async function executeWorkflow(instance: N8nInstance, workflowId: string): Promise<ExecuteResult> {
	const started = Date.now();
	const outcome = await n8nCommand(instance, ['execute', `--id=${workflowId}`, '--rawOutput']);
	const runData = findRunData(outcome.stdout);
	if (outcome.code !== 0 || !runData) {
		const reason = runData?.data.resultData.error?.message ?? (runData ? 'see its output' : 'no run data in its output');
		throw new Error(
			`n8n execute --id=${workflowId} exited ${outcome.code ?? outcome.signal}: ${reason}\n${tail(`${outcome.stdout}\n${outcome.stderr}`)}`,
		);
	}
	instance.log(`workflow ${workflowId} executed in ${seconds(started)}`);
	return { run: runData, seconds: (Date.now() - started) / 1000 };
}

/** Node types used by a workflow file, as `type@typeVersion`. */
export function workflowNodeTypes(file: string): Array<{ name: string; type: string; typeVersion: number }> {
	const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
	const workflows = (Array.isArray(parsed) ? parsed : [parsed]) as Array<{
		nodes: Array<{ name: string; type: string; typeVersion: number }>;
	}>;
	return workflows.flatMap((workflow) => workflow.nodes.map(({ name, type, typeVersion }) => ({ name, type, typeVersion })));
}
