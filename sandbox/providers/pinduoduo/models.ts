// Pinduoduo state: the default app, shops and tokens, and the queries behind each gateway API. No HTTP here.
import { StateCache } from '../../core/envelope';
import type { Rng } from '../../core/rng';
import { Rng as SeededRng } from '../../core/rng';
import { DAY_MS } from '../../core/time';
import type { SandboxWorld } from '../../core/world';
import { registerChannelContext, shipOrder } from '../../truth/actions';
import { buildCatalog, type CatalogItem } from '../../truth/catalog';
import type { ChannelFlavor, GenerateContext } from '../../truth/generator';
import { generateOrders } from '../../truth/generator';
import type { RefundSnapshot, TruthOrder, TruthSnapshot } from '../../truth/types';
import { PDD_MASK, carrierByLogisticsId, pddOrderStatus, pddRefundStatus } from './render';

export const PINDUODUO = 'pinduoduo';

/** Default credentials, printed at start. */
export const PDD_DEFAULTS = {
	app: { appKey: 'pdd-sandbox-client-0001', secret: 'sandbox-pdd-secret-0001', label: 'sandbox app' },
	/** The client of Pinduoduo's published signing example (channels.md §6.2), so that example replays as-is. */
	exampleApp: { appKey: '1', secret: 'testSecret', label: 'signing example' },
	shops: [
		{ shopId: '880001', name: '拼多多沙箱旗舰店', origin: '广州市', token: 'pddtoken-flagship-0001' },
		{ shopId: '880002', name: '拼小沙的百货店', origin: '金华市', token: 'pddtoken-mart-0001' },
	],
	expiredToken: 'pddtoken-expired-0001',
	exampleToken: 'asd78172s8ds9a921j9qqwda12312w1w21211',
	tokenDays: 30,
	itemsPerShop: 24,
};

export const PDD_FLAVOR: ChannelFlavor = {
	channel: 'pinduoduo',
	currency: 'CNY',
	// order_sn: a date-like prefix, a dash and 15 digits (e.g. 231126-560123456789012).
	orderId: (rng: Rng) => `2${rng.digits(5, '3')}-${rng.digits(15, '123456789')}`,
	// Items carry no line id; the pack numbers them by position.
	lineId: (_rng, _sn, index) => String(index + 1),
	refundId: (rng) => rng.digits(11, '123456789'),
	buyerId: (rng) => `pdd${rng.digits(10)}`,
	receiverToken: (rng) => rng.token(32),
	orderType: { normal: '0', presale: '1' },
};

export interface OrderQuery {
	shopId: string;
	by: 'updated' | 'confirmed';
	/** Unix seconds, both ends inclusive. */
	start: number;
	end: number;
	orderStatus: number;
	refundStatus: number;
}

export class PddBackend {
	private readonly queries = new StateCache<TruthSnapshot[]>(256);

	constructor(readonly world: SandboxWorld) {}

	stateKey(): string {
		return `${this.world.truth.version}:${this.world.clock.version}:${this.world.clock.now()}`;
	}

	seed(): void {
		const { world } = this;
		const now = world.clock.now();
		const d = PDD_DEFAULTS;
		for (const app of [d.app, d.exampleApp]) world.registry.addApp({ provider: PINDUODUO, ...app });
		const shopSeeds = d.shops.map((shop) => {
			world.registry.addShop({ provider: PINDUODUO, shopId: shop.shopId, name: shop.name, appKey: d.app.appKey });
			world.registry.addToken({
				provider: PINDUODUO,
				token: shop.token,
				refreshToken: `${shop.token}-refresh`,
				shopId: shop.shopId,
				appKey: d.app.appKey,
				expiresAt: now + d.tokenDays * DAY_MS,
			});
			const catalog = buildCatalog(new SeededRng(world.options.seed, PINDUODUO, 'catalog', shop.shopId), d.itemsPerShop, now - 40 * DAY_MS);
			world.truth.setCatalog(PINDUODUO, shop.shopId, catalog);
			return { shopId: shop.shopId, catalog, origin: shop.origin };
		});
		const first = d.shops[0].shopId;
		world.registry.addToken({ provider: PINDUODUO, token: d.expiredToken, refreshToken: `${d.expiredToken}-refresh`, shopId: first, appKey: d.app.appKey, expiresAt: now - DAY_MS });
		world.registry.addToken({ provider: PINDUODUO, token: d.exampleToken, shopId: first, appKey: d.exampleApp.appKey, expiresAt: Number.MAX_SAFE_INTEGER });
		const ctx: GenerateContext = { seed: world.options.seed, flavor: PDD_FLAVOR, shops: shopSeeds, now, windowDays: world.options.windowDays, takenIds: world.takenIds };
		registerChannelContext(world, ctx);
		for (const { order, parcels } of generateOrders(ctx, world.options.orders)) {
			world.truth.addOrder(order);
			for (const parcel of parcels) world.truth.addParcel(parcel);
		}
		world.truth.registerView(PINDUODUO, {
			rawStatus: (snap) => pddOrderStatus(snap) ?? '',
			masksReceiver: true,
			maskReceiver: (order: TruthOrder) => ({
				name: PDD_MASK.name(order.receiver.name ?? ''),
				phone: PDD_MASK.phone(order.receiver.phone ?? ''),
				province: order.receiver.province,
				city: order.receiver.city,
				district: order.receiver.district,
				address: PDD_MASK.address(order.receiver.address ?? ''),
				masked: true,
				token: order.receiverToken,
			}),
		});
	}

	/** Orders Pinduoduo lists for a shop (paid ones) in a window, oldest change first (ties by order_sn). */
	queryOrders(query: OrderQuery): TruthSnapshot[] {
		return this.queries.get(JSON.stringify(query), this.stateKey(), () => {
			const timeOf = (s: TruthSnapshot) => Math.floor((query.by === 'updated' ? s.updatedAt : (s.paidAt ?? 0)) / 1000);
			return this.world.truth
				.visibleSnapshots(PINDUODUO, query.shopId)
				.filter((s) => {
					const status = pddOrderStatus(s);
					if (status === undefined) return false;
					const t = timeOf(s);
					return (
						t >= query.start &&
						t <= query.end &&
						(query.orderStatus === 5 || String(query.orderStatus) === status) &&
						(query.refundStatus === 5 || String(query.refundStatus) === pddRefundStatus(s))
					);
				})
				.sort((a, b) => timeOf(a) - timeOf(b) || (a.order.channelOrderId < b.order.channelOrderId ? -1 : 1));
		});
	}

	order(shopId: string, orderSn: string): TruthSnapshot | undefined {
		const order = this.world.truth.orderByChannelId(PINDUODUO, orderSn);
		if (!order || order.shopId !== shopId || order.createdAt > this.world.clock.now()) return undefined;
		const snap = this.world.truth.snapshot(order);
		return pddOrderStatus(snap) === undefined ? undefined : snap;
	}

	/** After-sales of a shop changed in [start, end] seconds, oldest change first. */
	queryRefunds(shopId: string, start: number, end: number): Array<{ refund: RefundSnapshot; snap: TruthSnapshot }> {
		const out: Array<{ refund: RefundSnapshot; snap: TruthSnapshot }> = [];
		for (const snap of this.world.truth.visibleSnapshots(PINDUODUO, shopId)) {
			for (const refund of snap.refunds) {
				const t = Math.floor(refund.modifiedAt / 1000);
				if (t >= start && t <= end) out.push({ refund, snap });
			}
		}
		return out.sort((a, b) => a.refund.modifiedAt - b.refund.modifiedAt || (a.refund.refundId < b.refund.refundId ? -1 : 1));
	}

	refund(shopId: string, refundId: string) {
		for (const snap of this.world.truth.visibleSnapshots(PINDUODUO, shopId)) {
			const refund = snap.refunds.find((r) => r.refundId === refundId);
			if (refund) return { refund, snap };
		}
		return undefined;
	}

	items(shopId: string): CatalogItem[] {
		return this.world.truth.catalog(PINDUODUO, shopId);
	}

	/** pdd.goods.quantity.update: update_type 1 sets, 2 adds (never below zero). Recorded for the admin API. */
	updateQuantity(shopId: string, item: CatalogItem, skuId: string, quantity: number, type: 1 | 2): void {
		const sku = item.skus.find((s) => s.skuId === skuId);
		const before = sku ? sku.quantity : item.quantity;
		const after = type === 1 ? quantity : Math.max(0, before + quantity);
		this.world.truth.setStock(item, sku, after);
		this.world.recorder.record({
			provider: PINDUODUO,
			kind: 'stock',
			at: this.world.clock.now(),
			shopId,
			data: { goodsId: item.itemId, skuId: sku?.skuId, outerId: sku?.outerId ?? item.outerId, updateType: type, quantity, before, after },
		});
	}

	/** pdd.logistics.online.send: the whole order ships with one waybill. Recorded for the admin API. */
	ship(shopId: string, snap: TruthSnapshot, logisticsId: string, trackingNumber: string): 'ok' | 'unknown_company' {
		const carrier = carrierByLogisticsId(logisticsId);
		if (!carrier) return 'unknown_company';
		shipOrder(this.world, snap.order, { carrier, trackingNo: trackingNumber });
		this.world.recorder.record({
			provider: PINDUODUO,
			kind: 'shipment',
			at: this.world.clock.now(),
			shopId,
			data: { orderSn: snap.order.channelOrderId, orderId: snap.order.id, logisticsId, carrier, trackingNo: trackingNumber },
		});
		return 'ok';
	}

	/** pdd.order.note.update [I]: the seller note (and flag colour) on an order. Recorded for the admin API. */
	updateMemo(shopId: string, snap: TruthSnapshot, note: string, tag?: number): void {
		this.world.truth.addEvent(snap.order, { at: this.world.clock.now(), kind: 'memo', sellerMemo: note });
		this.world.recorder.record({ provider: PINDUODUO, kind: 'memo', at: this.world.clock.now(), shopId, data: { orderSn: snap.order.channelOrderId, note, tag } });
	}

	/** pdd.pop.auth.token.refresh: a new access token for the same shop. */
	refreshToken(appKey: string, refreshToken: string) {
		const old = this.world.registry.byRefreshToken(PINDUODUO, refreshToken);
		if (!old || old.appKey !== appKey) return undefined;
		const now = this.world.clock.now();
		const rng = new SeededRng(this.world.options.seed, 'pdd-refresh', refreshToken, now);
		const token = { ...old, token: `pddtoken-${rng.token(24)}`, refreshToken: `pddrefresh-${rng.token(24)}`, expiresAt: now + PDD_DEFAULTS.tokenDays * DAY_MS };
		this.world.registry.addToken(token);
		return token;
	}
}
