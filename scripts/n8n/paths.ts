// Where the e2e n8n lives: a cache folder outside the repo, keyed by n8n version, shared by e2e, demo and screenshots.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Pinned: the newest n8n 2.x that installs from the registry we use (see DESIGN §1).
export const N8N_VERSION = '2.40.7';
export const PACKAGE_NAME = 'n8n-nodes-unified-orders';

// Found by walking up, so this works from scripts/n8n (ts-jest) and from dist/scripts/n8n (compiled) alike.
export const REPO_ROOT = findRepoRoot(__dirname);

function findRepoRoot(start: string): string {
	for (let dir = start; ; dir = path.dirname(dir)) {
		const manifest = path.join(dir, 'package.json');
		if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) {
			return dir;
		}
		if (path.dirname(dir) === dir) throw new Error(`no ${PACKAGE_NAME} package.json above ${start}`);
	}
}

/** `$N8N_E2E_HOME`, else `$XDG_CACHE_HOME/<package>/n8n-<version>`, else `~/.cache/<package>/n8n-<version>`. */
export function n8nHome(env: NodeJS.ProcessEnv = process.env): string {
	if (env.N8N_E2E_HOME) return path.resolve(env.N8N_E2E_HOME);
	const cacheRoot = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), '.cache');
	return path.join(cacheRoot, PACKAGE_NAME, `n8n-${N8N_VERSION}`);
}

/** n8n's own entry script; run it with `nodeBinary()`. */
export function n8nEntry(home = n8nHome()): string {
	return path.join(home, 'node_modules', 'n8n', 'bin', 'n8n');
}

/** The repo's Node 24 (n8n 2.x refuses older Node); falls back to the running Node if it is already 24+. */
export function nodeBinary(): string {
	const bundled = path.join(REPO_ROOT, 'node_modules', '.bin', 'node');
	if (existsSync(bundled)) return bundled;
	const major = Number(process.versions.node.split('.')[0]);
	if (major >= 24) return process.execPath;
	throw new Error(`n8n ${N8N_VERSION} needs Node 24; run npm install in ${REPO_ROOT} first`);
}

/** PATH with the repo's Node 24 first, so npm and the scripts it spawns run on Node 24. */
export function pathWithNode24(env: NodeJS.ProcessEnv = process.env): string {
	const binDir = path.dirname(nodeBinary());
	return [binDir, env.PATH ?? ''].filter(Boolean).join(path.delimiter);
}

/** The Node 24 distribution folder with `include/node`, so native builds (sqlite3) compile against Node 24's headers. */
export function nodeHeadersDir(): string | undefined {
	const distribution = path.resolve(path.dirname(realpathSync(nodeBinary())), '..');
	return existsSync(path.join(distribution, 'include', 'node', 'node_api.h')) ? distribution : undefined;
}
