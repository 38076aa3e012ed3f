import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore } from '../../../../lib/store';
import type { StoreAccess } from '../../../shared/store';
import { eachItem, orderIdField, requiredString, toDataObjects } from '../common';

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['history'] } }, [orderIdField] as INodeProperties[]);

/** One item per event, oldest first: who changed what, when, before and after. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'order', operation: 'history' }, async (i, note) => {
		const id = requiredString(this, 'orderId', 'Order ID', i);
		note.orderId = id;
		if (!(await store.getOrder(id))) throw new Error(`order ${id} is not in the store`);
		return toDataObjects(await store.orderHistory(id));
	});
}
