// Push ledger writes are compare-and-set on the version, so two plans running at once can never hand out
// the same version for one listing; acks only count for the version currently in the ledger.
import { actorOf, isoAt, type StoreContext } from './context';
import { invalidInput } from './errors';
import { Conditions } from './sql';
import type {
	ChannelSkuMapping,
	PushAck,
	PushClaim,
	PushClaimResult,
	PushLedgerFilter,
	PushLedgerRecord,
} from './pushLedgerTypes';
import type { WriteOptions } from './types';

interface LedgerRow {
	channel: string;
	shop_id: string;
	channel_sku_id: string;
	master_sku: string;
	last_published: number;
	version: number;
	acked_version: number;
	updated_ms: number;
}

const KEY = 'channel = ? AND shop_id = ? AND channel_sku_id = ?';

export async function listPushLedger(ctx: StoreContext, filter: PushLedgerFilter = {}): Promise<PushLedgerRecord[]> {
	const c = new Conditions();
	if (filter.channel) c.add('channel = ?', filter.channel);
	if (filter.shopId !== undefined) c.add('shop_id = ?', filter.shopId);
	const rows = await ctx.driver.all<LedgerRow>(`SELECT * FROM push_ledger ${c.where} ORDER BY channel, shop_id, channel_sku_id`, c.params);
	return rows.map((row) => ({
		channel: row.channel as PushLedgerRecord['channel'],
		shopId: row.shop_id,
		channelSkuId: row.channel_sku_id,
		masterSku: row.master_sku,
		lastPublished: Number(row.last_published),
		version: Number(row.version),
		ackedVersion: Number(row.acked_version),
		updatedAt: isoAt(row.updated_ms),
	}));
}

export async function claimPushVersions(ctx: StoreContext, claims: readonly PushClaim[], options?: WriteOptions): Promise<PushClaimResult> {
	for (const claim of claims) {
		if (!Number.isInteger(claim.version) || claim.version < 1 || !Number.isInteger(claim.quantity) || claim.quantity < 0) {
			throw invalidInput(`push claim for ${claim.channel}/${claim.shopId}/${claim.channelSkuId} needs a version >= 1 and a whole quantity >= 0`);
		}
	}
	const now = ctx.now();
	const actor = actorOf(options);
	return ctx.driver.write(async (tx) => {
		const result: PushClaimResult = { claimed: [], conflicts: [] };
		for (const claim of claims) {
			const key = [claim.channel, claim.shopId, claim.channelSkuId];
			let changed: number;
			if (claim.version === 1) {
				changed = await tx.run(
					`INSERT INTO push_ledger (channel, shop_id, channel_sku_id, master_sku, last_published, version, acked_version, updated_ms, updated_by)
					 VALUES (?, ?, ?, ?, ?, 1, 0, ?, ?) ON CONFLICT (channel, shop_id, channel_sku_id) DO NOTHING`,
					[...key, claim.masterSku, claim.quantity, now, actor],
				);
			} else {
				changed = await tx.run(
					`UPDATE push_ledger SET master_sku = ?, last_published = ?, version = ?, updated_ms = ?, updated_by = ? WHERE ${KEY} AND version = ?`,
					[claim.masterSku, claim.quantity, claim.version, now, actor, ...key, claim.version - 1],
				);
			}
			if (changed) {
				result.claimed.push(claim);
				continue;
			}
			const row = await tx.get<{ version: number }>(`SELECT version FROM push_ledger WHERE ${KEY}`, key);
			result.conflicts.push({ ...claim, ledgerVersion: Number(row?.version ?? 0) });
		}
		return result;
	});
}

/** Returns how many acks matched the ledger's current version (stale acks change nothing). */
export async function ackPushes(ctx: StoreContext, acks: readonly PushAck[], options?: WriteOptions): Promise<number> {
	const now = ctx.now();
	const actor = actorOf(options);
	return ctx.driver.write(async (tx) => {
		let acked = 0;
		for (const ack of acks) {
			acked += await tx.run(
				`UPDATE push_ledger SET acked_version = ?, updated_ms = ?, updated_by = ? WHERE ${KEY} AND version = ? AND acked_version < ?`,
				[ack.version, now, actor, ack.channel, ack.shopId, ack.channelSkuId, ack.version, ack.version],
			);
		}
		return acked;
	});
}

/** SKU-id mappings (the channel listings stock is pushed to), optionally for one channel and shop. */
export async function listChannelSkuMappings(ctx: StoreContext, filter: PushLedgerFilter = {}): Promise<ChannelSkuMapping[]> {
	const c = new Conditions().add("match_kind = 'sku_id'");
	if (filter.channel) c.add('channel = ?', filter.channel);
	if (filter.shopId !== undefined) c.add("(shop_id = ? OR shop_id = '')", filter.shopId);
	const rows = await ctx.driver.all<{ channel: string; shop_id: string; match_value: string; master_sku: string }>(
		`SELECT channel, shop_id, match_value, master_sku FROM sku_mappings ${c.where} ORDER BY channel, shop_id, match_value`,
		c.params,
	);
	return rows.map((row) => ({ channel: row.channel, shopId: row.shop_id, channelSkuId: row.match_value, masterSku: row.master_sku }));
}
