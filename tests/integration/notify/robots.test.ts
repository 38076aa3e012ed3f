// The senders against the robot emulators: signatures, timestamps, keywords, tokens and limits are checked
// by the sandbox the way the platforms check them, and every accepted message is readable from its admin API.
import { AuthExpiredError, InvalidRequestError, fetchHttpClient } from '../../../lib/http';
import { dingtalk, feishu, robotEndpoint, wecom } from '../../../lib/notify';
import { dingtalkSign } from '../../../lib/notify/dingtalk';
import { DINGTALK_DEFAULTS } from '../../../sandbox/providers/dingtalk/models';
import { FEISHU_DEFAULTS } from '../../../sandbox/providers/feishu/models';
import { WECOM_DEFAULTS } from '../../../sandbox/providers/wecom/models';
import type { Sandbox } from '../../../sandbox/server';
import { adminPost, baseUrlOf, botMessages, sandboxDeps, startRobotSandbox } from './sandbox-robots';

const [DING_OPEN, DING_SIGNED, DING_KEYWORD] = DINGTALK_DEFAULTS.robots;
const [FEISHU_OPEN, FEISHU_SIGNED, FEISHU_KEYWORD] = FEISHU_DEFAULTS.bots;
const WECOM_ROBOT = WECOM_DEFAULTS.robots[0];

let sandbox: Sandbox;
beforeEach(async () => {
	sandbox = await startRobotSandbox();
});
afterEach(async () => {
	await sandbox.close();
});

describe('DingTalk robot emulator', () => {
	it('accepts a 加签 message signed with the sandbox clock and records it', async () => {
		const deps = sandboxDeps(sandbox, 'dingtalk', { token: DING_SIGNED.token, secret: DING_SIGNED.secret });
		const result = await dingtalk.send({ format: 'markdown', title: '新订单', text: '## 123', mention: { mobiles: ['13812341234'] } }, deps);
		expect(result).toMatchObject({ platform: 'dingtalk', attempts: 1 });
		const [message] = await botMessages(sandbox, 'dingtalk', DING_SIGNED.token);
		expect(message.at).toBe(sandbox.world.clock.now());
		expect(message.data.body).toEqual({
			msgtype: 'markdown',
			markdown: { title: '新订单', text: '## 123\n@13812341234' },
			at: { atMobiles: ['13812341234'], atUserIds: [], isAtAll: false },
		});
	});

	it('refuses a wrong secret, a missing signature and a timestamp more than an hour off', async () => {
		const wrong = sandboxDeps(sandbox, 'dingtalk', { token: DING_SIGNED.token, secret: `${DING_SIGNED.secret}x` });
		const signError = await dingtalk.send({ format: 'text', text: 'x' }, wrong).catch((e) => e);
		expect(signError).toBeInstanceOf(InvalidRequestError);
		expect(signError.platformMessage).toBe('sign not match');
		expect(signError.hint).toContain('加签 secret');

		const unsigned = sandboxDeps(sandbox, 'dingtalk', { token: DING_SIGNED.token });
		await expect(dingtalk.send({ format: 'text', text: 'x' }, unsigned)).rejects.toThrow('sign not match');

		const late = { ...sandboxDeps(sandbox, 'dingtalk', { token: DING_SIGNED.token, secret: DING_SIGNED.secret }) };
		late.now = () => sandbox.world.clock.now() - 61 * 60_000;
		const stale = await dingtalk.send({ format: 'text', text: 'x' }, late).catch((e) => e);
		expect(stale.platformMessage).toBe('invalid timestamp');
		expect(stale.hint).toContain('clock');
		expect(await botMessages(sandbox, 'dingtalk')).toHaveLength(0);
	});

	it('drops messages without a keyword unless the credential names it', async () => {
		const bare = sandboxDeps(sandbox, 'dingtalk', { token: DING_KEYWORD.token });
		const error = await dingtalk.send({ format: 'text', text: 'new order 1' }, bare).catch((e) => e);
		expect(error.hint).toContain("one of the robot's keywords");
		const withKeyword = sandboxDeps(sandbox, 'dingtalk', { token: DING_KEYWORD.token, keyword: '订单' });
		await dingtalk.send({ format: 'text', text: 'new order 1' }, withKeyword);
		const [message] = await botMessages(sandbox, 'dingtalk', DING_KEYWORD.token);
		expect(message.data.body.text).toEqual({ content: '订单 new order 1' });
	});

	it('answers 300001 for an unknown token, and a pasted URL works', async () => {
		const unknown = await dingtalk.send({ format: 'text', text: 'x' }, sandboxDeps(sandbox, 'dingtalk', { token: 'no-such-robot' })).catch((e) => e);
		expect(unknown).toBeInstanceOf(AuthExpiredError);
		const pasted = `https://oapi.dingtalk.com/robot/send?access_token=${DING_OPEN.token}`;
		await expect(dingtalk.send({ format: 'text', text: 'x' }, sandboxDeps(sandbox, 'dingtalk', { token: pasted }))).resolves.toMatchObject({ attempts: 1 });
	});

	it('retries through an injected throttle and delivers once', async () => {
		await adminPost(sandbox, '/faults', { provider: 'dingtalk', kind: 'throttle', times: 2 });
		const deps = sandboxDeps(sandbox, 'dingtalk', { token: DING_OPEN.token });
		const before = sandbox.world.clock.now();
		await expect(dingtalk.send({ format: 'text', text: 'x' }, deps)).resolves.toMatchObject({ attempts: 3 });
		expect(sandbox.world.clock.now() - before).toBeGreaterThanOrEqual(2 * 60_000);
		expect(await botMessages(sandbox, 'dingtalk')).toHaveLength(1);
	});
});

describe('WeCom robot emulator', () => {
	it('accepts text with mentions by the key taken from a pasted URL', async () => {
		const pasted = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_ROBOT.token}`;
		await wecom.send({ format: 'text', text: '发货提醒', mention: { mobiles: ['13812341234'], all: true } }, sandboxDeps(sandbox, 'wecom', { token: pasted }));
		const [message] = await botMessages(sandbox, 'wecom');
		expect(message.data.body).toEqual({
			msgtype: 'text',
			text: { content: '发货提醒', mentioned_list: ['@all'], mentioned_mobile_list: ['13812341234'] },
		});
	});

	it('gets an over-long markdown through by cutting it to 4096 bytes, where the platform answers 40058 uncut', async () => {
		const long = '订单'.repeat(1000);
		const raw = await fetchHttpClient()({
			method: 'POST',
			url: `${baseUrlOf(sandbox, 'wecom')}/cgi-bin/webhook/send?key=${WECOM_ROBOT.token}`,
			body: { msgtype: 'markdown', markdown: { content: long } },
		});
		expect(JSON.parse(raw.body).errcode).toBe(40058);
		const result = await wecom.send({ format: 'markdown', text: long }, sandboxDeps(sandbox, 'wecom', { token: WECOM_ROBOT.token }));
		expect(result.truncated).toBe(true);
		const [message] = await botMessages(sandbox, 'wecom');
		expect((message.data.body.markdown as { content: string }).content).toContain('truncated');
	});

	it('answers 93000 for an unknown key', async () => {
		const error = await wecom.send({ format: 'text', text: 'x' }, sandboxDeps(sandbox, 'wecom', { token: 'no-such-key' })).catch((e) => e);
		expect(error).toBeInstanceOf(AuthExpiredError);
		expect(error.platformMessage).toMatch(/^invalid webhook url, hint: \[\w+\], from ip: /);
	});
});

describe('Feishu bot emulator', () => {
	it('accepts a signed card and records it without the signature fields', async () => {
		const deps = sandboxDeps(sandbox, 'feishu', { token: FEISHU_SIGNED.token, secret: FEISHU_SIGNED.secret });
		await feishu.send({ format: 'markdown', title: '新订单', text: '**1**', mention: { all: true } }, deps);
		const [message] = await botMessages(sandbox, 'feishu', FEISHU_SIGNED.token);
		expect(message.data.body.msg_type).toBe('interactive');
		expect(message.data.body).not.toHaveProperty('sign');
	});

	it("refuses DingTalk's algorithm, and a bad secret, with 19021", async () => {
		const timestamp = String(Math.floor(sandbox.world.clock.now() / 1000));
		const raw = await fetchHttpClient()({
			method: 'POST',
			url: `${baseUrlOf(sandbox, 'feishu')}/open-apis/bot/v2/hook/${FEISHU_SIGNED.token}`,
			body: { timestamp, sign: dingtalkSign(timestamp, FEISHU_SIGNED.secret!), msg_type: 'text', content: { text: 'x' } },
		});
		expect(JSON.parse(raw.body).code).toBe(19021);
		const wrong = sandboxDeps(sandbox, 'feishu', { token: FEISHU_SIGNED.token, secret: 'not-the-secret' });
		const error = await feishu.send({ format: 'text', text: 'x' }, wrong).catch((e) => e);
		expect(error).toBeInstanceOf(AuthExpiredError);
		expect(error.code).toBe(19021);
	});

	it('drops messages without a keyword (19024) and unknown hooks (19001)', async () => {
		const keyword = await feishu.send({ format: 'text', text: 'x' }, sandboxDeps(sandbox, 'feishu', { token: FEISHU_KEYWORD.token })).catch((e) => e);
		expect(keyword.code).toBe(19024);
		const unknown = await feishu.send({ format: 'text', text: 'x' }, sandboxDeps(sandbox, 'feishu', { token: 'no-such-hook' })).catch((e) => e);
		expect(unknown.code).toBe(19001);
		await feishu.send({ format: 'text', text: 'x' }, sandboxDeps(sandbox, 'feishu', { token: FEISHU_OPEN.token }));
		expect(await botMessages(sandbox, 'feishu')).toHaveLength(1);
	});
});

describe('credential tests against the emulators', () => {
	async function credentialTest(platform: 'dingtalk' | 'wecom' | 'feishu', token: string, secret?: string) {
		const credentials = { token, secret, baseUrl: baseUrlOf(sandbox, platform) };
		const { url, bodyFields } = robotEndpoint(platform, credentials, sandbox.world.clock.now());
		const res = await fetchHttpClient()({ method: 'POST', url, body: bodyFields });
		return JSON.parse(res.body) as Record<string, unknown>;
	}

	it('post nothing to the group and fail only for unknown tokens or refused signatures', async () => {
		expect((await credentialTest('dingtalk', DING_SIGNED.token, DING_SIGNED.secret)).errcode).not.toBe(300001);
		expect((await credentialTest('dingtalk', 'no-such-robot')).errcode).toBe(300001);
		expect((await credentialTest('wecom', WECOM_ROBOT.token)).errcode).not.toBe(93000);
		expect((await credentialTest('wecom', 'no-such-key')).errcode).toBe(93000);
		const feishuOk = await credentialTest('feishu', FEISHU_SIGNED.token, FEISHU_SIGNED.secret);
		expect([19001, 19021]).not.toContain(feishuOk.code);
		expect((await credentialTest('feishu', FEISHU_SIGNED.token, 'wrong')).code).toBe(19021);
		for (const platform of ['dingtalk', 'wecom', 'feishu'] as const) expect(await botMessages(sandbox, platform)).toHaveLength(0);
	});
});
