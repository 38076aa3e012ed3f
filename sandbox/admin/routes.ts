// The admin API (JSON under /_admin): clock, registry, faults, quotas, recorded pushes, reset.
import { isoFromMillis } from '../../lib/model';
import type { FaultSpec } from '../core/faults';
import { jsonReply } from '../core/json';
import type { Route } from '../core/provider';
import type { RateLimitSpec } from '../core/rate-limit';
import type { Sandbox } from '../server';
import { asBadRequest, jsonObject, optionalNumber, optionalString, optionalTime, requiredString } from './body';
import { orderRoutes } from './orders';

const route = (methods: string[], path: string, handle: Route['handle']): Route => ({ methods, path, parser: 'json', handle });

export function adminRoutes(sandbox: () => Sandbox): Route[] {
	const world = () => sandbox().world;
	const clockView = () => ({ now: world().clock.now(), iso: isoFromMillis(world().clock.now()) });
	return [
		route(['GET'], '/health', () =>
			jsonReply({
				ok: true,
				seed: world().options.seed,
				orders: world().truth.allOrders().length,
				providers: sandbox().providers.map((p) => p.name),
				...clockView(),
			}),
		),
		route(['GET'], '/clock', () => jsonReply(clockView())),
		// CPU time of this process: benches on a shared machine measure cost per request with it.
		route(['GET'], '/stats', () => {
			const cpu = process.cpuUsage();
			const memory = process.memoryUsage();
			return jsonReply({ cpuMs: Math.round((cpu.user + cpu.system) / 1000), rssBytes: memory.rss, heapUsedBytes: memory.heapUsed });
		}),
		route(['POST'], '/clock', (req) => {
			const body = jsonObject(req);
			const advanceMs = optionalNumber(body, 'advanceMs');
			const set = optionalTime(body, 'set');
			asBadRequest(() => {
				if (set !== undefined) world().clock.set(set);
				if (advanceMs !== undefined) world().clock.advance(advanceMs);
			});
			return jsonReply(clockView());
		}),
		route(['GET'], '/registry', () => jsonReply(world().registry.snapshot())),
		route(['POST'], '/tokens', (req) => {
			const body = jsonObject(req);
			const provider = requiredString(body, 'provider');
			const token = requiredString(body, 'token');
			const registry = world().registry;
			if (body.expire === true) {
				if (!registry.expireToken(provider, token, world().clock.now())) return jsonReply({ error: 'no such token' }, 404);
				return jsonReply(registry.token(provider, token));
			}
			const shopId = requiredString(body, 'shopId');
			const shop = registry.shop(provider, shopId);
			if (!shop) return jsonReply({ error: `no shop ${shopId} on ${provider}` }, 404);
			const expiresAt = world().clock.now() + (optionalNumber(body, 'expiresInMs') ?? 86_400_000);
			registry.addToken({ provider, token, shopId, appKey: shop.appKey, expiresAt });
			return jsonReply(registry.token(provider, token), 201);
		}),
		route(['GET'], '/faults', () => jsonReply({ faults: world().faults.list() })),
		route(['POST'], '/faults', (req) => {
			const rule = asBadRequest(() => world().faults.add(jsonObject(req) as unknown as FaultSpec));
			return jsonReply({ id: rule.id, ...rule.spec }, 201);
		}),
		route(['DELETE'], '/faults', (req) => {
			world().faults.clear(req.query.provider);
			return jsonReply({ faults: world().faults.list() });
		}),
		route(['GET'], '/limits', () => jsonReply({ limits: world().limits.list() })),
		route(['POST'], '/limits', (req) => {
			const spec = jsonObject(req) as unknown as RateLimitSpec;
			asBadRequest(() => world().limits.set(spec));
			return jsonReply({ limits: world().limits.list() }, 201);
		}),
		route(['DELETE'], '/limits', (req) => {
			world().limits.clear(req.query.provider);
			return jsonReply({ limits: world().limits.list() });
		}),
		route(['GET'], '/pushed', (req) =>
			jsonReply({ writes: world().recorder.list({ provider: req.query.provider, kind: req.query.kind }) }),
		),
		route(['POST'], '/reset', (req) => {
			const body = jsonObject(req);
			const seed = optionalString(body, 'seed');
			const orders = optionalNumber(body, 'orders');
			sandbox().reset({ ...(seed !== undefined ? { seed } : {}), ...(orders !== undefined ? { orders } : {}) });
			return jsonReply({ ok: true, seed: world().options.seed, orders: world().truth.allOrders().length, ...clockView() });
		}),
		...orderRoutes(world),
	];
}
