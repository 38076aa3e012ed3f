import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore } from '../../../../lib/store';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { eachItem, requiredString } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'Customer ID to Keep', name: 'keepId', type: 'string', required: true, default: '' },
	{
		displayName: 'Customer ID to Merge Into It',
		name: 'mergeId',
		type: 'string',
		required: true,
		default: '',
		description: "This customer's orders and channel identities move to the kept customer",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['merge'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'customer', operation: 'merge' }, async (i) => {
		const keepId = requiredString(this, 'keepId', 'Customer ID to Keep', i);
		const mergeId = requiredString(this, 'mergeId', 'Customer ID to Merge Into It', i);
		return [(await store.mergeCustomers(keepId, mergeId, { actor: storeActor(this) })) as unknown as IDataObject];
	});
}
