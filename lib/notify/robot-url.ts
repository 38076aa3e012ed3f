// Where each robot lives, and reading its token out of whatever the operator pasted: people copy the
// whole webhook URL where the token belongs (DingTalk then answers 300001, WeCom 93000), so we accept both.
import type { NotifyPlatform } from './types';

export const PLATFORM_NAMES: Record<NotifyPlatform, string> = {
	dingtalk: 'DingTalk robot',
	wecom: 'WeCom robot',
	feishu: 'Feishu bot',
};

export const PRODUCTION_BASE_URLS = {
	dingtalk: 'https://oapi.dingtalk.com',
	wecom: 'https://qyapi.weixin.qq.com',
	feishu: 'https://open.feishu.cn',
	lark: 'https://open.larksuite.com',
} as const;

/** Where `npm run sandbox` serves each emulated robot. */
export const SANDBOX_BASE_URLS: Record<NotifyPlatform, string> = {
	dingtalk: 'http://127.0.0.1:18080/dingtalk',
	wecom: 'http://127.0.0.1:18080/wecom',
	feishu: 'http://127.0.0.1:18080/feishu',
};

export class RobotConfigError extends Error {
	constructor(
		readonly platform: NotifyPlatform,
		message: string,
	) {
		super(`${PLATFORM_NAMES[platform]}: ${message}`);
		this.name = 'RobotConfigError';
	}
}

/** The API base for a credential's environment: 'production', 'lark' (Feishu only) or 'custom'. */
export function robotBaseUrl(platform: NotifyPlatform, environment: string, customBaseUrl?: string): string {
	if (environment === 'custom') {
		const custom = (customBaseUrl ?? '').trim().replace(/\/+$/, '');
		if (!/^https?:\/\/[^/\s]+/i.test(custom)) {
			throw new RobotConfigError(platform, `the custom base URL "${custom}" must start with http:// or https://`);
		}
		return custom;
	}
	if (environment === 'lark' && platform === 'feishu') return PRODUCTION_BASE_URLS.lark;
	return PRODUCTION_BASE_URLS[platform];
}

// access_token is 64 hex characters, WeCom keys and Feishu hook ids are UUIDs; the sandbox uses readable ids.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{4,128}$/;

const WHAT_TO_PASTE: Record<NotifyPlatform, string> = {
	dingtalk: 'the access_token value, or the whole https://oapi.dingtalk.com/robot/send?access_token=... URL',
	wecom: 'the key value, or the whole https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=... URL',
	feishu: 'the hook id, or the whole https://open.feishu.cn/open-apis/bot/v2/hook/... URL',
};

/** The robot token from a bare token or a pasted webhook URL; throws RobotConfigError saying what to paste. */
export function parseRobotUrl(platform: NotifyPlatform, input: string): { token: string; fromUrl: boolean } {
	const value = (input ?? '').trim();
	const fromUrl = /^https?:\/\//i.test(value);
	const token = fromUrl ? tokenFromUrl(platform, value) : value;
	if (!TOKEN_PATTERN.test(token)) {
		const what = token === '' ? 'is empty' : `"${token.slice(0, 40)}" is not a robot token`;
		throw new RobotConfigError(platform, `the credential's token ${what}; paste ${WHAT_TO_PASTE[platform]}`);
	}
	return { token, fromUrl };
}

function tokenFromUrl(platform: NotifyPlatform, value: string): string {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new RobotConfigError(platform, `"${value.slice(0, 80)}" is not a valid URL; paste ${WHAT_TO_PASTE[platform]}`);
	}
	if (platform === 'feishu') return /\/hook\/([^/]+)/.exec(url.pathname)?.[1] ?? '';
	return url.searchParams.get(platform === 'dingtalk' ? 'access_token' : 'key')?.trim() ?? '';
}
