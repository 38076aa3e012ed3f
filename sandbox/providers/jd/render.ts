// Truth -> JOS JSON: orderInfo field names, yuan strings, Beijing times, JD order states, masked consignee,
// numeric carrier ids, refund applications with fen amounts and numeric statuses.
import { formatMoney } from '../../../lib/model';
import type { OrderLine, Receiver } from '../../../lib/model';
import { bigNumber } from '../../core/json';
import { formatShanghai } from '../../core/time';
import type { CatalogItem, CatalogSku } from '../../truth/catalog';
import type { RefundPhase, RefundSnapshot, TruthOrder, TruthSnapshot } from '../../truth/types';

const yuan = (fen: number) => formatMoney(fen, 'CNY');
const time = (ms: number | undefined) => (ms === undefined ? undefined : formatShanghai(ms));

/**
 * The state JD shows, or undefined for an order JD does not list to the seller (never paid) [I]. JD ships
 * whole orders, so a partly shipped order still waits for stock-out; delivery is not a JD state.
 */
export function jdOrderState(snap: TruthSnapshot): string | undefined {
	if (snap.paidAt === undefined) return undefined;
	switch (snap.status) {
		case 'cancelled':
			return 'TRADE_CANCELED';
		case 'completed':
			return 'FINISHED_L';
		case 'shipped':
		case 'delivered':
			return 'WAIT_GOODS_RECEIVE_CONFIRM';
		case 'on_hold':
			return 'LOCKED';
		default:
			return 'WAIT_SELLER_STOCK_OUT';
	}
}

const STATE_REMARKS: Record<string, string> = {
	WAIT_SELLER_STOCK_OUT: '等待出库',
	WAIT_GOODS_RECEIVE_CONFIRM: '等待确认收货',
	FINISHED_L: '完成',
	TRADE_CANCELED: '取消',
	LOCKED: '已锁定',
};

/** Every state order.search knows (channels.md §2.4); a query naming another state is refused. */
export const JD_ORDER_STATES = [
	'WAIT_SELLER_STOCK_OUT', 'WAIT_SELLER_DELIVERY', 'WAIT_SEND_CODE', 'WAIT_GOODS_RECEIVE_CONFIRM', 'FINISHED_L',
	'TRADE_CANCELED', 'LOCKED', 'PAUSE', 'POP_ORDER_PAUSE', 'SEND_TO_DISTRIBUTION_CENER', 'DISTRIBUTION_CENTER_RECEIVED',
	'RECEIPTS_CONFIRM',
];

/**
 * [I] JD's numeric carrier ids (logiCoprId / logisticsId) for the sandbox carriers: one adapter's list;
 * J&T's id is not known, so the sandbox gives it one of its own.
 */
export const JD_CARRIER_IDS: Readonly<Record<string, string>> = {
	zto: '1499',
	yunda: '1327',
	sto: '470',
	yto: '463',
	sf: '467',
	ems: '465',
	jd: '2087',
	jtexpress: '990001',
	// 厂家自送: the seller delivers; no waybill needed.
	self_delivery: '1274',
};

export function carrierByJdId(id: string): string | undefined {
	return Object.keys(JD_CARRIER_IDS).find((carrier) => JD_CARRIER_IDS[carrier] === id);
}

/** [I] How JD masks consignee fields in order.search: surname kept, phone middle digits, street hidden. */
export const JD_MASK = {
	name: (name: string) => name.slice(0, 1) + '*'.repeat(Math.max(1, name.length - 1)),
	mobile: (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`,
	fullAddress: (r: Receiver) => `${r.province ?? ''}${r.city ?? ''}${r.district ?? ''}${r.town ?? ''}****`,
};

/** The consignee as JD shows it, in unified terms (the truth view the comparison reads). */
export function jdReceiver(order: TruthOrder): Receiver {
	const r = order.receiver;
	const receiver: Receiver = {
		name: JD_MASK.name(r.name ?? ''),
		phone: JD_MASK.mobile(r.phone ?? ''),
		province: r.province,
		city: r.city,
		district: r.district,
		town: r.town,
		address: JD_MASK.fullAddress(r),
		masked: true,
		token: order.receiverToken,
	};
	for (const key of Object.keys(receiver) as Array<keyof Receiver>) if (receiver[key] === undefined) delete receiver[key];
	return receiver;
}

/** JD has a SKU for every ware: a line without a SKU id is sold as the ware's own SKU. */
export const jdSkuIdOf = (line: OrderLine) => line.channelSkuId ?? line.channelItemId ?? '0';

/** JD's skuName is the full SKU title: item title and variant text together. */
export const jdSkuNameOf = (line: OrderLine) => (line.skuName ? `${line.title} ${line.skuName}` : line.title);

function itemInfo(line: OrderLine) {
	return {
		skuId: jdSkuIdOf(line),
		outerSkuId: line.merchantCode ?? '',
		wareId: line.channelItemId ?? '',
		productNo: '',
		skuName: jdSkuNameOf(line),
		jdPrice: yuan(line.unitPrice),
		itemTotal: String(line.quantity),
		giftPoint: '0',
		newStoreId: '0',
		invoiceContentId: '1',
	};
}

type Field = (snap: TruthSnapshot, venderId: string) => unknown;

const ORDER_FIELDS: Record<string, Field> = {
	orderId: (s) => bigNumber(s.order.channelOrderId),
	venderId: (_s, venderId) => venderId,
	orderType: (s) => s.order.orderType,
	payType: () => '4-在线支付',
	orderTotalPrice: (s) => yuan(s.order.totals.goods),
	orderSellerPrice: (s) => yuan(s.order.totals.goods - s.order.totals.discount),
	orderPayment: (s) => yuan(s.order.totals.paid),
	freightPrice: (s) => yuan(s.order.totals.shippingFee),
	sellerDiscount: (s) => yuan(s.order.totals.discount),
	balanceUsed: () => '0.00',
	orderState: (s) => jdOrderState(s),
	orderStateRemark: (s) => STATE_REMARKS[jdOrderState(s) ?? ''] ?? '',
	orderRemark: (s) => s.buyerMessage ?? '',
	orderStartTime: (s) => time(s.order.createdAt),
	orderEndTime: (s) => time(s.completedAt ?? s.closedAt) ?? '',
	paymentConfirmTime: (s) => time(s.paidAt),
	modified: (s) => time(s.updatedAt),
	venderRemark: (s) => s.sellerMemo ?? '',
	waybill: (s) => s.shipments.map((p) => p.trackingNo).join('|'),
	logisticsId: (s) => s.shipments.map((p) => JD_CARRIER_IDS[p.carrier] ?? p.carrier).join('|'),
	pin: (s) => s.order.buyer.nick,
	open_id_buyer: (s) => s.order.buyer.id,
	oaid: (s) => s.order.receiverToken,
	consigneeInfo: (s) => {
		const r = s.order.receiver;
		return {
			fullname: JD_MASK.name(r.name ?? ''),
			telephone: '',
			mobile: JD_MASK.mobile(r.phone ?? ''),
			fullAddress: JD_MASK.fullAddress(r),
			province: r.province,
			city: r.city,
			county: r.district,
			town: r.town ?? '',
		};
	},
	itemInfoList: (s) => s.order.lines.map(itemInfo),
	couponDetailList: (s) =>
		s.order.lines
			.filter((line) => line.discount > 0)
			.map((line) => ({ orderId: s.order.channelOrderId, skuId: jdSkuIdOf(line), couponType: '30-单品促销优惠', couponPrice: yuan(line.discount) })),
};

export const ALL_ORDER_FIELDS = Object.keys(ORDER_FIELDS);

/** The requested orderInfo fields JD knows (unknown names are ignored); all of them when none are named. */
export function parseOptionalFields(text: string | undefined): string[] {
	const names = (text ?? '').split(',').map((f) => f.trim()).filter((f) => f in ORDER_FIELDS);
	return names.length > 0 ? [...new Set(names)] : ALL_ORDER_FIELDS;
}

export function renderOrderInfo(snap: TruthSnapshot, fields: string[], venderId: string): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const name of fields) {
		const value = ORDER_FIELDS[name](snap, venderId);
		if (value !== undefined) out[name] = value;
	}
	return out;
}

const orderCache = new WeakMap<TruthSnapshot, Map<string, string>>();

/** The orderInfo as JSON text, cached per snapshot (snapshots are replaced whenever the order or clock moves). */
export function orderInfoJson(snap: TruthSnapshot, fields: string[], venderId: string): string {
	let perSnap = orderCache.get(snap);
	if (!perSnap) orderCache.set(snap, (perSnap = new Map()));
	const key = `${fields.join(',')}|${venderId}`;
	let text = perSnap.get(key);
	if (text === undefined) perSnap.set(key, (text = JSON.stringify(renderOrderInfo(snap, fields, venderId))));
	return text;
}

/**
 * [I] Refund application status (0 未审核 ... 11 用户撤销) for each refund phase: requested = not yet
 * reviewed, awaiting return = approved, goods on the way back = logistics follow-up, success = finance approved.
 */
const REFUND_APPLY_STATUS: Record<RefundPhase, number> = {
	requested: 0,
	awaiting_return: 1,
	returned: 10,
	refused: 2,
	closed: 11,
	succeeded: 3,
};
export const refundApplyStatus = (phase: RefundPhase) => REFUND_APPLY_STATUS[phase];

export function renderRefundApply(refund: RefundSnapshot, order: TruthOrder) {
	const line = order.lines.find((l) => l.lineId === refund.lineId);
	const reviewed = refund.phase !== 'requested';
	return {
		id: bigNumber(refund.refundId),
		orderId: order.channelOrderId,
		buyerId: order.buyer.nick,
		buyerName: JD_MASK.name(order.receiver.name ?? ''),
		applyTime: time(refund.createdAt),
		applyRefundSum: refund.amount,
		status: refundApplyStatus(refund.phase),
		checkTime: reviewed ? time(refund.modifiedAt) : '',
		checkUserName: reviewed ? '商家客服' : '',
		modified: time(refund.modifiedAt),
		reason: refund.reason,
		skuId: line ? jdSkuIdOf(line) : undefined,
	};
}

export function renderSku(item: CatalogItem, sku: CatalogSku | undefined) {
	return {
		skuId: bigNumber(sku ? sku.skuId : item.itemId),
		wareId: bigNumber(item.itemId),
		outerId: sku ? sku.outerId : item.outerId,
		skuName: sku ? `${item.title} ${sku.properties}` : item.title,
		wareTitle: item.title,
		jdPrice: yuan(sku ? sku.price : item.price),
		stockNum: sku ? sku.quantity : item.quantity,
		status: 1,
		modified: time(item.modified),
	};
}
