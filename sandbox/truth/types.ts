// Truth records: the facts behind every emulated platform, with a timeline that the sandbox clock reveals.
import type { Buyer, ChannelId, OrderLine, OrderStatus, OrderTotals, Receiver, RefundState } from '../../lib/model';

export const REFUND_PHASES = ['requested', 'awaiting_return', 'returned', 'refused', 'closed', 'succeeded'] as const;
export type RefundPhase = (typeof REFUND_PHASES)[number];

export type TruthEvent =
	| { at: number; kind: 'deposit_paid' }
	| { at: number; kind: 'paid' }
	| { at: number; kind: 'shipped'; carrier: string; trackingNo: string; lineIds?: string[] }
	| { at: number; kind: 'completed' }
	| { at: number; kind: 'cancelled'; reason: string }
	| {
			at: number;
			kind: 'refund';
			refundId: string;
			lineId: string;
			amount: number;
			phase: RefundPhase;
			reason: string;
			hasGoodReturn: boolean;
	  }
	| { at: number; kind: 'memo'; sellerMemo?: string; buyerMessage?: string }
	/** Any other change the platform stamps as a modification (used by the page-shift fault). */
	| { at: number; kind: 'touched'; note: string };

export type TruthEventKind = TruthEvent['kind'];

export interface TruthOrder {
	/** The unified id: orderId(channel, shopId, channelOrderId). */
	id: string;
	channel: ChannelId;
	shopId: string;
	channelOrderId: string;
	currency: string;
	createdAt: number;
	lines: OrderLine[];
	totals: OrderTotals;
	buyer: Buyer;
	/** The real receiver, unmasked; providers mask it the way their platform does. */
	receiver: Receiver;
	/** The platform's receiver token (Taobao OAID), where it issues one. */
	receiverToken?: string;
	buyerMessage?: string;
	sellerMemo?: string;
	presale: boolean;
	/** Platform order type, e.g. Taobao "fixed" or "step" (presale). */
	orderType: string;
	events: TruthEvent[];
	/** Bumped on every change to the record. */
	version: number;
}

export interface RefundSnapshot {
	refundId: string;
	orderId: string;
	lineId: string;
	amount: number;
	phase: RefundPhase;
	reason: string;
	hasGoodReturn: boolean;
	createdAt: number;
	modifiedAt: number;
	/** Whether the line had shipped when the refund was requested (Taobao refund_phase onsale/aftersale). */
	afterShipment: boolean;
}

export interface ShipmentSnapshot {
	carrier: string;
	trackingNo: string;
	lineIds?: string[];
	at: number;
}

/** The order as of one clock time. */
export interface TruthSnapshot {
	order: TruthOrder;
	status: OrderStatus;
	refundState: RefundState;
	lineRefundStates: Record<string, RefundState>;
	lineShippedAt: Record<string, number>;
	updatedAt: number;
	depositPaidAt?: number;
	paidAt?: number;
	shippedAt?: number;
	completedAt?: number;
	closedAt?: number;
	/** Closed before payment (Taobao TRADE_CLOSED_BY_TAOBAO) rather than after a refund. */
	closedUnpaid: boolean;
	shipments: ShipmentSnapshot[];
	refunds: RefundSnapshot[];
	refunded: number;
	sellerMemo?: string;
	buyerMessage?: string;
}
