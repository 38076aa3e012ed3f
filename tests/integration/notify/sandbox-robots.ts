// The robot emulators for notify tests: a sandbox with only the three robots, and send deps on its clock.
import { fetchHttpClient } from '../../../lib/http';
import { robotBaseUrl, SendRateLimiter, type NotifyPlatform, type RobotCredentials, type SendDeps } from '../../../lib/notify';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { dingtalkProvider } from '../../../sandbox/providers/dingtalk';
import { feishuProvider } from '../../../sandbox/providers/feishu';
import { wecomProvider } from '../../../sandbox/providers/wecom';

export function startRobotSandbox(): Promise<Sandbox> {
	return startSandbox({ orders: 0, factories: [dingtalkProvider, wecomProvider, feishuProvider] });
}

export function baseUrlOf(sandbox: Sandbox, platform: NotifyPlatform): string {
	return robotBaseUrl(platform, 'custom', `${sandbox.url}/${platform}`);
}

/** Send deps whose clock is the sandbox's: waiting moves the sandbox clock instead of real time passing. */
export function sandboxDeps(sandbox: Sandbox, platform: NotifyPlatform, credentials: Omit<RobotCredentials, 'baseUrl'>): SendDeps {
	return {
		http: fetchHttpClient({ timeoutMs: 10_000 }),
		credentials: { ...credentials, baseUrl: baseUrlOf(sandbox, platform) },
		now: () => sandbox.world.clock.now(),
		sleep: async (ms) => {
			sandbox.world.clock.advance(ms);
		},
		random: () => 0.5,
		limiter: new SendRateLimiter(),
	};
}

export async function adminGet<T>(sandbox: Sandbox, path: string): Promise<T> {
	return (await (await fetch(`${sandbox.url}/_admin${path}`)).json()) as T;
}

export async function adminPost<T>(sandbox: Sandbox, path: string, body: unknown): Promise<T> {
	const res = await fetch(`${sandbox.url}/_admin${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return (await res.json()) as T;
}

export interface RecordedMessage {
	at: number;
	data: { robot: string; body: Record<string, unknown> };
}

export async function botMessages(sandbox: Sandbox, platform: NotifyPlatform, robot?: string): Promise<RecordedMessage[]> {
	const query = robot ? `?robot=${encodeURIComponent(robot)}` : '';
	return (await adminGet<{ messages: RecordedMessage[] }>(sandbox, `/${platform}/messages${query}`)).messages;
}
