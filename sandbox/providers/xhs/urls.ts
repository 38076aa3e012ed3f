// Xiaohongshu routes (channels.md §4.1): one gateway, POST only, the method named in the JSON body.
import type { Route } from '../../core/provider';
import type { SandboxWorld } from '../../core/world';
import { XHS_GATEWAY_PATH, type XhsBackend } from './models';
import { xhsGatewayCall, xhsHandlers } from './responses';

export function xhsRoutes(world: SandboxWorld, backend: XhsBackend): Route[] {
	const handlers = xhsHandlers(backend, world);
	return [{ methods: '*', path: XHS_GATEWAY_PATH, parser: 'json', handle: (req) => xhsGatewayCall(world, handlers, req) }];
}
