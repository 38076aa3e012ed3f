// WeCom group robot routes (notify.md §2): the send path with the key in the query.
import type { Route } from '../../core/provider';
import type { RobotBook } from '../../core/robots';
import type { SandboxWorld } from '../../core/world';
import { handleSend } from './responses';

export function wecomRoutes(world: SandboxWorld, robots: RobotBook): Route[] {
	return [{ methods: ['POST'], path: '/cgi-bin/webhook/send', parser: 'json', handle: (req) => handleSend(world, robots, req) }];
}
