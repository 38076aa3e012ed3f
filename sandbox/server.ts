// One node:http server for every emulated API: /<provider>/... for platforms, /_admin/... for tests.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminRoutes } from './admin/routes';
import { HttpProblem, bodyLength, isHang } from './core/http';
import type { ReplyOrHang, SandboxRequest } from './core/http';
import { jsonReply } from './core/json';
import { getParser } from './core/parsers';
import type { Provider, ProviderFactory } from './core/provider';
import { RouteTable } from './core/provider';
import { SandboxWorld } from './core/world';
import type { SandboxOptions } from './core/world';
import { PROVIDER_FACTORIES } from './providers';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface SandboxStartOptions extends Partial<SandboxOptions> {
	port?: number;
	host?: string;
	/** Names of the providers to serve (e.g. ["taobao", "kuaidi100"]); all when absent. */
	providers?: string[];
	factories?: ProviderFactory[];
}

/** The factories to start: all, or the named ones (an unknown name is an error, not a silent skip). */
export function selectFactories(names?: string[], all = PROVIDER_FACTORIES): ProviderFactory[] {
	if (!names || names.length === 0) return all;
	const unknown = names.filter((name) => !all.some((factory) => factory.name === name));
	if (unknown.length) throw new Error(`unknown provider ${unknown.join(', ')}; known: ${all.map((f) => f.name).join(', ')}`);
	return all.filter((factory) => names.includes(factory.name));
}

interface Mounted {
	provider: Provider;
	table: RouteTable;
	adminTable?: RouteTable;
}

/** The running sandbox; `state` is replaced on reset, so read it through `sandbox.world`. */
export interface Sandbox {
	readonly url: string;
	readonly port: number;
	readonly world: SandboxWorld;
	readonly providers: Provider[];
	reset(options?: Partial<SandboxOptions>): void;
	close(): Promise<void>;
}

/** Builds the world and lets every provider seed it. Pure setup: no sockets. */
export function buildWorld(options: Partial<SandboxOptions>, factories = PROVIDER_FACTORIES) {
	const world = new SandboxWorld(SandboxWorld.defaults(options));
	const providers = factories.map((factory) => factory.create(world));
	return { world, providers };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) reject(new HttpProblem(413, 'request body too large'));
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export async function startSandbox(options: SandboxStartOptions = {}): Promise<Sandbox> {
	const factories = selectFactories(options.providers, options.factories ?? PROVIDER_FACTORIES);
	let current = buildWorld(options, factories);
	let mounted: Mounted[] = [];
	const mount = () => {
		mounted = current.providers.map((provider) => ({
			provider,
			table: new RouteTable(provider.routes),
			adminTable: provider.adminRoutes ? new RouteTable(provider.adminRoutes) : undefined,
		}));
	};
	mount();
	const hangs = new Set<NodeJS.Timeout>();
	// The admin routes need the finished sandbox (for reset); it exists by the time a request arrives.
	const self: { sandbox?: Sandbox } = {};
	const admin = new RouteTable(adminRoutes(() => self.sandbox!));

	const dispatch = async (req: IncomingMessage): Promise<ReplyOrHang> => {
		const url = new URL(req.url ?? '/', 'http://sandbox.local');
		const method = req.method ?? 'GET';
		const path = url.pathname;
		let table: RouteTable | undefined;
		let subPath = path;
		if (path.startsWith('/_admin/')) {
			const [, , name] = path.split('/');
			const owner = mounted.find((m) => m.provider.name === name && m.adminTable);
			table = owner ? owner.adminTable : admin;
			subPath = owner ? path.slice(`/_admin/${name}`.length) : path.slice('/_admin'.length);
		} else {
			const owner = mounted.find((m) => path === m.provider.prefix || path.startsWith(`${m.provider.prefix}/`));
			if (owner) {
				table = owner.table;
				subPath = path.slice(owner.provider.prefix.length) || '/';
			}
		}
		const match = table?.match(method, subPath);
		if (match === 'method') return jsonReply({ error: `${method} is not allowed on ${path}` }, 405);
		if (!match) return jsonReply({ error: `no sandbox route for ${method} ${path}` }, 404);
		const rawBody = await readBody(req);
		const query = Object.fromEntries(url.searchParams);
		const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
		const parsed = getParser(match.route.parser)(rawBody, query, contentType);
		const request: SandboxRequest = {
			method,
			path: subPath,
			fullPath: path,
			query,
			headers: req.headers,
			rawBody,
			params: parsed.params,
			json: parsed.json,
			pathParams: match.pathParams,
		};
		return match.route.handle(request);
	};

	const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
		dispatch(req)
			.catch((error: Error) =>
				error instanceof HttpProblem
					? jsonReply({ error: error.message }, error.status)
					: jsonReply({ error: `sandbox failure: ${error.message}` }, 500),
			)
			.then((reply) => {
				if (isHang(reply)) {
					// Hold the socket open without answering, as a stuck upstream would, then drop it.
					const timer = setTimeout(() => {
						hangs.delete(timer);
						res.socket?.destroy();
					}, reply.hangMs);
					hangs.add(timer);
					return;
				}
				res.writeHead(reply.status, { ...reply.headers, 'content-length': bodyLength(reply.body) });
				if (!Array.isArray(reply.body)) {
					res.end(reply.body);
					return;
				}
				res.cork();
				for (const chunk of reply.body) res.write(chunk);
				res.end();
				res.uncork();
			});
	});
	server.keepAliveTimeout = 5000;
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;

	const sandbox: Sandbox = {
		url: `http://127.0.0.1:${port}`,
		port,
		get world() {
			return current.world;
		},
		get providers() {
			return current.providers;
		},
		reset(next: Partial<SandboxOptions> = {}) {
			current = buildWorld({ ...current.world.options, ...next }, factories);
			mount();
		},
		close() {
			for (const timer of hangs) clearTimeout(timer);
			hangs.clear();
			return new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
	self.sandbox = sandbox;
	return sandbox;
}
