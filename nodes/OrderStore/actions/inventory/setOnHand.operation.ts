import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OnHandEntry, OrderStore } from '../../../../lib/store';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { eachItem, readOptions, requiredString, toDataObjects } from '../common';
import { masterSkuField, warehouseField } from './fields';

const properties: INodeProperties[] = [
	warehouseField,
	masterSkuField,
	{
		displayName: 'On Hand Quantity',
		name: 'onHand',
		type: 'number',
		typeOptions: { minValue: 0 },
		required: true,
		default: 0,
		description: 'The counted quantity on the shelf; the ledger records the difference',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Safety Stock',
				name: 'safety',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Units kept out of what channels may sell. Not set: unchanged.',
			},
			{ displayName: 'Reason', name: 'reason', type: 'string', default: '', placeholder: 'e.g. stock count 2024-06' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['setOnHand'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'inventory', operation: 'setOnHand' }, async (i) => {
		const options = readOptions(this, i);
		const entry: OnHandEntry = {
			warehouseId: requiredString(this, 'warehouseId', 'Warehouse ID', i),
			masterSku: requiredString(this, 'masterSku', 'Master SKU', i),
			onHand: Number(this.getNodeParameter('onHand', i, 0)),
		};
		if (options.safety !== undefined && options.safety !== '') entry.safety = Number(options.safety);
		const reason = options.reason ? String(options.reason) : undefined;
		return toDataObjects(await store.setOnHand([entry], { actor: storeActor(this), reason })) as IDataObject[];
	});
}
