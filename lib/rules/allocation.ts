// Warehouse allocation (策略分仓), shaped filter -> sort -> availability -> action:
// 1. Filter: enabled warehouses covering the receiver's province/city (no regions = nationwide); if some
//    warehouse is designated for the order's shop, only those; a SKU designated to some warehouses ships
//    only from them.
// 2. One parcel if possible: among warehouses that can ship every line, rank by same region (city match,
//    then province match, then nationwide), then priority (lower first), then most stock of the order's
//    SKUs, then id -> 'single', allocate and reserve.
// 3. Otherwise, if splitting is allowed, greedy fewest parcels: repeatedly take the warehouse that can
//    ship the most remaining lines (same tie-breaks), until every line is placed -> 'split'. Greedy set
//    cover is not always optimal, but it is predictable and an operator can follow it.
// 4. Anything left over (unmapped lines, no stock, too many parcels) -> 'none', hold, with the shortages.
// A line is never divided between warehouses: the stored allocation lists whole lines per warehouse.
import { isoFromMillis, type AllocationResult, type OrderLine, type UnifiedOrder } from '../model';
import { asSettings, readBoolean, readList, readNumber, readString, RuleConfigError, type ListField } from './configFields';
import { shippableLines } from './orderKeys';
import { matchRegion, parseRegionEntry, type RegionEntry } from './regions';

/** One warehouse as the store lists it and as the node's warehouse form edits it. */
export interface WarehouseSettings {
	id: string;
	name?: string;
	/** Provinces or "province/city" it ships to; empty = nationwide. */
	regions?: ListField;
	/** Lower goes first; the store's default is 100. */
	priority?: number;
	/** Master SKUs that may only ship from the warehouses designating them. */
	designatedSkus?: ListField;
	/** Shops ("shop-1" or "taobao:shop-1") whose orders may only ship from the warehouses designating them. */
	designatedShops?: ListField;
	enabled?: boolean;
}

export interface AllocationOptions {
	/** Default true: split across warehouses when no single one can ship everything. */
	allowSplit?: boolean;
	/** Most parcels a split may use; 0 = no limit. */
	maxParcels?: number;
	/** Default true: rank warehouses covering the receiver's city/province before nationwide ones. */
	preferSameRegion?: boolean;
}

/** Available quantity of a master SKU in a warehouse (on hand - reserved - safety); unknown = 0. */
export type WarehouseStockLookup = (warehouseId: string, masterSku: string) => number | undefined;

export type AllocationAction = 'allocate_and_reserve' | 'split' | 'hold';
export type Locality = 'city' | 'province' | 'nationwide';

export interface Parcel {
	warehouseId: string;
	warehouseName: string;
	locality: Locality;
	lineIds: string[];
	items: Array<{ masterSku: string; quantity: number }>;
}

export interface Shortage {
	masterSku: string;
	needed: number;
	/** The most any single eligible warehouse has. */
	bestAvailable: number;
}

export interface AllocationPlan {
	result: AllocationResult['result'];
	action: AllocationAction;
	parcels: Parcel[];
	/** 中文 / English, for the operator. */
	reason: string;
	shortages: Shortage[];
	unmappedLineIds: string[];
	/** What the store keeps on the order. */
	allocation: AllocationResult;
}

interface Warehouse {
	id: string;
	name: string;
	regions: RegionEntry[];
	priority: number;
	designatedSkus: string[];
	designatedShops: string[];
}

export function readWarehouses(list: readonly WarehouseSettings[]): Warehouse[] {
	const seen = new Set<string>();
	const out: Warehouse[] = [];
	list.forEach((item, index) => {
		const path = `warehouses[${index}]`;
		const raw = asSettings(item, path);
		const id = readString(raw, 'id', path);
		if (!id) throw new RuleConfigError(`${path}.id`, 'a warehouse id is required');
		if (seen.has(id)) throw new RuleConfigError(`${path}.id`, `warehouse id "${id}" appears twice`);
		seen.add(id);
		if (!readBoolean(raw, 'enabled', path, true)) return;
		out.push({
			id,
			name: readString(raw, 'name', path) || id,
			regions: readList(raw, 'regions', path).map(parseRegionEntry),
			priority: readNumber(raw, 'priority', path, 100),
			designatedSkus: readList(raw, 'designatedSkus', path),
			designatedShops: readList(raw, 'designatedShops', path),
		});
	});
	return out;
}

const LOCALITY_RANK: Record<Locality, number> = { city: 2, province: 1, nationwide: 0 };

export interface AllocationInput {
	order: UnifiedOrder;
	warehouses: readonly WarehouseSettings[];
	stock: WarehouseStockLookup;
	options?: AllocationOptions;
	/** Recorded as allocatedAt: ISO string or epoch milliseconds. */
	now: string | number;
}

export function allocateOrder(input: AllocationInput): AllocationPlan {
	const { order, stock: stockLookup, options = {}, now } = input;
	const allowSplit = options.allowSplit ?? true;
	const maxParcels = options.maxParcels ?? 0;
	const preferSameRegion = options.preferSameRegion ?? true;
	const allocatedAt = typeof now === 'number' ? isoFromMillis(now) : now;
	const warehouses = readWarehouses(input.warehouses);
	const lines = shippableLines(order);
	const none = (reason: string, extra: Partial<AllocationPlan> = {}): AllocationPlan => ({
		result: 'none',
		action: 'hold',
		parcels: [],
		reason,
		shortages: [],
		unmappedLineIds: [],
		allocation: { result: 'none', warehouses: [], allocatedAt },
		...extra,
	});

	if (lines.length === 0) return none('没有需要发货的商品行 / no line left to ship');
	const unmapped = lines.filter((line) => !line.masterSku);
	if (unmapped.length > 0) {
		return none(`有商品行未匹配商品编码 / ${unmapped.length} line(s) have no master SKU`, {
			unmappedLineIds: unmapped.map((line) => line.lineId),
		});
	}

	const shopKeys = [order.shopId, `${order.channel}:${order.shopId}`];
	const forShop = warehouses.filter((w) => w.designatedShops.some((shop) => shopKeys.includes(shop)));
	const locality = new Map<string, Locality>();
	const eligible = (forShop.length > 0 ? forShop : warehouses).filter((w) => {
		const match = w.regions.length === 0 ? 'nationwide' : matchRegion(w.regions, order.receiver);
		if (match) locality.set(w.id, preferSameRegion ? match : 'nationwide');
		return match !== undefined;
	});
	if (eligible.length === 0) return none('没有覆盖该收货地区的仓库 / no warehouse serves this destination');

	const skuAllowed = (w: Warehouse, sku: string) =>
		w.designatedSkus.includes(sku) || !warehouses.some((other) => other.designatedSkus.includes(sku));
	const stockCache = new Map<string, number>();
	const stockOf = (w: Warehouse, sku: string) => {
		const key = `${w.id}\u0000${sku}`;
		let value = stockCache.get(key);
		if (value === undefined) {
			value = skuAllowed(w, sku) ? Math.max(0, stockLookup(w.id, sku) ?? 0) : 0;
			stockCache.set(key, value);
		}
		return value;
	};
	const skus = [...new Set(lines.map((line) => line.masterSku as string))];
	const totalStock = (w: Warehouse) => skus.reduce((sum, sku) => sum + stockOf(w, sku), 0);
	const rank = (a: Warehouse, b: Warehouse) =>
		LOCALITY_RANK[locality.get(b.id) as Locality] - LOCALITY_RANK[locality.get(a.id) as Locality] ||
		a.priority - b.priority ||
		totalStock(b) - totalStock(a) ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

	const parcelOf = (w: Warehouse, parcelLines: OrderLine[]): Parcel => {
		const items = new Map<string, number>();
		for (const line of parcelLines) items.set(line.masterSku as string, (items.get(line.masterSku as string) ?? 0) + line.quantity);
		return {
			warehouseId: w.id,
			warehouseName: w.name,
			locality: locality.get(w.id) as Locality,
			lineIds: parcelLines.map((line) => line.lineId),
			items: [...items].map(([masterSku, quantity]) => ({ masterSku, quantity })),
		};
	};
	const planOf = (result: 'single' | 'split', parcels: Parcel[], reason: string): AllocationPlan => ({
		result,
		action: result === 'single' ? 'allocate_and_reserve' : 'split',
		parcels,
		reason,
		shortages: [],
		unmappedLineIds: [],
		allocation: {
			result,
			warehouses: parcels.map((parcel) => ({ warehouseId: parcel.warehouseId, lineIds: parcel.lineIds })),
			allocatedAt,
		},
	});

	// Lines one warehouse can take, in order, while its stock of each SKU lasts.
	const coverable = (w: Warehouse, pending: OrderLine[], used: Map<string, number>) => {
		const taken: OrderLine[] = [];
		const local = new Map<string, number>();
		for (const line of pending) {
			const sku = line.masterSku as string;
			const already = (used.get(`${w.id}\u0000${sku}`) ?? 0) + (local.get(sku) ?? 0);
			if (stockOf(w, sku) - already >= line.quantity) {
				taken.push(line);
				local.set(sku, (local.get(sku) ?? 0) + line.quantity);
			}
		}
		return taken;
	};

	const singles = eligible.filter((w) => coverable(w, lines, new Map()).length === lines.length).sort(rank);
	if (singles.length > 0) {
		const best = singles[0];
		return planOf('single', [parcelOf(best, lines)], `整单由「${best.name}」发货 / whole order ships from ${best.name}`);
	}

	const shortagesOf = (pending: OrderLine[]): Shortage[] => {
		const needed = new Map<string, number>();
		for (const line of pending) needed.set(line.masterSku as string, (needed.get(line.masterSku as string) ?? 0) + line.quantity);
		return [...needed].map(([masterSku, count]) => ({
			masterSku,
			needed: count,
			bestAvailable: Math.max(0, ...eligible.map((w) => stockOf(w, masterSku))),
		}));
	};
	if (!allowSplit) {
		return none('没有能整单发货的仓库（未开启拆单） / no single warehouse can ship the whole order and splitting is off', {
			shortages: shortagesOf(lines),
		});
	}

	let pending = lines;
	const used = new Map<string, number>();
	const parcels: Parcel[] = [];
	while (pending.length > 0) {
		let best: { w: Warehouse; taken: OrderLine[] } | undefined;
		for (const w of eligible) {
			const taken = coverable(w, pending, used);
			if (taken.length === 0) continue;
			if (!best || taken.length > best.taken.length || (taken.length === best.taken.length && rank(w, best.w) < 0)) {
				best = { w, taken };
			}
		}
		if (!best) break;
		for (const line of best.taken) {
			const key = `${best.w.id}\u0000${line.masterSku}`;
			used.set(key, (used.get(key) ?? 0) + line.quantity);
		}
		parcels.push(parcelOf(best.w, best.taken));
		pending = pending.filter((line) => !best.taken.includes(line));
	}
	if (pending.length > 0) {
		return none('库存不足，无法分配 / not enough stock in any warehouse', { shortages: shortagesOf(pending) });
	}
	if (maxParcels > 0 && parcels.length > maxParcels) {
		return none(`需拆成 ${parcels.length} 个包裹，超过上限 ${maxParcels} / needs ${parcels.length} parcels, more than ${maxParcels}`);
	}
	const names = parcels.map((parcel) => parcel.warehouseName).join('、');
	return planOf('split', parcels, `拆成 ${parcels.length} 个包裹：${names} / split into ${parcels.length} parcels: ${names}`);
}
