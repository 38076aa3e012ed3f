// Stock sync planning (库存同步): what quantity each channel listing should show, which listings need a
// push since the last acknowledged one, and a brake against mass de-listing (防止批量下架).
// Listed quantity, in this order:
//   units = available (+ virtual stock); 0 if units <= zeroAtOrBelow; minus safety stock (not below 0);
//   / units per listing (bundles), rounded down; x percent, rounded down; raised to minListed while stock
//   lasts (never above what is there); capped at maxListed; when nothing at all is available and the SKU
//   allows presale, the presale quantity instead; never below 0.
// Ledger versions follow the query -> push -> ack pattern: every push carries a new version and only an
// ack of the current version marks the listing synced, so a late ack never hides a newer change.
import { CHANNELS, type ChannelId } from '../model';
import { asSettings, readBoolean, readNumber, readOption, readString, RuleConfigError } from './configFields';

/** Matches every channel in a policy. */
export const ANY_CHANNEL = '*';
const POLICY_CHANNELS = [ANY_CHANNEL, ...CHANNELS] as const;

export interface ChannelStockPolicy {
	/** A channel id or '*' for every channel. */
	channel: ChannelId | typeof ANY_CHANNEL;
	/** Empty = every shop of the channel. */
	shopId?: string;
	safetyStock?: number;
	/** Whole percent of the available stock to list, rounded down; default 100. */
	percent?: number;
	/** 0 = no cap. */
	maxListed?: number;
	/** Keeps a listing alive while stock lasts; 0 = off. */
	minListed?: number;
	/** Added to the available quantity (made to order, supplier stock). */
	virtualStock?: number;
	/** Published when nothing is available and the SKU allows presale; 0 = off. */
	presaleQuantity?: number;
	/** Publish 0 once available is at or below this. */
	zeroAtOrBelow?: number;
	/** Skip this channel or shop entirely. */
	paused?: boolean;
}

export interface StockSyncConfig {
	policies?: readonly ChannelStockPolicy[];
	/** The brake trips when more than this percent of live listings would be cut; default 20. */
	maxCutPercent?: number;
	/** A listing also counts as cut when it drops by more than this percent; default 50. */
	dropPercent?: number;
}

export interface ChannelListing {
	channel: ChannelId;
	shopId: string;
	channelSkuId: string;
	masterSku: string;
	/** Units of the master SKU one listed item consumes (a 2-pack = 2); default 1. */
	unitsPerListing?: number;
}

export interface SkuStock {
	masterSku: string;
	/** Over the warehouses feeding the channels: on hand - reserved - warehouse safety. */
	available: number;
	presale?: boolean;
}

export interface PushLedgerEntry {
	channel: ChannelId;
	shopId: string;
	channelSkuId: string;
	lastPublished: number;
	version: number;
	ackedVersion: number;
}

export interface StockPush {
	channel: ChannelId;
	shopId: string;
	channelSkuId: string;
	masterSku: string;
	quantity: number;
	/** What the ledger says was last published; undefined for a first push. */
	previous: number | undefined;
	/** Ack with this version once the channel confirms. */
	version: number;
	reason: 'new' | 'changed' | 'unacknowledged';
	/** Goes to 0 from above 0, or drops by more than dropPercent. */
	cut: boolean;
}

export interface StockSyncPlan {
	pushes: StockPush[];
	unchanged: number;
	skipped: Array<{ channel: ChannelId; shopId: string; channelSkuId: string; reason: string }>;
	brakeTripped: boolean;
	/** True when the pushes may be sent: the brake did not trip, or the run was confirmed. */
	ready: boolean;
	/** Why the brake tripped, 中文 / English. */
	reasons: string[];
	stats: { listings: number; live: number; cuts: number; toZero: number; cutPercent: number };
}

/** A policy with every default filled in. */
export interface ResolvedStockPolicy {
	paused: boolean;
	safetyStock: number;
	percent: number;
	maxListed: number;
	minListed: number;
	virtualStock: number;
	presaleQuantity: number;
	zeroAtOrBelow: number;
}

const DEFAULT_POLICY: ResolvedStockPolicy = {
	paused: false,
	safetyStock: 0,
	percent: 100,
	maxListed: 0,
	minListed: 0,
	virtualStock: 0,
	presaleQuantity: 0,
	zeroAtOrBelow: 0,
};

const count = { min: 0, integer: true };

function readPolicies(list: readonly ChannelStockPolicy[]): Map<string, ResolvedStockPolicy> {
	const policies = new Map<string, ResolvedStockPolicy>();
	list.forEach((item, index) => {
		const path = `policies[${index}]`;
		const raw = asSettings(item, path);
		const channel = readOption(raw, 'channel', path, POLICY_CHANNELS, ANY_CHANNEL);
		const key = `${channel}|${readString(raw, 'shopId', path)}`;
		if (policies.has(key)) throw new RuleConfigError(path, `a second policy for ${key.replace('|', ' / ')}`);
		policies.set(key, {
			paused: readBoolean(raw, 'paused', path, false),
			safetyStock: readNumber(raw, 'safetyStock', path, 0, count),
			percent: readNumber(raw, 'percent', path, 100, { ...count, max: 100 }),
			maxListed: readNumber(raw, 'maxListed', path, 0, count),
			minListed: readNumber(raw, 'minListed', path, 0, count),
			virtualStock: readNumber(raw, 'virtualStock', path, 0, count),
			presaleQuantity: readNumber(raw, 'presaleQuantity', path, 0, count),
			zeroAtOrBelow: readNumber(raw, 'zeroAtOrBelow', path, 0, count),
		});
	});
	return policies;
}

/** Most specific first: channel + shop, channel, every channel + shop, every channel. */
function policyFor(policies: Map<string, ResolvedStockPolicy>, channel: string, shopId: string): ResolvedStockPolicy {
	return (
		policies.get(`${channel}|${shopId}`) ??
		policies.get(`${channel}|`) ??
		policies.get(`${ANY_CHANNEL}|${shopId}`) ??
		policies.get(`${ANY_CHANNEL}|`) ??
		DEFAULT_POLICY
	);
}

export function listedQuantity(stock: SkuStock, policy: ResolvedStockPolicy = DEFAULT_POLICY, unitsPerListing = 1): number {
	const available = Math.floor(stock.available);
	let quantity = 0;
	const units = available + policy.virtualStock;
	if (units > policy.zeroAtOrBelow) {
		const sellable = Math.floor(Math.max(0, units - policy.safetyStock) / unitsPerListing);
		quantity = Math.floor((sellable * policy.percent) / 100);
		if (sellable > 0 && quantity < policy.minListed) quantity = Math.min(policy.minListed, sellable);
		if (policy.maxListed > 0) quantity = Math.min(quantity, policy.maxListed);
	}
	if (quantity === 0 && available <= 0 && stock.presale && policy.presaleQuantity > 0) quantity = policy.presaleQuantity;
	return Math.max(0, quantity);
}

const ledgerKey = (entry: { channel: string; shopId: string; channelSkuId: string }) =>
	`${entry.channel}\u0000${entry.shopId}\u0000${entry.channelSkuId}`;

export interface StockSyncInput {
	listings: readonly ChannelListing[];
	stock: readonly SkuStock[] | ((masterSku: string) => SkuStock | undefined);
	ledger: readonly PushLedgerEntry[];
	config?: StockSyncConfig;
	/** An operator reviewed a braked plan and lets it through. */
	confirmed?: boolean;
}

export function planStockSync(input: StockSyncInput): StockSyncPlan {
	const config = asSettings(input.config ?? {}, 'stockSync');
	const policies = readPolicies((config.policies as ChannelStockPolicy[] | undefined) ?? []);
	const maxCutPercent = readNumber(config, 'maxCutPercent', 'stockSync', 20, { min: 0, max: 100 });
	const dropPercent = readNumber(config, 'dropPercent', 'stockSync', 50, { min: 0, max: 100 });
	const stockOf =
		typeof input.stock === 'function'
			? input.stock
			: ((index) => (sku: string) => index.get(sku))(new Map(input.stock.map((row) => [row.masterSku, row])));
	const ledger = new Map(input.ledger.map((entry) => [ledgerKey(entry), entry]));

	const plan: StockSyncPlan = {
		pushes: [],
		unchanged: 0,
		skipped: [],
		brakeTripped: false,
		ready: true,
		reasons: [],
		stats: { listings: input.listings.length, live: 0, cuts: 0, toZero: 0, cutPercent: 0 },
	};
	for (const listing of input.listings) {
		const where = { channel: listing.channel, shopId: listing.shopId, channelSkuId: listing.channelSkuId };
		const policy = policyFor(policies, listing.channel, listing.shopId);
		const entry = ledger.get(ledgerKey(listing));
		const previous = entry?.lastPublished;
		if (previous !== undefined && previous > 0) plan.stats.live++;
		if (policy.paused) {
			plan.skipped.push({ ...where, reason: 'paused' });
			continue;
		}
		const stock = stockOf(listing.masterSku);
		// No figure is not the same as zero: a missing row must never de-list anything.
		if (!stock) {
			plan.skipped.push({ ...where, reason: 'no stock figure' });
			continue;
		}
		const quantity = listedQuantity(stock, policy, Math.max(1, Math.floor(listing.unitsPerListing ?? 1)));
		const synced = entry !== undefined && entry.ackedVersion === entry.version;
		if (entry && synced && entry.lastPublished === quantity) {
			plan.unchanged++;
			continue;
		}
		const wasLive = previous !== undefined && previous > 0;
		const toZero = wasLive && quantity === 0;
		const cut = toZero || (wasLive && (previous - quantity) * 100 > dropPercent * previous);
		if (toZero) plan.stats.toZero++;
		if (cut) plan.stats.cuts++;
		plan.pushes.push({
			...where,
			masterSku: listing.masterSku,
			quantity,
			previous,
			version: (entry?.version ?? 0) + 1,
			reason: !entry ? 'new' : entry.lastPublished !== quantity ? 'changed' : 'unacknowledged',
			cut,
		});
	}
	const { live, cuts, toZero } = plan.stats;
	plan.stats.cutPercent = live === 0 ? 0 : Math.round((cuts / live) * 10_000) / 100;
	if (cuts * 100 > maxCutPercent * live) {
		plan.brakeTripped = true;
		plan.reasons.push(
			`本次将下架或大幅减少 ${cuts}/${live} 个在售商品（${plan.stats.cutPercent}%，其中 ${toZero} 个归零），超过 ${maxCutPercent}% 上限 / ` +
				`this run would cut ${cuts} of ${live} live listings (${plan.stats.cutPercent}%, ${toZero} to zero), above the ${maxCutPercent}% limit`,
		);
	}
	plan.ready = !plan.brakeTripped || input.confirmed === true;
	return plan;
}

/** The ledger entry after a push was sent (not yet acknowledged). */
export function recordPush(entry: PushLedgerEntry | undefined, push: StockPush): PushLedgerEntry {
	if (entry && push.version <= entry.version) {
		throw new Error(
			`Stock push for ${push.channel} shop ${push.shopId} SKU ${push.channelSkuId}: version ${push.version} is not newer than the ledger's ${entry.version}`,
		);
	}
	return {
		channel: push.channel,
		shopId: push.shopId,
		channelSkuId: push.channelSkuId,
		lastPublished: push.quantity,
		version: push.version,
		ackedVersion: entry?.ackedVersion ?? 0,
	};
}

/** Marks the entry synced only when the ack is for its current version; a stale ack changes nothing. */
export function applyAck(entry: PushLedgerEntry, ack: { version: number }): PushLedgerEntry {
	return ack.version === entry.version ? { ...entry, ackedVersion: ack.version } : entry;
}

export function isSynced(entry: PushLedgerEntry): boolean {
	return entry.ackedVersion === entry.version;
}
