// Installs the pinned n8n once into the version-keyed cache folder (DESIGN §1 recipe) and reuses it afterwards.
// Run directly (`node dist/scripts/n8n/install.js`) to warm the cache before tests, demo or screenshots.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { tryLock, unlock } from './lock';
import { log as defaultLog, type Log, seconds } from './log';
import { N8N_VERSION, n8nEntry, n8nHome, nodeHeadersDir, pathWithNode24 } from './paths';
import { run, tail } from './proc';

export const INSTALL_MARKER = 'install-complete.json';
const PROGRESS_EVERY_MS = 10_000;
const WAIT_FOR_OTHER_INSTALL_MS = 20 * 60_000;
// n8n 2.40 with its dependencies takes about 2.6 GB.
const DISK_NEEDED_BYTES = 3.5 * 1024 ** 3;

export interface N8nInstall {
	home: string;
	entry: string;
	version: string;
	/** true when this call found a complete install and did nothing. */
	cacheHit: boolean;
	seconds: number;
}

/** True when a complete install of the pinned version is in `home` (the marker is written last). */
export function isInstallComplete(home: string): boolean {
	try {
		const marker = JSON.parse(readFileSync(path.join(home, INSTALL_MARKER), 'utf8')) as { version?: string };
		return marker.version === N8N_VERSION && existsSync(n8nEntry(home));
	} catch {
		return false;
	}
}

export async function ensureN8nInstalled(options: { home?: string; log?: Log } = {}): Promise<N8nInstall> {
	const home = options.home ?? n8nHome();
	const log = options.log ?? defaultLog;
	const started = Date.now();
	const result = (cacheHit: boolean): N8nInstall => ({
		home,
		entry: n8nEntry(home),
		version: N8N_VERSION,
		cacheHit,
		seconds: (Date.now() - started) / 1000,
	});
	if (isInstallComplete(home)) return result(true);

	mkdirSync(home, { recursive: true });
	const lockDir = path.join(home, '.install-lock');
	let lastNotice = 0;
	while (!tryLock(lockDir)) {
		if (Date.now() - started > WAIT_FOR_OTHER_INSTALL_MS) {
			throw new Error(`another process has been installing n8n into ${home} for too long; remove ${lockDir} if stale`);
		}
		if (Date.now() - lastNotice >= PROGRESS_EVERY_MS) {
			log(`waiting for another process installing n8n ${N8N_VERSION} into ${home} (${seconds(started)})`);
			lastNotice = Date.now();
		}
		await sleep(1000);
	}
	try {
		// The other process may have finished while we waited for the lock.
		if (isInstallComplete(home)) return result(true);
		await installInto(home, log);
		return result(false);
	} finally {
		unlock(lockDir);
	}
}

async function installInto(home: string, log: Log): Promise<void> {
	const free = statfsSync(home);
	const freeBytes = free.bavail * free.bsize;
	if (freeBytes < DISK_NEEDED_BYTES) {
		throw new Error(`n8n needs about 3.5 GB free in ${home}; only ${(freeBytes / 1024 ** 3).toFixed(1)} GB left`);
	}
	// Whatever an interrupted install left behind is discarded; the npm cache makes the redo cheap.
	rmSync(path.join(home, INSTALL_MARKER), { force: true });
	rmSync(path.join(home, 'node_modules'), { recursive: true, force: true });
	rmSync(path.join(home, 'package-lock.json'), { force: true });
	writeFileSync(
		path.join(home, 'package.json'),
		JSON.stringify({ name: 'n8n-e2e-runtime', private: true, description: `n8n ${N8N_VERSION} for e2e tests` }, null, 2),
	);
	const logFile = path.join(home, 'install.log');
	writeFileSync(logFile, '');
	const headers = nodeHeadersDir();
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PATH: pathWithNode24(),
		npm_config_update_notifier: 'false',
		// Otherwise node-gyp uses whatever nodedir npm is configured with, or downloads headers.
		...(headers ? { npm_config_nodedir: headers } : {}),
	};
	const started = Date.now();
	log(`installing n8n ${N8N_VERSION} into ${home} (first run only: about 5 min, 2.6 GB; log: ${logFile})`);
	const ticker = setInterval(() => {
		const modules = countEntries(path.join(home, 'node_modules'));
		const stage = modules === 0 ? 'resolving dependencies' : `${modules} packages in node_modules so far`;
		log(`  still installing n8n: ${seconds(started)}, ${stage}`);
	}, PROGRESS_EVERY_MS);
	try {
		// Install scripts stay off: an optional Kafka addon's download script fails; only sqlite3 needs building.
		const steps: Array<[string, string[]]> = [
			['npm install', ['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']],
			['npm rebuild sqlite3', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error']],
		];
		for (const [label, args] of steps) {
			const stepStarted = Date.now();
			const outcome = await run('npm', args, { cwd: home, env, logFile });
			if (outcome.code !== 0) {
				throw new Error(`${label} failed in ${home} (exit ${outcome.code ?? outcome.signal}):\n${tail(outcome.stderr || outcome.stdout)}`);
			}
			log(`  ${label} done in ${seconds(stepStarted)}`);
		}
	} finally {
		clearInterval(ticker);
	}
	if (!existsSync(n8nEntry(home))) throw new Error(`npm finished but ${n8nEntry(home)} is missing`);
	// Written last: its presence means the install above ran to the end.
	writeFileSync(
		path.join(home, INSTALL_MARKER),
		JSON.stringify({ version: N8N_VERSION, installedAt: new Date().toISOString(), seconds: (Date.now() - started) / 1000 }),
	);
	log(`n8n ${N8N_VERSION} installed in ${seconds(started)}`);
}

function countEntries(dir: string): number {
	try {
		return readdirSync(dir).length;
	} catch {
		return 0;
	}
}

if (require.main === module) {
	ensureN8nInstalled()
		.then((install) => {
			defaultLog(`n8n ${install.version} ${install.cacheHit ? 'already installed' : 'installed'} at ${install.home}`);
		})
		.catch((error: Error) => {
			defaultLog(error.message);
			process.exitCode = 1;
		});
}
