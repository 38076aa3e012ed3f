import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { WechatShopClient } from '../../../lib/channels/wechatShop/client';
import { routeToClientOperation, type ClientOperation, type OperationTable } from '../../shared/router';
import { wechatShopClient } from '../transport';
import * as inventory from './inventory/Inventory.resource';
import * as order from './order/Order.resource';
import * as refund from './refund/Refund.resource';

const RESOURCES: OperationTable<ClientOperation<WechatShopClient>> = {
	order: { get: order.get, getMany: order.getMany, ship: order.ship, addMemo: order.addMemo },
	inventory: { updateStock: inventory.updateStock, getSkus: inventory.getSkus },
	refund: { get: refund.get, getMany: refund.getMany },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToClientOperation(this, RESOURCES, wechatShopClient);
}
