// Replays an order's timeline up to a clock time. Pure: the same order and time give the same snapshot.
import type { RefundState } from '../../lib/model';
import type { RefundPhase, RefundSnapshot, TruthOrder, TruthSnapshot } from './types';

const REFUND_STATE_BY_PHASE: Record<RefundPhase, RefundState> = {
	requested: 'requested',
	awaiting_return: 'refunding',
	returned: 'refunding',
	refused: 'rejected',
	closed: 'none',
	succeeded: 'refunded',
};

export function refundStateOf(phase: RefundPhase): RefundState {
	return REFUND_STATE_BY_PHASE[phase];
}

/** Order-level refund state: the most advanced line state, "refunded" only when every refund succeeded. */
function orderRefundState(refunds: RefundSnapshot[]): RefundState {
	if (refunds.length === 0) return 'none';
	const states = refunds.map((refund) => refundStateOf(refund.phase));
	for (const state of ['requested', 'refunding'] as const) if (states.includes(state)) return state;
	if (states.includes('refunded')) return 'refunded';
	if (states.includes('rejected')) return 'rejected';
	return 'none';
}

export function materialize(order: TruthOrder, now: number): TruthSnapshot {
	const snap: TruthSnapshot = {
		order,
		status: 'pending_payment',
		refundState: 'none',
		lineRefundStates: Object.fromEntries(order.lines.map((line) => [line.lineId, 'none'])),
		lineShippedAt: {},
		updatedAt: order.createdAt,
		closedUnpaid: false,
		shipments: [],
		refunds: [],
		refunded: 0,
		sellerMemo: order.sellerMemo,
		buyerMessage: order.buyerMessage,
	};
	const refunds = new Map<string, RefundSnapshot>();
	for (const event of order.events) {
		if (event.at > now) break;
		snap.updatedAt = Math.max(snap.updatedAt, event.at);
		switch (event.kind) {
			case 'deposit_paid':
				snap.depositPaidAt = event.at;
				break;
			case 'paid':
				snap.paidAt = event.at;
				if (snap.status === 'pending_payment') snap.status = 'paid';
				break;
			case 'shipped': {
				snap.shipments.push({ carrier: event.carrier, trackingNo: event.trackingNo, lineIds: event.lineIds, at: event.at });
				for (const lineId of event.lineIds ?? order.lines.map((line) => line.lineId)) snap.lineShippedAt[lineId] ??= event.at;
				snap.shippedAt ??= event.at;
				const allShipped = order.lines.every((line) => snap.lineShippedAt[line.lineId] !== undefined);
				if (snap.status !== 'cancelled') snap.status = allShipped ? 'shipped' : 'partially_shipped';
				break;
			}
			case 'completed':
				snap.completedAt = event.at;
				if (snap.status !== 'cancelled') snap.status = 'completed';
				break;
			case 'cancelled':
				snap.closedAt = event.at;
				snap.closedUnpaid = snap.paidAt === undefined;
				snap.status = 'cancelled';
				break;
			case 'refund': {
				const existing = refunds.get(event.refundId);
				const refund: RefundSnapshot = existing ?? {
					refundId: event.refundId,
					orderId: order.id,
					lineId: event.lineId,
					amount: event.amount,
					phase: event.phase,
					reason: event.reason,
					hasGoodReturn: event.hasGoodReturn,
					createdAt: event.at,
					modifiedAt: event.at,
					afterShipment: snap.lineShippedAt[event.lineId] !== undefined,
				};
				refund.phase = event.phase;
				refund.modifiedAt = event.at;
				refunds.set(event.refundId, refund);
				snap.lineRefundStates[event.lineId] = refundStateOf(event.phase);
				break;
			}
			case 'memo':
				if (event.sellerMemo !== undefined) snap.sellerMemo = event.sellerMemo;
				if (event.buyerMessage !== undefined) snap.buyerMessage = event.buyerMessage;
				break;
			case 'touched':
				break;
		}
	}
	snap.refunds = [...refunds.values()];
	snap.refunded = snap.refunds.filter((r) => r.phase === 'succeeded').reduce((sum, r) => sum + r.amount, 0);
	snap.refundState = orderRefundState(snap.refunds);
	// Every paid line refunded before it shipped: the platform closes the order.
	const paidLines = order.lines.filter((line) => line.paidAmount > 0);
	const allRefunded =
		paidLines.length > 0 && paidLines.every((line) => snap.lineRefundStates[line.lineId] === 'refunded');
	if (allRefunded && snap.status !== 'cancelled' && snap.status !== 'completed') {
		snap.status = 'cancelled';
		snap.closedAt = Math.max(...snap.refunds.map((r) => r.modifiedAt));
	}
	return snap;
}
