// Truth -> WeChat shop JSON (channels.md §3.2-3.5): fen integers, Unix seconds, numeric status codes,
// masked receivers with a hash code (virtual numbers for some orders), ids-only lists, big ids exact.
import { maskAddress, maskName, maskPhone, type OrderLine } from '../../../lib/model';
import { bigNumber } from '../../core/json';
import type { CatalogItem } from '../../truth/catalog';
import { skuLineIds } from '../../truth/skuLines';
import type { RefundPhase, RefundSnapshot, TruthOrder, TruthSnapshot } from '../../truth/types';

const sec = (ms: number | undefined) => (ms === undefined ? 0 : Math.floor(ms / 1000));

export function orderStatus(snap: TruthSnapshot): number {
	switch (snap.status) {
		case 'pending_payment':
			return 10;
		case 'partially_shipped':
			return 21;
		case 'shipped':
		case 'delivered':
			return 30;
		case 'completed':
			return 100;
		case 'cancelled':
			// Unpaid orders time out as 250; paid ones end as 200 once every line was refunded.
			return snap.closedUnpaid ? 250 : 200;
		default:
			return 20;
	}
}

const AFTERSALE_STATUS: Record<RefundPhase, string> = {
	requested: 'MERCHANT_PROCESSING',
	awaiting_return: 'USER_WAIT_RETURN',
	returned: 'MERCHANT_WAIT_RECEIPT',
	refused: 'MERCHANT_REJECT_REFUND',
	closed: 'USER_CANCELD',
	succeeded: 'MERCHANT_REFUND_SUCCESS',
};
export const afterSaleStatus = (phase: RefundPhase) => AFTERSALE_STATUS[phase];

/** Carrier delivery_id per sandbox carrier id; [I] for the codes channels.md marks inferred. */
export const WECHAT_CARRIER_CODES: Record<string, string> = {
	zto: 'ZTO',
	yto: 'YTO',
	yunda: 'YD',
	sto: 'STO',
	jtexpress: 'JTSD',
	sf: 'SF',
	ems: 'EMS',
	jd: 'JD',
};
export const carrierByWechatCode = (code: string) => Object.entries(WECHAT_CARRIER_CODES).find(([, c]) => c === code)?.[0];

/** A product always has a SKU on WeChat; an item without variants shows its item id as the SKU id. */
export const wechatSkuId = (line: OrderLine) => line.channelSkuId ?? line.channelItemId ?? line.lineId;

/** The line ids a WeChat client derives (SKU id, '#n' when a SKU repeats), keyed by truth line id. */
export const wechatLineIds = (order: TruthOrder): Map<string, string> => skuLineIds(order, wechatSkuId);

/** [I] Which orders carry a virtual number: about one in five, fixed by the order id. */
export const usesVirtualNumber = (order: TruthOrder) => Number(order.channelOrderId.slice(-1)) % 5 === 0;
export const virtualNumberOf = (order: TruthOrder) => `170${order.channelOrderId.slice(-8)}-${order.channelOrderId.slice(-4)}`;

/** How WeChat shows the receiver by default (masked; decoding needs another API). */
export function maskedAddress(order: TruthOrder) {
	const r = order.receiver;
	const virtual = usesVirtualNumber(order);
	return {
		user_name: maskName(r.name ?? ''),
		tel_number: maskPhone(r.phone ?? ''),
		postal_code: r.postcode ?? '',
		province_name: r.province ?? '',
		city_name: r.city ?? '',
		county_name: r.district ?? '',
		detail_info: maskAddress(r.address ?? ''),
		house_number: '',
		virtual_order_tel_number: virtual ? virtualNumberOf(order) : '',
		use_tel_number: virtual ? 1 : 0,
		hash_code: order.receiverToken ?? '',
	};
}

export function latestRefund(snap: TruthSnapshot, lineId: string): RefundSnapshot | undefined {
	return snap.refunds.filter((r) => r.lineId === lineId).at(-1);
}

const OPEN_PHASES: readonly RefundPhase[] = ['requested', 'awaiting_return', 'returned'];

function productInfo(snap: TruthSnapshot, line: OrderLine) {
	const refund = latestRefund(snap, line.lineId);
	return {
		product_id: bigNumber(line.channelItemId ?? '0'),
		sku_id: bigNumber(wechatSkuId(line)),
		out_product_id: '',
		out_sku_id: '',
		sku_code: line.merchantCode ?? '',
		title: line.title,
		thumb_img: `https://sandbox.local/img/${line.channelItemId ?? 'gift'}.jpg`,
		sku_cnt: line.quantity,
		sale_price: line.unitPrice,
		market_price: line.unitPrice,
		real_price: line.paidAmount,
		sku_attrs: (line.skuName ?? '')
			.split(';')
			.filter(Boolean)
			.map((pair) => ({ attr_key: pair.split(':')[0], attr_value: pair.split(':').slice(1).join(':') })),
		on_aftersale_sku_cnt: refund && OPEN_PHASES.includes(refund.phase) ? line.quantity : 0,
		finish_aftersale_sku_cnt: refund?.phase === 'succeeded' ? line.quantity : 0,
		is_free_gift: line.isGift === true,
	};
}

/** The order/get `order` object. */
export function renderOrder(snap: TruthSnapshot) {
	const { order } = snap;
	return {
		order_id: bigNumber(order.channelOrderId),
		status: orderStatus(snap),
		create_time: sec(order.createdAt),
		update_time: sec(snap.updatedAt),
		openid: order.buyer.id ?? '',
		order_detail: {
			product_infos: order.lines.map((line) => productInfo(snap, line)),
			price_info: {
				product_price: order.totals.goods,
				order_price: order.totals.paid,
				freight: order.totals.shippingFee,
				discounted_price: order.totals.discount,
				is_discounted: order.totals.discount > 0,
			},
			pay_info: snap.paidAt === undefined ? {} : { prepay_id: `wx${order.channelOrderId.slice(0, 12)}`, transaction_id: `4200${order.channelOrderId}`, pay_time: sec(snap.paidAt) },
			delivery_info: {
				address_info: maskedAddress(order),
				delivery_product_info: snap.shipments.map((s) => ({
					waybill_id: s.trackingNo,
					delivery_id: WECHAT_CARRIER_CODES[s.carrier] ?? 'OTHER',
					delivery_time: sec(s.at),
					deliver_type: 1,
					product_infos: order.lines
						.filter((l) => !s.lineIds || s.lineIds.includes(l.lineId))
						.map((l) => ({ product_id: bigNumber(l.channelItemId ?? '0'), sku_id: bigNumber(wechatSkuId(l)), product_cnt: l.quantity })),
				})),
				ship_done_time: sec(snap.shippedAt),
				deliver_method: 0,
			},
			ext_info: { customer_notes: snap.buyerMessage ?? '', merchant_notes: snap.sellerMemo ?? '' },
		},
		aftersale_detail: { on_aftersale_order_cnt: snap.refunds.filter((r) => OPEN_PHASES.includes(r.phase)).length, aftersale_order_list: snap.refunds.map((r) => ({ aftersale_order_id: bigNumber(r.refundId), status: 0 })) },
	};
}

export function renderAfterSale(refund: RefundSnapshot, snap: TruthSnapshot) {
	const line = snap.order.lines.find((l) => l.lineId === refund.lineId);
	return {
		after_sale_order_id: bigNumber(refund.refundId),
		status: afterSaleStatus(refund.phase),
		openid: snap.order.buyer.id ?? '',
		order_id: bigNumber(snap.order.channelOrderId),
		product_info: line ? { product_id: bigNumber(line.channelItemId ?? '0'), sku_id: bigNumber(wechatSkuId(line)), count: line.quantity } : {},
		refund_info: { amount: refund.amount },
		details: { desc: refund.reason, receive_product: refund.hasGoodReturn },
		type: refund.hasGoodReturn ? 'RETURN' : 'REFUND',
		create_time: sec(refund.createdAt),
		update_time: sec(refund.modifiedAt),
	};
}

export function renderProduct(item: CatalogItem) {
	const skus = item.skus.length
		? item.skus.map((s) => ({ sku_id: bigNumber(s.skuId), sku_code: s.outerId, out_sku_id: '', sale_price: s.price, stock_num: s.quantity, sku_attrs: s.properties.split(';').filter(Boolean).map((p) => ({ attr_key: p.split(':')[0], attr_value: p.split(':').slice(1).join(':') })) }))
		: [{ sku_id: bigNumber(item.itemId), sku_code: item.outerId, out_sku_id: '', sale_price: item.price, stock_num: item.quantity, sku_attrs: [] }];
	return { product_id: bigNumber(item.itemId), out_product_id: item.outerId, title: item.title, status: 5, edit_status: 0, skus };
}
