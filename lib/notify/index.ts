// Team notifications: DingTalk, WeCom and Feishu robots behind one send(message, deps) each.
import * as dingtalk from './dingtalk';
import * as feishu from './feishu';
import * as wecom from './wecom';
import type { NotifyMessage, NotifyPlatform, SendDeps, SendResult } from './types';

export { dingtalk, feishu, wecom };
export * from './types';
export * from './compose';
export * from './rate-limit';
export * from './robot-url';
export * from './template';
export { NOTIFY_RETRY_POLICY } from './send';

const SENDERS: Record<NotifyPlatform, (message: NotifyMessage, deps: SendDeps) => Promise<SendResult>> = {
	dingtalk: dingtalk.send,
	wecom: wecom.send,
	feishu: feishu.send,
};

/** Sends through the named platform's robot. */
export function sendNotification(platform: NotifyPlatform, message: NotifyMessage, deps: SendDeps): Promise<SendResult> {
	return SENDERS[platform](message, deps);
}
