// WeCom group robot (企业微信群机器人): no signing (the key in the URL is the secret), text with mention
// lists or markdown, byte limits per field, 20 messages a minute per robot.
import { buildUrl } from '../http';
import { RobotConfigError } from './robot-url';
import { sendWithDriver, type CodeRule, type RobotDriver } from './send';
import { fitText } from './truncate';
import type { BuiltBody, NotifyMessage, RateRule, RobotCredentials, SendDeps, SendResult } from './types';

export const WECOM_RATE_RULES: RateRule[] = [{ limit: 20, windowMs: 60_000 }];
export const WECOM_MAX_TEXT_BYTES = 2048;
export const WECOM_MAX_MARKDOWN_BYTES = 4096;
/** [I] wait after 45009 before trying again; WeCom sends no Retry-After. */
export const WECOM_THROTTLE_RETRY_MS = 60_000;

export const WECOM_CODES: Record<number, CodeRule> = {
	45009: {
		kind: 'throttled',
		hint: 'WeCom allows 20 messages a minute per robot: turn on "Send Once Per Run" to post one digest',
	},
	93000: {
		kind: 'auth',
		hint: 'the webhook key is wrong or the robot was removed: paste the key value (or the whole webhook URL) from the robot settings',
	},
	40058: { kind: 'invalid', hint: 'the message is longer than WeCom accepts (text 2048 bytes, markdown 4096 bytes)' },
	// [I] commonly listed, not confirmed.
	40008: { kind: 'invalid', hint: 'WeCom does not support this message type' },
};

/** The webhook/send body: text with mentioned_list / mentioned_mobile_list, or markdown with <@userid>. */
export function buildWeComBody(message: NotifyMessage): BuiltBody {
	const mobiles = message.mention?.mobiles ?? [];
	const userIds = message.mention?.userIds ?? [];
	if (message.format === 'markdown') {
		if (mobiles.length > 0 || message.mention?.all) {
			throw new RobotConfigError(
				'wecom',
				'markdown messages can mention people only by user id; use Message Type "Text" to mention by mobile or everyone',
			);
		}
		const heading = message.title?.trim() ? `**${message.title.trim()}**\n` : '';
		const mentions = userIds.length === 0 ? '' : `\n${userIds.map((id) => `<@${id}>`).join(' ')}`;
		const { text, truncated } = fitText(heading, message.text, mentions, WECOM_MAX_MARKDOWN_BYTES);
		return { body: { msgtype: 'markdown', markdown: { content: text } }, truncated };
	}
	const { text, truncated } = fitText('', message.text, '', WECOM_MAX_TEXT_BYTES);
	const content: Record<string, unknown> = { content: text };
	const mentionedList = [...userIds, ...(message.mention?.all ? ['@all'] : [])];
	if (mentionedList.length > 0) content.mentioned_list = mentionedList;
	if (mobiles.length > 0) content.mentioned_mobile_list = mobiles;
	return { body: { msgtype: 'text', text: content }, truncated };
}

export function wecomUrl(token: string, credentials: Pick<RobotCredentials, 'baseUrl'>): string {
	return buildUrl(`${credentials.baseUrl}/cgi-bin/webhook/send`, { key: token });
}

export const wecomDriver: RobotDriver = {
	platform: 'wecom',
	method: 'webhook/send',
	rateRules: WECOM_RATE_RULES,
	throttleRetryAfterMs: WECOM_THROTTLE_RETRY_MS,
	codes: WECOM_CODES,
	build: (message) => buildWeComBody(message),
	request: (body, token, credentials) => ({ url: wecomUrl(token, credentials), body }),
	readAnswer: (answer) => ({ code: Number(answer.errcode ?? -1), message: String(answer.errmsg ?? '') }),
};

export function send(message: NotifyMessage, deps: SendDeps): Promise<SendResult> {
	return sendWithDriver(wecomDriver, message, deps);
}
