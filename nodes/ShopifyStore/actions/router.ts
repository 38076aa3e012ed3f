import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ShopifyClient } from '../../../lib/channels/shopify/client';
import { shopifyClient } from '../transport';
import * as inventory from './inventory/Inventory.resource';
import * as order from './order/Order.resource';

type Operation = { execute(this: IExecuteFunctions, items: INodeExecutionData[], client: ShopifyClient): Promise<INodeExecutionData[][]> };

const RESOURCES: Record<string, Record<string, Operation>> = {
	order: { get: order.get, getMany: order.getMany, ship: order.ship, getRefunds: order.getRefunds },
	inventory: { setStock: inventory.setStock, getVariants: inventory.getVariants },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = RESOURCES[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const client = await shopifyClient(this);
	return await handler.execute.call(this, this.getInputData(), client);
}
