// `npm run demo`: the sandbox (seeded, live clock) and a real n8n with this package, the templates imported with
// sandbox credentials, the order pull run once, a summary, and the editor left open on localhost until Ctrl-C.
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../lib/store';
import { PROVIDER_FACTORIES } from '../sandbox/providers';
import { dingtalkProvider } from '../sandbox/providers/dingtalk';
import { feishuProvider } from '../sandbox/providers/feishu';
import { wecomProvider } from '../sandbox/providers/wecom';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { importCredentials, importWorkflows, n8nCommand } from './n8n/cli';
import { createInstance, removeInstance, type N8nInstance } from './n8n/instance';
import { startN8n, stopN8n } from './n8n/server';
import { SANDBOX_SHOPS, sandboxCredentials, templateId, templatesWithIds } from './templates';

const EDITOR_PORT = Number(process.env.DEMO_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.DEMO_SANDBOX_PORT ?? 18080);
const ORDERS_PER_CHANNEL = 200;

const say = (line: string) => process.stdout.write(`${line}\n`);

async function summary(storeFile: string, sandbox: Sandbox): Promise<string[]> {
	const store = await openStore({ kind: 'sqlite', path: storeFile });
	try {
		const rows: string[][] = [['channel', 'shop', 'orders stored', 'on hold', 'dead letters']];
		for (const [channel, shopId] of Object.entries(SANDBOX_SHOPS)) {
			const all = await store.searchOrders({ channel, shopId, limit: 1, withTotal: true });
			const held = await store.searchOrders({ channel, shopId, status: 'on_hold', limit: 1, withTotal: true });
			const dead = await store.listDeadLetters({ source: `${channel}/${shopId}`, limit: 1000 });
			rows.push([channel, shopId, String(all.total ?? 0), String(held.total ?? 0), String(dead.length)]);
		}
		const stock = (await (await fetch(`${sandbox.url}/_admin/pushed?kind=stock`)).json()) as { writes?: unknown[] };
		const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
		const table = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
		return [...table, `stock updates pushed to channels: ${stock.writes?.length ?? 0}`];
	} finally {
		await store.close();
	}
}

async function main(): Promise<void> {
	const started = Date.now();
	const factories = [...PROVIDER_FACTORIES, dingtalkProvider, wecomProvider, feishuProvider].filter(
		(factory, index, all) => all.findIndex((other) => other.name === factory.name) === index,
	);
	const sandbox = await startSandbox({ port: SANDBOX_PORT, orders: ORDERS_PER_CHANNEL, seed: 'demo', clock: 'live', windowDays: 7, factories });
	say(`sandbox on ${sandbox.url} (live clock, ${ORDERS_PER_CHANNEL} orders per channel)`);

	let instance: N8nInstance | undefined;
	let stopping = false;
	const shutdown = async (code: number) => {
		if (stopping) return;
		stopping = true;
		say('\nstopping n8n and the sandbox ...');
		if (instance) await stopN8n(instance).catch(() => undefined);
		await sandbox.close();
		process.exit(code);
	};
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));

	try {
		say('installing n8n if needed (the first time takes several minutes; progress below) and packing this package ...');
		const base = `http://localhost:${EDITOR_PORT}/`;
		instance = await createInstance({ env: { N8N_PORT: String(EDITOR_PORT), N8N_WEBHOOK_URL: base, N8N_EDITOR_BASE_URL: base } });
		// On Ctrl-C the harness kills n8n's process group and exits at once; the folder goes after it.
		const created = instance;
		process.on('exit', () => removeInstance(created));
		instance.port = EDITOR_PORT;
		instance.baseUrl = `http://127.0.0.1:${EDITOR_PORT}`;
		const storeFile = path.join(instance.userFolder, 'store', 'orders.sqlite');
		mkdirSync(path.dirname(storeFile), { recursive: true });
		await importCredentials(instance, sandboxCredentials(sandbox.url, storeFile));
		await importWorkflows(instance, templatesWithIds(path.join(instance.userFolder, 'templates')));
		say('templates imported; pulling orders once (n8n execute) ...');
		// The store is the summary's source: n8n's printed run data for hundreds of orders can be cut short at exit.
		const pullStarted = Date.now();
		const pull = await n8nCommand(instance, ['execute', `--id=${templateId('pull-orders.json')}`]);
		if (pull.code !== 0) throw new Error(`pull-orders failed (exit ${pull.code ?? pull.signal}); see ${instance.logFile}`);
		say(`pull-orders ran in ${((Date.now() - pullStarted) / 1000).toFixed(1)} s`);
		for (const line of await summary(storeFile, sandbox)) say(`  ${line}`);
		await startN8n(instance);
		say('');
		say(`n8n editor: http://localhost:${EDITOR_PORT}  (ready ${((Date.now() - started) / 1000).toFixed(0)} s after start)`);
		say(`  email    ${instance.owner.email}`);
		say(`  password ${instance.owner.password}`);
		say(`  data     ${instance.userFolder} (deleted on exit; N8N_E2E_KEEP=1 keeps it)`);
		say(`  host     ${os.hostname()}; sandbox admin ${sandbox.url}/_admin/health`);
		say('Press Ctrl-C to stop.');
	} catch (error) {
		process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
		await shutdown(1);
	}
}

void main();
