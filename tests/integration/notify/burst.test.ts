// 100 orders in one run, one message each, to one DingTalk robot that bans after 20 a minute: the Team Notify
// node queues them and not one rate-limit error reaches the workflow. The node's clock is the sandbox clock:
// n8n's sleep moves it forward, so four minutes of queueing take milliseconds.
import type { IDataObject } from 'n8n-workflow';
import { dingtalk, feishu, SendRateLimiter } from '../../../lib/notify';
import { TeamNotify } from '../../../nodes/TeamNotify/TeamNotify.node';
import { DINGTALK_DEFAULTS } from '../../../sandbox/providers/dingtalk/models';
import { FEISHU_DEFAULTS } from '../../../sandbox/providers/feishu/models';
import type { Sandbox } from '../../../sandbox/server';
import { sampleOrder } from '../../fixtures/orders';
import { fakeExecuteContext } from '../../helpers/n8n';
import { botMessages, sandboxDeps, startRobotSandbox } from './sandbox-robots';

const mockClock: { advance?: (ms: number) => void } = {};
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: async (ms: number) => mockClock.advance?.(ms),
}));

const SIGNED = DINGTALK_DEFAULTS.robots[1];

/** What n8n's httpRequest does for our HttpClient adapter, over real HTTP. */
async function httpRequest(options: IDataObject) {
	const url = new URL(String(options.url));
	for (const [key, value] of Object.entries((options.qs as IDataObject) ?? {})) url.searchParams.set(key, String(value));
	const res = await fetch(url, {
		method: String(options.method),
		headers: options.headers as Record<string, string>,
		body: options.body as string | undefined,
	});
	return { statusCode: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) };
}

let sandbox: Sandbox;
beforeEach(async () => {
	sandbox = await startRobotSandbox();
	mockClock.advance = (ms) => sandbox.world.clock.advance(ms);
	jest.spyOn(Date, 'now').mockImplementation(() => sandbox.world.clock.now());
});
afterEach(async () => {
	jest.restoreAllMocks();
	await sandbox.close();
});

it('delivers a burst of 100 per-item messages to one DingTalk robot without a single rate-limit error', async () => {
	const orders = Array.from({ length: 100 }, (_, i) => sampleOrder({ channelOrderId: `B${String(i).padStart(3, '0')}` }));
	const context = fakeExecuteContext({
		items: orders as unknown as IDataObject[],
		parameters: {
			platform: 'dingtalk',
			messageType: 'text',
			message: '新订单 {{order.channelOrderId}} 发往 {{order.receiver.city}}',
			orderField: '',
			mention: {},
			options: {},
		},
		credentials: {
			dingTalkRobotApi: { environment: 'custom', customBaseUrl: `${sandbox.url}/dingtalk`, token: SIGNED.token, secret: SIGNED.secret },
		},
		httpRequest,
	});
	const start = sandbox.world.clock.now();
	const [output] = await new TeamNotify().execute.call(context);

	expect(output).toHaveLength(100);
	output.forEach((item, i) => expect(item).toEqual({ json: { sent: true, platform: 'dingtalk', attempts: 1 }, pairedItem: { item: i } }));
	const messages = await botMessages(sandbox, 'dingtalk', SIGNED.token);
	expect(messages.map((m) => (m.data.body.text as { content: string }).content)).toEqual(
		orders.map((order) => `新订单 ${order.channelOrderId} 发往 杭州市`),
	);
	// Never more than 20 in any minute of the robot's clock, and the whole burst took about four minutes.
	const times = messages.map((m) => m.at);
	for (const at of times) expect(times.filter((t) => t > at - 60_000 && t <= at).length).toBeLessThanOrEqual(20);
	const elapsed = sandbox.world.clock.now() - start;
	expect(elapsed).toBeGreaterThanOrEqual(4 * 60_000);
	expect(elapsed).toBeLessThan(5 * 60_000);
});

it('is a real limit: without the queue the robot refuses the 21st message and bans itself', async () => {
	const deps = sandboxDeps(sandbox, 'dingtalk', { token: SIGNED.token, secret: SIGNED.secret });
	const noQueue = new SendRateLimiter();
	jest.spyOn(noQueue, 'reserve').mockImplementation((_key, _rules, now) => now);
	const outcomes: string[] = [];
	for (let i = 0; i < 21; i++) {
		const result = await dingtalk.send({ format: 'text', text: `m${i}` }, { ...deps, limiter: noQueue, sleep: async () => undefined }).catch((e) => e);
		outcomes.push(result instanceof Error ? String((result as { code?: unknown }).code) : 'ok');
	}
	expect(outcomes.slice(0, 20).every((o) => o === 'ok')).toBe(true);
	expect(outcomes[20]).toBe('130101');
	sandbox.world.clock.advance(61_000);
	await expect(dingtalk.send({ format: 'text', text: 'later' }, { ...deps, limiter: noQueue, sleep: async () => undefined })).rejects.toThrow('130101');
});

it('delivers 150 messages to a Feishu bot within 5 a second and 100 a minute', async () => {
	const bot = FEISHU_DEFAULTS.bots[1];
	const deps = sandboxDeps(sandbox, 'feishu', { token: bot.token, secret: bot.secret });
	for (let i = 0; i < 150; i++) {
		await expect(feishu.send({ format: 'text', text: `m${i}` }, deps)).resolves.toMatchObject({ attempts: 1 });
	}
	expect(await botMessages(sandbox, 'feishu', bot.token)).toHaveLength(150);
});
