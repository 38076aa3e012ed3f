// Shopify routes (channels.md §8): /admin/api/<version>/<resource>.json, verb per route.
import type { Route } from '../../core/provider';
import type { SandboxWorld } from '../../core/world';
import { SHOPIFY_DEFAULTS, type ShopifyBackend } from './models';
import { shopifyCall, shopifyHandlers } from './responses';

export function shopifyRoutes(world: SandboxWorld, backend: ShopifyBackend): Route[] {
	const handlers = shopifyHandlers(backend, world);
	return Object.entries(handlers).map(([key, handler]): Route => {
		const [method, path] = key.split(' ');
		return { methods: [method], path: `/admin/api/${SHOPIFY_DEFAULTS.apiVersion}${path}`, parser: 'query', handle: (req) => shopifyCall(world, backend, handler, req) };
	});
}
