import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderReservation, OrderStore } from '../../../../lib/store';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { eachItem, errorJson, orderIdField, storeNodeError } from '../common';
import { reservationOf, reserveOptionsField, reserveWarehouseField } from './reservation';

/** Orders per transaction when the node is not told otherwise. */
export const DEFAULT_ORDERS_PER_TRANSACTION = 100;

const properties: INodeProperties[] = [
	{ ...orderIdField, description: 'The order of this item; every input item is one order' },
	reserveWarehouseField,
	{
		displayName: 'Orders per Transaction',
		name: 'ordersPerTransaction',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: DEFAULT_ORDERS_PER_TRANSACTION,
		description: 'How many orders are reserved together in one store transaction; earlier input items get the stock first',
	},
	reserveOptionsField,
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['reserveBatch'] } }, properties);

interface Prepared {
	itemIndex: number;
	request: OrderReservation;
	unresolved: string[];
}

/**
 * Every input item is one order: the orders are reserved together, a chunk of them per store transaction,
 * each all or nothing as with Reserve for Order. One output item per input item, in input order.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	const label = { resource: 'inventory', operation: 'reserveBatch' };
	const prepared: Prepared[] = [];
	// Reading each order's lines happens outside the reserving transactions; failures follow Continue On Fail.
	const [failures] = await eachItem(this, items, label, async (i, note) => {
		const { request, unresolved } = await reservationOf(this, store, i, note);
		prepared.push({ itemIndex: i, request, unresolved });
		return [];
	});
	const out: INodeExecutionData[] = [...failures];
	const size = Math.max(1, Math.floor(Number(this.getNodeParameter('ordersPerTransaction', 0, DEFAULT_ORDERS_PER_TRANSACTION)) || 1));
	for (let start = 0; start < prepared.length; start += size) {
		const chunk = prepared.slice(start, start + size);
		try {
			const results = await store.reserveForOrders(chunk.map((p) => p.request), { actor: storeActor(this) });
			results.forEach((result, n) =>
				out.push({ json: { ...result, unresolvedLines: chunk[n].unresolved } as unknown as IDataObject, pairedItem: { item: chunk[n].itemIndex } }),
			);
		} catch (error) {
			if (!this.continueOnFail()) throw storeNodeError(this, error, label, chunk[0].itemIndex);
			for (const p of chunk) out.push({ json: errorJson(error, label, p.request.orderId), pairedItem: { item: p.itemIndex } });
		}
	}
	out.sort((a, b) => itemOf(a) - itemOf(b));
	return [out];
}

function itemOf(item: INodeExecutionData): number {
	const paired = item.pairedItem;
	return typeof paired === 'object' && paired !== null && !Array.isArray(paired) ? paired.item : 0;
}
