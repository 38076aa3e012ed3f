import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { AvailabilityQuery, OrderStore } from '../../../../lib/store';
import type { StoreAccess } from '../../../shared/store';
import { channelOptions, eachItem, listOf, stringParameter, toDataObjects } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Master SKUs',
		name: 'masterSkus',
		type: 'string',
		default: '',
		description: 'Comma separated. Empty: every SKU with stock.',
	},
	{
		displayName: 'Warehouse ID',
		name: 'warehouseId',
		type: 'string',
		default: '',
		description: 'Only this warehouse. Empty: all warehouses.',
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: [{ name: 'Any Channel', value: '' }, ...channelOptions],
		default: '',
		description: 'Only warehouses whose stock is offered on this channel (what that channel may sell, after safety stock)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['availability'] } }, properties);

/** One item per SKU: on hand, reserved, safety, available, and the figures per warehouse. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'inventory', operation: 'availability' }, async (i) => {
		const query: AvailabilityQuery = {};
		const skus = listOf(this.getNodeParameter('masterSkus', i, ''));
		if (skus.length) query.masterSkus = skus;
		const warehouseId = stringParameter(this, 'warehouseId', i);
		if (warehouseId) query.warehouseId = warehouseId;
		const channel = stringParameter(this, 'channel', i);
		if (channel) query.channel = channel;
		return toDataObjects(await store.availability(query));
	});
}
