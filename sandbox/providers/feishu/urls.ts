// Feishu bot routes (notify.md §3): the hook id is the last path segment; signature fields ride in the body.
import type { Route } from '../../core/provider';
import type { RobotBook } from '../../core/robots';
import type { SandboxWorld } from '../../core/world';
import { handleHook } from './responses';

export function feishuRoutes(world: SandboxWorld, bots: RobotBook): Route[] {
	return [
		{ methods: ['POST'], path: '/open-apis/bot/v2/hook/:token', parser: 'json', handle: (req) => handleHook(world, bots, req) },
	];
}
