// A directory lock (mkdir is atomic) holding the owner's pid, so a crashed holder never blocks the next run.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function holderIsAlive(lockDir: string): boolean {
	try {
		const pid = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
		if (!Number.isInteger(pid) || pid <= 0) return false;
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Takes the lock or returns false if a live process holds it; a dead holder's lock is taken over. */
export function tryLock(lockDir: string): boolean {
	try {
		mkdirSync(lockDir);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		if (holderIsAlive(lockDir) || isFreshWithoutPid(lockDir)) return false;
		rmSync(lockDir, { recursive: true, force: true });
		return tryLock(lockDir);
	}
	writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
	return true;
}

// A holder gets a few seconds to write its pid after mkdir; past that, a pid-less lock is debris.
function isFreshWithoutPid(lockDir: string): boolean {
	try {
		if (readFileSync(path.join(lockDir, 'pid'), 'utf8').length > 0) return false;
	} catch {
		// no pid file yet
	}
	try {
		return Date.now() - statSync(lockDir).mtimeMs < 10_000;
	} catch {
		return false;
	}
}

export function unlock(lockDir: string): void {
	rmSync(lockDir, { recursive: true, force: true });
}
