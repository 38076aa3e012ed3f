import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { LedgerQuery, OrderStore } from '../../../../lib/store';
import type { StoreAccess } from '../../../shared/store';
import { eachItem, toDataObjects } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{ displayName: 'After Entry ID', name: 'afterId', type: 'number', default: 0, description: 'Only entries after this one (to read on from the last entry you saw)' },
			{ displayName: 'Master SKU', name: 'masterSku', type: 'string', default: '' },
			{ displayName: 'Order ID', name: 'orderId', type: 'string', default: '' },
			{ displayName: 'Warehouse ID', name: 'warehouseId', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['ledger'] } }, properties);

/** One item per stock movement: kind, changes, quantities after, reason, order and who did it. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'inventory', operation: 'ledger' }, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const query: LedgerQuery = { limit: Number(this.getNodeParameter('limit', i, 50)) };
		for (const key of ['masterSku', 'orderId', 'warehouseId'] as const) if (filters[key]) query[key] = String(filters[key]);
		if (Number(filters.afterId) > 0) query.afterId = Number(filters.afterId);
		return toDataObjects(await store.ledger(query));
	});
}
