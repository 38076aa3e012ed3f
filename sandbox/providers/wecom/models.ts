// WeCom group robot state: the default robots and the 20-a-minute quota. No HTTP here.
import { RobotBook } from '../../core/robots';
import { MINUTE_MS } from '../../core/time';
import type { SandboxWorld } from '../../core/world';

export const WECOM = 'wecom';
export const WECOM_SEND_METHOD = 'webhook/send';

export const WECOM_DEFAULTS = {
	robots: [{ token: 'sandbox-wecom-0000-4000-8000-000000000001', label: 'group robot' }],
};

export const WECOM_QUOTA = { calls: 20, windowMs: MINUTE_MS };
/** UTF-8 byte limits per message type (notify.md §2). */
export const WECOM_CONTENT_LIMITS: Record<string, number> = { text: 2048, markdown: 4096 };
export const WECOM_MSG_TYPES = ['text', 'markdown', 'markdown_v2', 'image', 'news', 'file', 'voice', 'template_card'];

export function wecomRobots(world: SandboxWorld): RobotBook {
	const book = new RobotBook(world, WECOM);
	for (const robot of WECOM_DEFAULTS.robots) book.add(robot);
	world.limits.set({ provider: WECOM, method: '*', ...WECOM_QUOTA });
	return book;
}
