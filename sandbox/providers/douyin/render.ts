// Truth -> Douyin Shop JSON (channels.md §5.4-5.7): fen integers, times in Unix seconds, numeric statuses,
// sub-orders as lines, receivers encrypted with masked twins, carriers by Kuaidi100-style company codes [I].
import { maskAddress, maskName, maskPhone, type OrderLine, type RefundState } from '../../../lib/model';
import type { CatalogItem } from '../../truth/catalog';
import { CARRIERS, carrierById } from '../../truth/carriers';
import type { RefundPhase, RefundSnapshot, TruthOrder, TruthSnapshot } from '../../truth/types';

export const s = (ms: number | undefined) => (ms === undefined ? 0 : Math.floor(ms / 1000));

const STATUS_DESC: Record<number, string> = { 1: '待支付', 105: '已支付', 2: '备货中', 101: '部分发货', 3: '已发货', 4: '已取消', 5: '已完成' };

export function orderStatus(snap: TruthSnapshot): number {
	switch (snap.status) {
		case 'pending_payment':
			return 1;
		case 'partially_shipped':
			return 101;
		case 'shipped':
		case 'delivered':
			return 3;
		case 'completed':
			return 5;
		case 'cancelled':
			return 4;
		default:
			return 2;
	}
}

/** A line's after_sale_info.after_sale_status for its refund state (standard after-sale status table). */
export function afterSaleStatus(state: RefundState | undefined): number {
	switch (state) {
		case 'requested':
			return 6;
		case 'refunding':
			return 7;
		case 'refunded':
			return 12;
		case 'rejected':
			return 27;
		default:
			return 0;
	}
}

const AFTERSALE_STATUS: Record<RefundPhase, number> = { requested: 6, awaiting_return: 7, returned: 11, refused: 27, closed: 28, succeeded: 12 };
export const aftersalePhaseStatus = (phase: RefundPhase) => AFTERSALE_STATUS[phase];

/** Douyin company_code per sandbox carrier: Kuaidi100 style [I]. */
export const douyinCarrierCode = (carrier: string) => carrierById(carrier)?.kuaidi100Code ?? carrier;
export const carrierByDouyinCode = (code: string) => CARRIERS.find((c) => c.kuaidi100Code === code);

/** The SKU id Douyin shows for a line: items without variants show their product id. */
export const douyinSkuId = (line: OrderLine) => line.channelSkuId ?? line.channelItemId ?? line.lineId;

/** "颜色:白色;尺码:M" -> [{name, value}], the way Douyin lists a SKU's spec. */
export function specOf(text: string | undefined) {
	if (!text) return [];
	return text.split(';').map((part) => {
		const at = part.indexOf(':');
		return at < 0 ? { name: '', value: part } : { name: part.slice(0, at), value: part.slice(at + 1) };
	});
}

const cipher = (kind: string, token: string, text: string) => `#${kind}#${Buffer.from(`${token}:${text}`, 'utf8').toString('base64')}#`;

/** How Douyin shows the receiver: encrypted fields, masked twins, region names in clear. */
export function receiverFields(order: TruthOrder) {
	const r = order.receiver;
	const token = order.receiverToken ?? '';
	const region = { province: { id: '', name: r.province ?? '' }, city: { id: '', name: r.city ?? '' }, town: { id: '', name: r.district ?? '' }, street: { id: '', name: r.town ?? '' } };
	return {
		encrypt_post_receiver: cipher('n', token, r.name ?? ''),
		encrypt_post_tel: cipher('t', token, r.phone ?? ''),
		post_addr: { ...region, detail: '', encrypt_detail: cipher('a', token, r.address ?? '') },
		mask_post_receiver: maskName(r.name ?? ''),
		mask_post_tel: maskPhone(r.phone ?? ''),
		mask_post_addr: { ...region, detail: maskAddress(r.address ?? '') },
	};
}

/** A shop order as order.searchList lists it and order.orderDetail returns it (the list carries everything). */
export function renderShopOrder(snap: TruthSnapshot, shopId: string) {
	const { order } = snap;
	const status = orderStatus(snap);
	const lineRefund = (line: OrderLine) => afterSaleStatus(snap.lineRefundStates[line.lineId]);
	return {
		order_id: order.channelOrderId,
		shop_id: Number(shopId),
		order_status: status,
		order_status_desc: STATUS_DESC[status],
		main_status: status,
		order_type: 0,
		presell_type: order.presale ? 1 : 0,
		create_time: s(order.createdAt),
		update_time: s(snap.updatedAt),
		pay_time: s(snap.paidAt),
		ship_time: s(snap.shippedAt),
		finish_time: s(snap.completedAt),
		exp_ship_time: snap.paidAt ? s(snap.paidAt) + 48 * 3600 : 0,
		order_amount: order.totals.paid + order.totals.discount,
		pay_amount: order.totals.paid,
		post_amount: order.totals.shippingFee,
		promotion_amount: order.totals.discount,
		tax_amount: 0,
		buyer_words: snap.buyerMessage ?? '',
		seller_words: snap.sellerMemo ?? '',
		doudian_open_id: order.buyer.id ?? '',
		...receiverFields(order),
		logistics_info: snap.shipments.map((p, i) => {
			const carrier = carrierById(p.carrier);
			return {
				tracking_no: p.trackingNo,
				company: douyinCarrierCode(p.carrier),
				company_name: carrier?.name ?? p.carrier,
				delivery_id: `${order.channelOrderId}-${i + 1}`,
				ship_time: s(p.at),
				product_info: order.lines.filter((l) => !p.lineIds || p.lineIds.includes(l.lineId)).map((l) => ({ sku_order_id: l.lineId, product_name: l.title, product_count: l.quantity })),
			};
		}),
		sku_order_list: order.lines.map((line) => ({
			order_id: line.lineId,
			parent_order_id: order.channelOrderId,
			order_status: status,
			product_id: line.channelItemId ?? '',
			sku_id: douyinSkuId(line),
			code: line.merchantCode ?? '',
			out_sku_id: '',
			product_name: line.title,
			spec: specOf(line.skuName),
			item_num: line.quantity,
			origin_amount: line.unitPrice,
			sum_amount: line.unitPrice * line.quantity,
			pay_amount: line.paidAmount,
			promotion_amount: line.discount,
			is_gift: line.isGift === true,
			after_sale_info: { after_sale_status: lineRefund(line), after_sale_type: 0, refund_status: lineRefund(line) === 12 ? 3 : 0 },
		})),
	};
}

export function renderAfterSale(refund: RefundSnapshot, snap: TruthSnapshot) {
	const line = snap.order.lines.find((l) => l.lineId === refund.lineId);
	return {
		aftersale_id: refund.refundId,
		aftersale_type: refund.hasGoodReturn ? 0 : refund.afterShipment ? 1 : 2,
		aftersale_status: aftersalePhaseStatus(refund.phase),
		order_id: snap.order.channelOrderId,
		sku_order_id: line?.lineId ?? '',
		apply_time: s(refund.createdAt),
		update_time: s(refund.modifiedAt),
		reason: refund.reason,
		refund_amount: refund.amount,
		product_name: line?.title ?? '',
		sku_id: line ? douyinSkuId(line) : '',
	};
}

export function renderProduct(item: CatalogItem) {
	return { product_id: item.itemId, name: item.title, outer_product_id: item.outerId, status: 0, check_status: 3, market_price: item.price, discount_price: item.price };
}

export function renderSkus(item: CatalogItem) {
	if (item.skus.length === 0) {
		return [{ id: item.itemId, product_id: item.itemId, code: item.outerId, spec_detail_name1: '', stock_num: item.quantity, price: item.price }];
	}
	return item.skus.map((sku) => {
		const [a, b, c] = specOf(sku.properties).map((p) => p.value);
		return { id: sku.skuId, product_id: item.itemId, code: sku.outerId, spec_detail_name1: a ?? '', spec_detail_name2: b ?? '', spec_detail_name3: c ?? '', stock_num: sku.quantity, price: sku.price };
	});
}
