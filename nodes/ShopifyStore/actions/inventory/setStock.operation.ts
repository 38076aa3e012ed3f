import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { ShopifyClient } from '../../../../lib/channels/shopify/client';
import { CHANNEL } from '../../../../lib/channels/shopify/codes';
import { runItems } from '../../../shared/runItems';

const properties: INodeProperties[] = [
	{
		displayName: 'Inventory Item ID',
		name: 'inventoryItemId',
		type: 'string',
		required: true,
		default: '',
		description: "The variant's inventory_item_id (see Get Variants), not the variant ID",
	},
	{ displayName: 'Location ID', name: 'locationId', type: 'string', required: true, default: '', description: 'The Shopify location (warehouse) whose stock is set' },
	{ displayName: 'Available', name: 'available', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'The new available quantity at that location' },
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['setStock'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: ShopifyClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const inventoryItemId = String(this.getNodeParameter('inventoryItemId', i)).trim();
		const locationId = String(this.getNodeParameter('locationId', i)).trim();
		const available = this.getNodeParameter('available', i) as number;
		const level = await client.setInventory({ inventoryItemId, locationId, available });
		return { main: [{ channel: CHANNEL, shopId: client.shopId, inventoryItemId, locationId, available, inventoryLevel: level }] };
	});
}
