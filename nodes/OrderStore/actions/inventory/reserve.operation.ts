import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore, ReserveOptions } from '../../../../lib/store';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { eachItem, orderIdField } from '../common';
import { reservationOf, reserveOptionsField, reserveWarehouseField } from './reservation';

const properties: INodeProperties[] = [orderIdField, reserveWarehouseField, reserveOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['reserve'] } }, properties);

/** All lines or none: a shortage reserves nothing and lists what is missing (ok: false). */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'inventory', operation: 'reserve' }, async (i, note) => {
		const { request, unresolved } = await reservationOf(this, store, i, note);
		const { orderId, lines, ...filters } = request;
		const reserve: ReserveOptions = { actor: storeActor(this), ...filters };
		const result = await store.reserveForOrder(orderId, lines, reserve);
		return [{ ...result, unresolvedLines: unresolved } as unknown as IDataObject];
	});
}
