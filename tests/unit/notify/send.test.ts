// Each robot against nock: the request on the wire, error codes -> classes with hints, and retries only
// after the platform's rate-limit answers.
import nock from 'nock';
import {
	AuthExpiredError,
	InvalidRequestError,
	MalformedResponseError,
	PermanentError,
	ThrottledError,
	TransientError,
	fetchHttpClient,
} from '../../../lib/http';
import { dingtalk, feishu, wecom, SendRateLimiter, type RobotCredentials, type SendDeps } from '../../../lib/notify';
import { dingtalkSign } from '../../../lib/notify/dingtalk';
import { feishuSign } from '../../../lib/notify/feishu';
import { FakeClock } from './fake-time';

const DING = 'https://oapi.dingtalk.com';
const WECOM = 'https://qyapi.weixin.qq.com';
const FEISHU = 'https://open.feishu.cn';
const SECRET = 'SECabcdef0123456789';

function deps(credentials: Partial<RobotCredentials> & { baseUrl: string }, clock = new FakeClock()): SendDeps & { clock: FakeClock } {
	return {
		http: fetchHttpClient(),
		credentials: { token: 'tok123', ...credentials },
		now: clock.now,
		sleep: clock.sleep,
		random: () => 0.5,
		limiter: new SendRateLimiter(),
		clock,
	};
}

const text = { format: 'text' as const, text: '新订单 123' };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('DingTalk send', () => {
	it('posts the body to the signed URL, signed with the current time', async () => {
		const d = deps({ baseUrl: DING, secret: SECRET });
		const at = String(d.clock.now());
		const scope = nock(DING)
			.post('/robot/send', { msgtype: 'text', text: { content: '新订单 123' }, at: { atMobiles: [], atUserIds: [], isAtAll: false } })
			.query({ access_token: 'tok123', timestamp: at, sign: dingtalkSign(at, SECRET) })
			.matchHeader('content-type', /application\/json/)
			.reply(200, { errcode: 0, errmsg: 'ok' });
		await expect(dingtalk.send(text, d)).resolves.toEqual({ platform: 'dingtalk', attempts: 1, truncated: false, messageId: undefined });
		expect(scope.isDone()).toBe(true);
	});

	it('takes the token out of a pasted webhook URL', async () => {
		const d = deps({ baseUrl: DING, token: ` ${DING}/robot/send?access_token=abc999 ` });
		const scope = nock(DING).post('/robot/send').query({ access_token: 'abc999' }).reply(200, { errcode: 0, errmsg: 'ok' });
		await dingtalk.send(text, d);
		expect(scope.isDone()).toBe(true);
	});

	it('waits and retries after 130101, re-signing the retry', async () => {
		const d = deps({ baseUrl: DING, secret: SECRET });
		const timestamps: string[] = [];
		nock(DING)
			.post('/robot/send')
			.times(2)
			.query((q) => {
				timestamps.push(String(q.timestamp));
				return true;
			})
			.reply(() => [200, timestamps.length === 1 ? { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' } : { errcode: 0, errmsg: 'ok' }]);
		const result = await dingtalk.send(text, d);
		expect(result.attempts).toBe(2);
		expect(Number(timestamps[1]) - Number(timestamps[0])).toBeGreaterThanOrEqual(60_000);
		expect(d.clock.sleeps.some((ms) => ms >= 60_000)).toBe(true);
	});

	it('gives up on a robot that stays throttled, as ThrottledError with the attempt count', async () => {
		const d = deps({ baseUrl: DING });
		const scope = nock(DING).post('/robot/send').query(true).times(4).reply(200, { errcode: 130101, errmsg: 'send too fast' });
		const error = await dingtalk.send(text, d).catch((e) => e);
		expect(error).toBeInstanceOf(ThrottledError);
		expect(error.attempts).toBe(4);
		expect(error.code).toBe(130101);
		expect(error.message).toContain('DingTalk robot: robot/send failed with code 130101 (send too fast)');
		expect(error.message).toContain('Send Once Per Run');
		expect(error.message).toContain('gave up after 4 attempts');
		expect(scope.isDone()).toBe(true);
	});

	it.each([
		['keywords not in content', /one of the robot's keywords/],
		['sign not match', /does not match the robot's 加签 secret/],
		['invalid timestamp', /more than 1 hour off/],
		['description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都是毫秒级', /加签 secret/],
		['ip 1.2.3.4 not in whitelist', /IP whitelist/],
	])('turns 310000 "%s" into InvalidRequestError naming what to fix, without retrying', async (errmsg, hint) => {
		const d = deps({ baseUrl: DING });
		nock(DING).post('/robot/send').query(true).once().reply(200, { errcode: 310000, errmsg });
		const error = await dingtalk.send(text, d).catch((e) => e);
		expect(error).toBeInstanceOf(InvalidRequestError);
		expect(error.hint).toMatch(hint);
		expect(error.message).toContain(errmsg);
		expect(error.attempts).toBe(1);
	});

	it('turns 300001 into AuthExpiredError telling what to paste', async () => {
		nock(DING).post('/robot/send').query(true).reply(200, { errcode: 300001, errmsg: 'token is not exist' });
		const error = await dingtalk.send(text, deps({ baseUrl: DING })).catch((e) => e);
		expect(error).toBeInstanceOf(AuthExpiredError);
		expect(error.hint).toContain('access_token');
	});

	it('does not repeat a send after a 5xx, a dropped connection or a malformed answer', async () => {
		nock(DING).post('/robot/send').query(true).once().reply(502, 'Bad Gateway');
		await expect(dingtalk.send(text, deps({ baseUrl: DING }))).rejects.toBeInstanceOf(TransientError);
		nock(DING).post('/robot/send').query(true).once().replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
		const dropped = await dingtalk.send(text, deps({ baseUrl: DING })).catch((e) => e);
		expect(dropped).toBeInstanceOf(TransientError);
		expect(dropped.attempts).toBe(1);
		nock(DING).post('/robot/send').query(true).once().reply(200, '<html>gateway</html>');
		await expect(dingtalk.send(text, deps({ baseUrl: DING }))).rejects.toBeInstanceOf(MalformedResponseError);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('retries an HTTP 429 like a rate-limit code', async () => {
		nock(DING).post('/robot/send').query(true).reply(429, 'slow down').post('/robot/send').query(true).reply(200, { errcode: 0 });
		await expect(dingtalk.send(text, deps({ baseUrl: DING }))).resolves.toMatchObject({ attempts: 2 });
	});

	it('treats an unknown code as permanent', async () => {
		nock(DING).post('/robot/send').query(true).reply(200, { errcode: 999999, errmsg: 'new error' });
		await expect(dingtalk.send(text, deps({ baseUrl: DING }))).rejects.toBeInstanceOf(PermanentError);
	});
});

describe('WeCom send', () => {
	it('posts to webhook/send with the key from a pasted URL and retries after 45009', async () => {
		const d = deps({ baseUrl: WECOM, token: `${WECOM}/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa` });
		const scope = nock(WECOM)
			.post('/cgi-bin/webhook/send', { msgtype: 'text', text: { content: '新订单 123' } })
			.query({ key: '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa' })
			.reply(200, { errcode: 45009, errmsg: 'api freq out of limit' })
			.post('/cgi-bin/webhook/send')
			.query(true)
			.reply(200, { errcode: 0, errmsg: 'ok' });
		await expect(wecom.send(text, d)).resolves.toEqual({ platform: 'wecom', attempts: 2, truncated: false, messageId: undefined });
		expect(scope.isDone()).toBe(true);
	});

	it('turns 93000 into AuthExpiredError and 40058 into InvalidRequestError', async () => {
		nock(WECOM)
			.post('/cgi-bin/webhook/send')
			.query(true)
			.reply(200, { errcode: 93000, errmsg: 'invalid webhook url, hint: [1], from ip: 1.2.3.4' })
			.post('/cgi-bin/webhook/send')
			.query(true)
			.reply(200, { errcode: 40058, errmsg: 'markdown.content exceed max length 4096' });
		const auth = await wecom.send(text, deps({ baseUrl: WECOM })).catch((e) => e);
		expect(auth).toBeInstanceOf(AuthExpiredError);
		expect(auth.message).toContain('WeCom robot: webhook/send failed with code 93000');
		await expect(wecom.send(text, deps({ baseUrl: WECOM }))).rejects.toBeInstanceOf(InvalidRequestError);
	});
});

describe('Feishu send', () => {
	it('signs in the body with seconds, returns the message id, and retries after 11232', async () => {
		const d = deps({ baseUrl: FEISHU, token: `${FEISHU}/open-apis/bot/v2/hook/hook-77`, secret: 'fsecret' });
		const bodies: Array<Record<string, string>> = [];
		nock(FEISHU)
			.post('/open-apis/bot/v2/hook/hook-77', (body) => bodies.push(body) > 0)
			.reply(200, { code: 11232, msg: 'frequency limited psm[lark.oapi.app_platform_runtime]appID[1]' })
			.post('/open-apis/bot/v2/hook/hook-77', (body) => bodies.push(body) > 0)
			.reply(200, { code: 0, msg: 'success', data: { message_id: 'om_1' } });
		await expect(feishu.send(text, d)).resolves.toEqual({ platform: 'feishu', attempts: 2, truncated: false, messageId: 'om_1' });
		for (const body of bodies) {
			expect(body.timestamp).toMatch(/^\d{10}$/);
			expect(body.sign).toBe(feishuSign(body.timestamp, 'fsecret'));
			expect(body.msg_type).toBe('text');
		}
		expect(Number(bodies[1].timestamp)).toBeGreaterThan(Number(bodies[0].timestamp));
	});

	it('reads the legacy StatusCode answers too', async () => {
		nock(FEISHU)
			.post('/open-apis/bot/v2/hook/tok123')
			.reply(200, { StatusCode: 0, StatusMessage: 'success' })
			.post('/open-apis/bot/v2/hook/tok123')
			.reply(200, { StatusCode: 19021, StatusMessage: 'sign match fail or timestamp is not within one hour from current time' });
		await expect(feishu.send(text, deps({ baseUrl: FEISHU }))).resolves.toMatchObject({ attempts: 1 });
		const error = await feishu.send(text, deps({ baseUrl: FEISHU })).catch((e) => e);
		expect(error).toBeInstanceOf(AuthExpiredError);
		expect(error.hint).toContain('Signing Secret');
	});

	it('does not retry 9499 or keyword refusals', async () => {
		nock(FEISHU)
			.post('/open-apis/bot/v2/hook/tok123')
			.reply(200, { code: 9499, msg: 'Bad Request' })
			.post('/open-apis/bot/v2/hook/tok123')
			.reply(200, { code: 19024, msg: 'Key Words Not Found' });
		await expect(feishu.send(text, deps({ baseUrl: FEISHU }))).rejects.toBeInstanceOf(InvalidRequestError);
		const keyword = await feishu.send(text, deps({ baseUrl: FEISHU })).catch((e) => e);
		expect(keyword.hint).toContain('keywords');
		expect(keyword.attempts).toBe(1);
	});
});
