// Real OS processes against one store: the library is transpiled (typescript.transpileModule) into a
// temporary folder, and plain-JS workers in ./workers require it from there, as a second n8n worker would.
import { type ChildProcess, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '../../..');
let compiled: string | undefined;
const COMPLETE = '.complete';

/**
 * Folder holding lib/store's import closure and bench/store/fixtures as CommonJS. Keyed by the sources'
 * content, so test processes share one copy and an unchanged tree is not compiled again.
 */
export function compiledLib(): string {
	if (compiled) return compiled;
	const files = importClosure([join(ROOT, 'lib/store/index.ts'), join(ROOT, 'bench/store/fixtures.ts')]).sort();
	const sources = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
	const digest = createHash('sha256');
	for (const [file, text] of sources) digest.update(`${relative(ROOT, file)}\0${text}\0`);
	const out = join(tmpdir(), `uo-store-lib-${digest.digest('hex').slice(0, 16)}`);
	if (!existsSync(join(out, COMPLETE))) {
		const staging = mkdtempSync(`${out}-`);
		for (const [file, text] of sources) {
			const { outputText } = ts.transpileModule(text, {
				compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
				fileName: file,
			});
			const target = join(staging, relative(ROOT, file)).replace(/\.ts$/, '.js');
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, outputText);
		}
		writeFileSync(join(staging, COMPLETE), '');
		try {
			renameSync(staging, out);
		} catch {
			// Another test process finished the same copy first.
			rmSync(staging, { recursive: true, force: true });
		}
	}
	compiled = out;
	return out;
}

export type WorkerMessage = { type: string; [key: string]: unknown };

/** Forks a worker script with the compiled library and the repo's node_modules on its path. */
export function startWorker(script: string, payload: unknown): ChildProcess & { messages: WorkerMessage[] } {
	const child = fork(join(__dirname, 'workers', script), [compiledLib(), JSON.stringify(payload)], {
		env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
		execArgv: [],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	}) as ChildProcess & { messages: WorkerMessage[] };
	child.messages = [];
	child.on('message', (m) => child.messages.push({ ...(m as WorkerMessage), receivedAt: Date.now() }));
	return child;
}

/** Resolves with the first message of this type (rejects if the worker exits first). */
export function nextMessage(child: ChildProcess & { messages: WorkerMessage[] }, type: string, timeoutMs = 60_000): Promise<WorkerMessage> {
	const found = child.messages.find((m) => m.type === type);
	if (found) return Promise.resolve(found);
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => done(new Error(`worker sent no ${type} within ${timeoutMs} ms`)), timeoutMs);
		const onMessage = (m: WorkerMessage) => m.type === type && done(undefined, m);
		const onExit = (code: number | null) => done(new Error(`worker exited (${code}) before sending ${type}`));
		const done = (err?: Error, m?: WorkerMessage) => {
			clearTimeout(timer);
			child.off('message', onMessage);
			child.off('exit', onExit);
			if (err) reject(err);
			else resolve(m!);
		};
		child.on('message', onMessage);
		child.on('exit', onExit);
	});
}

export function exited(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** The entry files and every relative import they reach (type-only imports included; they cost little). */
function importClosure(entries: string[]): string[] {
	const seen = new Set<string>();
	const queue = [...entries];
	while (queue.length) {
		const file = queue.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
			const base = resolve(dirname(file), spec);
			const next = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
			if (next) queue.push(next);
		}
	}
	return [...seen];
}
