// What a provider folder exports: its routes (urls.ts) over handlers (responses.ts) over state (models.ts).
import type { ReplyOrHang, SandboxRequest } from './http';
import type { SandboxWorld } from './world';

export interface Route {
	/** HTTP methods served; "*" for any. */
	methods: readonly string[] | '*';
	/** Path below the provider prefix; ":name" segments are captured into pathParams. */
	path: string;
	/** Name of the request parser (see parsers.ts). */
	parser: string;
	handle(req: SandboxRequest): ReplyOrHang | Promise<ReplyOrHang>;
}

export interface Provider {
	name: string;
	/** URL prefix, e.g. "/taobao". */
	prefix: string;
	routes: Route[];
	/** Routes mounted under /_admin/<name>/ (pushes and other provider-only admin actions). */
	adminRoutes?: Route[];
	/** Lines printed at start: base URL, keys, secrets, sessions. */
	describe(baseUrl: string): string[];
}

export interface ProviderFactory {
	name: string;
	/** Seeds registry entries and truth data for this provider, then returns its routes. */
	create(world: SandboxWorld): Provider;
}

interface CompiledRoute {
	route: Route;
	pattern: RegExp;
	names: string[];
}

/** Matches a request path against a provider's routes. */
export class RouteTable {
	private readonly compiled: CompiledRoute[];

	constructor(routes: Route[]) {
		this.compiled = routes.map((route) => {
			const names: string[] = [];
			const source = route.path
				.split('/')
				.map((segment) => {
					if (segment.startsWith(':')) {
						names.push(segment.slice(1));
						return '([^/]+)';
					}
					return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
				})
				.join('/');
			return { route, pattern: new RegExp(`^${source}/?$`), names };
		});
	}

	/** The matching route and its captures, or "method" when only the HTTP method is wrong. */
	match(method: string, path: string): { route: Route; pathParams: Record<string, string> } | 'method' | undefined {
		let methodMismatch = false;
		for (const { route, pattern, names } of this.compiled) {
			const m = pattern.exec(path);
			if (!m) continue;
			if (route.methods !== '*' && !route.methods.includes(method)) {
				methodMismatch = true;
				continue;
			}
			const pathParams: Record<string, string> = {};
			names.forEach((name, i) => (pathParams[name] = decodeURIComponent(m[i + 1])));
			return { route, pathParams };
		}
		return methodMismatch ? 'method' : undefined;
	}
}
