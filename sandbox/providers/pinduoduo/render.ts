// Truth -> Pinduoduo JSON: field names, float yuan for orders and refunds, fen for goods prices [I],
// Beijing-time strings, status codes, masked and encrypted receivers (channels.md §6.4-6.7).
import type { OrderLine } from '../../../lib/model';
import { bigNumber } from '../../core/json';
import { formatShanghai } from '../../core/time';
import type { CatalogItem } from '../../truth/catalog';
import type { RefundPhase, RefundSnapshot, TruthOrder, TruthSnapshot } from '../../truth/types';

/** [I] Orders and refunds in float yuan (19.9), as the doc-generated SDK says; the emulator switch for §12.5. */
export const ORDER_AMOUNTS_IN_YUAN = true;
const amount = (fen: number) => (ORDER_AMOUNTS_IN_YUAN ? fen / 100 : fen);
const time = (ms: number | undefined) => (ms === undefined ? '' : formatShanghai(ms));
const idNumber = (id: string | undefined) => (id && /^\d+$/.test(id) ? bigNumber(id) : id);

/** Pinduoduo's logistics ids for the sandbox's carriers (pdd.logistics.companies.get) [I]. */
export const PDD_LOGISTICS_IDS: Readonly<Record<string, string>> = {
	sto: '1',
	sf: '44',
	yto: '85',
	zto: '115',
	ems: '118',
	jd: '120',
	yunda: '121',
	jtexpress: '384',
};

export function carrierByLogisticsId(id: string): string | undefined {
	return Object.keys(PDD_LOGISTICS_IDS).find((carrier) => PDD_LOGISTICS_IDS[carrier] === id);
}

/** `order_status`; undefined for orders Pinduoduo does not list (never paid). */
export function pddOrderStatus(snap: TruthSnapshot): string | undefined {
	if (snap.paidAt === undefined) return undefined;
	switch (snap.status) {
		case 'completed':
			return '3';
		case 'shipped':
		case 'partially_shipped':
		case 'delivered':
			return '2';
		case 'cancelled':
			return snap.shippedAt === undefined ? '1' : '2';
		default:
			return '1';
	}
}

/** Order `refund_status`: 1 无售后或售后关闭, 2 售后处理中, 3 退款中, 4 退款成功. */
export function pddRefundStatus(snap: TruthSnapshot): string {
	switch (snap.refundState) {
		case 'requested':
			return '2';
		case 'refunding':
			return '3';
		case 'refunded':
			return '4';
		default:
			return '1';
	}
}

const AFTER_SALES_STATUS: Record<RefundPhase, number> = {
	requested: 2,
	awaiting_return: 7,
	returned: 3,
	refused: 6,
	closed: 11,
	succeeded: 10,
};

/** [I] How Pinduoduo masks receiver fields ("张*", "138****1234", the street cut off). */
export const PDD_MASK = {
	name: (name: string) => name.slice(0, 1) + '*'.repeat(Math.max(1, name.length - 1)),
	phone: (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`,
	address: (address: string) => `${address.slice(0, 4)}****`,
};

/** A stand-in for Pinduoduo's ciphertext: stable per order and field, shaped like the real `~...~`. */
function cipher(order: TruthOrder, field: string): string {
	return `~${Buffer.from(`${order.id}:${field}`).toString('base64')}~`;
}

function renderLine(line: OrderLine) {
	return {
		goods_id: idNumber(line.channelItemId),
		goods_name: line.title,
		sku_id: idNumber(line.channelSkuId),
		outer_id: line.merchantCode ?? '',
		outer_goods_id: line.merchantCode?.split('-').slice(0, 2).join('-') ?? '',
		goods_count: line.quantity,
		goods_price: amount(line.unitPrice),
		goods_spec: line.skuName ?? '',
		goods_img: '',
	};
}

export function renderOrder(snap: TruthSnapshot): Record<string, unknown> {
	const { order } = snap;
	const orderStatus = pddOrderStatus(snap) ?? '1';
	const encrypted = orderStatus === '1' && snap.status !== 'cancelled';
	const last = snap.shipments.at(-1);
	const receiver = order.receiver;
	return {
		order_sn: order.channelOrderId,
		order_status: Number(orderStatus),
		refund_status: Number(pddRefundStatus(snap)),
		after_sales_status: 0,
		confirm_status: 1,
		risk_control_status: 0,
		trade_type: order.presale ? 1 : 0,
		is_lucky_flag: 1,
		created_time: time(order.createdAt),
		confirm_time: time(snap.paidAt),
		pay_time: time(snap.paidAt),
		updated_at: time(snap.updatedAt),
		shipping_time: time(snap.shippedAt),
		receive_time: time(snap.completedAt),
		goods_amount: amount(order.totals.goods),
		discount_amount: amount(order.totals.discount),
		platform_discount: 0,
		seller_discount: amount(order.totals.discount),
		postage: amount(order.totals.shippingFee),
		pay_amount: amount(order.totals.paid),
		tracking_number: last?.trackingNo ?? '',
		logistics_id: last ? Number(PDD_LOGISTICS_IDS[last.carrier] ?? 0) : 0,
		buyer_memo: snap.buyerMessage ?? '',
		remark: snap.sellerMemo ?? '',
		province: receiver.province ?? '',
		city: receiver.city ?? '',
		town: receiver.district ?? '',
		receiver_name: encrypted ? cipher(order, 'name') : '',
		receiver_phone: encrypted ? cipher(order, 'phone') : '',
		receiver_address: encrypted ? cipher(order, 'address') : '',
		address: encrypted ? cipher(order, 'full_address') : '',
		receiver_name_mask: PDD_MASK.name(receiver.name ?? ''),
		receiver_phone_mask: PDD_MASK.phone(receiver.phone ?? ''),
		receiver_address_mask: PDD_MASK.address(receiver.address ?? ''),
		open_address_id: order.receiverToken ?? '',
		item_list: order.lines.map(renderLine),
	};
}

const orderCache = new WeakMap<TruthSnapshot, string>();

/** The order as JSON text, cached per snapshot (snapshots are replaced whenever the order or clock moves). */
export function orderJson(snap: TruthSnapshot): string {
	let text = orderCache.get(snap);
	if (text === undefined) orderCache.set(snap, (text = JSON.stringify(renderOrder(snap))));
	return text;
}

export function renderRefund(refund: RefundSnapshot, snap: TruthSnapshot): Record<string, unknown> {
	const line = snap.order.lines.find((l) => l.lineId === refund.lineId)!;
	return {
		id: bigNumber(refund.refundId),
		order_sn: snap.order.channelOrderId,
		after_sales_type: refund.hasGoodReturn ? 3 : 2,
		after_sales_status: AFTER_SALES_STATUS[refund.phase],
		after_sale_reason: refund.reason,
		refund_amount: amount(refund.amount),
		order_amount: amount(snap.order.totals.paid),
		discount_amount: amount(line.discount),
		goods_id: idNumber(line.channelItemId),
		sku_id: idNumber(line.channelSkuId),
		outer_id: line.merchantCode ?? '',
		goods_name: line.title,
		goods_number: line.quantity,
		goods_price: amount(line.unitPrice),
		created_time: time(refund.createdAt),
		updated_time: time(refund.modifiedAt),
		confirm_time: refund.phase === 'succeeded' ? time(refund.modifiedAt) : '',
		speed_refund_flag: 0,
	};
}

/** A goods with its SKUs as pdd.goods.list.get lists them (no prices there). */
export function renderGoods(item: CatalogItem): Record<string, unknown> {
	return {
		goods_id: idNumber(item.itemId),
		goods_name: item.title,
		outer_goods_id: item.outerId,
		image_url: '',
		is_more_sku: item.skus.length > 1 ? 1 : 0,
		goods_quantity: item.skus.length ? item.skus.reduce((sum, sku) => sum + sku.quantity, 0) : item.quantity,
		is_onsale: 1,
		sku_list: item.skus.map((sku) => ({
			sku_id: idNumber(sku.skuId),
			outer_id: sku.outerId,
			spec: sku.properties,
			sku_quantity: sku.quantity,
			outer_goods_id: item.outerId,
			is_sku_onsale: 1,
		})),
	};
}
