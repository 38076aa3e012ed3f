// Feishu bot state: the default bots and the 5-a-second, 100-a-minute quotas. No HTTP here.
import { RobotBook } from '../../core/robots';
import { HOUR_MS, MINUTE_MS } from '../../core/time';
import type { SandboxWorld } from '../../core/world';

export const FEISHU = 'feishu';
export const FEISHU_SEND_METHOD = 'bot/v2/hook';

export const FEISHU_DEFAULTS = {
	bots: [
		{ token: 'sandbox-feishu-open', label: 'no security setting' },
		{ token: 'sandbox-feishu-signed', secret: 'sandbox-feishu-signing-secret', label: '签名校验' },
		{ token: 'sandbox-feishu-keyword', keywords: ['订单'], label: 'custom keyword 订单' },
	],
};

export const FEISHU_QUOTAS = [
	{ method: '*', calls: 100, windowMs: MINUTE_MS },
	{ method: FEISHU_SEND_METHOD, calls: 5, windowMs: 1000 },
];
export const FEISHU_MAX_BODY_BYTES = 20 * 1024;
export const FEISHU_TIMESTAMP_TOLERANCE_MS = HOUR_MS;
export const FEISHU_MSG_TYPES = ['text', 'post', 'image', 'share_chat', 'interactive'];

export function feishuBots(world: SandboxWorld): RobotBook {
	const book = new RobotBook(world, FEISHU);
	for (const bot of FEISHU_DEFAULTS.bots) book.add(bot);
	for (const quota of FEISHU_QUOTAS) world.limits.set({ provider: FEISHU, ...quota });
	return book;
}
