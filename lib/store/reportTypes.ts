// The KPI report: one plain JSON object for a time range, for a daily digest or a dashboard.

export interface ReportQuery {
	/** Range start (inclusive) and end (exclusive), ISO-8601 with offset. */
	from: string;
	to: string;
	channel?: string;
	shopId?: string;
	/** Length of the top lists (unmapped SKUs, stock mismatches, dead-letter sources); default 10. */
	top?: number;
}

export interface ReportChannelRow {
	channel: string;
	shopId: string;
	currency: string;
	/** Orders created in the range. */
	orders: number;
	/** Sum of totals.paid, minor units. */
	paid: number;
	cancelled: number;
	refunds: number;
}

export interface PaidToShipped {
	/** Orders that shipped in the range (and were paid). */
	count: number;
	p50Hours: number | null;
	p90Hours: number | null;
	averageHours: number | null;
	maxHours: number | null;
}

export interface StockMismatch {
	channel: string;
	shopId: string;
	channelSkuId: string;
	masterSku: string;
	/** What the channel was last sent (push ledger). */
	lastPublished: number;
	/** What the store has available for that channel now. */
	available: number;
	difference: number;
	/** The channel has not acknowledged the last push. */
	unacked: boolean;
}

export interface StoreReport {
	from: string;
	to: string;
	generatedAt: string;
	filter: { channel?: string; shopId?: string };
	orders: { total: number; paid: number; perChannel: ReportChannelRow[] };
	paidToShipped: PaidToShipped;
	/** Audit decisions of orders created in the range, and orders on hold now. */
	audit: { held: number; blocked: number; approved: number; onHoldNow: number };
	/** Dead letters created in the range against orders created in it: deadLetters / (orders + deadLetters). */
	errors: { deadLetters: number; open: number; errorRate: number; topSources: Array<{ source: string; count: number }> };
	/** Stored order lines waiting for a SKU mapping (all time: they stay unmapped until mapped). */
	unmappedSkus: {
		count: number;
		lines: number;
		top: Array<{ channel: string; shopId: string; channelSkuId?: string; merchantCode?: string; title: string; lines: number; lastSeenAt: string }>;
	};
	/** Push ledger against current availability: listings whose channel shows a different quantity. */
	stock: { listings: number; mismatched: number; overPublished: number; underPublished: number; unacked: number; top: StockMismatch[] };
}
