import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { XhsClient } from '../../../lib/channels/xiaohongshu/client';
import { routeToClientOperation, type ClientOperation, type OperationTable } from '../../shared/router';
import { xhsClient } from '../transport';
import * as inventory from './inventory/Inventory.resource';
import * as order from './order/Order.resource';
import * as refund from './refund/Refund.resource';
import * as token from './token/Token.resource';

const RESOURCES: OperationTable<ClientOperation<XhsClient>> = {
	order: { get: order.get, getMany: order.getMany, ship: order.ship },
	inventory: { updateStock: inventory.updateStock, getSkus: inventory.getSkus },
	refund: { get: refund.get, getMany: refund.getMany },
	accessToken: { refresh: token.refresh },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToClientOperation(this, RESOURCES, xhsClient);
}
