// Truth -> Xiaohongshu Ark JSON (channels.md §4.4-4.7): fen integers, times in ms, numeric status codes,
// receivers masked with an openAddressId, carriers by their Kuaidi100-style expressCompanyCode.
import { maskAddress, maskName, maskPhone, type OrderLine, type RefundState } from '../../../lib/model';
import type { CatalogItem } from '../../truth/catalog';
import { CARRIERS, carrierById } from '../../truth/carriers';
import { skuLineIds } from '../../truth/skuLines';
import type { RefundPhase, RefundSnapshot, TruthOrder, TruthSnapshot } from '../../truth/types';

export function orderStatus(snap: TruthSnapshot): number {
	switch (snap.status) {
		case 'pending_payment':
			return 1;
		case 'partially_shipped':
			return 5;
		case 'shipped':
		case 'delivered':
			return 6;
		case 'completed':
			return 7;
		case 'cancelled':
			// Unpaid orders are cancelled (9); paid ones end closed (8) once refunded.
			return snap.closedUnpaid ? 9 : 8;
		default:
			return 4;
	}
}

/** orderAfterSalesStatus for a refund state (also written per line as skuAfterSaleStatus [I]). */
export function afterSalesStatus(state: RefundState | undefined): number {
	switch (state) {
		case 'requested':
		case 'refunding':
			return 2;
		case 'refunded':
			return 3;
		case 'rejected':
			return 4;
		default:
			return 1;
	}
}

const RETURN_STATUS: Record<RefundPhase, number> = { requested: 1, awaiting_return: 2, returned: 3, refused: 9, closed: 5, succeeded: 4 };
export const returnStatus = (phase: RefundPhase) => RETURN_STATUS[phase];

/** XHS expressCompanyCode per sandbox carrier: Kuaidi100 style [I]. */
export const xhsCarrierCode = (carrier: string) => carrierById(carrier)?.kuaidi100Code ?? carrier;
export const carrierByXhsCode = (code: string) => CARRIERS.find((c) => c.kuaidi100Code === code)?.id;

/** The SKU id XHS shows for a line: items without variants show their item id. */
export const xhsSkuId = (line: OrderLine) => line.channelSkuId ?? line.channelItemId ?? line.lineId;

/** The line ids the client derives (SKU id, '#n' when a SKU repeats), keyed by truth line id. */
export const xhsLineIds = (order: TruthOrder): Map<string, string> => skuLineIds(order, xhsSkuId);

/** How XHS shows the receiver: always masked; plain text needs order.getOrderReceiverInfo. */
export function maskedReceiver(order: TruthOrder) {
	const r = order.receiver;
	return {
		receiverName: maskName(r.name ?? ''),
		receiverPhone: maskPhone(r.phone ?? ''),
		receiverProvinceName: r.province ?? '',
		receiverCityName: r.city ?? '',
		receiverDistrictName: r.district ?? '',
		receiverAddress: maskAddress(r.address ?? ''),
		openAddressId: order.receiverToken ?? '',
	};
}

const ms = (value: number | undefined) => value ?? 0;

/** The order.getOrderList summary. */
export function renderSummary(snap: TruthSnapshot) {
	const { order } = snap;
	return {
		orderId: order.channelOrderId,
		orderType: order.presale ? 2 : 1,
		orderStatus: orderStatus(snap),
		orderAfterSalesStatus: afterSalesStatus(snap.refundState),
		cancelStatus: 0,
		createdTime: order.createdAt,
		paidTime: ms(snap.paidAt),
		updateTime: snap.updatedAt,
		deliveryTime: ms(snap.shippedAt),
		cancelTime: snap.status === 'cancelled' ? ms(snap.closedAt) : 0,
		finishTime: ms(snap.completedAt),
		receiverProvinceName: order.receiver.province ?? '',
		receiverCityName: order.receiver.city ?? '',
		receiverDistrictName: order.receiver.district ?? '',
		customerRemark: snap.buyerMessage ?? '',
		sellerRemark: snap.sellerMemo ?? '',
		sellerRemarkFlag: 0,
		totalMerchantDiscount: order.totals.discount,
		totalRedDiscount: 0,
		userId: order.buyer.id ?? '',
	};
}

/** The order.getOrderDetail `data`. */
export function renderDetail(snap: TruthSnapshot) {
	const { order } = snap;
	const first = snap.shipments[0];
	return {
		...renderSummary(snap),
		...maskedReceiver(order),
		totalPayAmount: order.totals.paid,
		totalShippingFree: order.totals.shippingFee,
		merchantActualReceiveAmount: order.totals.paid,
		unpack: snap.shipments.some((s) => s.lineIds !== undefined),
		expressTrackingNo: first?.trackingNo ?? '',
		expressCompanyCode: first ? xhsCarrierCode(first.carrier) : '',
		skuList: order.lines.map((line) => ({
			skuId: xhsSkuId(line),
			itemId: line.channelItemId,
			skuName: line.title,
			erpcode: line.merchantCode ?? '',
			skuSpec: line.skuName ?? '',
			skuQuantity: line.quantity,
			totalPaidAmount: line.paidAmount,
			totalMerchantDiscount: line.discount,
			totalRedDiscount: 0,
			skuAfterSaleStatus: afterSalesStatus(snap.lineRefundStates[line.lineId]),
			isGift: line.isGift === true,
			skuDetailList: [{ skuId: xhsSkuId(line), erpCode: line.merchantCode ?? '', quantity: line.quantity, pricePerSku: line.unitPrice, paidAmountPerSku: Math.round(line.paidAmount / line.quantity) }],
		})),
		simpleDeliveryOrderList: snap.shipments.map((s, i) => ({
			deliveryOrderIndex: i + 1,
			status: orderStatus(snap),
			expressTrackingNo: s.trackingNo,
			expressCompanyCode: xhsCarrierCode(s.carrier),
			skuIdList: order.lines.filter((l) => !s.lineIds || s.lineIds.includes(l.lineId)).map(xhsSkuId),
		})),
	};
}

export function renderAfterSale(refund: RefundSnapshot, snap: TruthSnapshot) {
	const line = snap.order.lines.find((l) => l.lineId === refund.lineId);
	return {
		returnsId: refund.refundId,
		returnType: refund.hasGoodReturn ? 1 : refund.afterShipment ? 4 : 5,
		status: returnStatus(refund.phase),
		orderId: snap.order.channelOrderId,
		applyTime: refund.createdAt,
		updatedAt: refund.modifiedAt,
		reasonNameZh: refund.reason,
		refundFee: refund.amount,
		expectedRefundAmountYuan: refund.amount / 100,
		skus: line ? [{ skuId: xhsSkuId(line), skuName: line.title, appliedCount: line.quantity }] : [],
	};
}

export function renderSkus(item: CatalogItem) {
	if (item.skus.length === 0) {
		return [{ skuId: item.itemId, itemId: item.itemId, itemName: item.title, scSkucode: item.outerId, barcode: '', skuSpec: '', stock: item.quantity, price: item.price }];
	}
	return item.skus.map((s) => ({ skuId: s.skuId, itemId: item.itemId, itemName: item.title, scSkucode: s.outerId, barcode: '', skuSpec: s.properties, stock: s.quantity, price: s.price }));
}
