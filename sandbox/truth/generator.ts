// Seeded "truth" orders: realistic shoppers, addresses, multi-line baskets, gifts, discounts, presale,
// refunds and cancellations, each with a timeline the sandbox clock reveals step by step.
import type { ChannelId, OrderLine } from '../../lib/model';
import { orderId } from '../../lib/model';
import { Rng } from '../core/rng';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../core/time';
import type { CatalogItem } from './catalog';
import { giftTitle } from './catalog';
import { CARRIER_WEIGHTS } from './carriers';
import { COMPOUNDS, PROVINCE_WEIGHTS, STREETS } from './geo';
import { pickScenario } from './parcels';
import type { TruthParcel } from './parcels';
import { buyerNick, mobilePhone, personName } from './people';
import type { RefundPhase, TruthEvent, TruthOrder } from './types';

/** What differs per channel: id shapes, receiver tokens, order type names. Providers supply it. */
export interface ChannelFlavor {
	channel: ChannelId;
	currency: string;
	orderId(rng: Rng): string;
	/** Line id; `index` within the order, `orderChannelId` for channels whose single line reuses it. */
	lineId(rng: Rng, orderChannelId: string, index: number, lineCount: number): string;
	refundId(rng: Rng): string;
	buyerId(rng: Rng): string;
	receiverToken?(rng: Rng): string;
	orderType: { normal: string; presale: string };
}

export interface ShopSeed {
	shopId: string;
	catalog: CatalogItem[];
	/** City the shop ships from. */
	origin: string;
}

export interface GenerateContext {
	seed: string | number;
	flavor: ChannelFlavor;
	shops: ShopSeed[];
	/** Clock time when the sandbox starts; orders are created in the window before it. */
	now: number;
	windowDays: number;
	/** Ids already taken (so generated ids never collide). */
	takenIds: Set<string>;
}

export interface GeneratedOrder {
	order: TruthOrder;
	parcels: TruthParcel[];
}

const seconds = (ms: number) => Math.floor(ms / 1000) * 1000;

// Weight tables, module constants so each is summed once.
const LINE_COUNTS = [[1, 60], [2, 25], [3, 10], [4, 5]] as const;
const QUANTITIES = [[1, 80], [2, 15], [3, 5]] as const;
const SCENARIOS = [['abandoned', 7], ['cancel_before_ship', 3], ['normal', 90]] as const;
const REFUND_OUTCOMES = [['succeeded', 60], ['refused', 20], ['closed', 20]] as const;
const BUYER_MESSAGES = ['请尽快发货', '不要放快递柜', '送人的，不要放发票', '周末不在家，请工作日送'];
const SELLER_MEMOS = ['VIP客户', '已核实地址', '加急'];

function uniqueId(make: () => string, taken: Set<string>): string {
	for (;;) {
		const id = make();
		if (!taken.has(id)) {
			taken.add(id);
			return id;
		}
	}
}

function buildLines(rng: Rng, ctx: GenerateContext, shop: ShopSeed, channelOrderId: string): OrderLine[] {
	const count = rng.weighted(LINE_COUNTS);
	const discountPct = rng.chance(0.35) ? rng.int(5, 20) : 0;
	const hasGift = rng.chance(0.08);
	const total = count + (hasGift ? 1 : 0);
	const lines: OrderLine[] = [];
	for (let i = 0; i < count; i++) {
		const item = rng.pick(shop.catalog);
		const sku = item.skus.length ? rng.pick(item.skus) : undefined;
		const quantity = rng.weighted(QUANTITIES);
		const unitPrice = sku?.price ?? item.price;
		const discount = Math.round((unitPrice * quantity * discountPct) / 100);
		lines.push({
			lineId: ctx.flavor.lineId(rng, channelOrderId, i, total),
			channelItemId: item.itemId,
			channelSkuId: sku?.skuId,
			merchantCode: sku?.outerId ?? item.outerId,
			title: item.title,
			skuName: sku?.properties,
			quantity,
			unitPrice,
			discount,
			paidAmount: unitPrice * quantity - discount,
			refundState: 'none',
		});
	}
	if (hasGift) {
		lines.push({
			lineId: ctx.flavor.lineId(rng, channelOrderId, count, total),
			channelItemId: rng.digits(12, '6'),
			merchantCode: `GIFT-${rng.int(1, 4)}`,
			title: giftTitle(rng),
			quantity: 1,
			unitPrice: 0,
			discount: 0,
			paidAmount: 0,
			refundState: 'none',
			isGift: true,
		});
	}
	return lines;
}

function receiverFor(rng: Rng) {
	const province = rng.weighted(PROVINCE_WEIGHTS);
	const city = rng.pick(province.cities);
	const district = rng.pick(city.districts);
	const address =
		`${rng.pick(STREETS)}${rng.int(1, 999)}号${rng.pick(COMPOUNDS)}` +
		`${rng.int(1, 30)}幢${rng.int(1, 2)}单元${rng.int(1, 28)}0${rng.int(1, 4)}室`;
	return {
		name: personName(rng),
		phone: mobilePhone(rng),
		province: province.province,
		city: city.city,
		district,
		address,
		postcode: city.postcode,
		country: '中国',
		masked: false,
	};
}

/** One order and the parcels it shipped in. `index` picks the order's own seeded stream. */
export function generateOrder(ctx: GenerateContext, index: number): GeneratedOrder {
	const rng = new Rng(ctx.seed, ctx.flavor.channel, 'order', index);
	const shop = ctx.shops[rng.int(0, ctx.shops.length - 1)];
	const channelOrderId = uniqueId(() => ctx.flavor.orderId(rng), ctx.takenIds);
	const createdAt = seconds(ctx.now - rng.int(60_000, ctx.windowDays * DAY_MS));
	const lines = buildLines(rng, ctx, shop, channelOrderId);
	const goods = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
	const discount = lines.reduce((sum, line) => sum + line.discount, 0);
	const shippingFee = rng.chance(0.7) ? 0 : rng.int(5, 15) * 100;
	const presale = rng.chance(0.04);
	const order: TruthOrder = {
		id: orderId(ctx.flavor.channel, shop.shopId, channelOrderId),
		channel: ctx.flavor.channel,
		shopId: shop.shopId,
		channelOrderId,
		currency: ctx.flavor.currency,
		createdAt,
		lines,
		totals: { goods, discount, shippingFee, paid: goods - discount + shippingFee },
		buyer: { id: ctx.flavor.buyerId(rng), nick: buyerNick(rng) },
		receiver: receiverFor(rng),
		receiverToken: ctx.flavor.receiverToken?.(rng),
		buyerMessage: rng.chance(0.15) ? rng.pick(BUYER_MESSAGES) : undefined,
		sellerMemo: rng.chance(0.1) ? rng.pick(SELLER_MEMOS) : undefined,
		presale,
		orderType: presale ? ctx.flavor.orderType.presale : ctx.flavor.orderType.normal,
		events: [],
		version: 0,
	};
	const parcels: TruthParcel[] = [];
	order.events = buildTimeline(rng, ctx, order, shop, parcels);
	order.events.sort((a, b) => a.at - b.at);
	return { order, parcels };
}

function buildTimeline(rng: Rng, ctx: GenerateContext, order: TruthOrder, shop: ShopSeed, parcels: TruthParcel[]) {
	const events: TruthEvent[] = [];
	const at = (ms: number) => seconds(ms);
	const scenario = rng.weighted(SCENARIOS);
	let paidAt: number;
	if (order.presale) {
		events.push({ at: at(order.createdAt + rng.int(1, 10) * MINUTE_MS), kind: 'deposit_paid' });
		paidAt = at(order.createdAt + rng.int(2, 10) * DAY_MS);
	} else {
		paidAt = at(order.createdAt + rng.int(1, 30) * MINUTE_MS);
	}
	if (scenario === 'abandoned') {
		events.push({ at: at(order.createdAt + DAY_MS), kind: 'cancelled', reason: '买家未付款，交易超时关闭' });
		return events;
	}
	events.push({ at: paidAt, kind: 'paid' });
	const paidLines = order.lines.filter((line) => line.paidAmount > 0);
	const refund = (refundId: string, line: OrderLine, phase: RefundPhase, when: number, reason: string, goods: boolean): TruthEvent => ({
		at: at(when),
		kind: 'refund',
		refundId,
		lineId: line.lineId,
		amount: line.paidAmount,
		phase,
		reason,
		hasGoodReturn: goods,
	});
	if (scenario === 'cancel_before_ship') {
		let when = paidAt + rng.int(1, 8) * HOUR_MS;
		for (const line of paidLines) {
			const refundId = ctx.flavor.refundId(rng);
			events.push(refund(refundId, line, 'requested', when, '拍错/多拍/不想要', false));
			events.push(refund(refundId, line, 'succeeded', when + rng.int(30, 120) * MINUTE_MS, '拍错/多拍/不想要', false));
			when += MINUTE_MS;
		}
		return events;
	}
	let shipAt = paidAt + rng.int(2, 48) * HOUR_MS;
	if (shipAt > ctx.now) return events; // paid, waiting for the seller (the pack) to ship
	const split = order.lines.length > 1 && rng.chance(0.05);
	const batches = split ? [order.lines.slice(0, 1), order.lines.slice(1)] : [order.lines];
	let lastShip = shipAt;
	for (const batch of batches) {
		if (shipAt > ctx.now) break;
		const carrier = rng.weighted(CARRIER_WEIGHTS);
		const trackingNo = carrier.waybill(rng);
		const lineIds = split ? batch.map((line) => line.lineId) : undefined;
		events.push({ at: at(shipAt), kind: 'shipped', carrier: carrier.id, trackingNo, lineIds });
		const parcel = {
			carrier: carrier.id,
			trackingNo,
			shippedAt: at(shipAt),
			phone: order.receiver.phone,
			origin: shop.origin,
			destination: { province: order.receiver.province ?? '', city: order.receiver.city ?? '', district: order.receiver.district ?? '' },
			scenario: pickScenario(rng),
			seed: ctx.seed,
		};
		parcels.push(parcel);
		lastShip = at(shipAt);
		shipAt += rng.int(20, 48) * HOUR_MS;
	}
	const shippedBatches = events.filter((event) => event.kind === 'shipped').length;
	if (shippedBatches === batches.length) {
		events.push({ at: at(lastShip + rng.int(5, 10) * DAY_MS), kind: 'completed' });
	}
	if (paidLines.length && rng.chance(0.06)) {
		const line = rng.pick(paidLines);
		const refundId = ctx.flavor.refundId(rng);
		const outcome = rng.weighted(REFUND_OUTCOMES);
		const reason = '商品与描述不符';
		const goods = outcome === 'succeeded';
		let when = lastShip + rng.int(1, 4) * DAY_MS;
		events.push(refund(refundId, line, 'requested', when, reason, goods));
		if (goods) {
			events.push(refund(refundId, line, 'awaiting_return', (when += HOUR_MS), reason, goods));
			events.push(refund(refundId, line, 'returned', (when += rng.int(2, 3) * DAY_MS), reason, goods));
		}
		events.push(refund(refundId, line, outcome, when + DAY_MS, reason, goods));
	}
	if (rng.chance(0.05)) events.push({ at: at(paidAt + rng.int(1, 6) * HOUR_MS), kind: 'memo', sellerMemo: '已电话确认收货地址' });
	return events;
}

/** `count` orders for one channel's shops, plus their parcels; deterministic in (seed, channel, count). */
export function generateOrders(ctx: GenerateContext, count: number, firstIndex = 0): GeneratedOrder[] {
	const out: GeneratedOrder[] = [];
	for (let i = 0; i < count; i++) out.push(generateOrder(ctx, firstIndex + i));
	return out;
}
