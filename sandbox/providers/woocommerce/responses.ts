// WooCommerce REST v3 handlers: consumer key check (Basic auth or query string) with WordPress's own error
// bodies, then each resource's answer; lists page by number with X-WP-Total, X-WP-TotalPages and Link.
import type { ReplyOrHang, SandboxReply, SandboxRequest } from '../../core/http';
import { jsonText } from '../../core/http';
import type { SandboxWorld } from '../../core/world';
import type { CatalogItem } from '../../truth/catalog';
import type { TruthSnapshot } from '../../truth/types';
import { ERRORS } from './exceptions';
import { WOO_DEFAULTS, WOOCOMMERCE, type WooBackend, type WooSite } from './models';
import { carrierName, renderNote, renderOrder, renderProduct, renderRefund, renderTracking, renderVariation, renderWebhook } from './render';
import { pingWebhook } from './push';

type Body = Record<string, unknown>;
export type WooHandler = (req: SandboxRequest, site: WooSite, linkBase: string) => SandboxReply;

const reply = (value: unknown, status = 200, headers: Record<string, string> = {}) => jsonText(JSON.stringify(value), status, headers);
function readJson(req: SandboxRequest): Body {
	const text = req.rawBody.toString('utf8');
	if (!text) return {};
	try {
		const parsed = JSON.parse(text) as unknown;
		return typeof parsed === 'object' && parsed !== null ? (parsed as Body) : {};
	} catch {
		return {};
	}
}
const ms = (value: string | undefined) => (value ? Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}+08:00`) : undefined);

/** One page of a numbered list, with WordPress's paging headers; a page past the end is an error. */
function pageOf<T>(req: SandboxRequest, linkBase: string, path: string, all: T[], render: (item: T) => unknown): SandboxReply {
	const perPage = req.query.per_page === undefined ? WOO_DEFAULTS.pageSizeDefault : Number(req.query.per_page);
	if (!Number.isInteger(perPage) || perPage < 1 || perPage > WOO_DEFAULTS.pageSizeMax) return ERRORS.invalidParam('per_page', `per_page must be between 1 (inclusive) and ${WOO_DEFAULTS.pageSizeMax} (inclusive)`);
	const page = req.query.page === undefined ? 1 : Number(req.query.page);
	if (!Number.isInteger(page) || page < 1) return ERRORS.invalidParam('page', 'page must be greater than or equal to 1');
	const totalPages = Math.ceil(all.length / perPage);
	if (page > totalPages && all.length > 0) return ERRORS.pageTooLarge();
	const query = Object.entries(req.query).filter(([k]) => k !== 'page' && k !== 'consumer_key' && k !== 'consumer_secret');
	const url = (n: number) => `<${linkBase}${path}?${new URLSearchParams([...query, ['page', String(n)]]).toString()}>`;
	const links = [page > 1 ? `${url(page - 1)}; rel="prev"` : '', page < totalPages ? `${url(page + 1)}; rel="next"` : ''].filter(Boolean);
	const headers: Record<string, string> = { 'x-wp-total': String(all.length), 'x-wp-totalpages': String(totalPages) };
	if (links.length) headers.link = links.join(', ');
	return reply(all.slice((page - 1) * perPage, page * perPage).map(render), 200, headers);
}

const STATUS_FILTERS = new Set(['any', 'pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed', 'trash']);

export function wooHandlers(backend: WooBackend, world: SandboxWorld): Record<string, WooHandler> {
	const orderOf = (site: WooSite, req: SandboxRequest) => backend.order(site, req.pathParams.id ?? '');
	const render = (snap: TruthSnapshot) => renderOrder(snap, backend.trackings.get(snap.order.channelOrderId));
	const findProduct = (site: WooSite, id: unknown) => backend.products(site).find((p) => p.itemId === String(id));
	const setProductStock = (site: WooSite, item: CatalogItem, body: Body): Body => {
		if (!Number.isInteger(body.stock_quantity) || (body.stock_quantity as number) < 0) return { code: 'rest_invalid_param', message: 'Invalid parameter(s): stock_quantity', data: { status: 400 } };
		backend.setStock(site, item, -1, body.stock_quantity as number);
		return renderProduct(item);
	};
	const setVariationStock = (site: WooSite, item: CatalogItem, variationId: unknown, body: Body): Body => {
		const index = item.skus.findIndex((s) => s.skuId === String(variationId));
		if (index < 0) return { code: 'woocommerce_rest_product_variation_invalid_id', message: 'Invalid ID.', data: { status: 404 } };
		if (!Number.isInteger(body.stock_quantity) || (body.stock_quantity as number) < 0) return { code: 'rest_invalid_param', message: 'Invalid parameter(s): stock_quantity', data: { status: 400 } };
		backend.setStock(site, item, index, body.stock_quantity as number);
		return renderVariation(item, item.skus[index]);
	};
	const asReply = (result: Body, created = 200) => {
		const status = (result.data as { status?: number } | undefined)?.status;
		return typeof result.code === 'string' && status ? reply(result, status) : reply(result, created);
	};
	const batch = (updates: unknown, one: (entry: Body) => Body): SandboxReply => {
		const list = Array.isArray(updates) ? (updates as Body[]) : [];
		if (list.length > WOO_DEFAULTS.batchMax) return ERRORS.invalidParam('update', `Unable to accept more than ${WOO_DEFAULTS.batchMax} items for this request.`);
		return reply({
			update: list.map((entry) => {
				const result = one(entry);
				return typeof result.code === 'string' ? { id: entry.id, error: result } : result;
			}),
		});
	};

	return {
		'GET /orders': (req, site, linkBase) => {
			const status = req.query.status ?? 'any';
			if (!status.split(',').every((s) => STATUS_FILTERS.has(s))) return ERRORS.invalidParam('status', 'status[0] is not one of any, pending, processing, on-hold, completed, cancelled, refunded, failed and trash.');
			const bounds = { after: ms(req.query.after), before: ms(req.query.before), modifiedAfter: ms(req.query.modified_after), modifiedBefore: ms(req.query.modified_before) };
			if (Object.values(bounds).some((v) => v !== undefined && Number.isNaN(v))) return ERRORS.invalidParam('after', 'Invalid date.');
			const orderby = req.query.orderby ?? 'date';
			if (!['date', 'id', 'modified', 'include', 'title', 'slug'].includes(orderby)) return ERRORS.invalidParam('orderby', 'orderby is not one of date, id, include, title, slug and modified.');
			const statuses = new Set(status.split(','));
			const list = backend
				.orders(site)
				.filter((s) => statuses.has('any') || statuses.has(render(s).status as string))
				.filter((s) => (bounds.after === undefined || s.order.createdAt > bounds.after) && (bounds.before === undefined || s.order.createdAt < bounds.before))
				.filter((s) => (bounds.modifiedAfter === undefined || s.updatedAt > bounds.modifiedAfter) && (bounds.modifiedBefore === undefined || s.updatedAt < bounds.modifiedBefore));
			const key = (s: TruthSnapshot) => (orderby === 'id' ? Number(s.order.channelOrderId) : orderby === 'modified' ? s.updatedAt : s.order.createdAt);
			const sign = req.query.order === 'asc' ? 1 : -1;
			list.sort((a, b) => sign * (key(a) - key(b) || Number(a.order.channelOrderId) - Number(b.order.channelOrderId)));
			return pageOf(req, linkBase, '/orders', list, render);
		},
		'GET /orders/:id': (req, site) => {
			const snap = orderOf(site, req);
			return snap ? reply(render(snap)) : ERRORS.orderNotFound();
		},
		'PUT /orders/:id': (req, site) => {
			const snap = orderOf(site, req);
			if (!snap) return ERRORS.orderNotFound();
			const status = readJson(req).status;
			if (status !== undefined) {
				if (status !== 'completed' && status !== 'cancelled') return ERRORS.invalidParam('status', 'the sandbox sets completed or cancelled');
				if (status === 'completed' && snap.status === 'cancelled') return ERRORS.invalidParam('status', 'a cancelled order cannot be completed');
				if (status !== 'completed' || (snap.status !== 'completed')) backend.setStatus(site, snap, status);
			}
			return reply(render(backend.order(site, snap.order.channelOrderId) as TruthSnapshot));
		},
		'GET /orders/:id/notes': (req, site) => {
			const snap = orderOf(site, req);
			return snap ? reply((backend.notes.get(snap.order.channelOrderId) ?? []).map(renderNote)) : ERRORS.orderNotFound();
		},
		'POST /orders/:id/notes': (req, site) => {
			const snap = orderOf(site, req);
			if (!snap) return ERRORS.orderNotFound();
			const body = readJson(req);
			if (typeof body.note !== 'string' || !body.note.trim()) return ERRORS.invalidParam('note', 'note is required');
			return reply(renderNote(backend.addNote(site, snap, body.note, body.customer_note === true)), 201);
		},
		'GET /orders/:id/refunds': (req, site, linkBase) => {
			const snap = orderOf(site, req);
			if (!snap) return ERRORS.orderNotFound();
			const refunds = snap.refunds.filter((r) => r.phase === 'succeeded');
			return pageOf(req, linkBase, `/orders/${snap.order.channelOrderId}/refunds`, refunds, (r) => renderRefund(snap, r));
		},
		'GET /orders/:id/refunds/:refund': (req, site) => {
			const snap = orderOf(site, req);
			const refund = snap?.refunds.find((r) => r.phase === 'succeeded' && r.refundId === req.pathParams.refund);
			return snap && refund ? reply(renderRefund(snap, refund)) : ERRORS.notFound('shop_order_refund');
		},
		'GET /products': (req, site, linkBase) => pageOf(req, linkBase, '/products', [...backend.products(site)].sort((a, b) => Number(a.itemId) - Number(b.itemId)), renderProduct),
		'PUT /products/:id': (req, site) => {
			const item = findProduct(site, req.pathParams.id);
			return item ? asReply(setProductStock(site, item, readJson(req))) : ERRORS.productNotFound();
		},
		'POST /products/batch': (req, site) =>
			batch(readJson(req).update, (entry) => {
				const item = findProduct(site, entry.id);
				return item ? setProductStock(site, item, entry) : { code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.', data: { status: 404 } };
			}),
		'GET /products/:id/variations': (req, site, linkBase) => {
			const item = findProduct(site, req.pathParams.id);
			return item ? pageOf(req, linkBase, `/products/${item.itemId}/variations`, item.skus, (s) => renderVariation(item, s)) : ERRORS.productNotFound();
		},
		'PUT /products/:id/variations/:variation': (req, site) => {
			const item = findProduct(site, req.pathParams.id);
			return item ? asReply(setVariationStock(site, item, req.pathParams.variation, readJson(req))) : ERRORS.productNotFound();
		},
		'POST /products/:id/variations/batch': (req, site) => {
			const item = findProduct(site, req.pathParams.id);
			return item ? batch(readJson(req).update, (entry) => setVariationStock(site, item, entry.id, entry)) : ERRORS.productNotFound();
		},
		'GET /webhooks': (req, site, linkBase) => pageOf(req, linkBase, '/webhooks', backend.webhooks.filter((w) => w.site === site.host), renderWebhook),
		'POST /webhooks': (req, site) => {
			const body = readJson(req);
			const topic = typeof body.topic === 'string' ? body.topic : '';
			const deliveryUrl = typeof body.delivery_url === 'string' ? body.delivery_url : '';
			if (!/^[a-z_]+\.[a-z_]+$/.test(topic)) return ERRORS.invalidParam('topic', 'Webhook topic unknown. Please select a valid topic.');
			if (!deliveryUrl) return ERRORS.invalidParam('delivery_url', 'Webhook delivery URL must be a valid URL starting with http:// or https://.');
			const hook = backend.addWebhook(site, {
				name: typeof body.name === 'string' ? body.name : `Webhook created on ${new Date(world.clock.now()).toUTCString()}`,
				topic,
				deliveryUrl,
				secret: typeof body.secret === 'string' && body.secret ? body.secret : `sandbox-generated-${hookSecretSeed(world, site)}`,
				status: typeof body.status === 'string' ? body.status : 'active',
			});
			// WooCommerce pings a new webhook's URL with webhook_id=N, unsigned.
			void pingWebhook(world, hook);
			return reply(renderWebhook(hook), 201);
		},
		'DELETE /webhooks/:id': (req, site) => {
			if (req.query.force !== 'true' && req.query.force !== '1') return ERRORS.invalidParam('force', 'Webhooks do not support trashing.');
			const hook = backend.removeWebhook(site, Number(req.pathParams.id));
			return hook ? reply(renderWebhook(hook)) : ERRORS.notFound('webhook');
		},
	};
}

/** Shipment Tracking extension routes (under its own REST namespace). */
export function trackingHandlers(backend: WooBackend): Record<string, WooHandler> {
	return {
		'POST /orders/:id/shipment-trackings': (req, site) => {
			const snap = backend.order(site, req.pathParams.id ?? '');
			if (!snap) return ERRORS.orderNotFound();
			const body = readJson(req);
			const provider = typeof body.tracking_provider === 'string' ? body.tracking_provider.trim() : '';
			const number = typeof body.tracking_number === 'string' ? body.tracking_number.trim() : '';
			if (!number) return ERRORS.invalidParam('tracking_number', 'tracking_number is required');
			const carrier = carrierIdOfName(provider);
			const entry = backend.addTracking(site, snap, carrier, provider, number, typeof body.custom_tracking_link === 'string' ? body.custom_tracking_link : undefined);
			return reply(renderTracking(entry), 201);
		},
		'GET /orders/:id/shipment-trackings': (req, site) => {
			const snap = backend.order(site, req.pathParams.id ?? '');
			return snap ? reply((backend.trackings.get(snap.order.channelOrderId) ?? []).map(renderTracking)) : ERRORS.orderNotFound();
		},
	};
}

/** Our carrier id for a provider name as typed (顺丰速运, sf); the name itself when unknown. */
function carrierIdOfName(name: string): string {
	const ids = ['sf', 'zto', 'yto', 'sto', 'yunda', 'jtexpress', 'ems', 'jd'];
	return ids.find((id) => id === name.toLowerCase() || carrierName(id) === name) ?? name;
}

const hookSecretSeed = (world: SandboxWorld, site: WooSite) => `${world.options.seed}-${site.host}`.replace(/[^a-z0-9-]/gi, '');

/** Basic auth or consumer_key/consumer_secret in the query, as WooCommerce accepts over HTTPS. */
export function authenticate(req: SandboxRequest, backend: WooBackend): WooSite | SandboxReply {
	let key = req.query.consumer_key;
	let secret = req.query.consumer_secret;
	const header = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
	if (!key && header.toLowerCase().startsWith('basic ')) {
		const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		key = colon < 0 ? decoded : decoded.slice(0, colon);
		secret = colon < 0 ? '' : decoded.slice(colon + 1);
	}
	if (!key) return ERRORS.noAuth();
	const site = backend.siteByKey(key);
	if (!site) return ERRORS.badKey();
	if (secret !== site.consumerSecret) return ERRORS.badSecret();
	return site;
}

/** Every call: the key names the site; the site's call budget answers 429 when spent. */
export function wooCall(world: SandboxWorld, backend: WooBackend, handler: WooHandler, req: SandboxRequest, apiPath: string): ReplyOrHang {
	const site = authenticate(req, backend);
	if ('status' in site) return site;
	const decision = world.limits.check(WOOCOMMERCE, site.host, '*', world.clock.now());
	if (decision.limited) return ERRORS.throttled(Math.max(1, decision.retryAfterMs / 1000));
	const host = typeof req.headers.host === 'string' ? req.headers.host : '127.0.0.1';
	const linkBase = `http://${host}${req.fullPath.slice(0, req.fullPath.length - req.path.length)}${apiPath}`;
	return handler(req, site, linkBase);
}
