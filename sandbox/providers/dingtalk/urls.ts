// DingTalk robot routes (notify.md §1): one send path, JSON body, token and signature in the query.
import type { Route } from '../../core/provider';
import type { RobotBook } from '../../core/robots';
import type { SandboxWorld } from '../../core/world';
import { handleSend } from './responses';

export function dingtalkRoutes(world: SandboxWorld, robots: RobotBook): Route[] {
	return [{ methods: ['POST'], path: '/robot/send', parser: 'json', handle: (req) => handleSend(world, robots, req) }];
}
