import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore } from '../../../../lib/store';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { eachItem, requiredString, toDataObjects } from '../common';
import { masterSkuField, warehouseField } from './fields';

const properties: INodeProperties[] = [
	warehouseField,
	masterSkuField,
	{
		displayName: 'Change',
		name: 'delta',
		type: 'number',
		required: true,
		default: 0,
		description: 'Units to add (positive, e.g. goods received) or remove (negative, e.g. damaged)',
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. goods received PO-1024',
		description: 'Why the stock changed; kept in the ledger',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['adjust'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'inventory', operation: 'adjust' }, async (i) => {
		const entry = {
			warehouseId: requiredString(this, 'warehouseId', 'Warehouse ID', i),
			masterSku: requiredString(this, 'masterSku', 'Master SKU', i),
			delta: Number(this.getNodeParameter('delta', i, 0)),
			reason: requiredString(this, 'reason', 'Reason', i),
		};
		return toDataObjects(await store.adjustStock([entry], { actor: storeActor(this) }));
	});
}
