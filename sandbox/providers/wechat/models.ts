// WeChat shop state: the default app and shop, expiring access tokens, and the queries behind each path.
// No HTTP here.
import type { Rng } from '../../core/rng';
import { Rng as SeededRng } from '../../core/rng';
import { DAY_MS } from '../../core/time';
import type { SandboxWorld } from '../../core/world';
import { seedChannelOrders, shipOrder } from '../../truth/actions';
import { buildCatalog, type CatalogItem } from '../../truth/catalog';
import type { ChannelFlavor } from '../../truth/generator';
import type { TruthOrder, TruthSnapshot } from '../../truth/types';
import { carrierByWechatCode, maskedAddress, orderStatus, usesVirtualNumber, virtualNumberOf } from './render';

/** Provider name (URL prefix, faults, registry); the orders' channel id is 'wechat_shop'. */
export const WECHAT = 'wechat';
export const WECHAT_CHANNEL = 'wechat_shop';

export const WECHAT_DEFAULTS = {
	app: { appKey: 'wx5a1d0b2c3e4f5a6b', secret: 'sandbox-wechat-secret-0001', label: 'sandbox WeChat shop' },
	shop: { shopId: 'wx-shop', name: '沙箱微信小店', origin: '广州市' },
	/** Message push settings as entered in the console. */
	push: { token: 'sandbox-push-token', encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' },
	tokenSeconds: 7200,
	itemsPerShop: 20,
};

export const WECHAT_FLAVOR: ChannelFlavor = {
	channel: 'wechat_shop',
	currency: 'CNY',
	// Order ids are 19 digits starting 37, beyond 2^53.
	orderId: (rng: Rng) => `37${rng.digits(17, '0123456789')}`,
	lineId: (rng) => rng.digits(12, '1'),
	refundId: (rng) => `20${rng.digits(17, '0123456789')}`,
	buyerId: (rng) => `oWx${rng.token(25)}`,
	receiverToken: (rng) => rng.token(32).toLowerCase(),
	orderType: { normal: 'normal', presale: 'presale' },
};

export interface IdQuery {
	by: 'create' | 'update';
	start: number;
	end: number;
	status?: number;
	openid?: string;
}

export class WechatBackend {
	constructor(readonly world: SandboxWorld) {}

	seed(): void {
		const { world } = this;
		const now = world.clock.now();
		const d = WECHAT_DEFAULTS;
		world.registry.addApp({ provider: WECHAT, ...d.app });
		world.registry.addShop({ provider: WECHAT, shopId: d.shop.shopId, name: d.shop.name, appKey: d.app.appKey });
		const catalog = buildCatalog(new SeededRng(world.options.seed, WECHAT, 'catalog', d.shop.shopId), d.itemsPerShop, now - 40 * DAY_MS);
		world.truth.setCatalog(WECHAT_CHANNEL, d.shop.shopId, catalog);
		seedChannelOrders(world, { flavor: WECHAT_FLAVOR, shops: [{ shopId: d.shop.shopId, catalog, origin: d.shop.origin }], now });
		world.truth.registerView(WECHAT_CHANNEL, {
			rawStatus: (snap) => String(orderStatus(snap)),
			masksReceiver: true,
			maskReceiver: (order: TruthOrder) => {
				const a = maskedAddress(order);
				return {
					name: a.user_name,
					phone: usesVirtualNumber(order) ? virtualNumberOf(order) : a.tel_number,
					province: a.province_name,
					city: a.city_name,
					district: a.county_name,
					address: a.detail_info,
					postcode: a.postal_code || undefined,
					masked: true,
					token: a.hash_code || undefined,
				};
			},
		});
	}

	get shopId(): string {
		return WECHAT_DEFAULTS.shop.shopId;
	}

	/** A new access token for the app; stable tokens are reused until they expire unless forced [I]. */
	issueToken(appId: string, stable: boolean, force: boolean): { token: string; expiresIn: number } {
		const now = this.world.clock.now();
		const live = this.world.registry.tokensOf(WECHAT).find((t) => t.appKey === appId && t.expiresAt > now && t.refreshToken === (stable ? 'stable' : 'classic'));
		if (live && stable && !force) return { token: live.token, expiresIn: Math.floor((live.expiresAt - now) / 1000) };
		const rng = new SeededRng(this.world.options.seed, 'wechat-token', appId, now, this.world.registry.tokensOf(WECHAT).length);
		const token = `${stable ? 'STABLE' : 'ACCESS'}_${rng.token(40)}`;
		const expiresAt = now + WECHAT_DEFAULTS.tokenSeconds * 1000;
		this.world.registry.addToken({ provider: WECHAT, token, shopId: this.shopId, appKey: appId, expiresAt, refreshToken: stable ? 'stable' : 'classic' });
		return { token, expiresIn: WECHAT_DEFAULTS.tokenSeconds };
	}

	/** Order ids in a time range, oldest first (ties by id): the order keyset paging walks. */
	orderKeys(query: IdQuery): Array<{ at: number; id: string }> {
		return this.world.truth
			.visibleSnapshots(WECHAT_CHANNEL, this.shopId)
			.filter((s) => {
				const at = Math.floor((query.by === 'create' ? s.order.createdAt : s.updatedAt) / 1000);
				return at >= query.start && at <= query.end && (query.status === undefined || orderStatus(s) === query.status) && (!query.openid || s.order.buyer.id === query.openid);
			})
			.map((s) => ({ at: Math.floor((query.by === 'create' ? s.order.createdAt : s.updatedAt) / 1000), id: s.order.channelOrderId }))
			.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	}

	order(orderId: string): TruthSnapshot | undefined {
		const order = this.world.truth.orderByChannelId(WECHAT_CHANNEL, orderId);
		if (!order || order.shopId !== this.shopId || order.createdAt > this.world.clock.now()) return undefined;
		return this.world.truth.snapshot(order);
	}

	afterSaleIds(start: number, end: number): Array<{ at: number; id: string }> {
		const out: Array<{ at: number; id: string }> = [];
		for (const snap of this.world.truth.visibleSnapshots(WECHAT_CHANNEL, this.shopId)) {
			for (const refund of snap.refunds) {
				const at = Math.floor(refund.createdAt / 1000);
				if (at >= start && at <= end) out.push({ at, id: refund.refundId });
			}
		}
		return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
	}

	afterSale(id: string) {
		for (const snap of this.world.truth.visibleSnapshots(WECHAT_CHANNEL, this.shopId)) {
			const refund = snap.refunds.find((r) => r.refundId === id);
			if (refund) return { refund, snap };
		}
		return undefined;
	}

	products(): CatalogItem[] {
		return this.world.truth.catalog(WECHAT_CHANNEL, this.shopId);
	}

	product(productId: string): CatalogItem | undefined {
		return this.products().find((item) => item.itemId === productId);
	}

	/** delivery/send: one parcel per delivery_list entry, its products naming the lines. */
	ship(snap: TruthSnapshot, deliveryId: string, waybillId: string, products: Array<{ skuId: string }>): 'ok' | 'unknown_company' {
		const carrier = carrierByWechatCode(deliveryId);
		if (!carrier) return 'unknown_company';
		const skus = new Set(products.map((p) => p.skuId));
		const lines = snap.order.lines.filter((l) => skus.has(l.channelSkuId ?? l.channelItemId ?? ''));
		const lineIds = lines.length === snap.order.lines.length || lines.length === 0 ? undefined : lines.map((l) => l.lineId);
		shipOrder(this.world, snap.order, { carrier, trackingNo: waybillId, lineIds });
		this.world.recorder.record({
			provider: WECHAT,
			kind: 'shipment',
			at: this.world.clock.now(),
			shopId: this.shopId,
			data: { orderId: snap.order.channelOrderId, unifiedId: snap.order.id, deliveryId, carrier, trackingNo: waybillId, lineIds },
		});
		return 'ok';
	}

	/** stock/update: diff_type 1 adds, 2 subtracts (never below zero), 3 sets. */
	updateStock(item: CatalogItem, skuId: string, diffType: number, num: number): boolean {
		const sku = item.skus.find((s) => s.skuId === skuId);
		if (!sku && !(item.skus.length === 0 && item.itemId === skuId)) return false;
		const before = sku ? sku.quantity : item.quantity;
		const after = diffType === 3 ? num : diffType === 1 ? before + num : Math.max(0, before - num);
		this.world.truth.setStock(item, sku, after);
		this.world.recorder.record({ provider: WECHAT, kind: 'stock', at: this.world.clock.now(), shopId: this.shopId, data: { productId: item.itemId, skuId, diffType, num, before, after } });
		return true;
	}

	updateNotes(snap: TruthSnapshot, notes: string): void {
		this.world.truth.addEvent(snap.order, { at: this.world.clock.now(), kind: 'memo', sellerMemo: notes });
		this.world.recorder.record({ provider: WECHAT, kind: 'memo', at: this.world.clock.now(), shopId: this.shopId, data: { orderId: snap.order.channelOrderId, notes } });
	}
}
