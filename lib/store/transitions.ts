// Status moves our own nodes and operators may make with updateOrder. Forward moves are allowed (the model's
// rank order); two moves go back on purpose: putting an order on hold before it ships, and releasing a hold
// for another audit (on_hold -> paid). Nothing leaves cancelled; cancelled is reachable from anywhere else
// (a parcel intercepted after dispatch, a full refund after completion).
import { type OrderStatus, STATUS_RANK } from '../model';

/** Statuses an order may be put on hold from. */
export const HOLDABLE_STATUSES: readonly OrderStatus[] = ['paid', 'approved', 'allocated'];

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
	if (from === to) return true;
	if (from === 'cancelled') return false;
	if (to === 'cancelled') return true;
	if (to === 'on_hold') return HOLDABLE_STATUSES.includes(from);
	if (from === 'on_hold' && to === 'paid') return true;
	return STATUS_RANK[to] > STATUS_RANK[from];
}
