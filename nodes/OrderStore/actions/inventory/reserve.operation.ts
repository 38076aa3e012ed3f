import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore, ReserveOptions } from '../../../../lib/store';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { eachItem, orderIdField, readOptions, requiredString, stringParameter } from '../common';

const properties: INodeProperties[] = [
	orderIdField,
	{
		displayName: 'Warehouse ID',
		name: 'warehouseId',
		type: 'string',
		default: '',
		description: "Reserve in this warehouse only. Empty: the first active warehouse (by priority) that has enough stock for each line.",
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

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['reserve'] } }, properties);

/** All lines or none: a shortage reserves nothing and lists what is missing (ok: false). */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'inventory', operation: 'reserve' }, async (i, note) => {
		const id = requiredString(this, 'orderId', 'Order ID', i);
		note.orderId = id;
		const order = await store.getOrder(id);
		if (!order) throw new Error(`order ${id} is not in the store`);
		const warehouseId = stringParameter(this, 'warehouseId', i);
		const lines = (await store.reservationLinesFor(id)).map((line) => (warehouseId ? { ...line, warehouseId } : line));
		const unresolved = order.lines.filter((line) => !line.masterSku).map((line) => line.lineId);
		if (!lines.length) {
			throw new Error(`order ${id} has no lines with a master SKU to reserve; map its SKUs first (SKU › Upsert Mappings)`);
		}
		const options = readOptions(this, i);
		const reserve: ReserveOptions = { actor: storeActor(this) };
		if (options.matchRegion !== false && order.receiver?.province) reserve.region = order.receiver.province;
		if (options.matchChannel !== false) reserve.channel = order.channel;
		const result = await store.reserveForOrder(id, lines, reserve);
		return [{ ...result, unresolvedLines: unresolved } as unknown as IDataObject];
	});
}
