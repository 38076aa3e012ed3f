// Jest-side glue for the e2e suites: one real n8n per test file, its phases timed, and nothing left behind.
import path from 'node:path';
import { createInstance, removeInstance, type CreateInstanceOptions, type N8nInstance } from '../../scripts/n8n/instance';
import { stopN8n } from '../../scripts/n8n/server';

// The first run installs n8n: about 5 min on a quiet machine, 23 min measured on a 2-core machine under heavy load.
export const SETUP_TIMEOUT_MS = 35 * 60_000;
export const STEP_TIMEOUT_MS = 4 * 60_000;

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SMOKE_WORKFLOW = path.join(__dirname, 'workflows', 'validate-smoke.json');
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const PACKAGE_JSON = require(path.join(REPO_ROOT, 'package.json')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};

export async function bootInstance(options: CreateInstanceOptions = {}): Promise<N8nInstance> {
	return createInstance(options);
}

/** Stops n8n, prints the phase timings and deletes the instance; tolerates a setup that failed half-way. */
export async function shutdown(instance: N8nInstance | undefined, suite: string): Promise<void> {
	if (!instance) return;
	try {
		await stopN8n(instance);
	} finally {
		const figures = Object.entries(instance.timings).map(([phase, secs]) => `${phase} ${secs.toFixed(1)} s`);
		instance.log(`${suite} timings: ${figures.join(', ')}`);
		removeInstance(instance);
	}
}

/** Times a phase into the instance's timings. */
export async function timed<T>(instance: N8nInstance, phase: string, action: () => Promise<T>): Promise<T> {
	const started = Date.now();
	try {
		return await action();
	} finally {
		instance.timings[phase] = (Date.now() - started) / 1000;
	}
}

interface Described {
	description: { name: string; version?: number | number[]; defaultVersion?: number; usableAsTool?: boolean };
}

// Like n8n's loader: the class exported under the file's base name (`Taobao` from `Taobao.node.js`).
function loadClass(file: string): unknown {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(path.join(REPO_ROOT, file)) as Record<string, new () => unknown>;
	const className = path.basename(file).replace(/\.(node|credentials)\.js$/, '');
	const Class = exported[className];
	if (typeof Class !== 'function') throw new Error(`${file} does not export a class named ${className}`);
	return new Class();
}

/**
 * What n8n should register for each built node: `<package>.<description.name>` and its versions, plus the
 * `<name>Tool` variant n8n derives from nodes marked `usableAsTool`.
 */
export function expectedNodeTypes(): Array<{ file: string; type: string; versions: number[] }> {
	return PACKAGE_JSON.n8n.nodes.flatMap((file) => {
		const { description } = loadClass(file) as Described;
		const versions = [description.version ?? description.defaultVersion ?? 1].flat();
		const type = `${PACKAGE_JSON.name}.${description.name}`;
		const tool = description.usableAsTool ? [{ file, type: `${type}Tool`, versions }] : [];
		return [{ file, type, versions }, ...tool];
	});
}

/** Credential type names (credentials are not package-qualified in n8n). */
export function expectedCredentialTypes(): Array<{ file: string; name: string }> {
	return PACKAGE_JSON.n8n.credentials.map((file) => ({ file, name: (loadClass(file) as { name: string }).name }));
}
