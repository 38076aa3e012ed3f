// Douyin routes (channels.md §5.1): the method as the path (order.searchList -> /order/searchList), POST only.
import type { Route } from '../../core/provider';
import type { SandboxWorld } from '../../core/world';
import type { DouyinBackend } from './models';
import { douyinGatewayCall, douyinHandlers } from './responses';

export function douyinRoutes(world: SandboxWorld, backend: DouyinBackend): Route[] {
	const handlers = douyinHandlers(backend, world);
	return [{ methods: '*', path: '/:group/:name', parser: 'query', handle: (req) => douyinGatewayCall(world, handlers, req) }];
}
