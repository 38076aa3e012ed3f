// JD state: the default app, shops and tokens, and the queries behind each JOS method. No HTTP here.
import type { Rng } from '../../core/rng';
import { Rng as SeededRng } from '../../core/rng';
import { DAY_MS } from '../../core/time';
import type { SandboxWorld } from '../../core/world';
import { seedChannelOrders, shipOrder } from '../../truth/actions';
import { buildCatalog } from '../../truth/catalog';
import type { CatalogItem, CatalogSku } from '../../truth/catalog';
import type { ChannelFlavor } from '../../truth/generator';
import type { RefundSnapshot, TruthSnapshot } from '../../truth/types';
import { jdOrderState, jdReceiver } from './render';

export const JD = 'jd';

/** Default credentials, printed at start. */
export const JD_DEFAULTS = {
	app: { appKey: 'JDSANDBOXAPPKEY0001', secret: 'sandbox-jd-secret-0001', label: 'sandbox ISV app' },
	/** The app of JD's published signing example (channels.md §2.2), so that request replays as-is. */
	exampleApp: { appKey: 'yourappkey', secret: 'yourappSecret', label: 'JOS signing example' },
	shops: [
		{ shopId: '10139288', name: '京东沙箱旗舰店', origin: '北京市', token: 'jdtoken-flagship-0001', refreshToken: 'jdrefresh-flagship-0001' },
		{ shopId: '10240577', name: '京沙小铺', origin: '广州市', token: 'jdtoken-store-0001', refreshToken: 'jdrefresh-store-0001' },
	],
	expiredToken: 'jdtoken-expired-0001',
	exampleToken: 'yourtoken',
	/** [I] Access tokens live about 30 days (one adapter's note). */
	tokenDays: 30,
	itemsPerShop: 24,
};

/** [I] JD's order type for ordinary POP (SOP) orders; presale has no known marker, so it renders the same. */
export const JD_ORDER_TYPE_SOP = '22';

export const JD_FLAVOR: ChannelFlavor = {
	channel: 'jd',
	currency: 'CNY',
	// 19-digit ids, beyond 2^53, so every pull exercises lossless parsing (JD's are Longs).
	orderId: (rng: Rng) => rng.digits(19, '3'),
	// JD items have no line id: the line is its position in itemInfoList.
	lineId: (_rng, _orderId, index) => String(index + 1),
	refundId: (rng) => rng.digits(11, '2'),
	buyerId: (rng) => `o*AAQ${rng.token(38)}`,
	receiverToken: (rng) => `JDoaid${rng.token(32)}`,
	orderType: { normal: JD_ORDER_TYPE_SOP, presale: JD_ORDER_TYPE_SOP },
};

export interface OrderQuery {
	shopId: string;
	by: 'created' | 'modified';
	start: number;
	end: number;
	states: Set<string>;
	/** sortType 1 = newest first, anything else oldest first. */
	newestFirst: boolean;
}

export type OrderTouch = (candidates: TruthSnapshot[]) => void;

/** The time the order is listed by. */
const timeOf = (snap: TruthSnapshot, by: OrderQuery['by']) => (by === 'created' ? snap.order.createdAt : snap.updatedAt);

export class JdBackend {
	constructor(readonly world: SandboxWorld) {}

	seed(): void {
		const { world } = this;
		const now = world.clock.now();
		const d = JD_DEFAULTS;
		for (const app of [d.app, d.exampleApp]) world.registry.addApp({ provider: JD, ...app });
		const shopSeeds = d.shops.map((shop) => {
			world.registry.addShop({ provider: JD, shopId: shop.shopId, name: shop.name, appKey: d.app.appKey });
			world.registry.addToken({ provider: JD, token: shop.token, shopId: shop.shopId, appKey: d.app.appKey, expiresAt: now + d.tokenDays * DAY_MS });
			const catalog = buildCatalog(new SeededRng(world.options.seed, JD, 'catalog', shop.shopId), d.itemsPerShop, now - 40 * DAY_MS);
			world.truth.setCatalog(JD, shop.shopId, catalog);
			return { shopId: shop.shopId, catalog, origin: shop.origin };
		});
		const first = d.shops[0].shopId;
		world.registry.addToken({ provider: JD, token: d.expiredToken, shopId: first, appKey: d.app.appKey, expiresAt: now - DAY_MS });
		world.registry.addToken({ provider: JD, token: d.exampleToken, shopId: first, appKey: d.exampleApp.appKey, expiresAt: Number.MAX_SAFE_INTEGER });
		seedChannelOrders(world, { flavor: JD_FLAVOR, shops: shopSeeds, now });
		world.truth.registerView(JD, { rawStatus: (snap) => jdOrderState(snap) ?? 'NOT_LISTED', masksReceiver: true, maskReceiver: jdReceiver });
	}

	/** The shop's orders JD shows the seller: paid at some point (JD does not list unpaid orders) [I]. */
	visible(shopId: string): TruthSnapshot[] {
		return this.world.truth.visibleSnapshots(JD, shopId).filter((snap) => jdOrderState(snap) !== undefined);
	}

	/** order.search: a window on created or modified time, in time order, ties by order id. */
	queryOrders(query: OrderQuery): TruthSnapshot[] {
		const direction = query.newestFirst ? -1 : 1;
		return this.visible(query.shopId)
			.filter((snap) => {
				const t = timeOf(snap, query.by);
				return t >= query.start && t <= query.end && query.states.has(jdOrderState(snap) as string);
			})
			.sort((a, b) => direction * (timeOf(a, query.by) - timeOf(b, query.by)) || direction * compareIds(a.order.channelOrderId, b.order.channelOrderId));
	}

	order(shopId: string, orderId: string): TruthSnapshot | undefined {
		const order = this.world.truth.orderByChannelId(JD, orderId);
		if (!order || order.shopId !== shopId || order.createdAt > this.world.clock.now()) return undefined;
		const snap = this.world.truth.snapshot(order);
		return jdOrderState(snap) === undefined ? undefined : snap;
	}

	/** Refund applications of a shop whose apply (or review) time is in the window, oldest first. */
	queryRefunds(shopId: string, filter: { by: 'applied' | 'checked'; start?: number; end?: number; status?: string; ids?: Set<string>; orderId?: string }, statusOf: (r: RefundSnapshot) => string) {
		const out: Array<{ refund: RefundSnapshot; snap: TruthSnapshot }> = [];
		for (const snap of this.visible(shopId)) {
			if (filter.orderId && snap.order.channelOrderId !== filter.orderId) continue;
			for (const refund of snap.refunds) {
				const t = filter.by === 'checked' ? (refund.phase === 'requested' ? undefined : refund.modifiedAt) : refund.createdAt;
				if (filter.start !== undefined && (t === undefined || t < filter.start)) continue;
				if (filter.end !== undefined && (t === undefined || t > filter.end)) continue;
				if (filter.status !== undefined && statusOf(refund) !== filter.status) continue;
				if (filter.ids && !filter.ids.has(refund.refundId)) continue;
				out.push({ refund, snap });
			}
		}
		return out.sort((a, b) => a.refund.createdAt - b.refund.createdAt || compareIds(a.refund.refundId, b.refund.refundId));
	}

	/** Every sellable unit: an item's SKUs, or the item itself when it has none (JD always has a SKU). */
	skus(shopId: string): Array<{ item: CatalogItem; sku?: CatalogSku }> {
		return this.world.truth.catalog(JD, shopId).flatMap((item) => (item.skus.length ? item.skus.map((sku) => ({ item, sku })) : [{ item }]));
	}

	findSku(shopId: string, skuId: string) {
		return this.skus(shopId).find(({ item, sku }) => (sku ? sku.skuId : item.itemId) === skuId);
	}

	/** updateSkuStock: a full set of one SKU's stock. */
	setStock(shopId: string, skuId: string, stockNum: number) {
		const found = this.findSku(shopId, skuId);
		if (!found) return undefined;
		const before = found.sku ? found.sku.quantity : found.item.quantity;
		this.world.truth.setStock(found.item, found.sku, stockNum);
		this.world.recorder.record({
			provider: JD,
			kind: 'stock',
			at: this.world.clock.now(),
			shopId,
			data: { skuId, wareId: found.item.itemId, outerId: found.sku?.outerId ?? found.item.outerId, stockNum, before, after: stockNum },
		});
		return found;
	}

	/** order.shipment: the whole order (its lines not shipped yet) leaves with one or more waybills. */
	ship(shopId: string, snap: TruthSnapshot, carrier: string, logiCoprId: string, waybills: string[]) {
		const unshipped = snap.order.lines.filter((line) => snap.lineShippedAt[line.lineId] === undefined).map((line) => line.lineId);
		const lineIds = unshipped.length === snap.order.lines.length ? undefined : unshipped;
		for (const trackingNo of waybills) shipOrder(this.world, snap.order, { carrier, trackingNo, lineIds });
		this.world.recorder.record({
			provider: JD,
			kind: 'shipment',
			at: this.world.clock.now(),
			shopId,
			data: { orderId: snap.order.channelOrderId, unifiedId: snap.order.id, logiCoprId, carrier, waybills, lineIds },
		});
	}

	/** modifyVenderRemark: the seller memo, with its flag colour. */
	setMemo(shopId: string, snap: TruthSnapshot, remark: string, flag: number | undefined) {
		this.world.truth.addEvent(snap.order, { at: this.world.clock.now(), kind: 'memo', sellerMemo: remark });
		this.world.recorder.record({
			provider: JD,
			kind: 'memo',
			at: this.world.clock.now(),
			shopId,
			data: { orderId: snap.order.channelOrderId, unifiedId: snap.order.id, remark, flag },
		});
	}

	/** page_shift fault: stamps one order of the current result as modified now, so later pages move. */
	touchOne(candidates: TruthSnapshot[], rng: SeededRng): void {
		if (candidates.length === 0) return;
		const snap = candidates[Math.floor(rng.next() * candidates.length)];
		this.world.truth.addEvent(snap.order, { at: this.world.clock.now(), kind: 'touched', note: 'modified during paging' });
	}
}

/** Numeric-string order: shorter first, then by digits. */
export function compareIds(a: string, b: string): number {
	return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
