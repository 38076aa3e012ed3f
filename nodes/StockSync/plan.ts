// Listings, stock and ledger read from the store, planned per channel (stock offered to a channel depends
// on its warehouses) and braked over the whole run.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ChannelId } from '../../lib/model';
import {
	ANY_CHANNEL,
	planStockSync,
	type ChannelListing,
	type ChannelStockPolicy,
	type StockSyncPlan,
} from '../../lib/rules';
import type { OrderStore } from '../../lib/store';

export type Listing = ChannelListing & { itemId?: string };

export interface SyncPlan extends StockSyncPlan {
	listingsById: Map<string, Listing>;
}

export const listingKey = (l: { channel: string; shopId: string; channelSkuId: string }) => `${l.channel}\u0000${l.shopId}\u0000${l.channelSkuId}`;

/** Channels the run plans and pushes; saved workflows from before the field existed keep Taobao, JD and WeChat shop. */
export const DEFAULT_PUSH_CHANNELS = ['taobao', 'jd', 'wechat_shop'];

export function selectedChannels(ctx: IExecuteFunctions): string[] {
	const value = ctx.getNodeParameter('channels', 0, DEFAULT_PUSH_CHANNELS) as string[] | string;
	return Array.isArray(value) ? value : [value];
}

export function readPolicies(ctx: IExecuteFunctions): ChannelStockPolicy[] {
	return (((ctx.getNodeParameter('policies', 0, {}) as IDataObject).policy ?? []) as ChannelStockPolicy[]).map((p) => ({ ...p, shopId: p.shopId?.trim() ?? '' }));
}

async function storeListings(store: OrderStore, policies: ChannelStockPolicy[]): Promise<Listing[]> {
	const shopsOf = (channel: string) =>
		[...new Set(policies.filter((p) => (p.channel === channel || p.channel === ANY_CHANNEL) && p.shopId).map((p) => p.shopId as string))];
	const out: Listing[] = [];
	for (const mapping of await store.listChannelSkuMappings()) {
		const shops = mapping.shopId ? [mapping.shopId] : shopsOf(mapping.channel);
		for (const shopId of shops) {
			out.push({ channel: mapping.channel as ChannelId, shopId, channelSkuId: mapping.channelSkuId, masterSku: mapping.masterSku });
		}
	}
	return out;
}

async function inputListings(ctx: IExecuteFunctions, store: OrderStore): Promise<Listing[]> {
	const items = ctx.getInputData();
	const raw = items.map((item, i) => {
		const json = item.json;
		const [channel, shopId, channelSkuId] = [json.channel, json.shopId, json.channelSkuId].map((v) => (v === undefined || v === null ? '' : String(v)));
		if (!channel || !channelSkuId) {
			throw new NodeOperationError(ctx.getNode(), `Item ${i} needs channel and channelSkuId to be a listing`, { itemIndex: i });
		}
		return { channel, shopId, channelSkuId, itemId: json.channelItemId ? String(json.channelItemId) : undefined, masterSku: json.masterSku ? String(json.masterSku) : '' };
	});
	const missing = raw.filter((l) => !l.masterSku);
	const resolved = await store.resolveSkus(missing.map((l) => ({ channel: l.channel, shopId: l.shopId, channelSkuId: l.channelSkuId })));
	missing.forEach((l, i) => (l.masterSku = resolved[i]?.masterSku ?? ''));
	return raw.filter((l) => l.masterSku).map((l) => ({ ...l, channel: l.channel as ChannelId }));
}

export async function buildPlan(ctx: IExecuteFunctions, store: OrderStore): Promise<SyncPlan> {
	const policies = readPolicies(ctx);
	const source = ctx.getNodeParameter('listingSource', 0, 'store') as string;
	const channels = new Set(selectedChannels(ctx));
	const listings = (source === 'input' ? await inputListings(ctx, store) : await storeListings(store, policies)).filter((l) => channels.has(l.channel));
	const ledger = await store.listPushLedger();
	const config = {
		policies,
		maxCutPercent: Number(ctx.getNodeParameter('maxCutPercent', 0, 20)),
		dropPercent: Number(ctx.getNodeParameter('dropPercent', 0, 50)),
	};
	const confirmed = ctx.getNodeParameter('confirmLargeChanges', 0, false) as boolean;
	// Stock offered to a channel depends on its warehouses, so the plan keys stock by channel + master SKU.
	const stockKey = (channel: string, sku: string) => `${channel}\u0000${sku}`;
	const stock = new Map<string, { masterSku: string; available: number }>();
	for (const channel of new Set(listings.map((l) => l.channel))) {
		const skus = [...new Set(listings.filter((l) => l.channel === channel).map((l) => l.masterSku))];
		for (const entry of await store.availability({ masterSkus: skus, channel })) {
			stock.set(stockKey(channel, entry.masterSku), { masterSku: stockKey(channel, entry.masterSku), available: entry.available });
		}
	}
	const plan = planStockSync({
		listings: listings.map((l) => ({ ...l, masterSku: stockKey(l.channel, l.masterSku) })),
		stock: (key) => stock.get(key),
		ledger,
		config,
		confirmed,
	});
	const listingsById = new Map(listings.map((l) => [listingKey(l), l]));
	const pushes = plan.pushes.map((push) => ({ ...push, masterSku: listingsById.get(listingKey(push))?.masterSku ?? push.masterSku }));
	return { ...plan, pushes, listingsById };
}
