// The stock-sync push ledger: per channel listing, what was last published under which version, and the
// highest version the channel acknowledged.
import type { PushLedgerEntry } from '../rules';

export interface PushLedgerRecord extends PushLedgerEntry {
	masterSku: string;
	updatedAt: string;
}

export interface PushLedgerFilter {
	channel?: string;
	shopId?: string;
}

/** A planned push: take `version` only if the ledger still holds `version - 1` (compare-and-set). */
export interface PushClaim {
	channel: string;
	shopId: string;
	channelSkuId: string;
	masterSku: string;
	quantity: number;
	version: number;
}

export interface PushClaimResult {
	claimed: PushClaim[];
	/** Another plan took the version first; re-plan these. */
	conflicts: Array<PushClaim & { ledgerVersion: number }>;
}

export interface PushAck {
	channel: string;
	shopId: string;
	channelSkuId: string;
	version: number;
}

/** A listing: channel SKU id -> master SKU, from the SKU-id mappings. */
export interface ChannelSkuMapping {
	channel: string;
	/** '' = every shop of the channel. */
	shopId: string;
	channelSkuId: string;
	masterSku: string;
}
