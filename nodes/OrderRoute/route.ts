// One order through allocation and carrier matching: plan against the store's stock, then reserve through
// the store (atomic, so concurrent executions cannot oversell: a lost race sends the order to Held), then
// write the allocation (an order event records it).
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import {
	allocateOrder,
	compileCarrierMatch,
	matchCarrier,
	RuleConfigError,
	type AllocationOptions,
	type AllocationPlan,
	type CarrierMatch,
	type CarrierMatchConfig,
	type CompiledCarrierMatch,
	type WarehouseSettings,
} from '../../lib/rules';
import { project, type AccessProfile, type OrderStore, type StoredOrder } from '../../lib/store';
import { storeActor } from '../shared/store';

export type RouteOutput = 'allocated' | 'split' | 'held';

/** Plans tried per order when concurrent executions keep taking the planned stock. */
export const MAX_RESERVE_ATTEMPTS = 8;

export interface RouteSettings {
	options: AllocationOptions;
	designations: Array<{ id: string; designatedSkus?: string; designatedShops?: string }>;
	carrier: CompiledCarrierMatch | undefined;
	skuWeights: Map<string, number>;
}

function parseSkuWeights(text: string): Map<string, number> {
	const weights = new Map<string, number>();
	for (const line of text.split(/[\r\n,，;；]+/).map((part) => part.trim()).filter(Boolean)) {
		const [sku, grams] = line.split(/[=:：]/).map((part) => part.trim());
		const value = Number(grams);
		if (!sku || !Number.isFinite(value) || value < 0) throw new RuleConfigError('carrierOptions.skuWeights', `"${line}" should look like SKU=250`);
		weights.set(sku, value);
	}
	return weights;
}

export function readRouteSettings(ctx: IExecuteFunctions): RouteSettings {
	const carrierOptions = ctx.getNodeParameter('carrierOptions', 0, {}) as IDataObject;
	const rules = ((ctx.getNodeParameter('carrierRules', 0, {}) as IDataObject).rule ?? []) as CarrierMatchConfig['rules'];
	const costTable = ((ctx.getNodeParameter('costTable', 0, {}) as IDataObject).entry ?? []) as CarrierMatchConfig['costTable'];
	try {
		const { skuWeights, ...rest } = carrierOptions;
		const wantsCarrier = (rules?.length ?? 0) > 0 || Boolean(rest.fallbackCarrier);
		return {
			options: {
				allowSplit: ctx.getNodeParameter('allowSplit', 0, true) as boolean,
				maxParcels: Number(ctx.getNodeParameter('maxParcels', 0, 3)),
				preferSameRegion: ctx.getNodeParameter('preferSameRegion', 0, true) as boolean,
			},
			designations: ((ctx.getNodeParameter('designations', 0, {}) as IDataObject).warehouse ?? []) as RouteSettings['designations'],
			carrier: wantsCarrier ? compileCarrierMatch({ rules, costTable, ...rest } as CarrierMatchConfig) : undefined,
			skuWeights: parseSkuWeights(String(skuWeights ?? '')),
		};
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), error as Error, { description: 'Check the carrier rules, cost table and carrier options.' });
	}
}

async function warehousesFor(store: OrderStore, order: StoredOrder, settings: RouteSettings): Promise<WarehouseSettings[]> {
	const designation = new Map(settings.designations.map((d) => [d.id.trim(), d]));
	return (await store.listWarehouses())
		.filter((w) => !w.channels?.length || w.channels.includes(order.channel))
		.map((w) => ({
			id: w.id,
			name: w.name,
			regions: w.regions ?? [],
			priority: w.priority ?? 100,
			enabled: w.active !== false,
			designatedSkus: designation.get(w.id)?.designatedSkus ?? '',
			designatedShops: designation.get(w.id)?.designatedShops ?? '',
		}));
}

async function stockFor(store: OrderStore, order: StoredOrder): Promise<(warehouseId: string, sku: string) => number> {
	const skus = [...new Set(order.lines.map((line) => line.masterSku).filter((sku): sku is string => Boolean(sku)))];
	const levels = new Map<string, number>();
	for (const entry of skus.length ? await store.availability({ masterSkus: skus, channel: order.channel }) : []) {
		for (const level of entry.warehouses) levels.set(`${level.warehouseId}\u0000${entry.masterSku}`, level.available);
	}
	return (warehouseId, sku) => levels.get(`${warehouseId}\u0000${sku}`) ?? 0;
}

export interface RouteResult {
	output: RouteOutput;
	json: IDataObject;
}

export async function routeOrder(
	ctx: IExecuteFunctions,
	store: OrderStore,
	profile: AccessProfile,
	orderId: string,
	settings: RouteSettings,
	itemIndex: number,
): Promise<RouteResult> {
	const order = await store.getOrder(orderId);
	if (!order) {
		throw new NodeOperationError(ctx.getNode(), `Order ${orderId} is not in the Order Store`, {
			itemIndex,
			description: 'Store the order with Order Store "Upsert" before routing it: stock is reserved against the stored order.',
		});
	}
	const view = (o: StoredOrder, extra: IDataObject) => ({ ...(project(o, profile) as unknown as IDataObject), ...extra });
	if (order.allocation && order.allocation.result !== 'none') {
		return { output: order.allocation.result === 'single' ? 'allocated' : 'split', json: view(order, { alreadyAllocated: true }) };
	}
	const actor = storeActor(ctx);
	const warehouses = await warehousesFor(store, order, settings);
	const carrier: CarrierMatch | undefined = settings.carrier
		? matchCarrier({ order, config: settings.carrier, skuWeight: (sku) => settings.skuWeights.get(sku) })
		: undefined;
	const withCarrier = (extra: IDataObject) => ({ ...extra, ...(carrier ? { carrier: carrier as unknown as IDataObject } : {}) });
	// A lost race means another order took the stock: plan again on fresh figures. Every loss is someone
	// else's reservation, so the attempts are bounded by the stock that can still move.
	for (let attempt = 1; ; attempt++) {
		const plan: AllocationPlan = allocateOrder({ order, warehouses, stock: await stockFor(store, order), options: settings.options, now: Date.now() });
		if (plan.action === 'hold') return { output: 'held', json: view(order, { route: withCarrier({ plan, reason: plan.reason }) }) };
		const warehouseOfLine = new Map(plan.parcels.flatMap((parcel) => parcel.lineIds.map((lineId) => [lineId, parcel.warehouseId] as const)));
		const requests = (await store.reservationLinesFor(order.id)).map((line) => ({ ...line, warehouseId: warehouseOfLine.get(line.lineId) }));
		const reservation = await store.reserveForOrder(order.id, requests, { actor, channel: order.channel });
		if (!reservation.ok) {
			if (attempt < MAX_RESERVE_ATTEMPTS) continue;
			const reason = '库存已被其他订单占用 / stock was taken by other orders meanwhile';
			return { output: 'held', json: view(order, { route: withCarrier({ plan, reason, shortages: reservation.shortages }) }) };
		}
		const allocation = { ...plan.allocation, ...(carrier?.carrier ? { carrier: carrier.carrier } : {}) };
		const updated = await store.updateOrder(order.id, { allocation }, { actor });
		return {
			output: plan.result === 'single' ? 'allocated' : 'split',
			json: view(updated.order, { route: withCarrier({ plan, reason: plan.reason, reservation }) }),
		};
	}
}
