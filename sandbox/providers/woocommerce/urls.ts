// WooCommerce routes (channels.md §9): /wp-json/wc/v3/<resource>, verb per route, and the Shipment
// Tracking extension under /wp-json/wc-shipment-tracking/v3.
import type { Route } from '../../core/provider';
import type { SandboxWorld } from '../../core/world';
import { WOO_DEFAULTS, type WooBackend } from './models';
import { trackingHandlers, wooCall, wooHandlers, type WooHandler } from './responses';

export function wooRoutes(world: SandboxWorld, backend: WooBackend): Route[] {
	const mount = (apiPath: string, handlers: Record<string, WooHandler>) =>
		Object.entries(handlers).map(([key, handler]): Route => {
			const [method, path] = key.split(' ');
			return { methods: [method], path: `${apiPath}${path}`, parser: 'query', handle: (req) => wooCall(world, backend, handler, req, apiPath) };
		});
	return [...mount(WOO_DEFAULTS.apiPath, wooHandlers(backend, world)), ...mount(WOO_DEFAULTS.trackingPath, trackingHandlers(backend))];
}
