// DingTalk custom robot (钉钉自定义机器人): 加签 signing in the query, text/markdown bodies with @mentions,
// errcode answers, 20 messages a minute per robot.
import { createHmac } from 'node:crypto';
import { buildUrl } from '../http';
import { keywordPrefix } from './keywords';
import { sendWithDriver, type CodeRule, type RobotDriver } from './send';
import { fitText, titleFromText } from './truncate';
import type { BuiltBody, NotifyMessage, RateRule, RobotCredentials, SendDeps, SendResult } from './types';

/** 20 messages per minute per robot; one more and the robot is blocked for 10 minutes. */
export const DINGTALK_RATE_RULES: RateRule[] = [{ limit: 20, windowMs: 60_000 }];
/** [I] text and markdown content limit; the public docs give none we could confirm. */
export const DINGTALK_MAX_CONTENT_BYTES = 20_000;
/** [I] wait after 130101 before trying again; DingTalk sends no Retry-After and may block for 10 minutes. */
export const DINGTALK_THROTTLE_RETRY_MS = 60_000;
/** [I] a mention only highlights when "@mobile" / "@userId" also appears in the text, so we add missing ones. */
export const DINGTALK_MENTION_IN_TEXT = true;

/** base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret)); URL-encode it exactly once. */
export function dingtalkSign(timestampMs: string | number, secret: string): string {
	return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** 310000 covers every security-setting refusal; the errmsg says which one. */
function securityHint(errmsg: string): string {
	// Newer answers read "description:<what failed>;solution:<advice>"; the advice mentions other settings too.
	const platformMessage = /description:([^;]*)/.exec(errmsg)?.[1] ?? errmsg;
	if (/keyword|关键词|关键字/i.test(platformMessage)) {
		return "the message must contain one of the robot's keywords: add one to the message, or set Keyword in the credential so it is added";
	}
	if (/timestamp|时间戳/i.test(platformMessage)) {
		return "the signature timestamp is more than 1 hour off DingTalk's clock: correct this server's clock";
	}
	if (/sign|签名/i.test(platformMessage)) {
		return "the Secret in the credential does not match the robot's 加签 secret (it starts with SEC): copy it again, or clear it if the robot does not use 加签";
	}
	if (/\bip\b|白名单|whitelist/i.test(platformMessage)) {
		return "this server's public IP address is not in the robot's IP whitelist (IP地址段): add it in the robot's security settings";
	}
	return "the robot's security settings (keywords, 加签, IP whitelist) refused the message: compare them with the credential";
}

export const DINGTALK_CODES: Record<number, CodeRule> = {
	130101: {
		kind: 'throttled',
		hint: 'DingTalk allows 20 messages a minute per robot and blocks it for 10 minutes beyond that: turn on "Send Once Per Run" to post one digest',
	},
	300001: {
		kind: 'auth',
		hint: 'the access token does not exist: paste the access_token value (or the whole webhook URL) of a robot that still exists',
	},
	310000: { kind: 'invalid', hint: securityHint },
	// [I] codes below come from lists of DingTalk errors we could not confirm.
	400102: { kind: 'permanent', hint: 'the robot has been disabled in the group settings: enable it or create a new one' },
	400105: { kind: 'invalid', hint: 'DingTalk does not support this message type' },
	430101: { kind: 'invalid', hint: 'DingTalk flagged a link in the message as unsafe' },
	430102: { kind: 'invalid', hint: 'DingTalk flagged the message text as unsafe' },
	430103: { kind: 'invalid', hint: 'DingTalk flagged an image in the message as unsafe' },
	430104: { kind: 'invalid', hint: 'DingTalk flagged the message content as unsafe' },
};

function mentionSuffix(message: NotifyMessage): string {
	if (!DINGTALK_MENTION_IN_TEXT) return '';
	const names = [...(message.mention?.mobiles ?? []), ...(message.mention?.userIds ?? [])];
	const missing = names.filter((name) => !message.text.includes(`@${name}`));
	return missing.length === 0 ? '' : `\n${missing.map((name) => `@${name}`).join(' ')}`;
}

/** The robot/send body: msgtype text or markdown, `at` with mobiles, user ids and everyone. */
export function buildDingTalkBody(message: NotifyMessage, credentials: Pick<RobotCredentials, 'keyword'> = {}): BuiltBody {
	const title = message.format === 'markdown' ? (message.title?.trim() || titleFromText(message.text)) : '';
	const prefix = keywordPrefix(message.text, credentials.keyword, message.format, title);
	const { text, truncated } = fitText(prefix, message.text, mentionSuffix(message), DINGTALK_MAX_CONTENT_BYTES);
	const at = {
		atMobiles: message.mention?.mobiles ?? [],
		atUserIds: message.mention?.userIds ?? [],
		isAtAll: message.mention?.all === true,
	};
	const body = message.format === 'markdown' ? { msgtype: 'markdown', markdown: { title, text }, at } : { msgtype: 'text', text: { content: text }, at };
	return { body, truncated };
}

/** The signed URL of one post: timestamp and sign are made per request, never reused (they expire in an hour). */
export function dingtalkUrl(token: string, credentials: Pick<RobotCredentials, 'baseUrl' | 'secret'>, nowMs: number): string {
	const qs: Record<string, string> = { access_token: token };
	if (credentials.secret) {
		qs.timestamp = String(nowMs);
		qs.sign = dingtalkSign(nowMs, credentials.secret);
	}
	return buildUrl(`${credentials.baseUrl}/robot/send`, qs);
}

export const dingtalkDriver: RobotDriver = {
	platform: 'dingtalk',
	method: 'robot/send',
	rateRules: DINGTALK_RATE_RULES,
	throttleRetryAfterMs: DINGTALK_THROTTLE_RETRY_MS,
	codes: DINGTALK_CODES,
	build: buildDingTalkBody,
	request: (body, token, credentials, nowMs) => ({ url: dingtalkUrl(token, credentials, nowMs), body }),
	readAnswer: (answer) => ({ code: Number(answer.errcode ?? -1), message: String(answer.errmsg ?? '') }),
};

export function send(message: NotifyMessage, deps: SendDeps): Promise<SendResult> {
	return sendWithDriver(dingtalkDriver, message, deps);
}
