// Packs the built package and installs the tarball the way a user's n8n holds community packages
// (`<user folder>/.n8n/nodes/node_modules/<package>`), so node types are `n8n-nodes-unified-orders.<name>`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_NAME, pathWithNode24, REPO_ROOT } from './paths';
import { run, tail } from './proc';

export interface PackedPackage {
	tarball: string;
	version: string;
}

export async function packPackage(destination: string): Promise<PackedPackage> {
	const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	const firstNode = manifest.n8n.nodes[0];
	if (!existsSync(path.join(REPO_ROOT, firstNode))) {
		throw new Error(`${firstNode} is missing: run "npm run build" before packing`);
	}
	mkdirSync(destination, { recursive: true });
	const env = { ...process.env, PATH: pathWithNode24() };
	const outcome = await run('npm', ['pack', '--json', '--pack-destination', destination, '--loglevel=error'], {
		cwd: REPO_ROOT,
		env,
	});
	if (outcome.code !== 0) throw new Error(`npm pack failed:\n${tail(outcome.stderr || outcome.stdout)}`);
	// npm prints the JSON report after any prepack output; the report is the last top-level array.
	const report = JSON.parse(outcome.stdout.slice(outcome.stdout.lastIndexOf('\n[') + 1)) as Array<{ filename: string; version: string }>;
	return { tarball: path.join(destination, report[0].filename), version: report[0].version };
}

/** Installs the tarball into `<userFolder>/.n8n/nodes` with its runtime dependencies (luxon, pg). */
export async function installPackage(userFolder: string, tarball: string): Promise<string> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	const env = { ...process.env, PATH: pathWithNode24(), npm_config_update_notifier: 'false' };
	// n8n provides n8n-workflow itself; a second copy from the peer dependency would split its error classes
	// (and resolving its tree costs minutes).
	const outcome = await run(
		'npm',
		['install', tarball, '--ignore-scripts', '--legacy-peer-deps', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
		{ cwd: nodesDir, env },
	);
	if (outcome.code !== 0) throw new Error(`installing ${tarball} into ${nodesDir} failed:\n${tail(outcome.stderr || outcome.stdout)}`);
	const installed = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	if (!existsSync(path.join(installed, 'package.json'))) throw new Error(`${installed} missing after npm install`);
	return installed;
}
