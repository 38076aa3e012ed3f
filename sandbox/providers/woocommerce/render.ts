// Truth -> WooCommerce REST v3 shapes: orders (decimal strings in the site currency, site-local and *_gmt
// times without a zone), line items with SKUs, refunds (negative totals), products and variations.
import { formatMoney } from '../../../lib/model';
import type { CatalogItem, CatalogSku } from '../../truth/catalog';
import { carrierById } from '../../truth/carriers';
import type { TruthSnapshot } from '../../truth/types';
import type { WooNote, WooTracking, WooWebhookRecord } from './models';

const HOUR_MS = 3_600_000;
/** WordPress writes times without a zone: *_gmt in UTC, the others in the site's zone (Asia/Shanghai here). */
const gmt = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString().slice(0, 19));
const local = (ms: number | undefined) => (ms === undefined ? null : new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 19));
const times = (name: string, ms: number | undefined) => ({ [name]: local(ms), [`${name}_gmt`]: gmt(ms) });

/** The carrier's name as a seller would type it (the sandbox's own carrier table). */
export const carrierName = (carrier: string) => carrierById(carrier)?.name ?? carrier;

/** WooCommerce's one status for the truth status; it has no partial or shipped state of its own. */
export function wooStatus(snap: TruthSnapshot): string {
	const refundedAll = snap.refunded > 0 && snap.refunded >= snap.order.totals.paid;
	if (refundedAll) return 'refunded';
	switch (snap.status) {
		case 'pending_payment':
			return 'pending';
		case 'on_hold':
			return 'on-hold';
		case 'shipped':
		case 'delivered':
		case 'completed':
			return 'completed';
		case 'cancelled':
			return 'cancelled';
		default:
			return 'processing';
	}
}

export function renderOrder(snap: TruthSnapshot, trackings: WooTracking[] = []): Record<string, unknown> {
	const { order } = snap;
	const money = (minor: number) => formatMoney(minor, order.currency);
	const r = order.receiver;
	const succeeded = snap.refunds.filter((x) => x.phase === 'succeeded');
	const address = {
		first_name: r.name ?? '',
		last_name: '',
		company: '',
		// WooCommerce has no district field: Chinese shoppers type it at the start of the street line.
		address_1: r.address ? `${r.district ?? ''}${r.address}` : '',
		address_2: '',
		city: r.city ?? '',
		state: r.province ?? '',
		postcode: r.postcode ?? '',
		country: r.country ?? 'CN',
		phone: r.phone ?? '',
	};
	const status = wooStatus(snap);
	const shipped = snap.shipments.map((s, i) => ({ tracking_provider: carrierName(s.carrier), custom_tracking_provider: '', tracking_number: s.trackingNo, tracking_id: `${order.channelOrderId}${i}`, date_shipped: String(Math.floor(s.at / 1000)) }));
	const extra = trackings.filter((t) => !snap.shipments.some((s) => s.trackingNo === t.trackingNo));
	const items = [...shipped, ...extra.map((t) => ({ tracking_provider: t.provider, custom_tracking_provider: '', tracking_number: t.trackingNo, tracking_id: t.id, date_shipped: String(Math.floor(t.at / 1000)) }))];
	return {
		id: Number(order.channelOrderId),
		parent_id: 0,
		number: order.channelOrderId,
		order_key: `wc_order_${order.channelOrderId}`,
		created_via: 'checkout',
		version: '9.4.2',
		status,
		currency: order.currency,
		...times('date_created', order.createdAt),
		...times('date_modified', snap.updatedAt),
		discount_total: money(order.totals.discount),
		discount_tax: money(0),
		shipping_total: money(order.totals.shippingFee),
		shipping_tax: money(0),
		cart_tax: money(0),
		total: money(order.totals.paid),
		total_tax: money(0),
		prices_include_tax: false,
		customer_id: order.buyer.id ? Number(order.buyer.id) : 0,
		customer_note: snap.buyerMessage ?? '',
		billing: { ...address, first_name: order.buyer.nick ?? '', email: `${order.buyer.id ?? 'guest'}@example.com` },
		shipping: address,
		payment_method: 'alipay',
		payment_method_title: '支付宝',
		transaction_id: snap.paidAt === undefined ? '' : `2026${order.channelOrderId}`,
		...times('date_paid', snap.paidAt),
		...times('date_completed', status === 'completed' ? snap.completedAt ?? snap.shippedAt : undefined),
		cart_hash: '',
		meta_data: items.length > 0 ? [{ id: 1, key: '_wc_shipment_tracking_items', value: items }] : [],
		line_items: order.lines.map((l) => ({
			id: Number(l.lineId),
			name: l.title,
			product_id: l.channelItemId && /^\d+$/.test(l.channelItemId) ? Number(l.channelItemId) : 0,
			variation_id: l.channelSkuId && l.channelSkuId !== l.channelItemId && /^\d+$/.test(l.channelSkuId) ? Number(l.channelSkuId) : 0,
			quantity: l.quantity,
			tax_class: '',
			subtotal: money(l.unitPrice * l.quantity),
			subtotal_tax: money(0),
			total: money(l.unitPrice * l.quantity - l.discount),
			total_tax: money(0),
			taxes: [],
			meta_data: l.skuName ? [{ id: 1, key: 'pa_spec', value: l.skuName }] : [],
			sku: l.merchantCode ?? '',
			price: Number(money(l.unitPrice)),
		})),
		tax_lines: [],
		shipping_lines: order.totals.shippingFee > 0 ? [{ id: 1, method_title: '快递', method_id: 'flat_rate', total: money(order.totals.shippingFee), total_tax: money(0) }] : [],
		fee_lines: [],
		coupon_lines: [],
		refunds: succeeded.map((x) => ({ id: Number(x.refundId), reason: x.reason, total: `-${money(x.amount)}` })),
	};
}

export function renderRefund(snap: TruthSnapshot, refund: TruthSnapshot['refunds'][number]): Record<string, unknown> {
	const money = (minor: number) => formatMoney(minor, snap.order.currency);
	const line = snap.order.lines.find((l) => l.lineId === refund.lineId);
	return {
		id: Number(refund.refundId),
		...times('date_created', refund.modifiedAt),
		amount: money(refund.amount),
		reason: refund.reason,
		refunded_by: 1,
		refunded_payment: true,
		meta_data: [],
		line_items: line
			? [{ id: Number(refund.refundId) + 1, name: line.title, product_id: Number(line.channelItemId ?? 0) || 0, quantity: -1, subtotal: `-${money(refund.amount)}`, total: `-${money(refund.amount)}`, sku: line.merchantCode ?? '', price: -Number(money(refund.amount)) }]
			: [],
	};
}

export function renderProduct(item: CatalogItem): Record<string, unknown> {
	const variable = item.skus.length > 0;
	return {
		id: Number(item.itemId),
		name: item.title,
		type: variable ? 'variable' : 'simple',
		status: 'publish',
		sku: item.outerId,
		price: formatMoney(item.price),
		manage_stock: !variable,
		stock_quantity: variable ? null : item.quantity,
		stock_status: variable || item.quantity > 0 ? 'instock' : 'outofstock',
		variations: item.skus.map((s) => Number(s.skuId)),
		...times('date_modified', item.modified),
	};
}

export function renderVariation(item: CatalogItem, sku: CatalogSku): Record<string, unknown> {
	return {
		id: Number(sku.skuId),
		sku: sku.outerId,
		price: formatMoney(sku.price),
		manage_stock: true,
		stock_quantity: sku.quantity,
		stock_status: sku.quantity > 0 ? 'instock' : 'outofstock',
		attributes: sku.properties
			.split(';')
			.filter(Boolean)
			.map((pair, i) => ({ id: i + 1, name: pair.split(':')[0], option: pair.split(':')[1] ?? '' })),
		parent_id: Number(item.itemId),
	};
}

export const renderNote = (n: WooNote) => ({ id: n.id, author: 'system', date_created: local(n.at), date_created_gmt: gmt(n.at), note: n.note, customer_note: n.customerNote });

export const renderTracking = (t: WooTracking) => ({ tracking_id: t.id, tracking_provider: t.provider, tracking_number: t.trackingNo, tracking_link: t.link ?? '', date_shipped: String(Math.floor(t.at / 1000)) });

export function renderWebhook(w: WooWebhookRecord): Record<string, unknown> {
	const [resource, event] = w.topic.split('.');
	return { id: w.id, name: w.name, status: w.status, topic: w.topic, resource, event, hooks: [`woocommerce_${resource}_${event}`], delivery_url: w.deliveryUrl, ...times('date_created', w.createdAt) };
}
