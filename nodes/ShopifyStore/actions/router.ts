import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { ShopifyClient } from '../../../lib/channels/shopify/client';
import { routeToClientOperation, type ClientOperation, type OperationTable } from '../../shared/router';
import { shopifyClient } from '../transport';
import * as inventory from './inventory/Inventory.resource';
import * as order from './order/Order.resource';

const RESOURCES: OperationTable<ClientOperation<ShopifyClient>> = {
	order: { get: order.get, getMany: order.getMany, ship: order.ship, getRefunds: order.getRefunds },
	inventory: { setStock: inventory.setStock, getVariants: inventory.getVariants },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToClientOperation(this, RESOURCES, shopifyClient);
}
