// Customers: one per person across channels, found through channel identities (and optionally phone hash).

export type CustomerRef = string | { channel: string; buyerId: string };

export interface CustomerIdentity {
	kind: 'buyer' | 'phone';
	/** Empty for a phone hash (it spans channels). */
	channel: string;
	/** Channel buyer id / open id, or the phone hash. */
	value: string;
}

export interface CustomerOrderSummary {
	id: string;
	channel: string;
	shopId: string;
	channelOrderId: string;
	status: string;
	createdAt: string;
	paidTotal: number;
	currency: string;
}

export interface CustomerView {
	id: string;
	displayName?: string;
	firstSeenAt: string;
	lastSeenAt: string;
	identities: CustomerIdentity[];
	orderCount: number;
	/** Newest first, at most orderLimit. */
	orders: CustomerOrderSummary[];
	/** Customers merged into this one. */
	mergedFrom: string[];
}

export interface MergeResult {
	customerId: string;
	mergedId: string;
	movedOrders: number;
	movedIdentities: number;
}
