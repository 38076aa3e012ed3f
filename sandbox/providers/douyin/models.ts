// Douyin Shop state: the default app and shop, access tokens with refresh tokens, and the queries behind
// each 抖店 method. No HTTP here.
import type { Rng } from '../../core/rng';
import { Rng as SeededRng } from '../../core/rng';
import { DAY_MS } from '../../core/time';
import type { SandboxWorld } from '../../core/world';
import { registerChannelContext, shipOrder } from '../../truth/actions';
import { buildCatalog, type CatalogItem, type CatalogSku } from '../../truth/catalog';
import { generateOrders, type ChannelFlavor, type GenerateContext } from '../../truth/generator';
import type { TruthOrder, TruthSnapshot } from '../../truth/types';
import { carrierByDouyinCode, receiverFields } from './render';

/** Provider name (URL prefix, faults, registry); the orders' channel id is 'douyin' too. */
export const DOUYIN = 'douyin';
export const DOUYIN_CHANNEL = 'douyin';

export const DOUYIN_DEFAULTS = {
	app: { appKey: '7000000000000000001', secret: 'sandbox-douyin-secret-0001', label: 'sandbox Douyin app' },
	shop: { shopId: '4463798', name: '沙箱抖店', origin: '杭州市' },
	/** The seeded shop token pair (what the credential holds at first). */
	token: { accessToken: 'token-douyin-sandbox-shop-0001', refreshToken: 'refresh-douyin-sandbox-shop-0001' },
	/** Access tokens live 7 days; refresh tokens 14 days (channels.md §5.3). */
	accessTokenDays: 7,
	refreshTokenDays: 14,
	itemsPerShop: 20,
	/** [I] How far the request timestamp may be from the gateway clock. */
	timestampSkewMs: 10 * 60_000,
};

export const DOUYIN_FLAVOR: ChannelFlavor = {
	channel: 'douyin',
	currency: 'CNY',
	// Shop order ids and sub-order ids are 19-digit numbers, beyond 2^53.
	orderId: (rng: Rng) => `69${rng.digits(17, '1')}`,
	lineId: (rng) => `69${rng.digits(17, '2')}`,
	refundId: (rng) => `71${rng.digits(17, '3')}`,
	buyerId: (rng) => rng.token(32),
	receiverToken: (rng) => rng.token(24).toLowerCase(),
	orderType: { normal: '0', presale: '1' },
};

export interface OrderQuery {
	by: 'created' | 'updated';
	/** Unix seconds, both ends inclusive. */
	start: number;
	end: number;
	statuses?: number[];
}

export class DouyinBackend {
	/** refresh token -> app and the access token it was issued with (used refresh tokens are dropped). */
	private readonly refreshTokens = new Map<string, { appKey: string; expiresAt: number }>();
	private serial = 0;

	constructor(readonly world: SandboxWorld) {}

	seed(): void {
		const { world } = this;
		const now = world.clock.now();
		const d = DOUYIN_DEFAULTS;
		world.registry.addApp({ provider: DOUYIN, ...d.app });
		world.registry.addShop({ provider: DOUYIN, shopId: d.shop.shopId, name: d.shop.name, appKey: d.app.appKey });
		world.registry.addToken({ provider: DOUYIN, token: d.token.accessToken, shopId: d.shop.shopId, appKey: d.app.appKey, expiresAt: now + d.accessTokenDays * DAY_MS, refreshToken: d.token.refreshToken });
		this.refreshTokens.set(d.token.refreshToken, { appKey: d.app.appKey, expiresAt: now + d.refreshTokenDays * DAY_MS });
		const catalog = buildCatalog(new SeededRng(world.options.seed, DOUYIN, 'catalog', d.shop.shopId), d.itemsPerShop, now - 40 * DAY_MS);
		world.truth.setCatalog(DOUYIN_CHANNEL, d.shop.shopId, catalog);
		const ctx: GenerateContext = {
			seed: world.options.seed,
			flavor: DOUYIN_FLAVOR,
			shops: [{ shopId: d.shop.shopId, catalog, origin: d.shop.origin }],
			now,
			windowDays: world.options.windowDays,
			takenIds: world.takenIds,
		};
		registerChannelContext(world, ctx);
		for (const { order, parcels } of generateOrders(ctx, world.options.orders)) {
			world.truth.addOrder(order);
			for (const parcel of parcels) world.truth.addParcel(parcel);
		}
		world.truth.registerView(DOUYIN_CHANNEL, {
			rawStatus: (snap) => String(snap.status),
			masksReceiver: true,
			maskReceiver: (order: TruthOrder) => {
				const r = receiverFields(order);
				const text = (v: string) => v || undefined;
				return {
					name: text(r.mask_post_receiver),
					phone: text(r.mask_post_tel),
					province: text(r.post_addr.province.name),
					city: text(r.post_addr.city.name),
					district: text(r.post_addr.town.name),
					town: text(r.post_addr.street.name),
					address: text(r.mask_post_addr.detail),
					masked: true,
					token: r.encrypt_post_receiver,
				};
			},
		});
	}

	get shopId(): string {
		return DOUYIN_DEFAULTS.shop.shopId;
	}

	private issue(appKey: string) {
		this.serial += 1;
		const now = this.world.clock.now();
		const d = DOUYIN_DEFAULTS;
		const rng = new SeededRng(this.world.options.seed, 'douyin-token', now, this.serial);
		const accessToken = `token-${rng.token(32).toLowerCase()}`;
		const refreshToken = `refresh-${rng.token(32).toLowerCase()}`;
		this.world.registry.addToken({ provider: DOUYIN, token: accessToken, shopId: this.shopId, appKey, expiresAt: now + d.accessTokenDays * DAY_MS, refreshToken });
		this.refreshTokens.set(refreshToken, { appKey, expiresAt: now + d.refreshTokenDays * DAY_MS });
		this.world.recorder.record({ provider: DOUYIN, kind: 'token_refresh', at: now, shopId: this.shopId, data: { accessToken } });
		return {
			access_token: accessToken,
			expires_in: d.accessTokenDays * 86_400,
			refresh_token: refreshToken,
			scope: 'SCOPE',
			shop_id: Number(this.shopId),
			shop_name: d.shop.name,
			authority_id: this.shopId,
			auth_subject_type: 'MiniApp',
		};
	}

	/** token.create for a self-use app (authorization_self + shop_id) or the test shop. */
	create(appKey: string, shopId: string | undefined, testShop: boolean) {
		if (!testShop && shopId !== this.shopId) return undefined;
		return this.issue(appKey);
	}

	/** token.refresh: a used refresh token buys a new pair and stops working [I]. */
	refresh(appKey: string, refreshToken: string) {
		const grant = this.refreshTokens.get(refreshToken);
		if (!grant || grant.appKey !== appKey || grant.expiresAt <= this.world.clock.now()) return undefined;
		this.refreshTokens.delete(refreshToken);
		return this.issue(appKey);
	}

	/** Orders in a time range, oldest first (ties by id): the order the list pages walk. */
	orders(query: OrderQuery, statusOf: (snap: TruthSnapshot) => number): TruthSnapshot[] {
		const at = (snap: TruthSnapshot) => Math.floor((query.by === 'created' ? snap.order.createdAt : snap.updatedAt) / 1000);
		return this.world.truth
			.visibleSnapshots(DOUYIN_CHANNEL, this.shopId)
			.filter((snap) => at(snap) >= query.start && at(snap) <= query.end)
			.filter((snap) => !query.statuses || query.statuses.includes(statusOf(snap)))
			.sort((a, b) => at(a) - at(b) || (a.order.channelOrderId < b.order.channelOrderId ? -1 : 1));
	}

	order(orderId: string): TruthSnapshot | undefined {
		const order = this.world.truth.orderByChannelId(DOUYIN_CHANNEL, orderId);
		if (!order || order.shopId !== this.shopId || order.createdAt > this.world.clock.now()) return undefined;
		return this.world.truth.snapshot(order);
	}

	/** After-sales applied for (or updated) in [startS, endS] seconds, oldest first. */
	afterSales(by: 'applied' | 'updated', startS: number, endS: number) {
		const out = [];
		for (const snap of this.world.truth.visibleSnapshots(DOUYIN_CHANNEL, this.shopId)) {
			for (const refund of snap.refunds) {
				const at = Math.floor((by === 'applied' ? refund.createdAt : refund.modifiedAt) / 1000);
				if (at >= startS && at <= endS) out.push({ refund, snap });
			}
		}
		return out.sort((a, b) => a.refund.createdAt - b.refund.createdAt || (a.refund.refundId < b.refund.refundId ? -1 : 1));
	}

	afterSale(id: string) {
		for (const snap of this.world.truth.visibleSnapshots(DOUYIN_CHANNEL, this.shopId)) {
			const refund = snap.refunds.find((r) => r.refundId === id);
			if (refund) return { refund, snap };
		}
		return undefined;
	}

	products(): CatalogItem[] {
		return this.world.truth.catalog(DOUYIN_CHANNEL, this.shopId);
	}

	/** The item and SKU behind a sku_id or merchant code (an item without variants answers to its product id). */
	sku(skuId: string | undefined, code: string | undefined): { item: CatalogItem; sku?: CatalogSku } | undefined {
		for (const item of this.products()) {
			const sku = item.skus.find((s) => (skuId ? s.skuId === skuId : s.outerId === code));
			if (sku) return { item, sku };
			if (item.skus.length === 0 && (skuId ? item.itemId === skuId : item.outerId === code)) return { item };
		}
		return undefined;
	}

	/** order.logisticsAdd: the whole order in one parcel. */
	ship(snap: TruthSnapshot, companyCode: string, trackingNo: string): 'ok' | 'unknown_company' {
		const carrier = carrierByDouyinCode(companyCode);
		if (!carrier) return 'unknown_company';
		shipOrder(this.world, snap.order, { carrier: carrier.id, trackingNo });
		this.world.recorder.record({
			provider: DOUYIN,
			kind: 'shipment',
			at: this.world.clock.now(),
			shopId: this.shopId,
			data: { orderId: snap.order.channelOrderId, unifiedId: snap.order.id, companyCode, carrier: carrier.id, trackingNo },
		});
		return 'ok';
	}

	memo(snap: TruthSnapshot, remark: string): void {
		this.world.truth.addEvent(snap.order, { at: this.world.clock.now(), kind: 'memo', sellerMemo: remark });
		this.world.recorder.record({ provider: DOUYIN, kind: 'memo', at: this.world.clock.now(), shopId: this.shopId, data: { orderId: snap.order.channelOrderId, remark } });
	}

	/** sku.syncStock: full (set) or incremental (add, never below zero). */
	updateStock(found: { item: CatalogItem; sku?: CatalogSku }, qty: number, incremental: boolean, key: string): void {
		const before = found.sku ? found.sku.quantity : found.item.quantity;
		const after = incremental ? Math.max(0, before + qty) : qty;
		this.world.truth.setStock(found.item, found.sku, after);
		this.world.recorder.record({ provider: DOUYIN, kind: 'stock', at: this.world.clock.now(), shopId: this.shopId, data: { skuId: key, mode: incremental ? 'delta' : 'full', qty, before, after } });
	}
}
