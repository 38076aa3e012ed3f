import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { DouyinClient } from '../../../lib/channels/douyin/client';
import { douyinClient } from '../transport';
import * as afterSale from './afterSale/AfterSale.resource';
import * as inventory from './inventory/Inventory.resource';
import * as order from './order/Order.resource';
import * as token from './token/Token.resource';

type Operation = { execute(this: IExecuteFunctions, items: INodeExecutionData[], client: DouyinClient): Promise<INodeExecutionData[][]> };

const RESOURCES: Record<string, Record<string, Operation>> = {
	order: { get: order.get, getMany: order.getMany, ship: order.ship, addMemo: order.addMemo },
	inventory: { updateStock: inventory.updateStock, getSkus: inventory.getSkus },
	afterSale: { get: afterSale.get, getMany: afterSale.getMany },
	accessToken: { refresh: token.refresh },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = RESOURCES[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const client = await douyinClient(this);
	return await handler.execute.call(this, this.getInputData(), client);
}
