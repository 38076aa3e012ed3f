// What the processing tests against the emulators share: a sandbox started for the test file, an order store
// (SQLite in a fresh folder) for the nodes' Order Store credential, both closed after the file, and the
// nodes reading the sandbox clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeStores } from '../../../nodes/shared/store';
import { startSandbox, type Sandbox, type SandboxStartOptions } from '../../../sandbox/server';

/** Registers the file's setup; `started` receives the sandbox once it runs. */
export function sandboxWithStore(options: SandboxStartOptions, dirPrefix: string, started: (sandbox: Sandbox) => void) {
	let sandbox: Sandbox;
	let dir: string;
	beforeAll(async () => {
		sandbox = await startSandbox(options);
		started(sandbox);
		dir = mkdtempSync(join(tmpdir(), dirPrefix));
	});
	afterAll(async () => {
		await closeStores();
		rmSync(dir, { recursive: true, force: true });
		await sandbox.close();
	});
	beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => sandbox.world.clock.now()));
	afterEach(() => jest.restoreAllMocks());

	/** The Order Store credential of the file's store. */
	return { orderStoreApi: () => ({ backend: 'sqlite', filePath: join(dir, 'store.sqlite'), accessProfile: 'full' }) };
}
