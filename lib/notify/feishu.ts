// Feishu / Lark custom bot (飞书自定义机器人): the signature goes in the JSON body and, unlike DingTalk,
// keys the HMAC with timestamp + "\n" + secret over an empty message; 100 a minute and 5 a second.
import { createHmac } from 'node:crypto';
import { keywordPrefix } from './keywords';
import { RobotConfigError } from './robot-url';
import { sendWithDriver, type CodeRule, type RobotDriver } from './send';
import { fitBody } from './truncate';
import type { BuiltBody, NotifyMessage, RateRule, RobotCredentials, SendDeps, SendResult } from './types';

export const FEISHU_RATE_RULES: RateRule[] = [
	{ limit: 5, windowMs: 1_000 },
	{ limit: 100, windowMs: 60_000 },
];
/** The whole request body may be at most 20 KB; we keep room for the timestamp and sign fields. */
export const FEISHU_MAX_BODY_BYTES = 20_000 - 100;
/** [I] wait after 11232 before trying again; Feishu sends no Retry-After. */
export const FEISHU_THROTTLE_RETRY_MS = 5_000;

/** base64(HMAC-SHA256(key = timestamp + "\n" + secret, data = "")); the timestamp is in seconds. */
export function feishuSign(timestampSeconds: string | number, secret: string): string {
	return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

export const FEISHU_CODES: Record<number, CodeRule> = {
	11232: {
		kind: 'throttled',
		hint: 'Feishu allows 100 messages a minute and 5 a second per bot: turn on "Send Once Per Run" to post one digest',
	},
	19021: {
		kind: 'auth',
		hint: "the signature was refused: the Signing Secret must be the bot's 签名校验 secret (clear it if the bot does not sign), and this server's clock must be within 1 hour of Feishu's",
	},
	// [I] codes below are not confirmed.
	19001: { kind: 'auth', hint: 'the hook id is wrong or the bot was removed: paste the hook id (or the whole webhook URL) from the bot settings' },
	19022: { kind: 'invalid', hint: "this server's public IP address is not in the bot's IP whitelist: add it in the bot's security settings" },
	19024: {
		kind: 'invalid',
		hint: "the message must contain one of the bot's keywords: add one to the message, or set Keyword in the credential so it is added",
	},
	9499: { kind: 'invalid', hint: 'Feishu could not read the request (bad request): check the message fields' },
};

function textMentions(message: NotifyMessage): string {
	const ids = message.mention?.userIds ?? [];
	const tags = ids.map((id) => `<at user_id="${id}"></at>`);
	if (message.mention?.all) tags.push('<at user_id="all">所有人</at>');
	return tags.length === 0 ? '' : `\n${tags.join(' ')}`;
}

function cardMentions(message: NotifyMessage): string {
	const ids = message.mention?.userIds ?? [];
	const tags = ids.map((id) => `<at id=${id}></at>`);
	if (message.mention?.all) tags.push('<at id=all></at>');
	return tags.length === 0 ? '' : `\n${tags.join(' ')}`;
}

/** A text message, or for markdown an interactive card whose lark_md block renders the markdown. */
export function buildFeishuBody(message: NotifyMessage, credentials: Pick<RobotCredentials, 'keyword'> = {}): BuiltBody {
	if ((message.mention?.mobiles ?? []).length > 0) {
		throw new RobotConfigError('feishu', 'bots mention people by user id (open_id), not by mobile number; put the ids in "Mention User IDs"');
	}
	const title = message.title?.trim() ?? '';
	const prefix = keywordPrefix(message.text, credentials.keyword, message.format, title);
	if (message.format === 'markdown') {
		const suffix = cardMentions(message);
		// [I] card schema: the widely used v1 card with a header and one lark_md div.
		const card = (text: string) => ({
			msg_type: 'interactive',
			card: {
				config: { wide_screen_mode: true },
				...(title ? { header: { title: { tag: 'plain_text', content: title } } } : {}),
				elements: [{ tag: 'div', text: { tag: 'lark_md', content: prefix + text + suffix } }],
			},
		});
		return fitBody(card, message.text, FEISHU_MAX_BODY_BYTES);
	}
	const suffix = textMentions(message);
	return fitBody((text) => ({ msg_type: 'text', content: { text: prefix + text + suffix } }), message.text, FEISHU_MAX_BODY_BYTES);
}

/** The hook URL and the body of one post, with timestamp and sign added when the bot signs. */
export function feishuRequest(
	body: Record<string, unknown>,
	token: string,
	credentials: Pick<RobotCredentials, 'baseUrl' | 'secret'>,
	nowMs: number,
): { url: string; body: Record<string, unknown> } {
	const url = `${credentials.baseUrl}/open-apis/bot/v2/hook/${encodeURIComponent(token)}`;
	if (!credentials.secret) return { url, body };
	const timestamp = String(Math.floor(nowMs / 1000));
	return { url, body: { timestamp, sign: feishuSign(timestamp, credentials.secret), ...body } };
}

export const feishuDriver: RobotDriver = {
	platform: 'feishu',
	method: 'bot/v2/hook',
	rateRules: FEISHU_RATE_RULES,
	throttleRetryAfterMs: FEISHU_THROTTLE_RETRY_MS,
	codes: FEISHU_CODES,
	build: buildFeishuBody,
	request: feishuRequest,
	// Older answers used StatusCode / StatusMessage; clients that read only one of them broke when it changed.
	readAnswer: (answer) => {
		const data = answer.data as { message_id?: unknown } | undefined;
		return {
			code: Number(answer.code ?? answer.StatusCode ?? -1),
			message: String(answer.msg ?? answer.StatusMessage ?? ''),
			messageId: typeof data?.message_id === 'string' ? data.message_id : undefined,
		};
	},
};

export function send(message: NotifyMessage, deps: SendDeps): Promise<SendResult> {
	return sendWithDriver(feishuDriver, message, deps);
}
