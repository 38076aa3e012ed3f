// `n8n start` for an instance: spawned in its own process group (so its task runners go down with it), ready
// once it has announced the editor URL and /healthz answers, stopped with SIGTERM then SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, createWriteStream, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { N8nInstance } from './instance';
import { seconds } from './log';
import { nodeBinary } from './paths';
import { tail } from './proc';
import { signalGroup, track } from './children';

// Generous: on a busy 2-core machine a start has been seen to take over two minutes.
const START_TIMEOUT_MS = 300_000;
// Printed by `n8n start` after routes, nodes and published workflows are all set up; /healthz answers much earlier.
const READY_LINE = 'Editor is now accessible via';
const STOP_GRACE_MS = 15_000;

const running = new Map<N8nInstance, ChildProcess>();

export function isRunning(instance: N8nInstance): boolean {
	return running.has(instance);
}

/** Starts `n8n start` and waits until it is ready; returns the seconds it took. */
export async function startN8n(instance: N8nInstance): Promise<number> {
	if (running.has(instance)) throw new Error('n8n is already running for this instance');
	const started = Date.now();
	appendFileSync(instance.logFile, '\n$ n8n start\n');
	const logOffset = readLog(instance).length;
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
	track(child);
	let exited = false;
	child.once('exit', () => {
		exited = true;
	});
	while (Date.now() - started < START_TIMEOUT_MS) {
		if (exited) {
			await stopN8n(instance);
			throw new Error(`n8n start exited with ${child.exitCode ?? child.signalCode} before it was ready:\n${logTail(instance)}`);
		}
		if (readLog(instance).slice(logOffset).includes(READY_LINE) && (await healthy(instance))) {
			const took = (Date.now() - started) / 1000;
			instance.log(`n8n started on ${instance.baseUrl} in ${seconds(started)}`);
			return took;
		}
		await sleep(500);
	}
	await stopN8n(instance);
	throw new Error(`n8n was not ready on ${instance.baseUrl} within ${START_TIMEOUT_MS / 1000} s:\n${logTail(instance)}`);
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
	signalGroup(child, 'SIGTERM');
	const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), STOP_GRACE_MS);
	await exited;
	clearTimeout(timer);
	signalGroup(child, 'SIGKILL');
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

// Published webhooks are registered while n8n activates its workflows, which can end after the ready line.
const WEBHOOK_WAIT_MS = 30_000;

/**
 * Waits until n8n serves a published webhook (`webhook/<id>/<path>`): anything but 404 to an empty POST means
 * it is registered (the trigger itself may refuse the empty request, which is fine).
 */
export async function waitForWebhook(instance: N8nInstance, webhookPath: string): Promise<void> {
	const url = `${instance.baseUrl}/${webhookPath.replace(/^\/+/, '')}`;
	const started = Date.now();
	for (;;) {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		await response.arrayBuffer();
		if (response.status !== 404) return;
		if (Date.now() - started > WEBHOOK_WAIT_MS) throw new Error(`n8n did not register the webhook ${url} within ${WEBHOOK_WAIT_MS / 1000} s`);
		await sleep(500);
	}
}
