// The order store as nodes see it: one store per credential (cached by a hash of its connection settings,
// so a workflow never reopens it per item), opened lazily with migrations, closed when the process exits.
//
// Use it from any node that declares the `orderStoreApi` credential:
//   return await withStore(this, async (store, access) => { ...; project(order, access.profile, ...) });
// and add `testedBy: STORE_CREDENTIAL_TEST` + `methods: { credentialTest: storeCredentialTest }` to the node.
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { ACCESS_PROFILES, openStore, type AccessProfile, type OrderStore, type StoreConfig } from '../../lib/store';

export const STORE_CREDENTIAL = 'orderStoreApi';
/** The name nodes put in `testedBy` and under `methods.credentialTest`. */
export const STORE_CREDENTIAL_TEST = 'orderStoreApiTest';
/** Folder (inside the n8n user folder) and file of the default SQLite store. */
export const DEFAULT_STORE_FOLDER = 'unified-orders';
export const DEFAULT_STORE_FILE = 'store.sqlite';
/** How long the credential test waits for PostgreSQL before calling it unreachable. */
export const CREDENTIAL_TEST_TIMEOUT_MS = 15_000;

export interface StoreAccess {
	profile: AccessProfile;
	backend: 'sqlite' | 'postgres';
	/** The SQLite store file (SQLite only). */
	sqlitePath?: string;
}

/**
 * n8n keeps its data in `<N8N_USER_FOLDER or the home folder>/.n8n`; the default store lives beside it:
 * `<that>/.n8n/unified-orders/store.sqlite`.
 */
export function defaultSqlitePath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
	const userFolder = env.N8N_USER_FOLDER?.trim() || home;
	return join(userFolder, '.n8n', DEFAULT_STORE_FOLDER, DEFAULT_STORE_FILE);
}

const SSL_MODES: Record<string, NonNullable<Extract<StoreConfig, { kind: 'postgres' }>['ssl']>> = {
	disable: false,
	require: 'no-verify',
	'verify-full': true,
};

/** The store configuration a credential describes (no I/O). */
export function storeConfigFromCredential(data: ICredentialDataDecryptedObject): StoreConfig {
	const options = {
		matchCustomersByPhone: data.matchCustomersByPhone === true,
		...(typeof data.phoneHashSecret === 'string' && data.phoneHashSecret ? { phoneHashSalt: data.phoneHashSecret } : {}),
	};
	if ((data.backend ?? 'sqlite') === 'sqlite') {
		const path = typeof data.filePath === 'string' && data.filePath.trim() ? data.filePath.trim() : defaultSqlitePath();
		return { kind: 'sqlite', path, ...options };
	}
	const sslMode = String(data.ssl ?? 'disable');
	let ssl = SSL_MODES[sslMode] ?? false;
	if (sslMode === 'verify-full' && typeof data.caCertificate === 'string' && data.caCertificate.trim()) {
		ssl = { rejectUnauthorized: true, ca: data.caCertificate };
	}
	const schema = typeof data.schema === 'string' && data.schema.trim() ? data.schema.trim() : undefined;
	return {
		kind: 'postgres',
		host: String(data.host ?? '127.0.0.1'),
		port: Number(data.port ?? 5432),
		database: String(data.database ?? 'postgres'),
		user: String(data.user ?? 'postgres'),
		password: typeof data.password === 'string' && data.password ? data.password : undefined,
		ssl,
		...(schema ? { schema } : {}),
		maxConnections: Math.max(1, Number(data.poolSize ?? 5)),
		...options,
	};
}

export function accessProfileFromCredential(data: ICredentialDataDecryptedObject): AccessProfile {
	const profile = String(data.accessProfile ?? 'full');
	if (!(ACCESS_PROFILES as readonly string[]).includes(profile)) {
		throw new Error(`Unknown access profile "${profile}" in the Order Store credential; use one of ${ACCESS_PROFILES.join(', ')}`);
	}
	return profile as AccessProfile;
}

const openStores = new Map<string, Promise<OrderStore>>();

function cacheKey(config: StoreConfig): string {
	const ordered = Object.fromEntries(Object.entries(config).sort(([a], [b]) => a.localeCompare(b)));
	return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}

/** The open store for this configuration: opened (and migrated) on first use, then shared. */
export function cachedStore(config: StoreConfig): Promise<OrderStore> {
	const key = cacheKey(config);
	let pending = openStores.get(key);
	if (!pending) {
		registerExitHook();
		pending = openStore(config);
		openStores.set(key, pending);
		// A failed open is not cached: the next execution tries again (e.g. after the server came back).
		pending.catch(() => openStores.delete(key));
	}
	return pending;
}

/** Closes every cached store (process exit; tests). */
export async function closeStores(): Promise<void> {
	const pending = [...openStores.values()];
	openStores.clear();
	await Promise.allSettled(pending.map(async (p) => (await p).close()));
}

let exitHookRegistered = false;
function registerExitHook(): void {
	if (exitHookRegistered) return;
	exitHookRegistered = true;
	// beforeExit may await; on a signal n8n shuts down and exits, and SQLite's WAL keeps committed data safe.
	process.once('beforeExit', () => void closeStores());
}

/** The store and access profile of the node's `orderStoreApi` credential. */
export async function storeFor(ctx: IExecuteFunctions): Promise<{ store: OrderStore; access: StoreAccess }> {
	const data = await ctx.getCredentials(STORE_CREDENTIAL);
	const profile = accessProfileFromCredential(data);
	const config = storeConfigFromCredential(data);
	const store = await cachedStore(config);
	return { store, access: { profile, backend: store.backend, ...(config.kind === 'sqlite' ? { sqlitePath: config.path } : {}) } };
}

/** Runs fn with the node's store; the store stays open (cached) for the next execution. */
export async function withStore<T>(ctx: IExecuteFunctions, fn: (store: OrderStore, access: StoreAccess) => Promise<T>): Promise<T> {
	const { store, access } = await storeFor(ctx);
	return await fn(store, access);
}

/** Who made a change, as written into order events and ledger rows. */
export function storeActor(ctx: IExecuteFunctions): string {
	return `n8n:${ctx.getNode().name}`;
}

/** Opens the store the credential describes, applies migrations, and says clearly what went wrong. */
export async function testStoreCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	return await checkStoreCredential(credential.data ?? {});
}

export const storeCredentialTest = { [STORE_CREDENTIAL_TEST]: testStoreCredential };

export async function checkStoreCredential(
	data: ICredentialDataDecryptedObject,
	timeoutMs = CREDENTIAL_TEST_TIMEOUT_MS,
): Promise<INodeCredentialTestResult> {
	let config: StoreConfig;
	try {
		accessProfileFromCredential(data);
		config = storeConfigFromCredential(data);
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	let timer: NodeJS.Timeout | undefined;
	const opening = openStore(config);
	try {
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), timeoutMs);
		});
		const store = await Promise.race([opening, timeout]);
		const stats = await store.stats();
		await store.close();
		return { status: 'OK', message: `Connected: ${describeStore(config)}, schema version ${stats.schemaVersion}` };
	} catch (error) {
		opening.then((store) => store.close(), () => undefined);
		return { status: 'Error', message: explainOpenError(config, error) };
	} finally {
		clearTimeout(timer);
	}
}

function describeStore(config: StoreConfig): string {
	return config.kind === 'sqlite'
		? `SQLite file ${config.path}`
		: `PostgreSQL at ${config.host}:${config.port}/${config.database}${config.schema ? ` (schema ${config.schema})` : ''}`;
}

/** A message an operator can act on, for the usual ways opening a store fails. */
export function explainOpenError(config: StoreConfig, error: unknown): string {
	const err = error as { code?: string; message?: string; path?: string };
	const message = err?.message ?? String(error);
	if (config.kind === 'sqlite') {
		if (err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS' || err.code === 'ENOTDIR') {
			return `Cannot create folder ${err.path ?? config.path} for the SQLite store (${err.code}): choose a File Path n8n may write to`;
		}
		return `Cannot open the SQLite store at ${config.path}: ${message}`;
	}
	const where = `PostgreSQL at ${config.host}:${config.port}`;
	switch (err.code) {
		case 'ECONNREFUSED':
			return `${where} refused the connection: check Host and Port, and that the server is running`;
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return `${where}: the host name cannot be resolved`;
		case 'ETIMEDOUT':
			return `${where} did not answer: check Host, Port and firewalls`;
		case '28P01':
		case '28000':
			return `${where} rejected user "${config.user}": ${message}`;
		case '3D000':
			return `${where} has no database "${config.database}": create it first`;
		case '42501':
			return `${where}: user "${config.user}" may not create the store's tables or schema: ${message}`;
		default:
			return `${where}: ${message}`;
	}
}
