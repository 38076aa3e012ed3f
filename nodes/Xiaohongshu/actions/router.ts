import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { XhsClient } from '../../../lib/channels/xiaohongshu/client';
import { xhsClient } from '../transport';
import * as inventory from './inventory/Inventory.resource';
import * as order from './order/Order.resource';
import * as refund from './refund/Refund.resource';
import * as token from './token/Token.resource';

type Operation = { execute(this: IExecuteFunctions, items: INodeExecutionData[], client: XhsClient): Promise<INodeExecutionData[][]> };

const RESOURCES: Record<string, Record<string, Operation>> = {
	order: { get: order.get, getMany: order.getMany, ship: order.ship },
	inventory: { updateStock: inventory.updateStock, getSkus: inventory.getSkus },
	refund: { get: refund.get, getMany: refund.getMany },
	accessToken: { refresh: token.refresh },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = RESOURCES[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const client = await xhsClient(this);
	return await handler.execute.call(this, this.getInputData(), client);
}
