// The harness's own logic, without n8n: cache location, install marker, install lock, run-data extraction.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INSTALL_MARKER, isInstallComplete } from '../../scripts/n8n/install';
import { tryLock, unlock } from '../../scripts/n8n/lock';
import { N8N_VERSION, n8nEntry, n8nHome } from '../../scripts/n8n/paths';
import { findRunData, nodeOutputs } from '../../scripts/n8n/run-data';

let scratch: string;
beforeEach(() => {
	scratch = mkdtempSync(path.join(os.tmpdir(), 'n8n-harness-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('n8n cache location', () => {
	it('is keyed by the n8n version under XDG_CACHE_HOME, else ~/.cache', () => {
		expect(n8nHome({ XDG_CACHE_HOME: '/x/cache' })).toBe(`/x/cache/n8n-nodes-unified-orders/n8n-${N8N_VERSION}`);
		expect(n8nHome({})).toBe(path.join(os.homedir(), '.cache', 'n8n-nodes-unified-orders', `n8n-${N8N_VERSION}`));
	});

	it('is exactly N8N_E2E_HOME when set', () => {
		expect(n8nHome({ N8N_E2E_HOME: '/opt/n8n-e2e', XDG_CACHE_HOME: '/x/cache' })).toBe('/opt/n8n-e2e');
	});
});

describe('install marker', () => {
	function fakeInstall(marker?: object): void {
		mkdirSync(path.dirname(n8nEntry(scratch)), { recursive: true });
		writeFileSync(n8nEntry(scratch), '');
		if (marker) writeFileSync(path.join(scratch, INSTALL_MARKER), JSON.stringify(marker));
	}

	it('counts an install as complete only with a marker for the pinned version', () => {
		fakeInstall({ version: N8N_VERSION });
		expect(isInstallComplete(scratch)).toBe(true);
	});

	it('redoes an install that was interrupted before the marker was written', () => {
		fakeInstall();
		expect(isInstallComplete(scratch)).toBe(false);
	});

	it('redoes an install of another n8n version', () => {
		fakeInstall({ version: '2.39.0' });
		expect(isInstallComplete(scratch)).toBe(false);
	});
});

describe('install lock', () => {
	it('lets one holder in at a time', () => {
		const lock = path.join(scratch, 'lock');
		expect(tryLock(lock)).toBe(true);
		expect(tryLock(lock)).toBe(false);
		unlock(lock);
		expect(tryLock(lock)).toBe(true);
	});

	it('takes over a lock whose holder died', () => {
		const lock = path.join(scratch, 'lock');
		mkdirSync(lock);
		// Above any pid the kernel hands out, so certainly not running.
		writeFileSync(path.join(lock, 'pid'), '2147483646');
		expect(tryLock(lock)).toBe(true);
	});

	it('waits for a holder that has not written its pid yet, but not forever', () => {
		const lock = path.join(scratch, 'lock');
		mkdirSync(lock);
		expect(tryLock(lock)).toBe(false);
		const longAgo = new Date(Date.now() - 60_000);
		utimesSync(lock, longAgo, longAgo);
		expect(tryLock(lock)).toBe(true);
	});
});

describe('run data in `n8n execute` output', () => {
	const run = {
		data: {
			resultData: {
				runData: {
					Validate: [{ data: { main: [[{ json: { ok: 1 } }], null] } }],
					Broken: [{ error: { message: 'boom' } }],
				},
			},
		},
		status: 'success',
	};
	const printed = JSON.stringify(run, null, 2);

	it('is found between log lines, including lines that are braces themselves', () => {
		const stdout = ['n8n Task Broker ready on 127.0.0.1, port 1', '{', 'not json', '}', printed, 'bye', '}'].join('\n');
		expect(findRunData(stdout)).toEqual(run);
	});

	it('is undefined when the output holds no run', () => {
		expect(findRunData('Execution was NOT successful\n{\n  "message": "x"\n}\n')).toBeUndefined();
	});

	it('gives items per output and names a node that failed or never ran', () => {
		const found = findRunData(printed)!;
		expect(nodeOutputs(found, 'Validate')).toEqual([[{ json: { ok: 1 } }], []]);
		expect(() => nodeOutputs(found, 'Broken')).toThrow('node "Broken" failed: boom');
		expect(() => nodeOutputs(found, 'Missing')).toThrow('node "Missing" did not run (nodes that ran: Validate, Broken)');
	});
});
