// Runs a command to completion with output captured (and optionally teed to a file), never through a shell.
// The command gets its own process group, so a timeout or an early exit of ours stops its children too.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { signalGroup, track } from './children';

export interface RunResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
}

export interface RunOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	/** Appends stdout and stderr to this file as they arrive. */
	logFile?: string;
	timeoutMs?: number;
}

export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		track(child);
		const logStream = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => {
			stdout.push(chunk);
			logStream?.write(chunk);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr.push(chunk);
			logStream?.write(chunk);
		});
		let timedOut = false;
		const timer = options.timeoutMs
			? setTimeout(() => {
					timedOut = true;
					signalGroup(child, 'SIGKILL');
				}, options.timeoutMs)
			: undefined;
		child.on('error', (error) => {
			if (timer) clearTimeout(timer);
			logStream?.end();
			reject(error);
		});
		child.on('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			logStream?.end();
			resolve({
				code,
				signal,
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8'),
				timedOut,
			});
		});
	});
}

/** The last lines of a command's output, for error messages that point at the cause. */
export function tail(text: string, lines = 30): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}
