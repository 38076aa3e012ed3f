import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ICredentialsDecrypted, ICredentialTestFunctions } from 'n8n-workflow';
import { OrderStore } from '../../../nodes/OrderStore/OrderStore.node';
import { checkStoreCredential, defaultSqlitePath, storeConfigFromCredential } from '../../../nodes/shared/store';

const test = (data: Record<string, unknown>) =>
	new OrderStore().methods.credentialTest.orderStoreApiTest.call({} as ICredentialTestFunctions, { id: '1', name: 'store', type: 'orderStoreApi', data } as ICredentialsDecrypted);

describe('Order Store credential', () => {
	let dir: string;
	beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'uo-cred-'))));
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('opens and migrates a SQLite file, creating its folder', async () => {
		const path = join(dir, 'nested', 'store.sqlite');
		const result = await test({ backend: 'sqlite', filePath: path, accessProfile: 'full' });
		expect(result.status).toBe('OK');
		expect(result.message).toContain(`SQLite file ${path}`);
		expect(existsSync(path)).toBe(true);
	});

	it('says it cannot create the folder when the path is not writable', async () => {
		const file = join(dir, 'a-file');
		writeFileSync(file, 'x');
		const result = await test({ backend: 'sqlite', filePath: join(file, 'sub', 'store.sqlite') });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Cannot create folder .*a-file.* for the SQLite store \(ENOTDIR\)/);
	});

	it('names host and port when PostgreSQL refuses the connection', async () => {
		const result = await test({ backend: 'postgres', host: '127.0.0.1', port: 1, database: 'test', user: 'postgres', ssl: 'disable' });
		expect(result).toEqual({ status: 'Error', message: 'PostgreSQL at 127.0.0.1:1 refused the connection: check Host and Port, and that the server is running' });
	});

	it('rejects an unknown access profile before opening anything', async () => {
		const result = await checkStoreCredential({ backend: 'sqlite', filePath: join(dir, 's.sqlite'), accessProfile: 'boss' });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Unknown access profile "boss"');
		expect(existsSync(join(dir, 's.sqlite'))).toBe(false);
	});

	it('puts the default SQLite file in the n8n user folder', () => {
		expect(defaultSqlitePath({ N8N_USER_FOLDER: '/data' }, '/root')).toBe('/data/.n8n/unified-orders/store.sqlite');
		expect(defaultSqlitePath({}, '/home/node')).toBe('/home/node/.n8n/unified-orders/store.sqlite');
		expect(storeConfigFromCredential({ backend: 'sqlite', filePath: '' })).toMatchObject({ kind: 'sqlite', path: defaultSqlitePath() });
	});

	it('maps the PostgreSQL fields, SSL modes and pool size', () => {
		const base = { backend: 'postgres', host: 'db', port: 6432, database: 'oms', user: 'n8n', password: 'pw', schema: 'uo', poolSize: 3 };
		expect(storeConfigFromCredential({ ...base, ssl: 'require' })).toEqual({
			kind: 'postgres', host: 'db', port: 6432, database: 'oms', user: 'n8n', password: 'pw', ssl: 'no-verify', schema: 'uo', maxConnections: 3, matchCustomersByPhone: false,
		});
		expect(storeConfigFromCredential({ ...base, ssl: 'disable' })).toMatchObject({ ssl: false });
		expect(storeConfigFromCredential({ ...base, ssl: 'verify-full' })).toMatchObject({ ssl: true });
		expect(storeConfigFromCredential({ ...base, ssl: 'verify-full', caCertificate: 'PEM' })).toMatchObject({ ssl: { rejectUnauthorized: true, ca: 'PEM' } });
	});
});
