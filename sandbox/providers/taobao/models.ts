// Taobao state: the default apps, shops and sessions, and the queries behind each TOP method. No HTTP here.
import { StateCache } from '../../core/envelope';
import type { Rng } from '../../core/rng';
import { Rng as SeededRng } from '../../core/rng';
import { DAY_MS } from '../../core/time';
import type { SandboxWorld } from '../../core/world';
import { seedChannelOrders, shipOrder } from '../../truth/actions';
import { buildCatalog } from '../../truth/catalog';
import type { CatalogItem } from '../../truth/catalog';
import { carrierByTaobaoCode } from '../../truth/carriers';
import type { ChannelFlavor } from '../../truth/generator';
import type { RefundSnapshot, TruthOrder, TruthSnapshot } from '../../truth/types';
import { TAOBAO_MASK, tradeStatus } from './render';

export const TAOBAO = 'taobao';

/** Default credentials, printed at start and listed in docs/sandbox.md. */
export const TAOBAO_DEFAULTS = {
	app: { appKey: '21000001', secret: 'sandbox-taobao-secret-0001', label: 'sandbox ISV app' },
	/** The app of TOP's published signing example (channels.md §1.2), so that example replays as-is. */
	exampleApp: { appKey: '12345678', secret: 'helloworld', label: 'TOP signing example' },
	shops: [
		{ shopId: 'tb-flagship', name: '沙箱旗舰店', origin: '杭州市', session: 'tbsess-flagship-0001' },
		{ shopId: 'tb-cshop', name: '小沙的杂货铺', origin: '义乌市', session: 'tbsess-cshop-0001' },
	],
	expiredSession: 'tbsess-expired-0001',
	exampleSession: 'test',
	sessionDays: 30,
	itemsPerShop: 24,
};

export const TAOBAO_FLAVOR: ChannelFlavor = {
	channel: 'taobao',
	currency: 'CNY',
	// tids are 19 digits, beyond 2^53; a single-line order reuses its tid as the line's oid.
	orderId: (rng: Rng) => rng.digits(19, '234'),
	lineId: (rng, tid, _index, count) => (count === 1 ? tid : rng.digits(19, '234')),
	refundId: (rng) => rng.digits(17, '123'),
	buyerId: (rng) => `AAH${rng.token(21)}`,
	receiverToken: (rng) => rng.token(48),
	orderType: { normal: 'fixed', presale: 'step' },
};

/** [I] Query types the trade lists cover when `type` is omitted; guarantee_trade stands for fixed and auction. */
export const DEFAULT_TRADE_TYPES = ['guarantee_trade', 'auto_delivery', 'ec', 'cod', 'step'];
const TYPE_ALIASES: Record<string, string[]> = { guarantee_trade: ['guarantee_trade', 'fixed', 'auction'] };
/** Status filters that stand for several statuses. */
const STATUS_GROUPS: Record<string, string[]> = {
	ALL_WAIT_PAY: ['WAIT_BUYER_PAY', 'TRADE_NO_CREATE_PAY'],
	ALL_CLOSED: ['TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO'],
};

export interface TradeQuery {
	shopId: string;
	by: 'created' | 'modified';
	start: number;
	end: number;
	status?: string;
	types?: string[];
	buyerNick?: string;
}

export class TaobaoBackend {
	/** Sorted query results per sandbox state: paging through a window reuses one sort. */
	private readonly queries = new StateCache<TruthSnapshot[]>(256);

	constructor(readonly world: SandboxWorld) {}

	/** Changes whenever anything a response depends on changes: the truth or the clock. */
	stateKey(): string {
		return `${this.world.truth.version}:${this.world.clock.version}:${this.world.clock.now()}`;
	}

	/** Seeds the registry, catalogs and truth orders for Taobao. */
	seed(): void {
		const { world } = this;
		const now = world.clock.now();
		const d = TAOBAO_DEFAULTS;
		for (const app of [d.app, d.exampleApp]) world.registry.addApp({ provider: TAOBAO, ...app });
		const shopSeeds = d.shops.map((shop) => {
			world.registry.addShop({ provider: TAOBAO, shopId: shop.shopId, name: shop.name, appKey: d.app.appKey });
			world.registry.addToken({
				provider: TAOBAO,
				token: shop.session,
				refreshToken: `${shop.session}-refresh`,
				shopId: shop.shopId,
				appKey: d.app.appKey,
				expiresAt: now + d.sessionDays * DAY_MS,
			});
			const catalog = buildCatalog(new SeededRng(world.options.seed, TAOBAO, 'catalog', shop.shopId), d.itemsPerShop, now - 40 * DAY_MS);
			world.truth.setCatalog(TAOBAO, shop.shopId, catalog);
			return { shopId: shop.shopId, catalog, origin: shop.origin };
		});
		const first = d.shops[0].shopId;
		world.registry.addToken({
			provider: TAOBAO,
			token: d.expiredSession,
			refreshToken: `${d.expiredSession}-refresh`,
			shopId: first,
			appKey: d.app.appKey,
			expiresAt: now - DAY_MS,
		});
		world.registry.addToken({ provider: TAOBAO, token: d.exampleSession, shopId: first, appKey: d.exampleApp.appKey, expiresAt: Number.MAX_SAFE_INTEGER });
		seedChannelOrders(world, { flavor: TAOBAO_FLAVOR, shops: shopSeeds, now });
		world.truth.registerView(TAOBAO, {
			rawStatus: tradeStatus,
			masksReceiver: true,
			maskReceiver: (order: TruthOrder) => ({
				...order.receiver,
				name: TAOBAO_MASK.name(order.receiver.name ?? ''),
				phone: TAOBAO_MASK.mobile(order.receiver.phone ?? ''),
				address: TAOBAO_MASK.address(order.receiver.address ?? ''),
				masked: true,
				token: order.receiverToken,
			}),
		});
	}

	sellerNick(shopId: string): string {
		return this.world.registry.shop(TAOBAO, shopId)?.name ?? shopId;
	}

	/** Trades of a shop in a created/modified window, newest first (ties by tid, descending). */
	queryTrades(query: TradeQuery): TruthSnapshot[] {
		return this.queries.get(JSON.stringify(query), this.stateKey(), () => this.runTradeQuery(query));
	}

	private runTradeQuery(query: TradeQuery): TruthSnapshot[] {
		const types = new Set((query.types ?? DEFAULT_TRADE_TYPES).flatMap((t) => TYPE_ALIASES[t] ?? [t]));
		const statuses = query.status ? new Set(STATUS_GROUPS[query.status] ?? [query.status]) : undefined;
		const key = (s: TruthSnapshot) => (query.by === 'created' ? s.order.createdAt : s.updatedAt);
		return this.world.truth
			.visibleSnapshots(TAOBAO, query.shopId)
			.filter((s) => {
				const t = key(s);
				return (
					t >= query.start &&
					t <= query.end &&
					types.has(s.order.orderType) &&
					(!statuses || statuses.has(tradeStatus(s))) &&
					(!query.buyerNick || s.order.buyer.nick === query.buyerNick)
				);
			})
			.sort((a, b) => key(b) - key(a) || (a.order.channelOrderId < b.order.channelOrderId ? 1 : -1));
	}

	trade(shopId: string, tid: string): TruthSnapshot | undefined {
		const order = this.world.truth.orderByChannelId(TAOBAO, tid);
		if (!order || order.shopId !== shopId || order.createdAt > this.world.clock.now()) return undefined;
		return this.world.truth.snapshot(order);
	}

	/** Refunds of a shop modified in the window, newest first. */
	queryRefunds(shopId: string, start: number, end: number, status?: string, statusOf?: (r: RefundSnapshot) => string) {
		const out: Array<{ refund: RefundSnapshot; snap: TruthSnapshot }> = [];
		for (const snap of this.world.truth.visibleSnapshots(TAOBAO, shopId)) {
			for (const refund of snap.refunds) {
				if (refund.modifiedAt < start || refund.modifiedAt > end) continue;
				if (status && statusOf && statusOf(refund) !== status) continue;
				out.push({ refund, snap });
			}
		}
		return out.sort((a, b) => b.refund.modifiedAt - a.refund.modifiedAt || (a.refund.refundId < b.refund.refundId ? 1 : -1));
	}

	refund(shopId: string, refundId: string) {
		for (const snap of this.world.truth.visibleSnapshots(TAOBAO, shopId)) {
			const refund = snap.refunds.find((r) => r.refundId === refundId);
			if (refund) return { refund, snap };
		}
		return undefined;
	}

	items(shopId: string): CatalogItem[] {
		return this.world.truth.catalog(TAOBAO, shopId);
	}

	/** taobao.item.quantity.update: type 1 sets, type 2 adds (never below zero). Returns the changed item. */
	updateQuantity(shopId: string, item: CatalogItem, skuId: string | undefined, quantity: number, type: 1 | 2) {
		const sku = skuId ? item.skus.find((s) => s.skuId === skuId) : undefined;
		const before = sku ? sku.quantity : item.quantity;
		const after = type === 1 ? quantity : Math.max(0, before + quantity);
		this.world.truth.setStock(item, sku, after);
		this.world.recorder.record({
			provider: TAOBAO,
			kind: 'stock',
			at: this.world.clock.now(),
			shopId,
			data: { itemId: item.itemId, skuId: sku?.skuId, outerId: sku?.outerId ?? item.outerId, type, quantity, before, after },
		});
		return { item, sku };
	}

	/** taobao.logistics.offline.send: the seller's own carrier. */
	ship(shopId: string, snap: TruthSnapshot, companyCode: string, outSid: string, lineIds?: string[]) {
		const carrier = carrierByTaobaoCode(companyCode);
		if (!carrier) return 'unknown_company' as const;
		shipOrder(this.world, snap.order, { carrier: carrier.id, trackingNo: outSid, lineIds });
		this.world.recorder.record({
			provider: TAOBAO,
			kind: 'shipment',
			at: this.world.clock.now(),
			shopId,
			data: { tid: snap.order.channelOrderId, orderId: snap.order.id, companyCode, carrier: carrier.id, trackingNo: outSid, lineIds },
		});
		return 'ok' as const;
	}

	/** The seller handles a refund: agree (refund, or first the goods back) or refuse. Records what it did. */
	handleRefund(shopId: string, refundId: string, action: 'agree' | 'refuse', note?: string) {
		const found = this.refund(shopId, refundId);
		if (!found) return 'not_found' as const;
		const { refund, snap } = found;
		if (refund.phase !== 'requested' && refund.phase !== 'returned') return 'wrong_state' as const;
		const next = action === 'refuse' ? 'refused' : refund.hasGoodReturn && refund.phase === 'requested' ? 'awaiting_return' : 'succeeded';
		const now = this.world.clock.now();
		this.world.truth.addEvent(snap.order, {
			at: now,
			kind: 'refund',
			refundId,
			lineId: refund.lineId,
			amount: refund.amount,
			phase: next,
			reason: refund.reason,
			hasGoodReturn: refund.hasGoodReturn,
		});
		this.world.recorder.record({
			provider: TAOBAO,
			kind: 'refund',
			at: now,
			shopId,
			data: { refundId, tid: snap.order.channelOrderId, oid: refund.lineId, action, amount: refund.amount, phase: next, note },
		});
		return next;
	}

	/** taobao.trade.memo.update: the seller memo (and flag colour) on an order. */
	updateMemo(shopId: string, snap: TruthSnapshot, memo: string, flag?: number): void {
		this.world.truth.addEvent(snap.order, { at: this.world.clock.now(), kind: 'memo', sellerMemo: memo });
		this.world.recorder.record({
			provider: TAOBAO,
			kind: 'memo',
			at: this.world.clock.now(),
			shopId,
			data: { tid: snap.order.channelOrderId, memo, flag },
		});
	}

	/** taobao.top.auth.token.refresh: a new session for the same shop; the old one keeps its own expiry [I]. */
	refreshSession(appKey: string, refreshToken: string) {
		const old = this.world.registry.byRefreshToken(TAOBAO, refreshToken);
		if (!old || old.appKey !== appKey) return undefined;
		const now = this.world.clock.now();
		const rng = new SeededRng(this.world.options.seed, 'refresh', refreshToken, now);
		const token = { ...old, token: `tbsess-${rng.token(24)}`, refreshToken: `tbrefresh-${rng.token(24)}`, expiresAt: now + TAOBAO_DEFAULTS.sessionDays * DAY_MS };
		this.world.registry.addToken(token);
		return token;
	}

	/** page_shift fault: stamps one order of the current result as modified now, so later pages move. */
	touchOne(candidates: TruthSnapshot[], rng: SeededRng): void {
		if (candidates.length === 0) return;
		const snap = candidates[Math.floor(rng.next() * candidates.length)];
		this.world.truth.addEvent(snap.order, { at: this.world.clock.now(), kind: 'touched', note: 'modified during paging' });
	}
}
