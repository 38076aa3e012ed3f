// Developer step (needs Chromium; not part of `npm test`): a real n8n with the templates imported, each opened in
// headless Chromium driven over the DevTools protocol, saved as docs/screenshots/<template>.png (1440x900).
// Run: npm run build && node dist/scripts/screenshots.js [template ...]   (names like ship-orders: only those;
// CHROMIUM=/path/to/chromium to pick the browser)
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importCredentials, importWorkflows } from './n8n/cli';
import { createInstance, removeInstance, type N8nInstance } from './n8n/instance';
import { startN8n, stopN8n } from './n8n/server';
import { sandboxCredentials, templateFiles, templateId, templatesWithIds, WORKFLOWS_DIR } from './templates';

const WIDTH = 1440;
const HEIGHT = 900;
const OUT_DIR = path.join(WORKFLOWS_DIR, '..', 'docs', 'screenshots');
const BROWSERS = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
// The editor loads its bundle, then the workflow, then fits the canvas: wait for the nodes, then a little more.
const LOAD_TIMEOUT_MS = 180_000;
const SETTLE_MS = Number(process.env.SCREENSHOT_SETTLE_MS ?? 3000);
const NODES_DRAWN = `document.querySelectorAll('[data-test-id="canvas-node"]').length`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A minimal DevTools-protocol client over the global WebSocket (one page session, flattened). */
class Cdp {
	private nextId = 1;
	private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

	private constructor(private readonly socket: WebSocket) {
		socket.addEventListener('message', (event) => {
			const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
			const pending = message.id === undefined ? undefined : this.waiting.get(message.id);
			if (!pending) return;
			this.waiting.delete(message.id!);
			if (message.error) pending.reject(new Error(message.error.message));
			else pending.resolve(message.result);
		});
	}

	static async connect(url: string): Promise<Cdp> {
		const socket = new WebSocket(url);
		await new Promise((resolve, reject) => {
			socket.addEventListener('open', resolve, { once: true });
			socket.addEventListener('error', () => reject(new Error(`cannot reach the browser at ${url}`)), { once: true });
		});
		return new Cdp(socket);
	}

	send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
		const id = this.nextId++;
		this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
		return new Promise((resolve, reject) => this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject }));
	}

	close(): void {
		this.socket.close();
	}
}

async function launchBrowser(): Promise<{ child: ChildProcess; wsUrl: string; profile: string }> {
	const binary = BROWSERS.find((candidate) => candidate && existsSync(candidate));
	if (!binary) throw new Error('no Chromium found: install it (apt-get install -y chromium) or set CHROMIUM=/path/to/chromium');
	const profile = mkdtempSync(path.join(os.tmpdir(), 'uo-chromium-'));
	const child = spawn(
		binary,
		['--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--window-size=${WIDTH},${HEIGHT}`, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
		{ stdio: 'ignore' },
	);
	const portFile = path.join(profile, 'DevToolsActivePort');
	for (let waited = 0; waited < 60_000; waited += 250) {
		if (existsSync(portFile)) {
			const [port, browserPath] = readFileSync(portFile, 'utf8').trim().split('\n');
			if (port && browserPath) return { child, wsUrl: `ws://127.0.0.1:${port}${browserPath}`, profile };
		}
		await sleep(250);
	}
	child.kill('SIGKILL');
	throw new Error('Chromium did not open its DevTools port within 60 s');
}

let loggedIn = false;

// n8n binds its auth cookie to the browser's id (sent as a header by the editor), so log in from inside the page.
async function signIn(cdp: Cdp, sessionId: string, instance: N8nInstance): Promise<void> {
	await cdp.send('Page.navigate', { url: `${instance.baseUrl}/signin` }, sessionId);
	await sleep(3000);
	const body = JSON.stringify({ emailOrLdapLoginId: instance.owner.email, password: instance.owner.password });
	const expression = `(async () => {
		let id = localStorage.getItem('n8n-browserId');
		if (!id) { id = crypto.randomUUID(); localStorage.setItem('n8n-browserId', id); }
		const res = await fetch('/rest/login', { method: 'POST', credentials: 'include',
			headers: { 'content-type': 'application/json', 'browser-id': id }, body: ${JSON.stringify(body)} });
		return res.status;
	})()`;
	const { result } = await cdp.send<{ result: { value?: number } }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
	if (result.value !== 200) throw new Error(`signing in from the browser answered HTTP ${result.value}`);
}

async function waitForNodes(cdp: Cdp, sessionId: string, file: string): Promise<void> {
	for (let waited = 0; waited < LOAD_TIMEOUT_MS; waited += 1000) {
		const { result } = await cdp.send<{ result: { value?: number } }>('Runtime.evaluate', { expression: NODES_DRAWN, returnByValue: true }, sessionId);
		if ((result.value ?? 0) > 0) return;
		await sleep(1000);
	}
	const { result } = await cdp.send<{ result: { value?: string } }>('Runtime.evaluate', { expression: 'location.href + " " + document.body.innerText.slice(0, 200)', returnByValue: true }, sessionId);
	throw new Error(`the editor drew no node of ${path.basename(file)} within ${LOAD_TIMEOUT_MS / 1000} s (${result.value})`);
}

async function capture(cdp: Cdp, instance: N8nInstance, file: string): Promise<string> {
	const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
	const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
	await cdp.send('Emulation.setDeviceMetricsOverride', { width: WIDTH, height: HEIGHT, deviceScaleFactor: 1, mobile: false }, sessionId);
	await cdp.send('Page.enable', {}, sessionId);
	if (!loggedIn) {
		await signIn(cdp, sessionId, instance);
		loggedIn = true;
	}
	await cdp.send('Page.navigate', { url: `${instance.baseUrl}/workflow/${templateId(file)}` }, sessionId);
	await waitForNodes(cdp, sessionId, file);
	await sleep(SETTLE_MS);
	const { data } = await cdp.send<{ data: string }>('Page.captureScreenshot', { format: 'png' }, sessionId);
	const out = path.join(OUT_DIR, `${path.basename(file, '.json')}.png`);
	writeFileSync(out, Buffer.from(data, 'base64'));
	await cdp.send('Target.closeTarget', { targetId });
	return out;
}

/** The templates named on the command line (file names with or without .json), or all of them. */
export function selectTemplates(files: readonly string[], names: readonly string[]): string[] {
	if (!names.length) return [...files];
	const wanted = new Set(names.map((name) => path.basename(name, '.json')));
	const chosen = files.filter((file) => wanted.has(path.basename(file, '.json')));
	const unknown = [...wanted].filter((name) => !chosen.some((file) => path.basename(file, '.json') === name));
	if (unknown.length) throw new Error(`no template named ${unknown.join(', ')}`);
	return chosen;
}

async function main(): Promise<void> {
	const files = selectTemplates(templateFiles(), process.argv.slice(2));
	mkdirSync(OUT_DIR, { recursive: true });
	const instance = await createInstance();
	let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
	try {
		// Credentials with the templates' names (nothing is run, so they point at an idle sandbox address).
		await importCredentials(instance, sandboxCredentials('http://127.0.0.1:18080', path.join(instance.userFolder, 'store.sqlite')));
		await importWorkflows(instance, templatesWithIds(path.join(instance.userFolder, 'templates')));
		await startN8n(instance);
		browser = await launchBrowser();
		const cdp = await Cdp.connect(browser.wsUrl);
		for (const file of files) process.stdout.write(`${await capture(cdp, instance, file)}\n`);
		cdp.close();
	} finally {
		browser?.child.kill('SIGKILL');
		if (browser) rmSync(browser.profile, { recursive: true, force: true });
		await stopN8n(instance);
		removeInstance(instance);
	}
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`screenshots failed: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	});
}
