// Team notifications: DingTalk, WeCom and Feishu robots behind one send(message, deps) each.
import * as dingtalk from './dingtalk';
import * as feishu from './feishu';
import * as wecom from './wecom';
import { parseRobotUrl } from './robot-url';
import { sendWithDriver, type RobotDriver } from './send';
import type { NotifyMessage, NotifyPlatform, RobotCredentials, SendDeps, SendResult } from './types';

export { dingtalk, feishu, wecom };
export * from './types';
export * from './compose';
export * from './credential-fields';
export * from './rate-limit';
export * from './robot-url';
export * from './template';
export { NOTIFY_RETRY_POLICY } from './send';

const DRIVERS: Record<NotifyPlatform, RobotDriver> = {
	dingtalk: dingtalk.dingtalkDriver,
	wecom: wecom.wecomDriver,
	feishu: feishu.feishuDriver,
};

/** Sends through the named platform's robot. */
export function sendNotification(platform: NotifyPlatform, message: NotifyMessage, deps: SendDeps): Promise<SendResult> {
	return sendWithDriver(DRIVERS[platform], message, deps);
}

/**
 * The robot's send URL and the signature fields its body needs, signed at `nowMs`: what a credential's
 * authenticate() adds to a request (the credential test uses it).
 */
export function robotEndpoint(
	platform: NotifyPlatform,
	credentials: RobotCredentials,
	nowMs: number,
): { url: string; bodyFields: Record<string, unknown> } {
	const { token } = parseRobotUrl(platform, credentials.token);
	const { url, body } = DRIVERS[platform].request({}, token, credentials, nowMs);
	return { url, bodyFields: body as Record<string, unknown> };
}
