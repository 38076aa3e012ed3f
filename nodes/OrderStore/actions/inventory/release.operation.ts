import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore, ReleaseOptions } from '../../../../lib/store';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { eachItem, listOf, orderIdField, requiredString } from '../common';

const properties: INodeProperties[] = [
	orderIdField,
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'options',
		options: [
			{ name: 'Cancelled', value: 'cancel', description: 'The units become available again' },
			{ name: 'Refunded', value: 'refund', description: 'The units become available again' },
			{ name: 'Shipped', value: 'ship', description: 'The units left the warehouse: taken off on hand too' },
		],
		default: 'cancel',
	},
	{
		displayName: 'Line IDs',
		name: 'lineIds',
		type: 'string',
		default: '',
		description: "Only these order lines (comma separated), e.g. the refunded ones. Empty: every reserved line of the order.",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['release'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'inventory', operation: 'release' }, async (i, note) => {
		const id = requiredString(this, 'orderId', 'Order ID', i);
		note.orderId = id;
		const options: ReleaseOptions = { actor: storeActor(this), reason: this.getNodeParameter('reason', i, 'cancel') as ReleaseOptions['reason'] };
		const lineIds = listOf(this.getNodeParameter('lineIds', i, ''));
		if (lineIds.length) options.lineIds = lineIds;
		return [(await store.release(id, options)) as unknown as IDataObject];
	});
}
