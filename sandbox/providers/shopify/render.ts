// Truth -> Shopify's REST shapes: orders (decimal strings in the shop currency, ISO times with +08:00,
// 19-digit ids as bare JSON numbers), fulfillment orders, refunds and products with variants.
import { formatMoney, isoFromMillis } from '../../../lib/model';
import { bigNumber } from '../../core/json';
import type { CatalogItem } from '../../truth/catalog';
import type { TruthSnapshot } from '../../truth/types';
import { carrierName } from './carriers';

const SHANGHAI_MINUTES = 8 * 60;
const time = (ms: number | undefined) => (ms === undefined ? null : isoFromMillis(ms, SHANGHAI_MINUTES).replace('.000', ''));

/** Shopify's two statuses for the truth status; refunds only move financial_status. */
export function shopifyStatuses(snap: TruthSnapshot): { financial: string; fulfillment: string | null } {
	const refundedAll = snap.refunded > 0 && snap.refunded >= snap.order.totals.paid;
	const financial =
		snap.paidAt === undefined ? (snap.status === 'cancelled' ? 'voided' : 'pending') : refundedAll ? 'refunded' : snap.refunded > 0 ? 'partially_refunded' : 'paid';
	const shippedLines = Object.keys(snap.lineShippedAt).length;
	let fulfillment: string | null = null;
	if (snap.shipments.length > 0) fulfillment = shippedLines > 0 && shippedLines < snap.order.lines.length ? 'partial' : 'fulfilled';
	return { financial, fulfillment };
}

/** The inventory item behind a variant (Shopify keeps stock on inventory items, not variants). */
export const inventoryItemIdOf = (variantId: string) => `9${variantId}`;

export function renderOrder(snap: TruthSnapshot): Record<string, unknown> {
	const { order } = snap;
	const money = (minor: number) => formatMoney(minor, order.currency);
	const { financial, fulfillment } = shopifyStatuses(snap);
	const succeeded = snap.refunds.filter((r) => r.phase === 'succeeded');
	const r = order.receiver;
	return {
		id: bigNumber(order.channelOrderId),
		name: `#${order.channelOrderId.slice(-6)}`,
		email: `${order.buyer.id ?? 'guest'}@example.com`,
		created_at: time(order.createdAt),
		updated_at: time(snap.updatedAt),
		processed_at: time(snap.paidAt),
		cancelled_at: snap.status === 'cancelled' ? time(snap.closedAt ?? snap.updatedAt) : null,
		closed_at: snap.status === 'completed' ? time(snap.completedAt) : null,
		currency: order.currency,
		financial_status: financial,
		fulfillment_status: fulfillment,
		taxes_included: true,
		total_price: money(order.totals.paid),
		subtotal_price: money(order.totals.goods - order.totals.discount),
		total_line_items_price: money(order.totals.goods),
		total_discounts: money(order.totals.discount),
		total_tax: money(0),
		total_shipping_price_set: { shop_money: { amount: money(order.totals.shippingFee), currency_code: order.currency } },
		note: snap.buyerMessage ?? null,
		tags: order.presale ? 'presale' : '',
		customer: order.buyer.id ? { id: bigNumber(order.buyer.id), first_name: order.buyer.nick ?? null, last_name: null } : null,
		shipping_address: {
			name: r.name ?? null,
			phone: r.phone ?? null,
			province: r.province ?? null,
			city: r.city ?? null,
			// Shopify has no district field: Chinese shoppers type it at the start of the street line.
			address1: r.address ? `${r.district ?? ''}${r.address}` : null,
			address2: null,
			zip: r.postcode ?? null,
			country_code: r.country ?? 'CN',
		},
		line_items: order.lines.map((l) => ({
			id: bigNumber(l.lineId),
			product_id: l.channelItemId && /^\d+$/.test(l.channelItemId) ? bigNumber(l.channelItemId) : null,
			variant_id: l.channelSkuId && /^\d+$/.test(l.channelSkuId) ? bigNumber(l.channelSkuId) : null,
			sku: l.merchantCode ?? '',
			title: l.title,
			variant_title: l.skuName ?? null,
			quantity: l.quantity,
			price: money(l.unitPrice),
			total_discount: money(0),
			discount_allocations: l.discount > 0 ? [{ amount: money(l.discount) }] : [],
			fulfillable_quantity: snap.lineShippedAt[l.lineId] !== undefined || snap.status === 'cancelled' ? 0 : l.quantity,
		})),
		fulfillments: snap.shipments.map((s, i) => ({
			id: bigNumber(`49${order.channelOrderId.slice(2, 17)}${String(i).padStart(2, '0')}`),
			status: 'success',
			created_at: time(s.at),
			tracking_company: carrierName(s.carrier),
			tracking_number: s.trackingNo,
			tracking_numbers: [s.trackingNo],
			line_items: (s.lineIds ?? order.lines.map((l) => l.lineId)).map((id) => ({ id: bigNumber(id) })),
		})),
		refunds: succeeded.map(renderRefund(order.currency, order.channelOrderId)),
	};
}

export const renderRefund =
	(currency: string, channelOrderId: string) =>
	(r: TruthSnapshot['refunds'][number]): Record<string, unknown> => ({
		id: bigNumber(r.refundId),
		order_id: bigNumber(channelOrderId),
		created_at: time(r.modifiedAt),
		note: r.reason,
		refund_line_items: [{ line_item_id: bigNumber(r.lineId), quantity: 1 }],
		transactions: [{ kind: 'refund', status: 'success', amount: formatMoney(r.amount, currency) }],
	});

/** One fulfillment order holding the lines not shipped yet (closed when nothing is left). */
export function renderFulfillmentOrders(snap: TruthSnapshot): Array<Record<string, unknown>> {
	const open = snap.order.lines.filter((l) => snap.lineShippedAt[l.lineId] === undefined);
	const closed = open.length === 0 || snap.status === 'cancelled';
	return [
		{
			id: bigNumber(`60${snap.order.channelOrderId.slice(2)}`),
			order_id: bigNumber(snap.order.channelOrderId),
			status: closed ? 'closed' : snap.shipments.length > 0 ? 'in_progress' : 'open',
			line_items: open.map((l, i) => ({ id: i + 1, line_item_id: bigNumber(l.lineId), quantity: l.quantity, fulfillable_quantity: closed ? 0 : l.quantity })),
		},
	];
}

export function renderProduct(item: CatalogItem): Record<string, unknown> {
	const variants = item.skus.length > 0 ? item.skus : [{ skuId: item.itemId, outerId: item.outerId, properties: '', price: item.price, quantity: item.quantity }];
	return {
		id: bigNumber(item.itemId),
		title: item.title,
		variants: variants.map((v) => ({
			id: bigNumber(v.skuId),
			sku: v.outerId,
			title: v.properties || 'Default Title',
			price: formatMoney(v.price),
			inventory_item_id: bigNumber(inventoryItemIdOf(v.skuId)),
			inventory_quantity: v.quantity,
		})),
	};
}
