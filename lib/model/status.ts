// Status merge rules, and why:
// - A snapshot is judged by its updatedAt instant (the channel's modified time): an older one arrived late
//   (retries, overlapping pulls, pushes racing pulls) and must be ignored, or orders would move backwards.
// - Equal updatedAt: the channel changed the order twice within its clock resolution; the further status wins.
// - Even a newer snapshot never lowers the rank: channels keep reporting 'paid' while our own workflow has
//   moved the order to on_hold / approved / allocated, and those internal steps must survive.
// - cancelled ranks last, so it is terminal and reachable from anywhere, including shipped (a parcel
//   intercepted after dispatch) and completed (closed after a full refund).
// - Refunds: 'refunded' is terminal (the money has left). Otherwise a newer snapshot is the truth: a request
//   may be rejected, asked again, or withdrawn back to 'none'. A snapshot that is not newer changes nothing.
import { compareIso } from './time';
import { ORDER_STATUSES, type OrderStatus, type RefundState } from './types';

export const STATUS_RANK = Object.fromEntries(ORDER_STATUSES.map((status, rank) => [status, rank])) as Record<
	OrderStatus,
	number
>;

export type SnapshotVerdict = 'newer' | 'same' | 'older';

export interface StatusSnapshot {
	updatedAt: string;
	status: OrderStatus;
}

/** How an incoming snapshot relates to the stored one; 'older' means stale, ignore it. */
export function decideSnapshot(stored: StatusSnapshot, incoming: StatusSnapshot): SnapshotVerdict {
	const byTime = compareIso(incoming.updatedAt, stored.updatedAt);
	if (byTime !== 0) return byTime > 0 ? 'newer' : 'older';
	const byRank = rankOf(incoming.status) - rankOf(stored.status);
	return byRank > 0 ? 'newer' : byRank < 0 ? 'older' : 'same';
}

/** The status to store after accepting a snapshot: never a lower rank, nothing leaves cancelled. */
export function mergeStatus(storedStatus: OrderStatus, incomingStatus: OrderStatus): OrderStatus {
	if (storedStatus === 'cancelled') return storedStatus;
	return rankOf(incomingStatus) >= rankOf(storedStatus) ? incomingStatus : storedStatus;
}

/** The refund state to store; pass whether decideSnapshot() found the incoming snapshot 'newer'. */
export function mergeRefundState(stored: RefundState, incoming: RefundState, incomingIsNewer: boolean): RefundState {
	if (stored === 'refunded') return stored;
	return incomingIsNewer ? incoming : stored;
}

function rankOf(status: OrderStatus): number {
	const rank = STATUS_RANK[status];
	if (rank === undefined) throw new TypeError(`unknown order status ${JSON.stringify(status)}`);
	return rank;
}
