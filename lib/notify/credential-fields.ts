// The fields the three robot credentials share, read into RobotCredentials in one place for the node and
// for the credentials' own request signing.
import { robotBaseUrl } from './robot-url';
import type { NotifyPlatform, RobotCredentials } from './types';

/** Credential field names, identical across DingTalkRobotApi, WeComRobotApi and FeishuBotApi. */
export interface RobotCredentialFields {
	environment?: unknown;
	customBaseUrl?: unknown;
	token?: unknown;
	secret?: unknown;
	keyword?: unknown;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

export function robotCredentials(platform: NotifyPlatform, fields: RobotCredentialFields): RobotCredentials {
	return {
		token: text(fields.token),
		secret: text(fields.secret) || undefined,
		keyword: text(fields.keyword) || undefined,
		baseUrl: robotBaseUrl(platform, text(fields.environment) || 'production', text(fields.customBaseUrl)),
	};
}
