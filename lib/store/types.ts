// The order store contract (统一订单中心). Plain JSON in and out, batch-first, the same on SQLite and
// PostgreSQL. Times in results are ISO-8601 strings; money is integer minor units, as in the model.
import type {
	AllocationResult,
	AuditResult,
	Logistics,
	OrderStatus,
	Problem,
	RefundState,
	UnifiedOrder,
} from '../model';
import type { CustomerRef, CustomerView, MergeResult } from './customerTypes';
import type {
	AdjustEntry,
	AvailabilityQuery,
	LedgerEntry,
	LedgerQuery,
	OnHandEntry,
	OrderReservation,
	ReleaseOptions,
	ReleaseResult,
	ReservationRequest,
	ReservationResult,
	ReserveOptions,
	SkuAvailability,
	StockLevel,
	Warehouse,
} from './inventoryTypes';
import type { BlacklistEntry, BlacklistFilter, BlacklistRecord, CustomerOrderStats, RecentOrdersWindow } from './blacklistTypes';
import type { PostgresOptions } from './postgres';
import type {
	ChannelSkuMapping,
	PushAck,
	PushClaim,
	PushClaimResult,
	PushLedgerFilter,
	PushLedgerRecord,
} from './pushLedgerTypes';
import type { BlacklistLookup } from '../rules';
import type { SqliteOptions } from './sqlite';
import type { MasterSku, ResolvedSku, SkuMapping, SkuQuery, UnmappedSku } from './skuTypes';
import type {
	BackupOptions,
	BackupResult,
	CommitCursorInput,
	CommitCursorResult,
	Cursor,
	DeadLetter,
	DeadLetterInput,
	DeadLetterQuery,
	ReplayResult,
	StoreStats,
} from './opsTypes';
import type { ReportQuery, StoreReport } from './reportTypes';

export type * from './customerTypes';
export type * from './inventoryTypes';
export type * from './skuTypes';
export type * from './opsTypes';
export type * from './blacklistTypes';
export type * from './pushLedgerTypes';
export type * from './reportTypes';

export interface StoreOptions {
	/** Apply pending migrations on open (default true). */
	migrate?: boolean;
	/** Also match customers across channels by a salted hash of an unmasked receiver phone (default false). */
	matchCustomersByPhone?: boolean;
	/** Salt for the phone hash; set your own so hashes are not comparable across installations. */
	phoneHashSalt?: string;
	/** A line whose merchant code equals a master SKU resolves to it without a mapping (default true). */
	merchantCodeIsMasterSku?: boolean;
	/** Clock, epoch milliseconds (tests). */
	now?: () => number;
}

export type SqliteStoreConfig = { kind: 'sqlite' } & SqliteOptions & StoreOptions;
export type PostgresStoreConfig = { kind: 'postgres' } & PostgresOptions & StoreOptions;
export type StoreConfig = SqliteStoreConfig | PostgresStoreConfig;

/** Who made a change: recorded on every event and ledger row. */
export interface WriteOptions {
	actor?: string;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'stale' | 'invalid';

export interface StatusTransition {
	/** null for a new order. */
	from: OrderStatus | null;
	to: OrderStatus;
}

export interface UpsertOptions extends WriteOptions {
	/** Keep invalid orders as dead letters (with their problems) so they can be fixed and replayed. */
	deadLetterInvalid?: boolean;
	/** Dead-letter source label, e.g. 'taobao/shop-1'. */
	source?: string;
	/** Return the stored order with each created / updated / unchanged / stale result. */
	returnOrders?: boolean;
}

export interface UpsertResult {
	/** Position in the input array. */
	index: number;
	outcome: UpsertOutcome;
	id?: string;
	channel?: string;
	shopId?: string;
	channelOrderId?: string;
	/** Present when the stored status changed (always for 'created'). */
	transition?: StatusTransition;
	/** Top-level fields that changed ('updated' only). */
	changes?: string[];
	/** Why the order was rejected ('invalid' only). */
	problems?: Problem[];
	deadLetterId?: number;
	order?: StoredOrder;
}

export type OrderRef = string | { channel: string; shopId: string; channelOrderId: string };

export interface OrderCost {
	/** Cost per line from the master SKUs (bundles: sum of components); null when a line has no cost. */
	lines: Array<{ lineId: string; masterSku?: string; quantity: number; unitCost: number | null }>;
	/** null when any line's cost is unknown. */
	total: number | null;
	/** totals.paid - total. */
	margin: number | null;
}

/** A stored order: the unified order plus what the store knows about it. */
export interface StoredOrder extends UnifiedOrder {
	customerId?: string;
	/** When the store last wrote this order. */
	changedAt: string;
	cost?: OrderCost;
}

export type SortField = 'createdAt' | 'updatedAt' | 'paidAt' | 'changedAt';

export interface OrderSearch {
	channel?: string | string[];
	shopId?: string | string[];
	status?: OrderStatus | OrderStatus[];
	refundState?: RefundState | RefundState[];
	/** 'none' finds orders not audited yet. */
	auditDecision?: AuditResult['decision'] | 'none' | Array<AuditResult['decision'] | 'none'>;
	customerId?: string;
	tag?: string;
	/** Case-insensitive substring of order id, buyer, receiver name/phone, line titles or SKUs. */
	text?: string;
	/** Ranges: From inclusive, To exclusive, ISO-8601 with offset. */
	createdFrom?: string;
	createdTo?: string;
	updatedFrom?: string;
	updatedTo?: string;
	paidFrom?: string;
	paidTo?: string;
	changedFrom?: string;
	changedTo?: string;
	/** Default createdAt. Sorting by paidAt lists only paid orders. */
	sort?: SortField;
	direction?: 'asc' | 'desc';
	/** Page size, default 50, at most 1000. */
	limit?: number;
	/** nextCursor from the previous page (stable under concurrent inserts); or offset. */
	cursor?: string;
	offset?: number;
	withCost?: boolean;
	/** Also count every match (one more query). */
	withTotal?: boolean;
}

export interface TrackingLookup {
	trackingNo: string;
	/** Our carrier id (sf, jd, ...): orders stored with another carrier are left out. */
	carrier?: string;
}

export interface OrderPage {
	orders: StoredOrder[];
	nextCursor?: string;
	total?: number;
}

export interface OrderPatch {
	/** Validated against the allowed transitions (see transitions.ts). */
	status?: OrderStatus;
	/** The order's refund state, e.g. from the channel's refund list (a later channel snapshot sets it again). */
	refundState?: RefundState;
	addTags?: string[];
	removeTags?: string[];
	/** null clears our memo (the channel's memo shows again). */
	sellerMemo?: string | null;
	/** Merged into the order's logistics. */
	logistics?: Partial<Logistics>;
	audit?: AuditResult;
	allocation?: AllocationResult;
}

export interface UpdateResult {
	id: string;
	changes: string[];
	transition?: StatusTransition;
	order: StoredOrder;
}

export interface OrderEvent {
	id: number;
	orderId: string;
	at: string;
	actor: string;
	/** created | channel_update | patch | sku_resolved */
	kind: string;
	fromStatus?: OrderStatus;
	toStatus?: OrderStatus;
	/** Changed top-level fields before and after (the channel payload `raw` is left out). */
	before?: Record<string, unknown>;
	after?: Record<string, unknown>;
}

export interface OrderStore {
	readonly backend: 'sqlite' | 'postgres';

	upsertOrders(orders: readonly unknown[], options?: UpsertOptions): Promise<UpsertResult[]>;
	getOrder(ref: OrderRef, options?: { withCost?: boolean }): Promise<StoredOrder | undefined>;
	searchOrders(search?: OrderSearch): Promise<OrderPage>;
	updateOrder(id: string, patch: OrderPatch, options?: WriteOptions): Promise<UpdateResult>;
	/** Several patches in one transaction; all or nothing. */
	updateOrders(items: ReadonlyArray<{ id: string; patch: OrderPatch }>, options?: WriteOptions): Promise<UpdateResult[]>;
	orderHistory(id: string): Promise<OrderEvent[]>;
	/** Orders whose main tracking number (logistics.trackingNo) is this one, newest first. */
	findByTrackingNo(lookup: TrackingLookup): Promise<StoredOrder[]>;

	upsertWarehouses(warehouses: readonly Warehouse[], options?: WriteOptions): Promise<number>;
	listWarehouses(): Promise<Warehouse[]>;
	setOnHand(entries: readonly OnHandEntry[], options?: WriteOptions & { reason?: string }): Promise<StockLevel[]>;
	adjustStock(entries: readonly AdjustEntry[], options?: WriteOptions): Promise<StockLevel[]>;
	reserveForOrder(orderId: string, lines: readonly ReservationRequest[], options?: ReserveOptions): Promise<ReservationResult>;
	/**
	 * Many orders in one transaction, each all or nothing as with reserveForOrder, in the order given (an earlier
	 * order gets the stock first). Every order must be in the store; an order may appear once per call.
	 */
	reserveForOrders(orders: readonly OrderReservation[], options?: WriteOptions): Promise<ReservationResult[]>;
	/** The reservation lines an order needs: its lines' master SKUs, bundles expanded to components. */
	reservationLinesFor(orderId: string): Promise<ReservationRequest[]>;
	release(orderId: string, options: ReleaseOptions): Promise<ReleaseResult>;
	availability(query?: AvailabilityQuery): Promise<SkuAvailability[]>;
	ledger(query?: LedgerQuery): Promise<LedgerEntry[]>;

	upsertMasterSkus(skus: readonly MasterSku[], options?: WriteOptions): Promise<number>;
	/** Returns how many mappings were written and how many stored order lines they resolved. */
	upsertMappings(mappings: readonly SkuMapping[], options?: WriteOptions): Promise<{ mappings: number; linesResolved: number }>;
	resolveSku(query: SkuQuery): Promise<ResolvedSku | undefined>;
	resolveSkus(queries: readonly SkuQuery[]): Promise<Array<ResolvedSku | undefined>>;
	listUnmappedSkus(filter?: { channel?: string; shopId?: string; limit?: number }): Promise<UnmappedSku[]>;

	getCustomer(ref: CustomerRef, options?: { orderLimit?: number }): Promise<CustomerView | undefined>;
	mergeCustomers(keepId: string, mergeId: string, options?: WriteOptions): Promise<MergeResult>;

	getCursor(channel: string, shopId: string, stream: string): Promise<Cursor | undefined>;
	commitCursor(input: CommitCursorInput, options?: WriteOptions): Promise<CommitCursorResult>;

	addDeadLetters(entries: readonly DeadLetterInput[], options?: WriteOptions): Promise<number[]>;
	listDeadLetters(query?: DeadLetterQuery): Promise<DeadLetter[]>;
	replayDeadLetters(ids: readonly number[], options?: WriteOptions): Promise<ReplayResult[]>;
	discardDeadLetters(ids: readonly number[], options?: WriteOptions): Promise<number>;

	/** Blacklist read by the audit; entries are normalised like the audit's lookup keys. */
	addBlacklistEntries(entries: readonly BlacklistEntry[], options?: WriteOptions): Promise<BlacklistRecord[]>;
	removeBlacklistEntries(entries: readonly BlacklistEntry[]): Promise<number>;
	listBlacklist(filter?: BlacklistFilter): Promise<BlacklistRecord[]>;
	blacklistLookup(): Promise<BlacklistLookup>;
	/** Audit lookups: orders created in a window; order and refund counts per customer id. */
	ordersCreatedBetween(window: RecentOrdersWindow): Promise<StoredOrder[]>;
	customerOrderStats(customerIds: readonly string[]): Promise<Record<string, CustomerOrderStats>>;

	/** Stock-sync push ledger: compare-and-set version claims, acks of the current version. */
	listPushLedger(filter?: PushLedgerFilter): Promise<PushLedgerRecord[]>;
	claimPushVersions(claims: readonly PushClaim[], options?: WriteOptions): Promise<PushClaimResult>;
	ackPushes(acks: readonly PushAck[], options?: WriteOptions): Promise<number>;
	listChannelSkuMappings(filter?: PushLedgerFilter): Promise<ChannelSkuMapping[]>;

	backup(options?: BackupOptions): Promise<BackupResult>;
	stats(): Promise<StoreStats>;
	/** KPIs for a time range: orders per channel and shop, paid-to-shipped hours, audit holds, error rate, unmapped SKUs, stock mismatches. */
	report(query: ReportQuery): Promise<StoreReport>;
	close(): Promise<void>;
}
