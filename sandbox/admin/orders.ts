// Admin routes over the truth: orders (read, create, change), channel stock, parcels.
import { ORDER_STATUSES } from '../../lib/model';
import type { OrderStatus } from '../../lib/model';
import { HttpProblem } from '../core/http';
import { jsonReply } from '../core/json';
import type { Route } from '../core/provider';
import type { SandboxWorld } from '../core/world';
import { createOrdersNow, createParcel, setOrderStatus, shipOrder } from '../truth/actions';
import { carrierById } from '../truth/carriers';
import { PARCEL_SCENARIOS, parcelEvents, visibleEvents } from '../truth/parcels';
import type { ParcelScenario } from '../truth/parcels';
import { REFUND_PHASES } from '../truth/types';
import type { RefundPhase, TruthOrder } from '../truth/types';
import { asBadRequest, jsonObject, optionalNumber, optionalString, optionalTime, requiredString } from './body';

const route = (methods: string[], path: string, handle: Route['handle']): Route => ({ methods, path, parser: 'json', handle });

export function orderRoutes(world: () => SandboxWorld): Route[] {
	const find = (id: string): TruthOrder => {
		const truth = world().truth;
		const order = truth.order(id) ?? truth.allOrders().find((o) => o.channelOrderId === id);
		if (!order) throw new HttpProblem(404, `no order ${id}`);
		return order;
	};
	const describe = (order: TruthOrder, asChannelShows: boolean) => ({
		...world().truth.unified(order, asChannelShows),
		timeline: order.events,
	});
	return [
		route(['GET'], '/orders', (req) => {
			const { view, channel, shopId, status } = req.query;
			const now = world().clock.now();
			const truth = world().truth;
			const orders = truth
				.allOrders()
				.filter((o) => (!channel || o.channel === channel) && (!shopId || o.shopId === shopId))
				.filter((o) => req.query.includeFuture === 'true' || o.createdAt <= now)
				.map((o) => (view === 'summary' ? truth.summary(o) : truth.unified(o, view === 'channel')))
				.filter((o) => !status || o.status === status);
			return jsonReply({ count: orders.length, orders });
		}),
		route(['GET'], '/orders/:id', (req) => jsonReply(describe(find(req.pathParams.id), req.query.view === 'channel'))),
		route(['POST'], '/orders', (req) => {
			const body = jsonObject(req);
			const status = optionalString(body, 'status') as 'pending_payment' | 'paid' | 'cancelled' | undefined;
			const created = asBadRequest(() =>
				createOrdersNow(world(), requiredString(body, 'channel'), {
					count: optionalNumber(body, 'count') ?? 1,
					shopId: optionalString(body, 'shopId'),
					status,
				}),
			);
			return jsonReply({ orders: created.map((o) => describe(o, false)) }, 201);
		}),
		route(['POST'], '/orders/:id/status', (req) => {
			const order = find(req.pathParams.id);
			const body = jsonObject(req);
			const status = requiredString(body, 'status') as OrderStatus;
			if (!ORDER_STATUSES.includes(status)) throw new HttpProblem(400, `unknown status ${status}`);
			asBadRequest(() => setOrderStatus(world(), order, status, optionalString(body, 'reason')));
			return jsonReply(describe(order, false));
		}),
		route(['POST'], '/orders/:id/shipments', (req) => {
			const order = find(req.pathParams.id);
			const body = jsonObject(req);
			const carrier = requiredString(body, 'carrier');
			if (!carrierById(carrier)) throw new HttpProblem(400, `unknown carrier ${carrier}`);
			const lineIds = Array.isArray(body.lineIds) ? body.lineIds.map(String) : undefined;
			shipOrder(world(), order, { carrier, trackingNo: requiredString(body, 'trackingNo'), lineIds });
			return jsonReply(describe(order, false));
		}),
		route(['POST'], '/orders/:id/refunds', (req) => {
			const order = find(req.pathParams.id);
			const body = jsonObject(req);
			const line = order.lines.find((l) => l.lineId === requiredString(body, 'lineId'));
			if (!line) throw new HttpProblem(400, `order ${order.channelOrderId} has no such line`);
			const phase = (optionalString(body, 'phase') ?? 'requested') as RefundPhase;
			if (!REFUND_PHASES.includes(phase)) throw new HttpProblem(400, `phase must be one of ${REFUND_PHASES.join(', ')}`);
			const existing = world().truth.snapshot(order).refunds.find((r) => r.lineId === line.lineId);
			world().truth.addEvent(order, {
				at: world().clock.now(),
				kind: 'refund',
				refundId: optionalString(body, 'refundId') ?? existing?.refundId ?? `${order.channelOrderId.slice(0, 6)}${line.lineId.slice(-9)}`,
				lineId: line.lineId,
				amount: optionalNumber(body, 'amount') ?? existing?.amount ?? line.paidAmount,
				phase,
				reason: optionalString(body, 'reason') ?? existing?.reason ?? '七天无理由退换货',
				hasGoodReturn: body.hasGoodReturn === true,
			});
			return jsonReply(describe(order, false));
		}),
		route(['POST'], '/orders/:id/memo', (req) => {
			const order = find(req.pathParams.id);
			const body = jsonObject(req);
			world().truth.addEvent(order, {
				at: world().clock.now(),
				kind: 'memo',
				sellerMemo: optionalString(body, 'sellerMemo'),
				buyerMessage: optionalString(body, 'buyerMessage'),
			});
			return jsonReply(describe(order, false));
		}),
		route(['GET'], '/stock', (req) => {
			const channel = req.query.channel ?? 'taobao';
			const shops = world().registry.shopsOf(channel).filter((s) => !req.query.shopId || s.shopId === req.query.shopId);
			return jsonReply({ shops: shops.map((s) => ({ shopId: s.shopId, items: world().truth.catalog(channel, s.shopId) })) });
		}),
		route(['POST'], '/stock', (req) => {
			const body = jsonObject(req);
			const channel = requiredString(body, 'channel');
			const item = world().truth.findItem(channel, requiredString(body, 'shopId'), requiredString(body, 'itemId'));
			if (!item) throw new HttpProblem(404, 'no such item in that shop');
			const skuId = optionalString(body, 'skuId');
			const sku = skuId ? item.skus.find((s) => s.skuId === skuId) : undefined;
			if (skuId && !sku) throw new HttpProblem(404, `item ${item.itemId} has no SKU ${skuId}`);
			asBadRequest(() => world().truth.setStock(item, sku, optionalNumber(body, 'quantity') ?? NaN));
			return jsonReply(item);
		}),
		route(['GET'], '/parcels', (req) => {
			const now = world().clock.now();
			const parcels = world()
				.truth.allParcels()
				.filter((p) => (!req.query.carrier || p.carrier === req.query.carrier) && (!req.query.trackingNo || p.trackingNo === req.query.trackingNo))
				.map((p) => ({ ...p, events: parcelEvents(p), visibleEvents: visibleEvents(p, now).length }));
			return jsonReply({ count: parcels.length, parcels });
		}),
		route(['POST'], '/parcels', (req) => {
			const body = jsonObject(req);
			const carrier = requiredString(body, 'carrier');
			if (!carrierById(carrier)) throw new HttpProblem(400, `unknown carrier ${carrier}`);
			const scenario = optionalString(body, 'scenario') as ParcelScenario | undefined;
			if (scenario && !PARCEL_SCENARIOS.includes(scenario)) throw new HttpProblem(400, `scenario must be one of ${PARCEL_SCENARIOS.join(', ')}`);
			const parcel = createParcel(world(), {
				carrier,
				trackingNo: requiredString(body, 'trackingNo'),
				shippedAt: optionalTime(body, 'shippedAt') ?? world().clock.now(),
				scenario,
			});
			return jsonReply(parcel, 201);
		}),
	];
}
