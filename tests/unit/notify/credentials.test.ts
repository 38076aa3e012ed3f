// The robot credentials: their test request is pointed at the robot, signed, and posts no message type.
import type { IAuthenticate, ICredentialType, IHttpRequestOptions } from 'n8n-workflow';
import { DingTalkRobotApi } from '../../../credentials/DingTalkRobotApi.credentials';
import { FeishuBotApi } from '../../../credentials/FeishuBotApi.credentials';
import { WeComRobotApi } from '../../../credentials/WeComRobotApi.credentials';
import { dingtalkSign } from '../../../lib/notify/dingtalk';
import { feishuSign } from '../../../lib/notify/feishu';

async function authenticate(credential: ICredentialType, data: Record<string, string>): Promise<IHttpRequestOptions> {
	const request = credential.test!.request as IHttpRequestOptions;
	return (credential.authenticate as Exclude<IAuthenticate, { type: 'generic' }>)(data, { ...request });
}

describe('robot credentials', () => {
	it('DingTalk: signs the test request for the token taken from a pasted URL, sending no msgtype', async () => {
		const options = await authenticate(new DingTalkRobotApi(), {
			environment: 'production',
			token: 'https://oapi.dingtalk.com/robot/send?access_token=abc123',
			secret: 'SECxyz',
		});
		const url = new URL(options.url);
		expect(url.origin + url.pathname).toBe('https://oapi.dingtalk.com/robot/send');
		expect(url.searchParams.get('access_token')).toBe('abc123');
		expect(url.searchParams.get('sign')).toBe(dingtalkSign(url.searchParams.get('timestamp')!, 'SECxyz'));
		expect(options.body).toEqual({});
		expect(new DingTalkRobotApi().test!.rules).toEqual([
			expect.objectContaining({ type: 'responseSuccessBody', properties: expect.objectContaining({ key: 'errcode', value: 300001 }) }),
		]);
	});

	it('WeCom: points at the custom base URL with the key', async () => {
		const options = await authenticate(new WeComRobotApi(), {
			environment: 'custom',
			customBaseUrl: 'http://127.0.0.1:18080/wecom',
			token: 'key-1',
		});
		expect(options.url).toBe('http://127.0.0.1:18080/wecom/cgi-bin/webhook/send?key=key-1');
		expect(options.body).toEqual({});
	});

	it('Feishu: puts timestamp and sign in the body for Lark, and fails the test on 19001 and 19021', async () => {
		const options = await authenticate(new FeishuBotApi(), { environment: 'lark', token: 'hook-9', secret: 's3' });
		expect(options.url).toBe('https://open.larksuite.com/open-apis/bot/v2/hook/hook-9');
		const body = options.body as { timestamp: string; sign: string };
		expect(body.sign).toBe(feishuSign(body.timestamp, 's3'));
		const codes = (new FeishuBotApi().test!.rules ?? []).map((rule) => (rule.properties as { value: unknown }).value);
		expect(codes).toEqual([19001, 19021]);
	});

	it('names each credential after its file and marks secrets as passwords', () => {
		for (const credential of [new DingTalkRobotApi(), new WeComRobotApi(), new FeishuBotApi()]) {
			for (const field of credential.properties.filter((p) => p.name === 'token' || p.name === 'secret')) {
				expect(field.typeOptions?.password).toBe(true);
			}
			expect(credential.properties.find((p) => p.name === 'token')?.description).toContain('whole webhook URL');
		}
	});
});
