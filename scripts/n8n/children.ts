// Child processes run in their own process group and are tracked, so a test run that ends early (timeout, Ctrl-C,
// crash) still takes every n8n and npm process with it: nothing is left running after us.
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();
let hooked = false;

/** Sends a signal to the child's whole group (n8n's task runners, npm's build tools); quiet if it is gone. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// the group has already exited
	}
}

export function track(child: ChildProcess): void {
	live.add(child);
	child.once('exit', () => live.delete(child));
	if (hooked) return;
	hooked = true;
	process.on('exit', killAll);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			killAll();
			process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
		});
	}
}

function killAll(): void {
	for (const child of live) signalGroup(child, 'SIGKILL');
}
