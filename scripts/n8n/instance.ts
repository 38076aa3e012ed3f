// One throw-away n8n: the cached install, a temp user folder with our packed package in .n8n/nodes, free ports,
// a headless environment and an owner managed by env. Everything it writes lives under its user folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { freePort, headlessEnv } from './env';
import { ensureN8nInstalled, type N8nInstall } from './install';
import { log as defaultLog, type Log, seconds } from './log';
import { installPackage, packPackage } from './pack';

export interface N8nOwner {
	email: string;
	password: string;
}

export interface N8nInstance {
	install: N8nInstall;
	userFolder: string;
	port: number;
	baseUrl: string;
	env: NodeJS.ProcessEnv;
	owner: N8nOwner;
	/** Output of every n8n process this instance ran, in order. */
	logFile: string;
	log: Log;
	timings: Record<string, number>;
}

export interface CreateInstanceOptions {
	/** Reuse a tarball packed earlier instead of packing again. */
	tarball?: string;
	/** Extra environment for n8n (e.g. N8N_LOG_LEVEL=debug). */
	env?: Record<string, string>;
	log?: Log;
}

// A fixed test owner; the instance only listens on 127.0.0.1 and is deleted afterwards.
export const TEST_OWNER: N8nOwner = { email: 'owner@unified-orders.test', password: 'E2e-owner-Passw0rd' };

export async function createInstance(options: CreateInstanceOptions = {}): Promise<N8nInstance> {
	const log = options.log ?? defaultLog;
	const timings: Record<string, number> = {};
	const install = await ensureN8nInstalled({ log });
	timings[install.cacheHit ? 'install (cache hit)' : 'install'] = install.seconds;
	log(`n8n ${install.version}: ${install.cacheHit ? 'cache hit' : 'installed'} in ${install.seconds.toFixed(1)} s (${install.home})`);

	const userFolder = mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
	try {
		let started = Date.now();
		const tarball = options.tarball ?? (await packPackage(path.join(userFolder, 'pack'))).tarball;
		await installPackage(userFolder, tarball);
		timings.pack = (Date.now() - started) / 1000;
		log(`package packed and installed into ${userFolder}/.n8n/nodes in ${seconds(started)}`);

		started = Date.now();
		const [port, brokerPort] = await distinctFreePorts(2);
		const env = headlessEnv({
			userFolder,
			port,
			brokerPort,
			extra: { ...ownerEnv(install.home, TEST_OWNER), ...options.env },
		});
		return {
			install,
			userFolder,
			port,
			baseUrl: `http://127.0.0.1:${port}`,
			env,
			owner: TEST_OWNER,
			logFile: path.join(userFolder, 'n8n.log'),
			log,
			timings,
		};
	} catch (error) {
		rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}
}

/** Deletes the user folder (database, installed package, logs) unless N8N_E2E_KEEP=1 asks to keep it for a look. */
export function removeInstance(instance: N8nInstance): void {
	if (process.env.N8N_E2E_KEEP === '1') {
		instance.log(`kept ${instance.userFolder} (N8N_E2E_KEEP=1)`);
		return;
	}
	rmSync(instance.userFolder, { recursive: true, force: true });
}

// n8n >= 2.17 creates (and re-applies on every start) the owner from these; the hash must be bcrypt.
function ownerEnv(n8nHome: string, owner: N8nOwner): Record<string, string> {
	// bcryptjs ships inside n8n; borrowing it keeps the hash format exactly what n8n checks.
	const requireFromN8n = createRequire(path.join(n8nHome, 'node_modules', 'n8n', 'package.json'));
	const bcrypt = requireFromN8n('bcryptjs') as { hashSync(password: string, rounds: number): string };
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: 'E2E',
		N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(owner.password, 10),
	};
}

async function distinctFreePorts(count: number): Promise<number[]> {
	const ports = new Set<number>();
	while (ports.size < count) ports.add(await freePort());
	return [...ports];
}
