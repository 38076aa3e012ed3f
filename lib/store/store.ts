// openStore(): picks the engine, applies migrations, and binds the repository modules into one OrderStore.
import { customerOrderStats, ordersCreatedBetween } from './auditLookups';
import { addBlacklistEntries, blacklistLookup, listBlacklist, removeBlacklistEntries } from './blacklist';
import type { StoreContext } from './context';
import { getCustomer, mergeCustomers } from './customers';
import { commitCursor, getCursor } from './cursors';
import { addDeadLetters, discardDeadLetters, listDeadLetters, replayDeadLetters } from './deadLetters';
import { adjustStock, availability, ledger, listWarehouses, setOnHand, upsertWarehouses } from './inventory';
import { backup, stats } from './maintenance';
import { migrate } from './migrate';
import { updateOrders } from './orderPatch';
import { getOrder, orderHistory, searchOrders } from './orderQueries';
import { upsertOrders } from './orders';
import { PostgresDriver } from './postgres';
import { ackPushes, claimPushVersions, listChannelSkuMappings, listPushLedger } from './pushLedger';
import { release, reservationLinesFor, reserveForOrder, reserveForOrders } from './reservations';
import { report } from './report';
import { listUnmappedSkus, resolveMany, upsertMappings, upsertMasterSkus } from './skus';
import type { Driver } from './sql';
import { SqliteDriver } from './sqlite';
import { findByTrackingNo } from './tracking';
import type { OrderStore, StoreConfig } from './types';

/** Used when a store is configured without its own salt. */
export const DEFAULT_PHONE_HASH_SALT = 'n8n-nodes-unified-orders';

export async function openStore(config: StoreConfig): Promise<OrderStore> {
	const driver: Driver = config.kind === 'sqlite' ? new SqliteDriver(config) : new PostgresDriver(config);
	try {
		if (config.migrate !== false) await migrate(driver);
	} catch (err) {
		await driver.close();
		throw err;
	}
	return bindStore({
		driver,
		now: config.now ?? Date.now,
		options: {
			matchCustomersByPhone: config.matchCustomersByPhone ?? false,
			phoneHashSalt: config.phoneHashSalt ?? DEFAULT_PHONE_HASH_SALT,
			merchantCodeIsMasterSku: config.merchantCodeIsMasterSku ?? true,
		},
	});
}

function bindStore(ctx: StoreContext): OrderStore {
	return {
		backend: ctx.driver.dialect.name,
		upsertOrders: (orders, options) => upsertOrders(ctx, orders, options),
		getOrder: (ref, options) => getOrder(ctx, ref, options?.withCost),
		searchOrders: (search) => searchOrders(ctx, search),
		updateOrder: async (id, patch, options) => (await updateOrders(ctx, [{ id, patch }], options))[0],
		updateOrders: (items, options) => updateOrders(ctx, items, options),
		orderHistory: (id) => orderHistory(ctx, id),
		findByTrackingNo: (lookup) => findByTrackingNo(ctx, lookup),

		upsertWarehouses: (warehouses, options) => upsertWarehouses(ctx, warehouses, options),
		listWarehouses: () => listWarehouses(ctx.driver),
		setOnHand: (entries, options) => setOnHand(ctx, entries, options),
		adjustStock: (entries, options) => adjustStock(ctx, entries, options),
		reserveForOrder: (orderId, lines, options) => reserveForOrder(ctx, orderId, lines, options),
		reserveForOrders: (orders, options) => reserveForOrders(ctx, orders, options),
		reservationLinesFor: (orderId) => reservationLinesFor(ctx, orderId),
		release: (orderId, options) => release(ctx, orderId, options),
		availability: (query) => availability(ctx, query),
		ledger: (query) => ledger(ctx, query),

		upsertMasterSkus: (skus, options) => upsertMasterSkus(ctx, skus, options),
		upsertMappings: (mappings, options) => upsertMappings(ctx, mappings, options),
		resolveSku: async (query) => (await ctx.driver.read((tx) => resolveMany(ctx, tx, [query])))[0],
		resolveSkus: (queries) => ctx.driver.read((tx) => resolveMany(ctx, tx, queries)),
		listUnmappedSkus: (filter) => listUnmappedSkus(ctx, filter),

		getCustomer: (ref, options) => getCustomer(ctx, ref, options?.orderLimit),
		mergeCustomers: (keepId, mergeId, options) => mergeCustomers(ctx, keepId, mergeId, options),

		getCursor: (channel, shopId, stream) => getCursor(ctx, channel, shopId, stream),
		commitCursor: (input, options) => commitCursor(ctx, input, options),

		addDeadLetters: (entries, options) => addDeadLetters(ctx, entries, options),
		listDeadLetters: (query) => listDeadLetters(ctx, query),
		replayDeadLetters: (ids, options) => replayDeadLetters(ctx, ids, options),
		discardDeadLetters: (ids, options) => discardDeadLetters(ctx, ids, options),

		addBlacklistEntries: (entries, options) => addBlacklistEntries(ctx, entries, options),
		removeBlacklistEntries: (entries) => removeBlacklistEntries(ctx, entries),
		listBlacklist: (filter) => listBlacklist(ctx, filter),
		blacklistLookup: () => blacklistLookup(ctx),
		ordersCreatedBetween: (window) => ordersCreatedBetween(ctx, window),
		customerOrderStats: (ids) => customerOrderStats(ctx, ids),

		listPushLedger: (filter) => listPushLedger(ctx, filter),
		claimPushVersions: (claims, options) => claimPushVersions(ctx, claims, options),
		ackPushes: (acks, options) => ackPushes(ctx, acks, options),
		listChannelSkuMappings: (filter) => listChannelSkuMappings(ctx, filter),

		backup: (options) => backup(ctx, options),
		stats: () => stats(ctx),
		report: (query) => report(ctx, query),
		close: () => ctx.driver.close(),
	};
}
