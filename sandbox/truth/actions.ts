// Changes to the truth that several callers make (platform write APIs and the admin API alike).
import type { OrderStatus } from '../../lib/model';
import type { SandboxWorld } from '../core/world';
import { Rng } from '../core/rng';
import { DAY_MS } from '../core/time';
import { generateOrder, generateOrders } from './generator';
import type { ChannelFlavor, GenerateContext, ShopSeed } from './generator';
import { buildParcelTimeline, pickScenario } from './parcels';
import type { ParcelScenario, TruthParcel } from './parcels';
import type { TruthOrder } from './types';

/** Days after shipment when the platform confirms receipt for the buyer. [I] Taobao: 10 days for express. */
export const AUTO_CONFIRM_DAYS = 10;

const channelContexts = new WeakMap<SandboxWorld, Map<string, GenerateContext>>();

/** Providers register how their channel generates orders, so the admin API can add more later. */
export function registerChannelContext(world: SandboxWorld, ctx: GenerateContext): void {
	const map = channelContexts.get(world) ?? new Map<string, GenerateContext>();
	map.set(ctx.flavor.channel, ctx);
	channelContexts.set(world, map);
}

/**
 * Seeds a channel's orders at sandbox start: the generation context of its shops (the world's seed unless
 * told), registered for the admin API unless `register` is false, then `orders` orders (the world's count
 * unless told) with their parcels added to the truth. Returns the context.
 */
export function seedChannelOrders(
	world: SandboxWorld,
	input: { flavor: ChannelFlavor; shops: ShopSeed[]; now: number; seed?: string | number; orders?: number; register?: boolean },
): GenerateContext {
	const ctx: GenerateContext = {
		seed: input.seed ?? world.options.seed,
		flavor: input.flavor,
		shops: input.shops,
		now: input.now,
		windowDays: world.options.windowDays,
		takenIds: world.takenIds,
	};
	if (input.register ?? true) registerChannelContext(world, ctx);
	for (const { order, parcels } of generateOrders(ctx, input.orders ?? world.options.orders)) {
		world.truth.addOrder(order);
		for (const parcel of parcels) world.truth.addParcel(parcel);
	}
	return ctx;
}

export function channelContext(world: SandboxWorld, channel: string): GenerateContext | undefined {
	return channelContexts.get(world)?.get(channel);
}

/** Creates a parcel with a seeded timeline starting at `shippedAt`. */
export function createParcel(
	world: SandboxWorld,
	input: { carrier: string; trackingNo: string; shippedAt: number; order?: TruthOrder; origin?: string; scenario?: ParcelScenario },
): TruthParcel {
	const rng = new Rng(world.options.seed, 'parcel-scenario', input.carrier, input.trackingNo);
	const receiver = input.order?.receiver;
	const base = {
		carrier: input.carrier,
		trackingNo: input.trackingNo,
		shippedAt: input.shippedAt,
		phone: receiver?.phone,
		origin: input.origin ?? '杭州市',
		destination: { province: receiver?.province ?? '上海', city: receiver?.city ?? '上海市', district: receiver?.district ?? '浦东新区' },
		scenario: input.scenario ?? pickScenario(rng),
		seed: world.options.seed,
	};
	const parcel = { ...base, events: buildParcelTimeline(base) };
	world.truth.addParcel(parcel);
	return parcel;
}

/** The seller ships (all lines, or some): timeline event, a parcel to track, and the buyer's later confirmation. */
export function shipOrder(
	world: SandboxWorld,
	order: TruthOrder,
	shipment: { carrier: string; trackingNo: string; lineIds?: string[] },
): void {
	const now = world.clock.now();
	world.truth.addEvent(order, { at: now, kind: 'shipped', ...shipment });
	if (!world.truth.parcel(shipment.carrier, shipment.trackingNo)) {
		createParcel(world, { ...shipment, shippedAt: now, order });
	}
	const snap = world.truth.snapshot(order);
	if (snap.status === 'shipped') world.truth.addEvent(order, { at: now + AUTO_CONFIRM_DAYS * DAY_MS, kind: 'completed' });
}

/** Moves an order to a status the way the platform would record it, at the current clock time. */
export function setOrderStatus(world: SandboxWorld, order: TruthOrder, status: OrderStatus, reason?: string): void {
	const now = world.clock.now();
	switch (status) {
		case 'paid':
			world.truth.addEvent(order, { at: now, kind: 'paid' });
			return;
		case 'cancelled':
			world.truth.addEvent(order, { at: now, kind: 'cancelled', reason: reason ?? '卖家关闭交易' });
			return;
		case 'completed':
			world.truth.addEvent(order, { at: now, kind: 'completed' });
			return;
		default:
			throw new RangeError(`status "${status}" is set by its own action (ship through the platform API or admin shipments)`);
	}
}

/** New orders created "now" (admin API): unpaid, paid or cancelled from the start. */
export function createOrdersNow(
	world: SandboxWorld,
	channel: string,
	input: { count: number; shopId?: string; status?: 'pending_payment' | 'paid' | 'cancelled' },
): TruthOrder[] {
	const ctx = channelContext(world, channel);
	if (!ctx) throw new RangeError(`no sales channel "${channel}" in this sandbox`);
	const shops = input.shopId ? ctx.shops.filter((shop) => shop.shopId === input.shopId) : ctx.shops;
	if (shops.length === 0) throw new RangeError(`no shop "${input.shopId}" on ${channel}`);
	const now = world.clock.now();
	const created: TruthOrder[] = [];
	for (let i = 0; i < input.count; i++) {
		const index = world.truth.allOrders().length + 1_000_000;
		const { order } = generateOrder({ ...ctx, shops, seed: `${ctx.seed}:admin` }, index);
		order.createdAt = now;
		order.events = [];
		world.truth.addOrder(order);
		if (input.status === 'paid' || input.status === undefined) setOrderStatus(world, order, 'paid');
		if (input.status === 'cancelled') setOrderStatus(world, order, 'cancelled', '买家未付款，交易超时关闭');
		created.push(order);
	}
	return created;
}
