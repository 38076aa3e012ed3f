// DingTalk robot state: the default robots, the 20-a-minute quota and the 10-minute ban. No HTTP here.
import { RobotBook } from '../../core/robots';
import { HOUR_MS, MINUTE_MS } from '../../core/time';
import type { SandboxWorld } from '../../core/world';

export const DINGTALK = 'dingtalk';
export const DINGTALK_SEND_METHOD = 'robot/send';

/** Default robots, printed at start: one per security setting. */
export const DINGTALK_DEFAULTS = {
	robots: [
		{ token: 'sandbox-dingtalk-open', label: 'no security setting' },
		{ token: 'sandbox-dingtalk-signed', secret: 'SECsandbox0dingtalk0signing0secret00000000000000000000000000000', label: '加签' },
		{ token: 'sandbox-dingtalk-keyword', keywords: ['订单'], label: 'custom keyword 订单' },
	],
};

export const DINGTALK_QUOTA = { calls: 20, windowMs: MINUTE_MS };
/** Exceeding the quota blocks the robot this long (notify.md §1). */
export const DINGTALK_BAN_MS = 10 * MINUTE_MS;
export const DINGTALK_TIMESTAMP_TOLERANCE_MS = HOUR_MS;
export const DINGTALK_MSG_TYPES = ['text', 'link', 'markdown', 'actionCard', 'feedCard'];

export function dingtalkRobots(world: SandboxWorld): RobotBook {
	const book = new RobotBook(world, DINGTALK);
	for (const robot of DINGTALK_DEFAULTS.robots) book.add(robot);
	world.limits.set({ provider: DINGTALK, method: '*', ...DINGTALK_QUOTA });
	return book;
}
