import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { PinduoduoClient } from '../../../lib/channels/pinduoduo/client';
import { pinduoduoClient } from '../transport';
import * as inventory from './inventory/Inventory.resource';
import * as order from './order/Order.resource';
import * as refund from './refund/Refund.resource';

type Operation = { execute(this: IExecuteFunctions, items: INodeExecutionData[], client: PinduoduoClient): Promise<INodeExecutionData[][]> };

const RESOURCES: Record<string, Record<string, Operation>> = {
	order: { get: order.get, getMany: order.getMany, ship: order.ship, addMemo: order.addMemo },
	inventory: { updateStock: inventory.updateStock, getSkus: inventory.getSkus },
	refund: { get: refund.get, getMany: refund.getMany },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = RESOURCES[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const client = await pinduoduoClient(this);
	return await handler.execute.call(this, this.getInputData(), client);
}
