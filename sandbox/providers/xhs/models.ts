// Xiaohongshu state: the default app and seller, access tokens with refresh tokens, and the queries behind
// each Ark method. No HTTP here.
import type { Rng } from '../../core/rng';
import { Rng as SeededRng } from '../../core/rng';
import { DAY_MS } from '../../core/time';
import type { SandboxWorld } from '../../core/world';
import { seedChannelOrders, shipOrder } from '../../truth/actions';
import { buildCatalog, type CatalogItem, type CatalogSku } from '../../truth/catalog';
import type { ChannelFlavor } from '../../truth/generator';
import type { TruthOrder, TruthSnapshot } from '../../truth/types';
import { carrierByXhsCode, maskedReceiver, orderStatus, xhsSkuId } from './render';

/** Provider name (URL prefix, faults, registry); the orders' channel id is 'xiaohongshu'. */
export const XHS = 'xhs';
export const XHS_CHANNEL = 'xiaohongshu';
export const XHS_GATEWAY_PATH = '/ark/open_api/v3/common_controller';

export const XHS_DEFAULTS = {
	app: { appKey: 'xhs-sandbox-app-0001', secret: 'sandbox-xhs-secret-0001', label: 'sandbox Xiaohongshu app' },
	shop: { shopId: '5f8a1c2b3d4e5f6a7b8c9d01', name: '沙箱小红书店', origin: '上海市' },
	/** The seeded seller token pair (what the credential holds at first). */
	token: { accessToken: 'token-xhs-sandbox-seller-0001', refreshToken: 'refresh-xhs-sandbox-seller-0001' },
	accessTokenDays: 7,
	refreshTokenDays: 30,
	itemsPerShop: 20,
	/** [I] How far the request timestamp may be from the gateway clock. */
	timestampSkewMs: 10 * 60_000,
};

export const XHS_FLAVOR: ChannelFlavor = {
	channel: 'xiaohongshu',
	currency: 'CNY',
	// Order ids are "P" + 18 digits.
	orderId: (rng: Rng) => `P${rng.digits(18, '7')}`,
	lineId: (rng) => rng.digits(12, '1'),
	refundId: (rng) => `R${rng.digits(17, '7')}`,
	buyerId: (rng) => rng.token(24).toLowerCase(),
	receiverToken: (rng) => rng.token(32).toLowerCase(),
	orderType: { normal: '1', presale: '2' },
};

export interface OrderQuery {
	by: 'created' | 'updated';
	/** Unix seconds, both ends inclusive. */
	start: number;
	end: number;
	status?: number;
	orderType?: number;
}

export class XhsBackend {
	/** refresh token -> app, for the pairs this sandbox issued (used refresh tokens are dropped). */
	private readonly refreshTokens = new Map<string, { appKey: string; expiresAt: number }>();
	private serial = 0;

	constructor(readonly world: SandboxWorld) {}

	seed(): void {
		const { world } = this;
		const now = world.clock.now();
		const d = XHS_DEFAULTS;
		world.registry.addApp({ provider: XHS, ...d.app });
		world.registry.addShop({ provider: XHS, shopId: d.shop.shopId, name: d.shop.name, appKey: d.app.appKey });
		world.registry.addToken({ provider: XHS, token: d.token.accessToken, shopId: d.shop.shopId, appKey: d.app.appKey, expiresAt: now + d.accessTokenDays * DAY_MS, refreshToken: d.token.refreshToken });
		this.refreshTokens.set(d.token.refreshToken, { appKey: d.app.appKey, expiresAt: now + d.refreshTokenDays * DAY_MS });
		const catalog = buildCatalog(new SeededRng(world.options.seed, XHS, 'catalog', d.shop.shopId), d.itemsPerShop, now - 40 * DAY_MS);
		world.truth.setCatalog(XHS_CHANNEL, d.shop.shopId, catalog);
		seedChannelOrders(world, { flavor: XHS_FLAVOR, shops: [{ shopId: d.shop.shopId, catalog, origin: d.shop.origin }], now });
		world.truth.registerView(XHS_CHANNEL, {
			rawStatus: (snap) => String(orderStatus(snap)),
			masksReceiver: true,
			maskReceiver: (order: TruthOrder) => {
				const r = maskedReceiver(order);
				return {
					name: r.receiverName || undefined,
					phone: r.receiverPhone || undefined,
					province: r.receiverProvinceName || undefined,
					city: r.receiverCityName || undefined,
					district: r.receiverDistrictName || undefined,
					address: r.receiverAddress || undefined,
					masked: true,
					token: r.openAddressId || undefined,
				};
			},
		});
	}

	get shopId(): string {
		return XHS_DEFAULTS.shop.shopId;
	}

	/** oauth.refreshToken: a used refresh token buys a new pair and stops working [I]. */
	refresh(appKey: string, refreshToken: string) {
		const grant = this.refreshTokens.get(refreshToken);
		const now = this.world.clock.now();
		if (!grant || grant.appKey !== appKey || grant.expiresAt <= now) return undefined;
		this.refreshTokens.delete(refreshToken);
		this.serial += 1;
		const d = XHS_DEFAULTS;
		const rng = new SeededRng(this.world.options.seed, 'xhs-token', now, this.serial);
		const accessToken = `token-${rng.token(32).toLowerCase()}`;
		const nextRefresh = `refresh-${rng.token(32).toLowerCase()}`;
		const accessTokenExpiresAt = now + d.accessTokenDays * DAY_MS;
		const refreshTokenExpiresAt = now + d.refreshTokenDays * DAY_MS;
		this.world.registry.addToken({ provider: XHS, token: accessToken, shopId: this.shopId, appKey, expiresAt: accessTokenExpiresAt, refreshToken: nextRefresh });
		this.refreshTokens.set(nextRefresh, { appKey, expiresAt: refreshTokenExpiresAt });
		this.world.recorder.record({ provider: XHS, kind: 'token_refresh', at: now, shopId: this.shopId, data: { accessToken } });
		return { accessToken, accessTokenExpiresAt, refreshToken: nextRefresh, refreshTokenExpiresAt, sellerId: this.shopId, sellerName: XHS_DEFAULTS.shop.name };
	}

	/** Orders in a time range, oldest first (ties by id): the order the list pages walk. */
	orders(query: OrderQuery): TruthSnapshot[] {
		const at = (s: TruthSnapshot) => Math.floor((query.by === 'created' ? s.order.createdAt : s.updatedAt) / 1000);
		return this.world.truth
			.visibleSnapshots(XHS_CHANNEL, this.shopId)
			.filter((s) => at(s) >= query.start && at(s) <= query.end)
			.filter((s) => !query.status || orderStatus(s) === query.status)
			.filter((s) => !query.orderType || (s.order.presale ? 2 : 1) === query.orderType)
			.sort((a, b) => at(a) - at(b) || (a.order.channelOrderId < b.order.channelOrderId ? -1 : 1));
	}

	order(orderId: string): TruthSnapshot | undefined {
		const order = this.world.truth.orderByChannelId(XHS_CHANNEL, orderId);
		if (!order || order.shopId !== this.shopId || order.createdAt > this.world.clock.now()) return undefined;
		return this.world.truth.snapshot(order);
	}

	/** After-sales applied for in [startMs, endMs], oldest first. */
	afterSales(startMs: number, endMs: number) {
		const out = [];
		for (const snap of this.world.truth.visibleSnapshots(XHS_CHANNEL, this.shopId)) {
			for (const refund of snap.refunds) if (refund.createdAt >= startMs && refund.createdAt <= endMs) out.push({ refund, snap });
		}
		return out.sort((a, b) => a.refund.createdAt - b.refund.createdAt || (a.refund.refundId < b.refund.refundId ? -1 : 1));
	}

	afterSale(returnsId: string) {
		for (const snap of this.world.truth.visibleSnapshots(XHS_CHANNEL, this.shopId)) {
			const refund = snap.refunds.find((r) => r.refundId === returnsId);
			if (refund) return { refund, snap };
		}
		return undefined;
	}

	products(): CatalogItem[] {
		return this.world.truth.catalog(XHS_CHANNEL, this.shopId);
	}

	/** The item and SKU behind an XHS skuId (an item without variants answers to its item id). */
	sku(skuId: string): { item: CatalogItem; sku?: CatalogSku } | undefined {
		for (const item of this.products()) {
			const sku = item.skus.find((s) => s.skuId === skuId);
			if (sku) return { item, sku };
			if (item.skus.length === 0 && item.itemId === skuId) return { item };
		}
		return undefined;
	}

	/** order.orderDeliver: the whole order, or (unpack) the lines whose SKUs are listed. */
	ship(snap: TruthSnapshot, companyCode: string, expressNo: string, skuIds: string[] | undefined): 'ok' | 'unknown_company' {
		const carrier = carrierByXhsCode(companyCode);
		if (!carrier) return 'unknown_company';
		const lines = skuIds ? snap.order.lines.filter((l) => skuIds.includes(xhsSkuId(l))) : snap.order.lines;
		const lineIds = lines.length === snap.order.lines.length || lines.length === 0 ? undefined : lines.map((l) => l.lineId);
		shipOrder(this.world, snap.order, { carrier, trackingNo: expressNo, lineIds });
		this.world.recorder.record({
			provider: XHS,
			kind: 'shipment',
			at: this.world.clock.now(),
			shopId: this.shopId,
			data: { orderId: snap.order.channelOrderId, unifiedId: snap.order.id, expressCompanyCode: companyCode, carrier, trackingNo: expressNo, lineIds },
		});
		return 'ok';
	}

	/** inventory.syncSkuStock (set) and incSkuStock (add, never below zero). */
	updateStock(skuId: string, qty: number, mode: 'sync' | 'inc'): boolean {
		const found = this.sku(skuId);
		if (!found) return false;
		const before = found.sku ? found.sku.quantity : found.item.quantity;
		const after = mode === 'sync' ? qty : Math.max(0, before + qty);
		this.world.truth.setStock(found.item, found.sku, after);
		this.world.recorder.record({ provider: XHS, kind: 'stock', at: this.world.clock.now(), shopId: this.shopId, data: { skuId, mode, qty, before, after } });
		return true;
	}
}
