// The unified order (统一数据标准): one shape for every channel. Money is integer minor units of
// `currency`; times are ISO-8601 strings with an offset; ids are strings, always.

export const CHANNELS = [
	'taobao',
	'jd',
	'wechat_shop',
	'xiaohongshu',
	'douyin',
	'pinduoduo',
	'shopify',
	'woocommerce',
	'own_site',
] as const;
export type ChannelId = (typeof CHANNELS)[number];

/** Order lifecycle, in rank order (see status.ts for the merge rule). */
export const ORDER_STATUSES = [
	'pending_payment',
	'paid',
	'on_hold',
	'approved',
	'allocated',
	'partially_shipped',
	'shipped',
	'delivered',
	'completed',
	'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const REFUND_STATES = ['none', 'requested', 'refunding', 'refunded', 'rejected'] as const;
export type RefundState = (typeof REFUND_STATES)[number];

/** Integer amount in the minor unit of the order's currency (fen for CNY). */
export type MinorUnits = number;

export interface OrderLine {
	lineId: string;
	/** The channel's item (listing) id, when it has one apart from the SKU id. */
	channelItemId?: string;
	channelSkuId?: string;
	/** Merchant code / outer id (商家编码) the seller typed on the channel. */
	merchantCode?: string;
	/** Master SKU resolved by the store's SKU mapping. */
	masterSku?: string;
	title: string;
	/** Variant text such as "颜色:红;尺码:M". */
	skuName?: string;
	quantity: number;
	unitPrice: MinorUnits;
	discount: MinorUnits;
	/** What the buyer paid for this line as the channel reports it. */
	paidAmount: MinorUnits;
	refundState: RefundState;
	isGift?: boolean;
}

export interface OrderTotals {
	/** Sum of list prices before discounts, as the channel reports it. */
	goods: MinorUnits;
	discount: MinorUnits;
	shippingFee: MinorUnits;
	/** The channel's own paid total; never recomputed from lines. */
	paid: MinorUnits;
	/** Refunded so far, where the channel reports it. */
	refunded?: MinorUnits;
}

export interface Buyer {
	/** Channel buyer id or open id. */
	id?: string;
	nick?: string;
}

export interface Receiver {
	name?: string;
	phone?: string;
	province?: string;
	city?: string;
	district?: string;
	town?: string;
	address?: string;
	postcode?: string;
	country?: string;
	/** True when the channel sends masked or encrypted receiver data (Taobao OAID, JD, Douyin, XHS). */
	masked: boolean;
	/** The channel's token for decrypting or referring to the masked receiver (e.g. Taobao OAID). */
	token?: string;
}

export interface Shipment {
	carrier: string;
	trackingNo: string;
	/** Line ids in this parcel; absent means the whole order. */
	lineIds?: string[];
	shippedAt?: string;
	trackingStatus?: string;
}

export interface Logistics {
	/** Our carrier id (see lib/carriers); the channel's own company code is kept beside it. */
	carrier?: string;
	channelCarrierCode?: string;
	trackingNo?: string;
	trackingStatus?: string;
	shipments?: Shipment[];
}

export type AuditSeverity = 'block' | 'hold' | 'flag';
export interface AuditHit {
	rule: string;
	severity: AuditSeverity;
	message: string;
}
export interface AuditResult {
	decision: 'approved' | 'held' | 'blocked';
	ruleVersion: string;
	hits: AuditHit[];
	auditedAt: string;
}

export interface AllocationResult {
	result: 'single' | 'split' | 'none';
	warehouses: Array<{ warehouseId: string; lineIds: string[] }>;
	carrier?: string;
	allocatedAt: string;
}

export interface UnifiedOrder {
	/** Stable hash of (channel, shopId, channelOrderId); see ids.ts. */
	id: string;
	channel: ChannelId;
	shopId: string;
	channelOrderId: string;
	status: OrderStatus;
	/** The channel's own status value, kept verbatim. */
	rawStatus: string;
	refundState: RefundState;
	/** ISO 4217 code, e.g. CNY. */
	currency: string;
	totals: OrderTotals;
	createdAt: string;
	paidAt?: string;
	/** The channel's modified time; drives incremental pulls and the status merge. */
	updatedAt: string;
	shippedAt?: string;
	lines: OrderLine[];
	buyer: Buyer;
	receiver: Receiver;
	buyerMessage?: string;
	sellerMemo?: string;
	tags: string[];
	presale?: boolean;
	logistics?: Logistics;
	audit?: AuditResult;
	allocation?: AllocationResult;
	/** Data-quality notes such as "lines_total_mismatch"; the order is still valid. */
	flags: string[];
	/** The channel payload, when the caller asks to keep it. */
	raw?: unknown;
}

/** One validation problem, with the JSON path of the offending value (e.g. "$.lines[2].quantity"). */
export interface Problem {
	path: string;
	message: string;
}
