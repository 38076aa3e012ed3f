// The shapes every notifier shares: a platform-neutral message in, a send result out.
import type { HttpClient } from '../http';
import type { SendRateLimiter } from './rate-limit';

export const NOTIFY_PLATFORMS = ['dingtalk', 'wecom', 'feishu'] as const;
export type NotifyPlatform = (typeof NOTIFY_PLATFORMS)[number];

export type MessageFormat = 'text' | 'markdown';

export interface Mention {
	/** Mainland mobile numbers of group members to @. */
	mobiles?: string[];
	/** Platform user ids (DingTalk userId, WeCom userid, Feishu open_id/user_id). */
	userIds?: string[];
	/** @ everyone in the group. */
	all?: boolean;
}

/** One message as the operator wrote it; each platform's builder turns it into that platform's body. */
export interface NotifyMessage {
	format: MessageFormat;
	text: string;
	/** Markdown title: DingTalk needs one (shown in the notification), Feishu shows it as the card header. */
	title?: string;
	mention?: Mention;
}

/** A robot as the credential describes it; `token` may be the whole webhook URL (see robot-url.ts). */
export interface RobotCredentials {
	/** DingTalk access_token, WeCom key or Feishu hook id, or the whole webhook URL. */
	token: string;
	/** DingTalk 加签 secret (SEC...) or Feishu signing secret; empty when the robot does not sign. */
	secret?: string;
	/** The robot's custom keywords, comma separated; a message without any of them gets the first added. */
	keyword?: string;
	/** Scheme and host (plus any path prefix) of the API, e.g. https://oapi.dingtalk.com. */
	baseUrl: string;
}

export interface SendDeps {
	http: HttpClient;
	credentials: RobotCredentials;
	/** Epoch milliseconds; signatures are made from it, per request. */
	now: () => number;
	sleep: (ms: number) => Promise<void>;
	/** Jitter for retry backoff; defaults to Math.random. */
	random?: () => number;
	/** Queue that keeps sends within the platform's rate limits; defaults to the process-wide one. */
	limiter?: SendRateLimiter;
}

export interface SendResult {
	platform: NotifyPlatform;
	/** Only Feishu answers with an id, and not always. */
	messageId?: string;
	/** Requests made, including retries after rate-limit answers. */
	attempts: number;
	/** True when the text was cut to fit the platform's size limit. */
	truncated: boolean;
}

/** A request body ready to post, and whether building it had to shorten the text. */
export interface BuiltBody {
	body: Record<string, unknown>;
	truncated: boolean;
}

/** "At most `limit` messages in any `windowMs`" for one robot. */
export interface RateRule {
	limit: number;
	windowMs: number;
}
