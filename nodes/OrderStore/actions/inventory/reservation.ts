// What Reserve for Order and Reserve Batch share: their warehouse and options fields, and how one input
// item becomes an order's reservation request.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { OrderReservation, OrderStore } from '../../../../lib/store';
import { readOptions, requiredString, stringParameter, type ItemNote } from '../common';

export const reserveWarehouseField: INodeProperties = {
	displayName: 'Warehouse ID',
	name: 'warehouseId',
	type: 'string',
	default: '',
	description: 'Reserve in this warehouse only. Empty: the first active warehouse (by priority) that has enough stock for each line.',
};

export const reserveOptionsField: INodeProperties = {
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
};

/**
 * The reservation an item asks for: the order's lines with a master SKU (in the chosen warehouse, if any),
 * its receiver province and channel as the options say, and the ids of the lines without a master SKU.
 */
export async function reservationOf(
	ctx: IExecuteFunctions,
	store: OrderStore,
	itemIndex: number,
	note: ItemNote,
): Promise<{ request: OrderReservation; unresolved: string[] }> {
	const id = requiredString(ctx, 'orderId', 'Order ID', itemIndex);
	note.orderId = id;
	const order = await store.getOrder(id);
	if (!order) throw new Error(`order ${id} is not in the store`);
	const warehouseId = stringParameter(ctx, 'warehouseId', itemIndex);
	const lines = (await store.reservationLinesFor(id)).map((line) => (warehouseId ? { ...line, warehouseId } : line));
	const unresolved = order.lines.filter((line) => !line.masterSku).map((line) => line.lineId);
	if (!lines.length) {
		throw new Error(`order ${id} has no lines with a master SKU to reserve; map its SKUs first (SKU › Upsert Mappings)`);
	}
	const options = readOptions(ctx, itemIndex);
	const request: OrderReservation = { orderId: id, lines };
	if (options.matchRegion !== false && order.receiver?.province) request.region = order.receiver.province;
	if (options.matchChannel !== false) request.channel = order.channel;
	return { request, unresolved };
}
