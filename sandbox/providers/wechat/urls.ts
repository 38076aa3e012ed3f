// WeChat routes (channels.md §3.1): token endpoints, then one JSON POST path per API with ?access_token=.
import type { Route } from '../../core/provider';
import type { SandboxWorld } from '../../core/world';
import type { WechatBackend } from './models';
import { wechatApiCall, wechatHandlers } from './responses';
import { classicToken, stableToken } from './tokens';

export function wechatRoutes(world: SandboxWorld, backend: WechatBackend): Route[] {
	const handlers = wechatHandlers(backend, world);
	return [
		{ methods: ['GET'], path: '/cgi-bin/token', parser: 'query', handle: (req) => classicToken(world, backend, req) },
		{ methods: ['POST'], path: '/cgi-bin/stable_token', parser: 'json', handle: (req) => stableToken(world, backend, req) },
		...Object.keys(handlers).map((path): Route => ({ methods: '*', path, parser: 'json', handle: (req) => wechatApiCall(world, handlers, req) })),
	];
}
