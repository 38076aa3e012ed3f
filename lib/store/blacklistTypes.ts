// The seller's blacklist as the store keeps it: one row per (kind, channel, normalised value).
import type { BlacklistEntry, BlacklistKind } from '../rules';

export type { BlacklistEntry, BlacklistKind };

export interface BlacklistRecord {
	kind: BlacklistKind;
	/** '*' = every channel. */
	channel: string;
	/** Normalised key: digits of a phone, the buyer id, or "name|address" folded. */
	value: string;
	reason: string;
	createdAt: string;
	createdBy: string;
}

export interface BlacklistFilter {
	kind?: BlacklistKind;
	channel?: string;
	limit?: number;
}

/** Audit lookups: orders near in time, and per-customer order counts. */
export interface RecentOrdersWindow {
	/** ISO-8601 with offset, both inclusive. */
	createdFrom: string;
	createdTo: string;
	channel?: string | string[];
	/** Safety cap on rows read (default 50,000). */
	limit?: number;
}

export interface CustomerOrderStats {
	orders: number;
	/** Orders whose refund state is 'refunded'. */
	refunded: number;
}
