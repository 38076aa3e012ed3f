import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderReservation, OrderStore } from '../../../../lib/store';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { eachItem, errorJson, orderIdField, readOptions, requiredString, storeNodeError, stringParameter } from '../common';

/** Orders per transaction when the node is not told otherwise. */
export const DEFAULT_ORDERS_PER_TRANSACTION = 100;

const properties: INodeProperties[] = [
	{ ...orderIdField, description: 'The order of this item; every input item is one order' },
	{
		displayName: 'Warehouse ID',
		name: 'warehouseId',
		type: 'string',
		default: '',
		description: 'Reserve in this warehouse only. Empty: the first active warehouse (by priority) that has enough stock for each line.',
	},
	{
		displayName: 'Orders per Transaction',
		name: 'ordersPerTransaction',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: DEFAULT_ORDERS_PER_TRANSACTION,
		description: 'How many orders are reserved together in one store transaction; earlier input items get the stock first',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: "Only Warehouses Serving the Receiver's Province",
				name: 'matchRegion',
				type: 'boolean',
				default: true,
				description: "Whether to skip warehouses whose regions do not include the order's receiver province",
			},
			{
				displayName: "Only Warehouses Selling on the Order's Channel",
				name: 'matchChannel',
				type: 'boolean',
				default: true,
				description: "Whether to skip warehouses whose stock is not offered on the order's channel",
			},
		],
	},
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
		const id = requiredString(this, 'orderId', 'Order ID', i);
		note.orderId = id;
		const order = await store.getOrder(id);
		if (!order) throw new Error(`order ${id} is not in the store`);
		const warehouseId = stringParameter(this, 'warehouseId', i);
		const lines = (await store.reservationLinesFor(id)).map((line) => (warehouseId ? { ...line, warehouseId } : line));
		if (!lines.length) {
			throw new Error(`order ${id} has no lines with a master SKU to reserve; map its SKUs first (SKU › Upsert Mappings)`);
		}
		const options = readOptions(this, i);
		const request: OrderReservation = { orderId: id, lines };
		if (options.matchRegion !== false && order.receiver?.province) request.region = order.receiver.province;
		if (options.matchChannel !== false) request.channel = order.channel;
		prepared.push({ itemIndex: i, request, unresolved: order.lines.filter((line) => !line.masterSku).map((line) => line.lineId) });
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
