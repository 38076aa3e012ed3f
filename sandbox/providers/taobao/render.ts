// Truth -> TOP JSON: field names, yuan strings, Shanghai times, status enums, big ids as exact numbers.
import { formatMoney } from '../../../lib/model';
import type { OrderLine } from '../../../lib/model';
import { bigNumber } from '../../core/json';
import { formatShanghai } from '../../core/time';
import { carrierById } from '../../truth/carriers';
import type { CatalogItem, CatalogSku } from '../../truth/catalog';
import type { RefundPhase, RefundSnapshot, TruthOrder, TruthSnapshot } from '../../truth/types';

const yuan = (fen: number) => formatMoney(fen, 'CNY');
const time = (ms: number | undefined) => (ms === undefined ? undefined : formatShanghai(ms));

export function tradeStatus(snap: TruthSnapshot): string {
	switch (snap.status) {
		case 'pending_payment':
			return 'WAIT_BUYER_PAY';
		case 'paid':
			return 'WAIT_SELLER_SEND_GOODS';
		case 'partially_shipped':
			return 'SELLER_CONSIGNED_PART';
		case 'shipped':
		case 'delivered':
			return 'WAIT_BUYER_CONFIRM_GOODS';
		case 'completed':
			return 'TRADE_FINISHED';
		case 'cancelled':
			return snap.closedUnpaid ? 'TRADE_CLOSED_BY_TAOBAO' : 'TRADE_CLOSED';
		default:
			return 'WAIT_SELLER_SEND_GOODS';
	}
}

const REFUND_STATUS: Record<RefundPhase, string> = {
	requested: 'WAIT_SELLER_AGREE',
	awaiting_return: 'WAIT_BUYER_RETURN_GOODS',
	returned: 'WAIT_SELLER_CONFIRM_GOODS',
	refused: 'SELLER_REFUSE_BUYER',
	closed: 'CLOSED',
	succeeded: 'SUCCESS',
};
export const refundStatus = (phase: RefundPhase) => REFUND_STATUS[phase];

/** [I] How TOP masks receiver fields under OAID, after a published sale sample ("李**", "*******5678",
 * "**********"); kept in one place to correct later. */
export const TAOBAO_MASK = {
	name: (name: string) => name.slice(0, 1) + '**',
	mobile: (phone: string) => `*******${phone.slice(-4)}`,
	address: (_address: string) => '**********',
};

function lineStatus(snap: TruthSnapshot, line: OrderLine): string {
	if (snap.lineRefundStates[line.lineId] === 'refunded') return 'TRADE_CLOSED';
	if (snap.lineShippedAt[line.lineId] !== undefined && snap.status === 'partially_shipped') return 'WAIT_BUYER_CONFIRM_GOODS';
	return tradeStatus(snap);
}

function lineRefundStatus(snap: TruthSnapshot, line: OrderLine): string {
	const refund = latestRefund(snap, line.lineId);
	return refund ? refundStatus(refund.phase) : 'NO_REFUND';
}

function latestRefund(snap: TruthSnapshot, lineId: string): RefundSnapshot | undefined {
	return snap.refunds.filter((r) => r.lineId === lineId).at(-1);
}

type Field<T> = (value: T) => unknown;
type LineContext = { snap: TruthSnapshot; line: OrderLine };

const ORDER_FIELDS: Record<string, Field<LineContext>> = {
	oid: ({ line }) => bigNumber(line.lineId),
	oid_str: ({ line }) => line.lineId,
	num_iid: ({ line }) => bigNumber(line.channelItemId ?? '0'),
	sku_id: ({ line }) => line.channelSkuId,
	outer_iid: ({ line }) => line.merchantCode?.split('-').slice(0, 2).join('-'),
	outer_sku_id: ({ line }) => (line.channelSkuId ? line.merchantCode : undefined),
	title: ({ line }) => line.title,
	sku_properties_name: ({ line }) => line.skuName,
	num: ({ line }) => line.quantity,
	price: ({ line }) => yuan(line.unitPrice),
	total_fee: ({ line }) => yuan(line.unitPrice * line.quantity - line.discount),
	payment: ({ line }) => yuan(line.paidAmount),
	discount_fee: ({ line }) => yuan(line.discount),
	adjust_fee: () => '0.00',
	divide_order_fee: ({ line }) => yuan(line.paidAmount),
	part_mjz_discount: () => '0.00',
	status: ({ snap, line }) => lineStatus(snap, line),
	refund_status: ({ snap, line }) => lineRefundStatus(snap, line),
	refund_id: ({ snap, line }) => {
		const refund = latestRefund(snap, line.lineId);
		return refund ? bigNumber(refund.refundId) : undefined;
	},
	consign_time: ({ snap, line }) => time(snap.lineShippedAt[line.lineId]),
	logistics_company: ({ snap, line }) => {
		const shipment = snap.shipments.find((s) => !s.lineIds || s.lineIds.includes(line.lineId));
		return shipment ? carrierById(shipment.carrier)?.name : undefined;
	},
	invoice_no: ({ snap, line }) => snap.shipments.find((s) => !s.lineIds || s.lineIds.includes(line.lineId))?.trackingNo,
	shipping_type: () => 'express',
	end_time: ({ snap }) => time(snap.completedAt ?? snap.closedAt),
	is_oversold: () => false,
};

const TRADE_FIELDS: Record<string, Field<TruthSnapshot>> = {
	tid: (s) => bigNumber(s.order.channelOrderId),
	tid_str: (s) => s.order.channelOrderId,
	status: (s) => tradeStatus(s),
	type: (s) => s.order.orderType,
	seller_nick: () => undefined, // filled per shop by the caller
	buyer_nick: (s) => s.order.buyer.nick,
	buyer_open_uid: (s) => s.order.buyer.id,
	created: (s) => time(s.order.createdAt),
	modified: (s) => time(s.updatedAt),
	pay_time: (s) => time(s.paidAt),
	consign_time: (s) => time(s.shippedAt),
	end_time: (s) => time(s.completedAt ?? s.closedAt),
	payment: (s) => yuan(s.order.totals.paid),
	total_fee: (s) => yuan(s.order.totals.goods),
	post_fee: (s) => yuan(s.order.totals.shippingFee),
	discount_fee: (s) => yuan(s.order.totals.discount),
	adjust_fee: () => '0.00',
	received_payment: (s) => yuan(s.completedAt !== undefined ? s.order.totals.paid - s.refunded : 0),
	num: (s) => s.order.lines.reduce((sum, line) => sum + line.quantity, 0),
	num_iid: (s) => bigNumber(s.order.lines[0].channelItemId ?? '0'),
	title: (s) => s.order.lines[0].title,
	receiver_name: (s) => TAOBAO_MASK.name(s.order.receiver.name ?? ''),
	receiver_mobile: (s) => TAOBAO_MASK.mobile(s.order.receiver.phone ?? ''),
	receiver_phone: () => '',
	receiver_address: (s) => TAOBAO_MASK.address(s.order.receiver.address ?? ''),
	receiver_state: (s) => s.order.receiver.province,
	receiver_city: (s) => s.order.receiver.city,
	receiver_district: (s) => s.order.receiver.district,
	receiver_town: (s) => s.order.receiver.town ?? '',
	receiver_zip: (s) => s.order.receiver.postcode,
	receiver_country: () => '',
	buyer_message: (s) => s.buyerMessage,
	seller_memo: (s) => s.sellerMemo,
	seller_flag: (s) => (s.sellerMemo ? 1 : 0),
	shipping_type: () => 'express',
	is_part_consign: (s) => s.status === 'partially_shipped',
	step_trade_status: (s) =>
		s.order.presale ? (s.paidAt ? 'FRONT_PAID_FINAL_PAID' : s.depositPaidAt ? 'FRONT_PAID_FINAL_NOPAID' : 'FRONT_NOPAID_FINAL_NOPAID') : undefined,
	step_paid_fee: (s) => (s.order.presale && s.depositPaidAt ? yuan(Math.round(s.order.totals.paid / 5)) : undefined),
};

/** [I] `oaid` appears only when these receiver fields are requested (channels.md §1.4). */
const OAID_TRIGGER_FIELDS = ['receiver_name', 'receiver_address', 'created', 'receiver_mobile', 'receiver_phone'];

export interface FieldSelection {
	trade: string[];
	/** Order (line) fields; undefined = no `orders` at all. */
	order?: string[];
	withOaid: boolean;
	key: string;
}

export function parseFields(fields: string, includeOaid = false): FieldSelection {
	const names = [...new Set(fields.split(',').map((f) => f.trim()).filter(Boolean))];
	const trade = names.filter((n) => !n.startsWith('orders') && n in TRADE_FIELDS);
	const sub = names.filter((n) => n.startsWith('orders.')).map((n) => n.slice('orders.'.length)).filter((n) => n in ORDER_FIELDS);
	const order = names.includes('orders') ? Object.keys(ORDER_FIELDS) : sub.length ? sub : undefined;
	const withOaid = includeOaid || OAID_TRIGGER_FIELDS.some((f) => names.includes(f));
	return { trade, order, withOaid, key: `${trade.join(',')}|${order?.join(',') ?? ''}|${withOaid}` };
}

function pick<T>(table: Record<string, Field<T>>, names: string[], value: T, into: Record<string, unknown>) {
	for (const name of names) {
		const v = table[name](value);
		if (v !== undefined) into[name] = v;
	}
}

export function renderTrade(snap: TruthSnapshot, selection: FieldSelection, sellerNick: string, simplify = false): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	pick(TRADE_FIELDS, selection.trade, snap, out);
	if (selection.trade.includes('seller_nick')) out.seller_nick = sellerNick;
	if (selection.withOaid && snap.order.receiverToken) out.oaid = snap.order.receiverToken;
	if (selection.order) {
		const orders = snap.order.lines.map((line) => {
			const row: Record<string, unknown> = {};
			pick(ORDER_FIELDS, selection.order!, { snap, line }, row);
			return row;
		});
		out.orders = simplify ? orders : { order: orders };
	}
	return out;
}

const tradeCache = new WeakMap<TruthSnapshot, Map<string, string>>();

/** The trade as JSON text, cached per snapshot (snapshots are replaced whenever the order or clock moves). */
export function tradeJson(snap: TruthSnapshot, selection: FieldSelection, sellerNick: string, simplify: boolean): string {
	let perSnap = tradeCache.get(snap);
	if (!perSnap) tradeCache.set(snap, (perSnap = new Map()));
	const key = `${selection.key}|${sellerNick}|${simplify}`;
	let text = perSnap.get(key);
	if (text === undefined) perSnap.set(key, (text = JSON.stringify(renderTrade(snap, selection, sellerNick, simplify))));
	return text;
}

export function renderRefund(refund: RefundSnapshot, order: TruthOrder, snap: TruthSnapshot, sellerNick: string) {
	const line = order.lines.find((l) => l.lineId === refund.lineId)!;
	const goodStatus = refund.phase === 'returned' || (refund.phase === 'succeeded' && refund.hasGoodReturn) ? 'BUYER_RETURNED_GOODS' : refund.afterShipment ? 'BUYER_RECEIVED' : 'BUYER_NOT_RECEIVED';
	return {
		refund_id: bigNumber(refund.refundId),
		tid: bigNumber(order.channelOrderId),
		oid: bigNumber(line.lineId),
		status: refundStatus(refund.phase),
		refund_fee: yuan(refund.amount),
		total_fee: yuan(line.unitPrice * line.quantity - line.discount),
		payment: yuan(line.paidAmount),
		created: time(refund.createdAt),
		modified: time(refund.modifiedAt),
		good_status: goodStatus,
		has_good_return: refund.hasGoodReturn,
		reason: refund.reason,
		desc: refund.reason,
		buyer_nick: order.buyer.nick,
		buyer_open_uid: order.buyer.id,
		seller_nick: sellerNick,
		title: line.title,
		num: line.quantity,
		num_iid: bigNumber(line.channelItemId ?? '0'),
		outer_id: line.merchantCode,
		sku: line.skuName,
		order_status: lineStatus(snap, line),
		refund_phase: refund.afterShipment ? 'aftersale' : 'onsale',
		refund_version: refund.modifiedAt,
	};
}

export function renderSku(sku: CatalogSku) {
	return { sku_id: bigNumber(sku.skuId), properties_name: sku.properties, quantity: sku.quantity, price: yuan(sku.price), outer_id: sku.outerId };
}

export function renderItem(item: CatalogItem, sellerNick: string, withSkus: boolean) {
	return {
		num_iid: bigNumber(item.itemId),
		title: item.title,
		nick: sellerNick,
		price: yuan(item.price),
		num: item.quantity,
		outer_id: item.outerId,
		approve_status: 'onsale',
		modified: time(item.modified),
		...(withSkus && item.skus.length ? { skus: { sku: item.skus.map((sku) => ({ ...renderSku(sku), modified: time(item.modified) })) } } : {}),
	};
}
