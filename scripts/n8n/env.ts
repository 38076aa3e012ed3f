// The environment of a headless, isolated n8n (specs/n8n.md §4.4): its own user folder, fixed key, no phoning home.
import { createServer } from 'node:net';
import { pathWithNode24 } from './paths';

// A fixed key, so credentials exported from one test instance import into another; never used outside tests.
export const TEST_ENCRYPTION_KEY = 'unified-orders-e2e-encryption-key-not-a-secret';

// n8n 2.x evaluates expressions in isolated-vm by default; its prebuilt binary segfaults under the repo's Node 24.21
// (crash inside V8 while compiling in the isolate), so instances use n8n's in-process evaluator, the 1.x default.
export const EXPRESSION_ENGINE = 'legacy';

export interface HeadlessEnvOptions {
	userFolder: string;
	port: number;
	/** Task runner broker port; n8n's default 5679 would clash between parallel instances. */
	brokerPort: number;
	extra?: Record<string, string>;
}

export function headlessEnv(options: HeadlessEnvOptions): NodeJS.ProcessEnv {
	const base = `http://127.0.0.1:${options.port}/`;
	// Only what n8n and npm need from the parent; N8N_* leaking in from a developer's shell would change the instance.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !key.startsWith('N8N_') && !key.startsWith('DB_')),
	);
	return {
		...inherited,
		PATH: pathWithNode24(),
		NODE_ENV: 'production',
		N8N_USER_FOLDER: options.userFolder,
		DB_TYPE: 'sqlite',
		N8N_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: base,
		N8N_EDITOR_BASE_URL: base,
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_EXPRESSION_ENGINE: EXPRESSION_ENGINE,
		...options.extra,
	};
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => {
				if (address && typeof address === 'object') resolve(address.port);
				else reject(new Error('could not pick a free port'));
			});
		});
	});
}
