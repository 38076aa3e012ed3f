// Shopify Admin REST handlers: token check and the leaky-bucket 429, then each resource's answer in
// Shopify's shape; lists page with an opaque page_info in the Link header. Routes are in urls.ts.
import { isoFromMillis } from '../../../lib/model';
import type { ReplyOrHang, SandboxReply, SandboxRequest } from '../../core/http';
import { jsonText } from '../../core/http';
import type { SandboxWorld } from '../../core/world';
import { ERRORS } from './exceptions';
import { carrierOfName } from './carriers';
import { SHOPIFY, SHOPIFY_DEFAULTS, type OrderQuery, type ShopifyBackend, type ShopifyShop } from './models';
import { inventoryItemIdOf, renderFulfillmentOrders, renderOrder, renderProduct, renderRefund } from './render';

type Body = Record<string, unknown>;
export type ShopifyHandler = (req: SandboxRequest, shop: ShopifyShop, linkBase: string) => SandboxReply;

const rawJSON = (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON;
/** JSON with every integer's exact digits (big ids must not round), as Shopify reads its own bodies. */
function readJson(req: SandboxRequest): Body {
	const text = req.rawBody.toString('utf8');
	if (!text) return {};
	const parsed = JSON.parse(text, (_key, value, context?: { source?: string }) =>
		typeof value === 'number' && !Number.isSafeInteger(value) && context?.source && /^\d+$/.test(context.source) ? context.source : value,
	) as unknown;
	return typeof parsed === 'object' && parsed !== null ? (parsed as Body) : {};
}
const idText = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? v : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : undefined);
const reply = (value: unknown, status = 200, headers: Record<string, string> = {}) => jsonText(JSON.stringify(value), status, headers);
/** The :id of a route; in '/orders/:id.json' the route table captures the segment with its '.json'. */
const idParam = (req: SandboxRequest) => (req.pathParams.id ?? req.pathParams['id.json'] ?? '').replace(/\.json$/, '');
const FILTERS = ['status', 'created_at_min', 'created_at_max', 'updated_at_min', 'updated_at_max', 'since_id', 'financial_status', 'fulfillment_status'];

export function shopifyHandlers(backend: ShopifyBackend, world: SandboxWorld): Record<string, ShopifyHandler> {
	const limitOf = (req: SandboxRequest): number | SandboxReply => {
		const limit = req.query.limit === undefined ? SHOPIFY_DEFAULTS.pageSizeDefault : Number(req.query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > SHOPIFY_DEFAULTS.pageSizeMax) return ERRORS.invalid('limit', `must be 1..${SHOPIFY_DEFAULTS.pageSizeMax}`);
		return limit;
	};
	const link = (linkBase: string, path: string, limit: number, pageInfo: string) => ({ link: `<${linkBase}${path}?limit=${limit}&page_info=${pageInfo}>; rel="next"` });
	const snapOr404 = (shop: ShopifyShop, req: SandboxRequest) => backend.order(shop, idParam(req));

	return {
		'GET /orders.json': (req, shop, linkBase) => {
			const limit = limitOf(req);
			if (typeof limit !== 'number') return limit;
			let query: OrderQuery;
			let after: { at: number; id: string } | undefined;
			if (req.query.page_info !== undefined) {
				const extra = FILTERS.find((f) => req.query[f] !== undefined);
				if (extra) return ERRORS.pageInfoWithFilter(extra);
				const cursor = backend.readCursor(shop, req.query.page_info);
				if (!cursor || cursor.query === 'products') return ERRORS.invalid('page_info', 'Invalid value.');
				query = cursor.query;
				after = cursor.after;
			} else {
				const ms = (name: string) => (req.query[name] ? Date.parse(req.query[name]) : undefined);
				const field = req.query.created_at_min || req.query.created_at_max ? 'created' : 'updated';
				const status = (req.query.status ?? 'open') as OrderQuery['status'];
				if (!['any', 'open', 'closed', 'cancelled'].includes(status)) return ERRORS.invalid('status', 'is not included in the list');
				query = { field, min: ms(`${field}_at_min`), max: ms(`${field}_at_max`), status };
				if ([query.min, query.max].some((v) => v !== undefined && Number.isNaN(v))) return ERRORS.invalid(`${field}_at_min`, 'is not a date');
			}
			const all = backend.orders(shop, query);
			const at = (s: (typeof all)[number]) => (query.field === 'created' ? s.order.createdAt : s.updatedAt);
			// Keyset: the page starts after the last row read, so orders changed mid-walk are neither skipped nor repeated.
			const start = after ? all.findIndex((s) => at(s) > after.at || (at(s) === after.at && s.order.channelOrderId > after.id)) : 0;
			const page = start < 0 ? [] : all.slice(start, start + limit);
			const last = page.at(-1);
			const more = start >= 0 && start + limit < all.length && last !== undefined;
			const headers = more ? link(linkBase, '/orders.json', limit, backend.cursor(shop, { query, after: { at: at(last), id: last.order.channelOrderId }, offset: 0, limit })) : {};
			return reply({ orders: page.map(renderOrder) }, 200, headers);
		},
		'GET /orders/:id.json': (req, shop) => {
			const snap = snapOr404(shop, req);
			return snap ? reply({ order: renderOrder(snap) }) : ERRORS.notFound();
		},
		'GET /orders/:id/refunds.json': (req, shop) => {
			const snap = snapOr404(shop, req);
			return snap ? reply({ refunds: snap.refunds.filter((r) => r.phase === 'succeeded').map(renderRefund(snap.order.currency, snap.order.channelOrderId)) }) : ERRORS.notFound();
		},
		'GET /orders/:id/fulfillment_orders.json': (req, shop) => {
			const snap = snapOr404(shop, req);
			return snap ? reply({ fulfillment_orders: renderFulfillmentOrders(snap) }) : ERRORS.notFound();
		},
		'POST /fulfillments.json': (req, shop) => {
			const f = readJson(req).fulfillment as Body | undefined;
			const groups = Array.isArray(f?.line_items_by_fulfillment_order) ? (f.line_items_by_fulfillment_order as Body[]) : [];
			const tracking = (f?.tracking_info ?? {}) as Body;
			if (groups.length === 0) return ERRORS.invalid('line_items_by_fulfillment_order', "can't be blank");
			const foId = idText(groups[0].fulfillment_order_id) ?? '';
			const snap = backend.order(shop, `58${foId.slice(2)}`);
			if (!snap || !foId.startsWith('60')) return ERRORS.notFound();
			const fo = renderFulfillmentOrders(snap)[0];
			if (fo.status === 'closed') return ERRORS.invalid('fulfillment_order', 'is not in a fulfillable state');
			const open = fo.line_items as Array<{ id: number; line_item_id: unknown }>;
			const chosen = Array.isArray(groups[0].fulfillment_order_line_items) ? (groups[0].fulfillment_order_line_items as Body[]).map((l) => Number(l.id)) : undefined;
			const lineIds = chosen ? open.filter((l) => chosen.includes(l.id)).map((l) => String(snap.order.lines.find((x) => x.lineId === String((l.line_item_id as { rawJSON?: string }).rawJSON ?? l.line_item_id))?.lineId)) : undefined;
			const number = typeof tracking.number === 'string' ? tracking.number : '';
			if (!number) return ERRORS.invalid('tracking_number', "can't be blank");
			const ids = lineIds ?? snap.order.lines.filter((l) => snap.lineShippedAt[l.lineId] === undefined).map((l) => l.lineId);
			backend.fulfill(shop, snap, carrierOfName(String(tracking.company ?? '')), number, ids.length === snap.order.lines.length ? undefined : ids);
			return reply({ fulfillment: { id: world.recorder.list().length, order_id: rawJSON(snap.order.channelOrderId), status: 'success', tracking_company: tracking.company ?? null, tracking_number: number } }, 201);
		},
		'POST /inventory_levels/set.json': (req, shop) => {
			const body = readJson(req);
			const itemId = idText(body.inventory_item_id);
			const locationId = idText(body.location_id);
			if (!Number.isInteger(body.available)) return ERRORS.invalid('available', 'must be an integer');
			if (locationId !== shop.locationId) return ERRORS.notFound();
			for (const item of backend.products(shop)) {
				const index = item.skus.findIndex((s) => inventoryItemIdOf(s.skuId) === itemId);
				if (index >= 0 || (item.skus.length === 0 && inventoryItemIdOf(item.itemId) === itemId)) {
					backend.setInventory(shop, item, index, body.available as number, locationId);
					return reply({ inventory_level: { inventory_item_id: rawJSON(itemId as string), location_id: rawJSON(locationId), available: body.available, updated_at: isoFromMillis(world.clock.now(), 480) } });
				}
			}
			return ERRORS.notFound();
		},
		'GET /products.json': (req, shop, linkBase) => {
			const limit = limitOf(req);
			if (typeof limit !== 'number') return limit;
			const cursor = req.query.page_info ? backend.readCursor(shop, req.query.page_info) : undefined;
			if (req.query.page_info && !cursor) return ERRORS.invalid('page_info', 'Invalid value.');
			const offset = cursor?.offset ?? 0;
			const all = backend.products(shop);
			const headers = offset + limit < all.length ? link(linkBase, '/products.json', limit, backend.cursor(shop, { query: 'products', offset: offset + limit, limit })) : {};
			return reply({ products: all.slice(offset, offset + limit).map(renderProduct) }, 200, headers);
		},
		'GET /locations.json': (_req, shop) => reply({ locations: [{ id: rawJSON(shop.locationId), name: `${shop.name} warehouse`, active: true }] }),
		'GET /shop.json': (_req, shop) => reply({ shop: { name: shop.name, domain: shop.domain, myshopify_domain: shop.domain, currency: shop.currency } }),
		'GET /webhooks.json': (_req, shop) => reply({ webhooks: backend.webhooks.filter((w) => w.shop === shop.domain).map(renderWebhook) }),
		'POST /webhooks.json': (req, shop) => {
			const hook = readJson(req).webhook as Body | undefined;
			const topic = typeof hook?.topic === 'string' ? hook.topic : '';
			const address = typeof hook?.address === 'string' ? hook.address : '';
			if (!topic || !address) return ERRORS.invalid(topic ? 'address' : 'topic', "can't be blank");
			if (backend.webhooks.some((w) => w.shop === shop.domain && w.topic === topic && w.address === address)) return ERRORS.invalid('address', 'for this topic has already been taken');
			return reply({ webhook: renderWebhook(backend.addWebhook(shop, topic, address)) }, 201);
		},
		'DELETE /webhooks/:id.json': (req, shop) => (backend.removeWebhook(shop, idParam(req)) ? reply({}) : ERRORS.notFound()),
	};
}

const renderWebhook = (w: { id: string; topic: string; address: string; createdAt: number }) => ({
	id: rawJSON(w.id),
	topic: w.topic,
	address: w.address,
	format: 'json',
	created_at: isoFromMillis(w.createdAt, 480),
});

/** Every call: the access token names the shop; the shop's call bucket answers 429 with Retry-After when full. */
export function shopifyCall(world: SandboxWorld, backend: ShopifyBackend, handler: ShopifyHandler, req: SandboxRequest): ReplyOrHang {
	const shop = backend.shopByToken(req.headers['x-shopify-access-token'] as string | undefined);
	if (!shop) return ERRORS.unauthorized();
	const decision = world.limits.check(SHOPIFY, shop.domain, '*', world.clock.now());
	if (decision.limited) return ERRORS.throttled(Math.max(0.1, decision.retryAfterMs / 1000));
	const host = typeof req.headers.host === 'string' ? req.headers.host : '127.0.0.1';
	const linkBase = `http://${host}${req.fullPath.slice(0, req.fullPath.length - req.path.length)}/admin/api/${SHOPIFY_DEFAULTS.apiVersion}`;
	return handler(req, shop, linkBase);
}
