// `n8n start` for an instance: spawned in its own process group (so its task runners go down with it), ready
// when /healthz answers, stopped with SIGTERM then SIGKILL. A last-resort exit hook leaves no orphan behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, createWriteStream, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { N8nInstance } from './instance';
import { seconds } from './log';
import { nodeBinary } from './paths';
import { tail } from './proc';

const START_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 15_000;

const running = new Map<N8nInstance, ChildProcess>();

process.on('exit', () => {
	for (const child of running.values()) killGroup(child, 'SIGKILL');
});

// The whole group, even after the main process exited: task runners it spawned may still be around.
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// the group is already gone
	}
}

export function isRunning(instance: N8nInstance): boolean {
	return running.has(instance);
}

/** Starts `n8n start` and waits until /healthz answers 200; returns the seconds it took. */
export async function startN8n(instance: N8nInstance): Promise<number> {
	if (running.has(instance)) throw new Error('n8n is already running for this instance');
	const started = Date.now();
	appendFileSync(instance.logFile, '\n$ n8n start\n');
	const logStream = createWriteStream(instance.logFile, { flags: 'a' });
	const child = spawn(nodeBinary(), [instance.install.entry, 'start'], {
		cwd: instance.userFolder,
		env: instance.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	child.stdout?.pipe(logStream);
	child.stderr?.pipe(logStream);
	running.set(instance, child);
	let exited = false;
	child.once('exit', () => {
		exited = true;
	});
	while (Date.now() - started < START_TIMEOUT_MS) {
		if (exited) {
			await stopN8n(instance);
			throw new Error(`n8n start exited with ${child.exitCode ?? child.signalCode} before it was ready:\n${logTail(instance)}`);
		}
		if (await healthy(instance)) {
			const took = (Date.now() - started) / 1000;
			instance.log(`n8n started on ${instance.baseUrl} in ${seconds(started)}`);
			return took;
		}
		await sleep(500);
	}
	await stopN8n(instance);
	throw new Error(`n8n did not answer ${instance.baseUrl}/healthz within ${START_TIMEOUT_MS / 1000} s:\n${logTail(instance)}`);
}

async function healthy(instance: N8nInstance): Promise<boolean> {
	try {
		const response = await fetch(`${instance.baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
		return response.ok;
	} catch {
		return false;
	}
}

/** Stops n8n and everything it spawned; safe to call when it is not running. */
export async function stopN8n(instance: N8nInstance): Promise<void> {
	const child = running.get(instance);
	if (!child) return;
	const exited = new Promise<void>((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) resolve();
		else child.once('exit', () => resolve());
	});
	killGroup(child, 'SIGTERM');
	const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_GRACE_MS);
	await exited;
	clearTimeout(timer);
	killGroup(child, 'SIGKILL');
	running.delete(instance);
}

export async function restartN8n(instance: N8nInstance): Promise<number> {
	await stopN8n(instance);
	return startN8n(instance);
}

export function readLog(instance: N8nInstance): string {
	try {
		return readFileSync(instance.logFile, 'utf8');
	} catch {
		return '';
	}
}

function logTail(instance: N8nInstance): string {
	return tail(readLog(instance), 40);
}
