import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore, Warehouse } from '../../../../lib/store';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { channelOptions, eachItem, listOf, requiredString } from '../common';
import { warehouseField } from './fields';

const properties: INodeProperties[] = [
	warehouseField,
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. 杭州仓' },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{ displayName: 'Active', name: 'active', type: 'boolean', default: true, description: 'Whether stock may be reserved in this warehouse' },
			{
				displayName: 'Channels',
				name: 'channels',
				type: 'multiOptions',
				options: channelOptions,
				default: [],
				description: 'Channels this stock is offered on. None: all channels.',
			},
			{ displayName: 'Priority', name: 'priority', type: 'number', default: 100, description: 'Lower is tried first when an order names no warehouse' },
			{
				displayName: 'Provinces Served',
				name: 'regions',
				type: 'string',
				default: '',
				placeholder: 'e.g. 浙江省, 江苏省, 上海市',
				description: 'Receiver provinces this warehouse ships to, comma separated. Empty: everywhere.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['upsertWarehouse'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'inventory', operation: 'upsertWarehouse' }, async (i) => {
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const warehouse: Warehouse = {
			id: requiredString(this, 'warehouseId', 'Warehouse ID', i),
			name: requiredString(this, 'name', 'Name', i),
			priority: Number(options.priority ?? 100),
			regions: listOf(options.regions),
			channels: listOf(options.channels),
			active: options.active !== false,
		};
		await store.upsertWarehouses([warehouse], { actor: storeActor(this) });
		return [warehouse as unknown as IDataObject];
	});
}
