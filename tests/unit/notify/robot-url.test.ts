// Tokens from bare values or pasted webhook URLs, and base URLs per environment.
import { parseRobotUrl, robotBaseUrl, RobotConfigError } from '../../../lib/notify';

describe('parseRobotUrl', () => {
	it.each([
		['dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=4a1b2c3d', '4a1b2c3d'],
		['dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=4a1b2c3d&timestamp=1&sign=x', '4a1b2c3d'],
		['wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa', '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa'],
		['feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/2b3c-4d5e', '2b3c-4d5e'],
		['feishu', 'https://open.larksuite.com/open-apis/bot/v2/hook/2b3c-4d5e?x=1', '2b3c-4d5e'],
	] as const)('takes the %s token out of %s', (platform, url, token) => {
		expect(parseRobotUrl(platform, url)).toEqual({ token, fromUrl: true });
	});

	it('keeps a bare token, trimmed', () => {
		expect(parseRobotUrl('dingtalk', '  abcdef0123 ')).toEqual({ token: 'abcdef0123', fromUrl: false });
	});

	it.each([
		['dingtalk', '', /token is empty; paste the access_token value/],
		['dingtalk', 'https://oapi.dingtalk.com/robot/send?token=abc', /token is empty/],
		['wecom', 'key=abc def', /is not a robot token; paste the key value/],
		['feishu', 'https://open.feishu.cn/open-apis/bot/v2/', /paste the hook id/],
	] as const)('says what to paste for %s "%s"', (platform, input, message) => {
		expect(() => parseRobotUrl(platform, input)).toThrow(RobotConfigError);
		expect(() => parseRobotUrl(platform, input)).toThrow(message);
	});
});

describe('robotBaseUrl', () => {
	it('knows production, Lark and custom', () => {
		expect(robotBaseUrl('dingtalk', 'production')).toBe('https://oapi.dingtalk.com');
		expect(robotBaseUrl('wecom', 'production')).toBe('https://qyapi.weixin.qq.com');
		expect(robotBaseUrl('feishu', 'lark')).toBe('https://open.larksuite.com');
		expect(robotBaseUrl('feishu', 'custom', 'http://127.0.0.1:18080/feishu/')).toBe('http://127.0.0.1:18080/feishu');
		expect(() => robotBaseUrl('wecom', 'custom', '127.0.0.1:18080')).toThrow('must start with http');
	});
});
