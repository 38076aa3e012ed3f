// Inventory shapes: stock per (warehouse, master SKU); available = on_hand - reserved - safety.

export interface Warehouse {
	id: string;
	name: string;
	/** Lower is tried first when a reservation names no warehouse (default 100). */
	priority?: number;
	/** Provinces (as in receiver.province) this warehouse ships to; empty or absent = everywhere. */
	regions?: string[];
	/** Channels this warehouse's stock is offered on; empty or absent = all channels. */
	channels?: string[];
	active?: boolean;
}

export interface StockLevel {
	warehouseId: string;
	masterSku: string;
	onHand: number;
	reserved: number;
	safety: number;
	/** on_hand - reserved - safety; may be negative after a stock count found less than was reserved. */
	available: number;
}

export interface OnHandEntry {
	warehouseId: string;
	masterSku: string;
	/** Counted quantity; the ledger records the difference. */
	onHand: number;
	/** Safety stock kept out of availability; unchanged when absent. */
	safety?: number;
}

export interface AdjustEntry {
	warehouseId: string;
	masterSku: string;
	delta: number;
	reason: string;
}

export interface ReservationRequest {
	lineId: string;
	masterSku: string;
	quantity: number;
	/** Reserve in this warehouse; absent = the first active warehouse (by priority) with enough stock. */
	warehouseId?: string;
}

export interface ReserveOptions {
	actor?: string;
	/** Receiver province: only warehouses covering it are tried. */
	region?: string;
	/** Only warehouses offering stock on this channel are tried. */
	channel?: string;
}

/** One order's part of a batch reservation (reserveForOrders). */
export interface OrderReservation {
	orderId: string;
	lines: ReservationRequest[];
	/** Receiver province: only warehouses covering it are tried. */
	region?: string;
	/** Only warehouses offering stock on this channel are tried. */
	channel?: string;
}

export type ReservationStatus = 'active' | 'released' | 'shipped';

export interface ReservedLine {
	lineId: string;
	masterSku: string;
	quantity: number;
	warehouseId: string;
	status: ReservationStatus;
	/** false when the line was already reserved (or released) before this call. */
	new: boolean;
}

export interface Shortage {
	lineId: string;
	masterSku: string;
	quantity: number;
	/** Best availability among the warehouses tried. */
	available: number;
}

export interface ReservationResult {
	orderId: string;
	/** true when every line is reserved; false = nothing of this call was reserved (all or nothing). */
	ok: boolean;
	lines: ReservedLine[];
	shortages: Shortage[];
}

export interface ReleaseOptions {
	actor?: string;
	/** Absent = every active reservation of the order. */
	lineIds?: string[];
	/** cancel / refund return the units to available; ship takes them off on_hand too. */
	reason: 'cancel' | 'refund' | 'ship';
}

export interface ReleaseResult {
	orderId: string;
	lines: ReservedLine[];
}

export interface AvailabilityQuery {
	masterSkus?: string[];
	warehouseId?: string;
	/** Only warehouses offering stock on this channel. */
	channel?: string;
}

export interface SkuAvailability {
	masterSku: string;
	onHand: number;
	reserved: number;
	safety: number;
	/** Sum over warehouses of max(0, available); for a bundle: complete bundles the components allow. */
	available: number;
	warehouses: StockLevel[];
	bundle?: boolean;
}

export interface LedgerQuery {
	masterSku?: string;
	warehouseId?: string;
	orderId?: string;
	/** Entries with a larger id (paging). */
	afterId?: number;
	limit?: number;
}

export interface LedgerEntry {
	id: number;
	warehouseId: string;
	masterSku: string;
	/** set | adjust | reserve | release | ship */
	kind: string;
	deltaOnHand: number;
	deltaReserved: number;
	onHandAfter: number;
	reservedAfter: number;
	safetyAfter: number;
	reason?: string;
	orderId?: string;
	lineId?: string;
	actor: string;
	at: string;
}
